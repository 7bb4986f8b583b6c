/**
 * The optional response cache (RESPONSE_CACHE): whole query results, scoped per caller by the keyed hash of the
 * Workato token (never the token), kept for RESPONSE_CACHE_TTL_MS, and invalidated when a mutation's result
 * names an entity (`__typename` + `id`) that a cached result holds. Results with errors are never cached.
 * A result written just before a concurrent mutation's invalidation can outlive it, at most for the TTL.
 */
import type { Plugin } from 'graphql-yoga';
import { callerCredentials } from '../context.js';
import { UNCACHED_SCHEMA_COORDINATES } from '../secrets.js';
import { explainRequests } from './workato-report.js';
import type { YogaOptions } from '../yoga.js';

export function useGatewayResponseCache(options: YogaOptions): Plugin<Record<string, unknown>> {
  const store = options.cacheStore;
  if (!store) return {};
  const keyOf = options.transport.keyOf;
  const cache = store.useResponseCache({
    cache: store.cache,
    ttl: options.config.cache.ttlMs,
    // Runs before the GraphQL context exists, so the scope is derived from the request as the context will be.
    session: (request) => {
      const credentials = callerCredentials(request.headers, options);
      return 'token' in credentials && keyOf ? keyOf(credentials.token) : 'anonymous';
    },
    invalidateViaMutation: true,
    // An explain request runs nothing against Workato: it must neither be answered from the cache nor fill it.
    enabled: (request) => !explainRequests.has(request),
    // A result holding a secret or a live figure (secrets.ts) is never stored: ttl 0 for those coordinates.
    ttlPerSchemaCoordinate: Object.fromEntries(UNCACHED_SCHEMA_COORDINATES.map((coordinate) => [coordinate, 0])),
    includeExtensionMetadata: !options.config.production,
  }) as unknown as Plugin<Record<string, unknown>>;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(cache);
    },
    // The plugin invalidates without waiting; answer a mutation only once its invalidations are done.
    async onResultProcess() {
      await store.settled();
    },
  };
}
