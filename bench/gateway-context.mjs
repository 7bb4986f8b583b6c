/**
 * The gateway's own request context (dist/, as built) over a transport with the gateway's settings for this
 * environment (loadConfig, as the gateway reads them), for the reference servers of `npm run bench:steady`
 * (bench/graphql-alone.mjs, bench/yoga-alone.mjs): the same loaders, reference cache and REST client as the gateway,
 * without its server around them (and without quotas, breaker and metrics: the benchmark runs with no rate limit).
 */
import { loadConfig, transportSettingsOf } from '../dist/config.js';
import { createContextFactory } from '../dist/server/context.js';
import { BATCHED } from '../dist/loaders/options.js';
import { ReferenceCache } from '../dist/loaders/reference-cache.js';
import { memoryReferenceStore } from '../dist/loaders/reference-store.js';
import { createTransport } from '../dist/workato/http.js';

const config = loadConfig(process.env);
const transport = createTransport(transportSettingsOf(config));

export const contextOf = createContextFactory({
  baseUrl: config.baseUrl,
  serverToken: undefined,
  transport,
  loaderMode: BATCHED,
  referenceCache: new ReferenceCache(memoryReferenceStore(), { ttlMs: config.referenceCache.ttlMs, onStoreFault: () => {} }),
});
