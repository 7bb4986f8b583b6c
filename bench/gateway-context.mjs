/**
 * The gateway's own request context (dist/, as built) over a transport with the shipped defaults, for the reference
 * servers of `npm run bench:steady` (bench/graphql-alone.mjs, bench/yoga-alone.mjs): the same loaders, reference
 * cache and REST client as the gateway, without its server around them.
 */
import { createContextFactory } from '../dist/server/context.js';
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

export const contextOf = createContextFactory({
  baseUrl: process.env.WORKATO_BASE_URL,
  serverToken: undefined,
  transport,
  loaderMode: BATCHED,
  referenceCache: new ReferenceCache(memoryReferenceStore(), { ttlMs: 30_000, onStoreFault: () => {} }),
});
