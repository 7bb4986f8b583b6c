/**
 * The optional response cache (RESPONSE_CACHE): whole query results, scoped per caller by the keyed hash of the
 * Workato token (never the token), kept for RESPONSE_CACHE_TTL_MS. Results with errors are never cached.
 *
 * A successful mutation evicts, before its answer goes out:
 * - every caller's cached results holding an object it returns (`__typename` + global `id`) or deletes
 *   (`deleted<Type>Id`, mutation-writes.ts): only what it touched, which only a caller who may write it can name;
 * - the caller's own cached results holding any object of a type it writes (`Recipe` for `recipeCreate`), so that
 *   the caller's cached lists (which cannot hold the new object's id) do not outlive its create. These are indexed
 *   under a per-caller marker entity (`Recipe:~<scope>`): no other caller's entries go.
 * The plugin's own type-wide invalidations (it evicts a whole type for every null or empty field of a mutation's
 * result, a refused mutation's null object included) are dropped: they let any caller, even one with no token,
 * flush every caller's cache of a type.
 * A result written just before a concurrent mutation's invalidation can outlive it, at most for the TTL; so can a
 * cached list of another token of the same workspace after a create.
 */
import { createHash } from 'node:crypto';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { callerCredentials } from '../context.js';
import { takeWrites } from '../mutation-writes.js';
import { isAsyncIterable } from '../result-events.js';
import { UNCACHED_SCHEMA_COORDINATES } from '../secrets.js';
import { stableJson } from '../stable-json.js';
import { explainRequests } from './workato-report.js';
import type { YogaOptions } from '../yoga.js';

type Entity = { typename: string; id?: string | number };

/** Cache keys are `<scope>.<hash>`: the scope tells `set` whose entry it stores. */
const SCOPE_END = '.';

/** A short, stable name of a cache session (itself a keyed token hash), so that keys and ETags do not carry it. */
const scopeOf = (session: string): string => createHash('sha256').update(`response-cache-scope|${session}`).digest('base64url').slice(0, 16);

/** The entity under which a scope's cached results holding `typename` are indexed. Global ids never start with `~`. */
const marker = (typename: string, scope: string): Entity => ({ typename, id: `~${scope}` });

export function useGatewayResponseCache(options: YogaOptions): Plugin<Record<string, unknown>> {
  const store = options.cacheStore;
  if (!store) return {};
  const keyOf = options.transport.keyOf;
  // Runs before the GraphQL context exists, so the scope is derived from the request as the context will be.
  const sessionOf = (request: Request): string => {
    const credentials = callerCredentials(request.headers, options);
    return 'token' in credentials && keyOf ? keyOf(credentials.token) : 'anonymous';
  };
  const enabled = (request: Request) => !explainRequests.has(request);
  const includeExtensionMetadata = !options.config.production;
  // What a request's mutation evicted beyond the plugin's own entities, for the answer's metadata.
  const evictedBy = new WeakMap<Request, Entity[]>();
  // Requests that ran a mutation: only they wait for invalidations before answering (a query waits for nothing).
  const mutating = new WeakSet<Request>();

  const cache: Cache = {
    get: (key) => store.cache.get(key),
    set(key, result, entities, ttl) {
      // Every key is buildResponseCacheKey's, `<scope>.<hash>`.
      const scope = key.slice(0, key.indexOf(SCOPE_END));
      const indexed: Entity[] = [...entities];
      for (const typename of new Set(indexed.map((entity) => entity.typename))) indexed.push(marker(typename, scope));
      return store.cache.set(key, result, indexed, ttl);
    },
    invalidate(entities) {
      const identified = [...entities].filter((entity) => entity.id != null);
      return identified.length ? store.cache.invalidate(identified) : undefined;
    },
  };

  const plugin = store.useResponseCache({
    cache,
    ttl: options.config.cache.ttlMs,
    session: sessionOf,
    buildResponseCacheKey: ({ documentString, operationName, variableValues, sessionId }) =>
      `${scopeOf(sessionId ?? '')}${SCOPE_END}${createHash('sha256')
        .update([documentString, operationName ?? '', stableJson(variableValues ?? {}), sessionId ?? ''].join('|'))
        .digest('hex')}`,
    invalidateViaMutation: true,
    // An explain request runs nothing against Workato: it must neither be answered from the cache nor fill it.
    enabled,
    // A result holding a secret or a live figure (secrets.ts) is never stored: ttl 0 for those coordinates.
    ttlPerSchemaCoordinate: Object.fromEntries(UNCACHED_SCHEMA_COORDINATES.map((coordinate) => [coordinate, 0])),
    includeExtensionMetadata,
  }) as unknown as Plugin<Record<string, unknown>>;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(plugin);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || !enabled(request)) return;
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') mutating.add(request);
      return {
        onExecuteDone() {
          const writes = takeWrites(request);
          if (!writes) return;
          const scope = scopeOf(sessionOf(request));
          // Never empty: a mutation notes writes only when its payload names a type (mutation-writes.ts).
          const evicted: Entity[] = [...writes.deleted, ...[...writes.types].map((typename) => marker(typename, scope))];
          evictedBy.set(request, evicted);
          void store.cache.invalidate(evicted);
        },
      };
    },
    // The plugin invalidates without waiting; answer a mutation only once its invalidations are done.
    async onResultProcess({ request, result, setResult }) {
      if (!mutating.has(request)) return;
      await store.settled();
      if (!includeExtensionMetadata || Array.isArray(result) || isAsyncIterable(result)) return;
      const single = result as ExecutionResult;
      const evicted = evictedBy.get(request);
      const metadata = single.extensions?.responseCache as { invalidatedEntities?: Entity[] } | undefined;
      if (!metadata?.invalidatedEntities && !evicted) return;
      // The metadata lists what was evicted: not the plugin's dropped type-wide entries, and with the deletions.
      const invalidatedEntities = [...(metadata?.invalidatedEntities ?? []).filter((entity) => entity.id != null), ...(evicted ?? [])];
      setResult({ ...single, extensions: { ...single.extensions, responseCache: { ...metadata, invalidatedEntities } } });
    },
  };
}
