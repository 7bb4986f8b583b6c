/**
 * The gateway's Redis connections (REDIS_URL): the response cache, the shared quota windows and the reference-data
 * cache each open their own, with the deadline their use can afford. Every one fails fast instead of queueing (a
 * slow or absent Redis must not slow every request down), and every user of one treats a failed command as "Redis
 * is not there right now", never as a failed request. ioredis is loaded only when a Redis is configured.
 */
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export interface RedisOptions {
  /** What the connection is for, in log lines ("Response cache", "Quotas"). */
  purpose: string;
  /** Longest a single command may take before it fails (ms). */
  commandTimeoutMs: number;
}

/** Opens a connection; a Redis that is not reachable yet is logged, and ioredis keeps reconnecting in the background. */
export async function connectRedis(url: string, options: RedisOptions, logger: Logger): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 5_000,
    // A Redis that stops answering on an open connection (stopped, partitioned without a reset) is dropped and
    // reconnected instead of holding every command until its timeout for as long as the kernel keeps the socket.
    socketTimeout: Math.max(2_000, 4 * options.commandTimeoutMs),
    // After a failover the old primary answers writes with READONLY: reconnect (to whatever the URL now names) and
    // resend, rather than staying on a node where every write fails.
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
    lazyConnect: true,
    // Reconnect quickly but not in a busy loop: a restarted Redis is used again within a second or two.
    retryStrategy: (attempt) => Math.min(200 * attempt, 2_000),
  });
  redis.on('error', (error: Error) => logger.debug(`${options.purpose}: Redis error`, { message: error.message }));
  try {
    await redis.connect();
  } catch (error) {
    logger.warn(`${options.purpose}: Redis is not reachable yet; carrying on without it until it is`, { message: (error as Error).message });
  }
  return redis;
}

/** Closes a connection politely, or at once when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
