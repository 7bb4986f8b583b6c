/**
 * The response cache's entries in Redis, shared by every replica: each result under its key for its TTL, and per
 * entity (`Recipe:<global id>`) a sorted set of the keys of the results holding it, scored by when they expire. A
 * write drops the members that have expired, so an index holds only live entries however many results came and
 * went; invalidating an entity reads its index, then deletes those entries and removes them from the index.
 *
 * Written here instead of using @envelop/response-cache-redis, whose index sets only ever grew (each stored result
 * added its key to a set per type and per entity, and nothing removed it when the result expired: 5,450 members for
 * 320 live entries in an audit), whose type-wide invalidation walked `KEYS Type:*`, and whose keys had no prefix of
 * their own in a Redis other applications may share. Type-wide invalidations are not needed (plugins/response-cache.ts
 * drops them), so only entities with an id are indexed.
 */
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Redis } from 'ioredis';

const PREFIX = 'workato-gateway:response:v1:';
const entryKey = (key: string) => `${PREFIX}entry:${key}`;
const indexKey = (typename: string, id: string | number) => `${PREFIX}entity:${typename}:${id}`;

/** Commands waiting on the connection beyond which a write is dropped: a slow Redis must not pile them up in memory. */
const MAX_QUEUED = 200;

/** Keys per UNLINK, so that invalidating an entity held by very many results is not one huge command. */
const UNLINK_BATCH = 500;

type Entities = Iterable<{ typename: string; id?: string | number }>;

/** The indexes of the entities with an id, once each. */
function indexesOf(entities: Entities): string[] {
  const keys = new Set<string>();
  for (const { typename, id } of entities) if (id != null) keys.add(indexKey(typename, id));
  return [...keys];
}

/** Throws the first error of a pipeline's replies (ioredis resolves `exec()` with one `[error, reply]` per command). */
function replies(results: Array<[Error | null, unknown]> | null): unknown[] {
  if (!results) throw new Error('Redis pipeline was not executed');
  return results.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}

/** @param maxTtlMs the longest TTL any entry gets (the cache's), so an index outlives the entries it lists. */
export function createRedisResponseCache(redis: Redis, maxTtlMs: number): Cache {
  return {
    async get(key) {
      const text = await redis.get(entryKey(key));
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as Awaited<ReturnType<Cache['get']>>;
      } catch {
        // An entry this build cannot read (cut short, written by something else): a miss, not a failed request.
        return undefined;
      }
    },
    async set(key, result, entities, ttl) {
      if (!(ttl > 0) || !Number.isFinite(ttl)) return;
      if (redis.status !== 'ready' || redis.commandQueue.length > MAX_QUEUED) return;
      const now = Date.now();
      const pipeline = redis.pipeline().set(entryKey(key), JSON.stringify(result), 'PX', Math.ceil(ttl));
      for (const index of indexesOf(entities)) {
        pipeline.zremrangebyscore(index, '-inf', now).zadd(index, String(now + ttl), key).pexpire(index, maxTtlMs + 60_000);
      }
      replies(await pipeline.exec());
    },
    async invalidate(entities) {
      const indexes = indexesOf(entities);
      if (indexes.length === 0) return;
      const read = redis.pipeline();
      for (const index of indexes) read.zrange(index, '0', '-1');
      const members = replies(await read.exec()) as string[][];
      // Only the members read leave their index (a ZREM, not a delete of the index): an entry stored between the
      // read and this write stays indexed, so the next invalidation of the object still finds it.
      const write = redis.pipeline();
      indexes.forEach((index, i) => {
        const keys = members[i]!;
        for (let at = 0; at < keys.length; at += UNLINK_BATCH) {
          const batch = keys.slice(at, at + UNLINK_BATCH);
          write.unlink(...batch.map(entryKey)).zrem(index, ...batch);
        }
      });
      replies(await write.exec());
    },
  };
}
