/**
 * The gateway's own schema, context and loaders (dist/, as built) served by graphql-yoga with the gateway's yoga
 * settings that cut yoga's own work (no CORS, no body-size stream, no masking, the gateway's document cache in place
 * of yoga's, whose clock sets timers) and none of the gateway's other plugins,
 * behind a bare node:http server. Not a product: a reference point for `npm run bench:steady`, between graphql-js
 * alone (bench/graphql-alone.mjs) and the gateway: what yoga's request pipeline adds over graphql-js by itself.
 * Serves no GraphiQL: it prints `GraphQL at <url>` once listening.
 */
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { useDocumentCache } from '../dist/server/plugins/document-cache.js';
import { buildSchema } from '../dist/server/schema.js';
import { contextOf } from './gateway-context.mjs';

const yoga = createYoga({
  schema: buildSchema(),
  context: contextOf,
  graphiql: false,
  landingPage: false,
  cors: false,
  maxRequestBodySize: false,
  logging: false,
  maskedErrors: false,
  parserAndValidationCache: false,
  plugins: [useDocumentCache()],
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`GraphQL at http://127.0.0.1:${server.address().port}/graphql`);
});
process.once('SIGTERM', () => process.exit(0));
