/**
 * A real redis-server for a test (the cluster script starts its Redis the same way: scripts/cluster/redis.ts), and
 * two gateway replicas sharing one.
 */
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { startGateway, type Gateway } from '../../src/server/gateway.js';
import type { Logger } from '../../src/server/logger.js';
import type { SimulatorOptions } from '../../src/simulator/index.js';
import { startRedis, type RedisServer } from '../../scripts/cluster/redis.js';
import { startStack, type Stack } from './stack.js';

export { REDIS_MISSING, redisServerAvailable, startRedis, type RedisServer } from '../../scripts/cluster/redis.js';

/** Two replicas on one Redis: a stack (simulator + gateway A) and a second gateway B, with a Redis client to look in. */
export interface Replicas {
  redis: RedisServer;
  a: Stack;
  b: Gateway;
  client: Redis;
  /** POSTs a query to replica B as `token` (default: the simulator's first workspace token). */
  onB(query: string, token?: string): Promise<{ data?: any; errors?: any[]; extensions?: any }>;
  close(): Promise<void>;
}

export async function startReplicas(
  env: (redisUrl: string) => Record<string, string>,
  options: { simulator?: SimulatorOptions; logger?: Logger } = {},
): Promise<Replicas> {
  const redis = await startRedis();
  const a = await startStack({ env: env(redis.url), simulator: options.simulator });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: a.sim.url, LOG_LEVEL: 'silent', ...env(redis.url) });
  const b = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger: options.logger });
  const client = new Redis(redis.url);
  client.on('error', () => {}); // tests stop Redis under it
  return {
    redis,
    a,
    b,
    client,
    async onB(query, token = a.sim.token) {
      const response = await fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as never;
    },
    async close() {
      client.disconnect();
      await b.close();
      await a.close();
      await redis.stop();
    },
  };
}
