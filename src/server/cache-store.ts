/**
 * Where the optional response cache keeps results: process memory (one replica), or Redis (several replicas
 * share entries and invalidations). A cache fault never fails a request: reads miss, writes are dropped, and
 * the fault is logged. Entries are keyed by a hash of document, variables and the caller's keyed token hash.
 */
import type { Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Config } from '../config.js';
import type { Logger } from './logger.js';
import { closeRedis, connectRedis } from './redis.js';
import { createMemoryResponseCache } from './memory-response-cache.js';
import { createRedisResponseCache } from './redis-response-cache.js';

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
  const { useResponseCache } = await import('@graphql-yoga/plugin-response-cache');
  if (config.mode === 'memory') {
    const { cache, settled } = tolerant(createMemoryResponseCache(5_000), logger, config.ttlMs);
    return { cache, useResponseCache, settled, ready: () => true, close: async () => {} };
  }
  const redis = await connectRedis(redisUrl!, { purpose: 'Response cache', commandTimeoutMs: 1_000 }, logger);
  const { cache, settled } = tolerant(createRedisResponseCache(redis, config.ttlMs), logger, config.ttlMs);
  return {
    cache,
    useResponseCache,
    settled,
    ready: () => redis.status === 'ready',
    close: () => closeRedis(redis),
  };
}

/** How long a failed read or write keeps the cache out of the way before one call tries again (ms). */
const PAUSE_MS = 5_000;

/**
 * Cache faults become misses and dropped writes, logged once per kind of operation and minute. After a failed read or
 * write, reads miss and writes are dropped for PAUSE_MS: a Redis that hangs costs one request its command timeout,
 * not every request two (yoga reads an entry twice on a miss), and writes do not queue up in memory meanwhile.
 * Invalidations are always tried (a skipped one would leave another caller's stale entry); when one fails, this
 * replica reads nothing from the cache for a TTL, since an entry it should have dropped may still be there.
 */
function tolerant(cache: Cache, logger: Logger, ttlMs: number): { cache: Cache; settled: () => Promise<void> } {
  const lastLogged = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  let pausedUntil = 0;
  let readsPausedUntil = 0;
  const report = (op: string, error: unknown, pauseMs = PAUSE_MS) => {
    const now = Date.now();
    if (op === 'invalidate') readsPausedUntil = Math.max(readsPausedUntil, now + pauseMs);
    else pausedUntil = now + pauseMs;
    if ((lastLogged.get(op) ?? 0) + 60_000 > now) return;
    lastLogged.set(op, now);
    logger.warn(`Response cache: ${op} failed; continuing without the cache`, { message: (error as Error)?.message });
  };
  const wrapped: Cache = {
    async get(id) {
      const now = Date.now();
      if (now < pausedUntil || now < readsPausedUntil) return undefined;
      try {
        return await cache.get(id);
      } catch (error) {
        report('get', error);
        return undefined;
      }
    },
    async set(id, data, entities, ttl) {
      if (Date.now() < pausedUntil) return;
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
          report('invalidate', error, ttlMs);
        }
      })();
      pending.add(done);
      void done.finally(() => pending.delete(done));
      return done;
    },
  };
  return { cache: wrapped, settled: async () => void (await Promise.all(pending)) };
}
