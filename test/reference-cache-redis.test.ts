/**
 * The reference cache in Redis (REDIS_URL): two gateways on one real redis-server share entries, a write through one
 * drops the other's, Redis holds keyed token hashes only, and a Redis that goes away costs Workato calls, not errors.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../src/server/logger.js';
import { SECRET_FIELD_NAMES } from '../src/server/secrets.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { tokenKeyer } from '../src/workato/http.js';
import { REDIS_MISSING, redisServerAvailable, startReplicas, type Replicas } from './support/redis.js';
import type { Stack } from './support/stack.js';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);

const OTHER = 'e'.repeat(64);
const HASH_KEY = 'k'.repeat(40);
const CONNECTIONS = `{ connections(first: 100) { nodes { workatoId name } } }`;

describe.skipIf(!available)(`Reference cache in Redis, shared by two replicas${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let replicas: Replicas;
  let a: Stack;
  let client: Redis;
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message: unknown) => warnings.push(String(message)) };

  beforeAll(async () => {
    replicas = await startReplicas((url) => ({ REDIS_URL: url, TOKEN_HASH_KEY: HASH_KEY }), {
      simulator: { workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 5 } } },
      logger,
    });
    ({ a, client } = replicas);
  });
  afterAll(() => replicas?.close());

  const onB = (query: string, token = DEMO_TOKEN) => replicas.onB(query, token);
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
    // Connection lists carry no credentials (REFERENCE §8.5: no `input`), nor any field the gateway treats as secret.
    expect(dump).toContain(`\\"authorization_status\\"`); // the same escaping finds a field that is there
    for (const name of SECRET_FIELD_NAMES) expect(dump).not.toContain(`\\"${name}\\"`);
    expect((await Promise.all(keys.map((k) => client.pttl(k)))).every((t) => t > 0)).toBe(true);
  });

  it('treats an entry it cannot read, or one dated in the future, as a miss: the answer comes from Workato', async () => {
    await a.gql(CONNECTIONS);
    const keys = await client.keys('workato-gateway:reference:*');
    const fields = (await Promise.all(keys.map(async (k) => Object.keys(await client.hgetall(k)).filter((f) => f !== '#gen').map((f) => [k, f] as const)))).flat();
    const connections = fields.filter(([, f]) => f.startsWith('/connections'));
    expect(connections.length).toBeGreaterThan(0);
    for (const [key, field] of connections) await client.hset(key, field, `${Date.now()} [{"id": 1, "na`);
    a.sim.resetCounts();
    expect(names(await a.gql(CONNECTIONS)).length).toBeGreaterThan(1);
    expect(a.sim.counts()).toMatchObject({ 'GET /api/connections': 1 });
    for (const [key, field] of connections) await client.hset(key, field, `${Date.now() + 3_600_000} [{"id": 1, "name": "from the future"}]`);
    a.sim.resetCounts();
    expect(names(await a.gql(CONNECTIONS))).not.toContain('from the future');
    expect(a.sim.counts()).toMatchObject({ 'GET /api/connections': 1 });
  });

  it('calls Workato when Redis is gone, and logs it once', async () => {
    warnings.length = 0;
    await replicas.redis.stop();
    a.sim.resetCounts();
    for (let i = 0; i < 3; i++) expect(names((await onB(CONNECTIONS)).data).length).toBeGreaterThan(0);
    expect(a.sim.counts()).toEqual({ 'GET /api/connections': 3 });
    expect(warnings.filter((w) => w.startsWith('Reference cache'))).toEqual(['Reference cache: a read failed; calling Workato instead']);
  });
});
