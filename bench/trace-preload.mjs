/**
 * Loaded into the gateway by `npm run bench:trace` (node --import): timestamps from Node's and undici's diagnostics
 * channels, the same ones an APM agent uses, so the gateway's code is measured unchanged. On SIGTERM it writes them
 * to BENCH_TRACE_FILE as [milliseconds, event, method, path] rows and exits.
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

const events = [];
const at = () => performance.now();
subscribe('http.server.request.start', () => events.push([at(), 'in']));
subscribe('http.server.response.finish', () => events.push([at(), 'out']));
subscribe('undici:request:create', ({ request }) => events.push([at(), 'call', request.method, request.path]));
// Written on the connection: on a reused keep-alive one undici 7.30+ writes in the check phase, later than created.
subscribe('undici:client:sendHeaders', ({ request }) => events.push([at(), 'written', request.method, request.path]));
subscribe('undici:request:trailers', ({ request }) => events.push([at(), 'answer', request.method, request.path]));
subscribe('undici:request:error', ({ request }) => events.push([at(), 'answer', request.method, request.path]));
process.once('SIGTERM', () => {
  writeFileSync(process.env.BENCH_TRACE_FILE, JSON.stringify(events));
  process.exit(0);
});
