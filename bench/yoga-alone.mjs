/**
 * The gateway's own schema, context and loaders (dist/, as built) served by graphql-yoga with the gateway's settings that
 * cut yoga's own work (no CORS, no body-size stream, no masking) and none of the gateway's plugins, behind a bare node:http server. Not a product: a reference point for
 * `npm run bench:steady`, between graphql-js alone (bench/graphql-alone.mjs) and the gateway. It shows what yoga's
 * request pipeline costs by itself; no gateway built on yoga spends less. Serves no GraphiQL: it prints
 * `GraphQL at <url>` once listening.
 */
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createContextFactory } from '../dist/server/context.js';
import { buildSchema } from '../dist/server/schema.js';
import { BATCHED } from '../dist/loaders/options.js';
import { ReferenceCache } from '../dist/loaders/reference-cache.js';
import { memoryReferenceStore } from '../dist/loaders/reference-store.js';
import { createTransport } from '../dist/workato/http.js';

const transport = createTransport({
  connections: 32,
  timeouts: { connectMs: 10_000, headersMs: 40_000, bodyMs: 40_000, totalMs: 40_000 },
  retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2_000 },
  concurrencyPerRequest: 8,
});
const contextOf = createContextFactory({
  baseUrl: process.env.WORKATO_BASE_URL,
  serverToken: undefined,
  transport,
  loaderMode: BATCHED,
  referenceCache: new ReferenceCache(memoryReferenceStore(), { ttlMs: 30_000, onStoreFault: () => {} }),
});
const yoga = createYoga({ schema: buildSchema(), context: contextOf, graphiql: false, landingPage: false, cors: false, maxRequestBodySize: false, logging: false, maskedErrors: false });
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`GraphQL at http://127.0.0.1:${server.address().port}/graphql`);
});
process.once('SIGTERM', () => process.exit(0));
