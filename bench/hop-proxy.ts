/**
 * The benchmark's hop reference: the least any gateway can do for an operation — node:http in, the direct-REST
 * client's own plan for it (bench/operations.ts `floor`, the same calls in the same round trips) with the caller's
 * token, and a two-number JSON answer out. No GraphQL, no shaping of data. What it adds over the direct REST client
 * is what one more process on the path costs on the machine (more socket writes, and a wake-up for every idle
 * process the answer passes through), which no gateway avoids: the line under which a gateway's figure cannot go.
 *
 * `PUT /fixtures` (the benchmark's ids, once), then `POST /<operation>?run=<n>`. Started by bench/run.ts; prints
 * `hop proxy at <url>`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Fixtures } from './operations.js';
import { OPERATIONS } from './operations.js';
import { RestClient, restPool } from './rest.js';

const base = new URL(process.env.WORKATO_BASE_URL ?? '');
const pool = restPool(base.origin);
const apiPath = base.pathname.replace(/\/$/, '');
const plans = new Map(OPERATIONS.map((op) => [`/${op.name}`, op]));
let fixtures: Fixtures | undefined;

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.once('end', () => resolve(text));
    req.once('error', reject);
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://proxy');
  try {
    const body = await readAll(req);
    if (req.method === 'PUT' && url.pathname === '/fixtures') {
      fixtures = JSON.parse(body) as Fixtures;
      res.writeHead(204).end();
      return;
    }
    const op = plans.get(url.pathname);
    if (req.method !== 'POST' || !op || !fixtures) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(fixtures ? 'no such operation' : 'PUT /fixtures first');
      return;
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const client = new RestClient(pool, apiPath, token);
    await op.floor(client, fixtures, Number(url.searchParams.get('run') ?? 0));
    const answer = JSON.stringify({ calls: client.calls, criticalPath: client.criticalPath });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`hop proxy at http://127.0.0.1:${address.port}/`);
});
process.on('SIGTERM', () => process.exit(0));
