/**
 * Where the optional response cache keeps results: process memory (one replica), or Redis (several replicas
 * share entries and invalidations). A cache fault never fails a request: reads miss, writes are dropped, and
 * the fault is logged. Entries are keyed by a hash of document, variables and the caller's keyed token hash.
 */
import type { Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from './logger.js';
import { closeRedis, connectRedis } from './redis.js';

export interface CacheStore {
  cache: Cache;
  /**
   * Yoga's response cache plugin. The cache packages (and Redis's client) are loaded here, only when a cache is
   * configured: a gateway without one does not carry them (with the JWT plugin, likewise loaded only when
   * configured, they were about 19 MB of an idle gateway's resident memory).
   */
  useResponseCache: typeof useResponseCache;
  /** False while the store cannot answer (Redis disconnected): /readyz reports it. */
  ready(): boolean;
  /**
   * Resolves when every invalidation started so far is done. The cache plugin starts invalidations without waiting
   * for them; the gateway waits before it answers a mutation, so the caller's next read cannot see the old entry.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function createCacheStore(config: Config['cache'], redisUrl: string | undefined, logger: Logger): Promise<CacheStore | undefined> {
  if (config.mode === 'off') return undefined;
  const { createInMemoryCache, useResponseCache } = await import('@graphql-yoga/plugin-response-cache');
  if (config.mode === 'memory') {
    const { cache, settled } = tolerant(createInMemoryCache({ max: 5_000 }), logger);
    return { cache, useResponseCache, settled, ready: () => true, close: async () => {} };
  }
  const [redis, { createRedisCache }] = await Promise.all([
    connectRedis(redisUrl!, { purpose: 'Response cache', commandTimeoutMs: 1_000 }, logger),
    import('@envelop/response-cache-redis'),
  ]);
  const { cache, settled } = tolerant(createRedisCache({ redis: expiringSets(redis, config.ttlMs) as never }), logger);
  return {
    cache,
    useResponseCache,
    settled,
    ready: () => redis.status === 'ready',
    close: () => closeRedis(redis),
  };
}

/**
 * @envelop/response-cache-redis indexes responses in one set per type and per entity (`Recipe`, `Recipe:<id>`) that
 * it never expires, so they would grow for ever; give every set it writes an expiry past the entries' TTL.
 */
function expiringSets(redis: Redis, ttlMs: number): Redis {
  return new Proxy(redis, {
    get(target, prop) {
      if (prop === 'pipeline') {
        return () => {
          const pipeline = target.pipeline();
          const sadd = pipeline.sadd.bind(pipeline) as (key: string, ...members: string[]) => unknown;
          (pipeline as unknown as { sadd: unknown }).sadd = (key: string, ...members: string[]) => {
            sadd(key, ...members);
            pipeline.pexpire(key, ttlMs + 60_000);
            return pipeline;
          };
          return pipeline;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Cache faults become misses and dropped writes, logged once per kind of operation and minute. */
function tolerant(cache: Cache, logger: Logger): { cache: Cache; settled: () => Promise<void> } {
  const lastLogged = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  const report = (op: string, error: unknown) => {
    const now = Date.now();
    if ((lastLogged.get(op) ?? 0) + 60_000 > now) return;
    lastLogged.set(op, now);
    logger.warn(`Response cache: ${op} failed; continuing without the cache`, { message: (error as Error)?.message });
  };
  const wrapped: Cache = {
    async get(id) {
      try {
        return await cache.get(id);
      } catch (error) {
        report('get', error);
        return undefined;
      }
    },
    async set(id, data, entities, ttl) {
      try {
        await cache.set(id, data, entities, ttl);
      } catch (error) {
        report('set', error);
      }
    },
    invalidate(entities) {
      const done = (async () => {
        try {
          await cache.invalidate([...entities]);
        } catch (error) {
          report('invalidate', error);
        }
      })();
      pending.add(done);
      void done.finally(() => pending.delete(done));
      return done;
    },
  };
  return { cache: wrapped, settled: async () => void (await Promise.all(pending)) };
}
