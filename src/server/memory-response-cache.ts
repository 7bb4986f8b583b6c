/**
 * The response cache's entries in process memory (RESPONSE_CACHE=memory, one replica): each result under its key for
 * its TTL, and per entity with an id (`Recipe:<global id>`) the keys of the results holding it, so invalidating an
 * entity deletes exactly those. The index follows the entries: a result evicted, replaced, or found expired by lru-cache
 * (read after its TTL, or pushed out) leaves it; one never read again stays indexed until the bound pushes it out.
 *
 * Written here instead of @envelop/response-cache's createInMemoryCache for the clock: that one keeps its entries in
 * lru-cache with a TTL per entry, and lru-cache then reads the clock through a 1 ms timer on each lookup: 96 timers
 * in 100 requests (plugins/document-cache.ts says what such a timer costs). Here lru-cache reads `performance.now()`
 * directly (`ttlResolution: 0`). As in Redis (redis-response-cache.ts) only entities with an id are indexed:
 * plugins/response-cache.ts needs no type-wide invalidation.
 */
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';

type Result = NonNullable<Awaited<ReturnType<Cache['get']>>>;

const entityKey = (typename: string, id: string | number) => `${typename}:${id}`;

export function createMemoryResponseCache(maxEntries: number): Cache {
  /** Entity → keys of the results holding it. */
  const holders = new Map<string, Set<string>>();
  /** Result key → the entities it was indexed under. */
  const indexedUnder = new Map<string, string[]>();

  const unindex = (key: string) => {
    for (const entity of indexedUnder.get(key) ?? []) {
      const keys = holders.get(entity);
      keys?.delete(key);
      if (keys?.size === 0) holders.delete(entity);
    }
    indexedUnder.delete(key);
  };

  const entries = new LRUCache<string, Result>({ max: maxEntries, ttlResolution: 0, dispose: (_result, key) => unindex(key) });

  return {
    get: (key) => entries.get(key),
    set(key, result, entities, ttl) {
      if (!(ttl > 0) || !Number.isFinite(ttl)) return;
      // Replacing an entry disposes of the old one (and its index) first.
      entries.set(key, result, { ttl });
      if (!entries.has(key)) return;
      const under = new Set<string>();
      for (const { typename, id } of entities) if (id != null) under.add(entityKey(typename, id));
      for (const entity of under) {
        let keys = holders.get(entity);
        if (!keys) holders.set(entity, (keys = new Set()));
        keys.add(key);
      }
      indexedUnder.set(key, [...under]);
    },
    invalidate(entities) {
      for (const { typename, id } of entities) {
        if (id == null) continue;
        // Copied: each delete disposes of its entry, which takes it out of this very set.
        for (const key of [...(holders.get(entityKey(typename, id)) ?? [])]) entries.delete(key);
      }
    },
  };
}
