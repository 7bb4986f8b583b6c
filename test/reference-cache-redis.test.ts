/**
 * The reference cache in Redis (REDIS_URL): two gateways on one real redis-server share entries, a write through one
 * drops the other's, Redis holds keyed token hashes only, and a Redis that goes away costs Workato calls, not errors.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import type { Logger } from '../src/server/logger.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { tokenKeyer } from '../src/workato/http.js';
import { REDIS_MISSING, redisServerAvailable, startRedis, type RedisServer } from './support/redis.js';
import { startStack, type Stack } from './support/stack.js';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);

const OTHER = 'e'.repeat(64);
const HASH_KEY = 'k'.repeat(40);
const CONNECTIONS = `{ connections(first: 100) { nodes { workatoId name } } }`;

describe.skipIf(!available)(`Reference cache in Redis, shared by two replicas${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let redis: RedisServer;
  let a: Stack;
  let b: Gateway;
  let client: Redis;
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message: unknown) => warnings.push(String(message)) };
  const env = (url: string) => ({ REDIS_URL: url, TOKEN_HASH_KEY: HASH_KEY });

  beforeAll(async () => {
    redis = await startRedis();
    a = await startStack({ env: env(redis.url), simulator: { workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 5 } } } });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: a.sim.url, LOG_LEVEL: 'silent', ...env(redis.url) });
    b = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger });
    client = new Redis(redis.url);
    client.on('error', () => {}); // the last test stops Redis under it
  });
  afterAll(async () => {
    client?.disconnect();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const onB = async (query: string, token = DEMO_TOKEN) => {
    const response = await fetch(b.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: any; errors?: any[]; extensions?: any };
  };
  const names = (data: any): string[] => data.connections.nodes.map((c: { name: string }) => c.name);

  it('serves on one replica the connection list the other read, per token', async () => {
    const first = await a.gql(CONNECTIONS);
    a.sim.resetCounts();
    const onOther = await onB(CONNECTIONS);
    expect(onOther.data).toEqual(first);
    expect(onOther.extensions.workato).toMatchObject({ calls: 0, cached: 1 });
    expect(a.sim.counts()).toEqual({});
    const otherToken = await onB(CONNECTIONS, OTHER);
    expect(a.sim.counts()).toEqual({ 'GET /api/connections': 1 });
    expect(otherToken.data).not.toEqual(first);
  });

  it("drops the other replica's entries when a write goes through one, before the write answers", async () => {
    const before = await onB(CONNECTIONS);
    const { workatoId } = before.data.connections.nodes[0];
    await a.gql(`mutation { connectionUpdate(input: { id: "${workatoId}", name: "Renamed through A" }) { userErrors { message } } }`);
    expect(names((await onB(CONNECTIONS)).data)).toContain('Renamed through A');
  });

  it('keeps only keyed token hashes in Redis: no token in any key or value, and every key expires', async () => {
    const keys = await client.keys('workato-gateway:reference:*');
    const hash = tokenKeyer(HASH_KEY);
    expect(keys.sort()).toEqual([`workato-gateway:reference:${hash(DEMO_TOKEN)}:-`, `workato-gateway:reference:${hash(OTHER)}:-`].sort());
    const dump = JSON.stringify(keys) + JSON.stringify(await Promise.all(keys.map((k) => client.hgetall(k))));
    expect(dump).not.toContain(DEMO_TOKEN);
    expect(dump).not.toContain(OTHER);
    expect((await Promise.all(keys.map((k) => client.pttl(k)))).every((t) => t > 0)).toBe(true);
  });

  it('calls Workato when Redis is gone, and logs it once', async () => {
    warnings.length = 0;
    await redis.stop();
    a.sim.resetCounts();
    for (let i = 0; i < 3; i++) expect(names((await onB(CONNECTIONS)).data).length).toBeGreaterThan(0);
    expect(a.sim.counts()).toEqual({ 'GET /api/connections': 3 });
    expect(warnings.filter((w) => w.startsWith('Reference cache'))).toEqual(['Reference cache: a read failed; calling Workato instead']);
  });
});
