import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/server/gateway.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { createRedisResponseCache } from '../src/server/redis-response-cache.js';
import { REDIS_MISSING, redisServerAvailable, startRedis, startReplicas, type RedisServer, type Replicas } from './support/redis.js';
import type { Stack } from './support/stack.js';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);

const OTHER = 'e'.repeat(64);
const RECIPE = `{ recipe(id: "3307712") { name running } }`;
const STOP = `mutation { recipeStop(input: { id: "3307712" }) { recipe { running } userErrors { message } } }`;

describe.skipIf(!available)(`Redis response cache shared by two replicas${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let replicas: Replicas;
  let a: Stack;
  let b: Gateway;
  let client: Redis;
  let redis: RedisServer;
  // The response cache alone: test/reference-cache-redis.test.ts shares the reference cache through Redis.
  const env = (url: string) => ({ RESPONSE_CACHE: 'redis', REDIS_URL: url, TOKEN_HASH_KEY: 'x'.repeat(40), RESPONSE_CACHE_TTL_MS: '60000', REFERENCE_CACHE: 'off' });

  beforeAll(async () => {
    replicas = await startReplicas(env, { simulator: { workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 5 } } } });
    ({ a, b, client, redis } = replicas);
  });
  afterAll(() => replicas?.close());

  const onB = (query: string, token = DEMO_TOKEN) => replicas.onB(query, token);

  it('serves on one replica what the other cached, per token', async () => {
    a.sim.resetCounts();
    const first = await a.gql(RECIPE);
    const calls = a.sim.total();
    expect((await onB(RECIPE)).data).toEqual(first);
    expect(a.sim.total()).toBe(calls);
    const other = await onB(RECIPE, OTHER);
    expect(a.sim.total()).toBeGreaterThan(calls);
    expect(other.data?.recipe ?? null).not.toEqual(first.recipe);
  });

  it('a mutation on one replica invalidates what the other cached', async () => {
    expect((await a.gql(RECIPE)).recipe.running).toBe(true);
    expect((await onB(STOP)).data.recipeStop.recipe.running).toBe(false);
    expect((await a.gql(RECIPE)).recipe.running).toBe(false);
  });

  it('a delete on one replica evicts what the other cached; a refused mutation evicts no other caller\'s entries', async () => {
    const deletedRecipe = `{ recipe(id: "3307551") { id name } }`;
    await a.gql(deletedRecipe);
    const clients = `{ apiPlatformClients { nodes { id } } }`;
    await onB(clients, OTHER);
    expect((await onB(`mutation { recipeDelete(input: { id: "3307551" }) { userErrors { code } } }`)).data.recipeDelete.userErrors).toEqual([]);
    expect((await a.request(deletedRecipe)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refused = `mutation { apiPlatformClientCreate(input: { name: "x", apiCollectionIds: [], authType: TOKEN }) { apiPlatformClient { id } userErrors { code } } }`;
    expect((await a.request(refused, {}, { token: null })).data?.apiPlatformClientCreate.apiPlatformClient).toBeNull();
    expect((await onB(clients, OTHER)).extensions?.responseCache).toMatchObject({ hit: true });
  });

  it('keeps no token in Redis, and gives every index set an expiry', async () => {
    const keys = await client.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    const read = { string: (k: string) => client.get(k), set: (k: string) => client.smembers(k), zset: (k: string) => client.zrange(k, '0', '-1') };
    const values = await Promise.all(keys.map(async (k): Promise<unknown> => read[(await client.type(k)) as keyof typeof read](k)));
    const dump = JSON.stringify(keys) + JSON.stringify(values);
    expect(dump).not.toContain(DEMO_TOKEN);
    expect(dump).not.toContain(OTHER);
    // The cache's entries and index sets (the quota windows, `wgw:…`, have a test of their own).
    const ttls = await Promise.all(keys.filter((k) => !k.startsWith('wgw:')).map((k) => client.pttl(k)));
    expect(ttls.every((t) => t > 0)).toBe(true);
  });

  it('keeps answering when Redis goes away, and /readyz says so without taking the replica out of service', async () => {
    await redis.stop();
    const r = await onB(`{ me { name } }`);
    expect(r.data?.me?.name).toBeTruthy();
    const ready = await fetch(`${b.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { responseCache: 'down' } });
  });
});

describe.skipIf(!available)(`Redis response cache entries and faults${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let redis: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    const { Redis } = await import('ioredis');
    client = new Redis(redis.url, { lazyConnect: true });
    await client.connect(); // the cache drops writes while its connection is not ready
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('indexes only live entries: an entity\'s index loses what expired, and invalidating drops entries and index', async () => {
    const cache = createRedisResponseCache(client, 60_000);
    const recipe = [{ typename: 'Recipe', id: 'UmVjaXBlOjE' }];
    for (let i = 0; i < 40; i++) await cache.set(`short.${i}`, { data: { i } }, recipe, 20);
    await new Promise((r) => setTimeout(r, 40));
    await cache.set('long.1', { data: { i: 'kept' } }, recipe, 60_000);
    const [index] = (await client.keys('*entity:Recipe:UmVjaXBlOjE')) as [string];
    expect(await client.zcard(index)).toBe(1);
    expect(await cache.get('long.1')).toEqual({ data: { i: 'kept' } });
    await cache.invalidate(recipe);
    expect(await cache.get('long.1')).toBeUndefined();
    expect(await client.exists(index)).toBe(0);
    // An entry this build cannot read is a miss, not a failed request.
    await client.set('workato-gateway:response:v1:entry:garbled', '{"data": {"cut sho');
    expect(await cache.get('garbled')).toBeUndefined();
  });

  it('an entry stored while an invalidation runs stays indexed: the next invalidation of the object evicts it', async () => {
    const recipe = [{ typename: 'Recipe', id: 'UmVjaXBlOjI' }];
    const plain = createRedisResponseCache(client, 60_000);
    await plain.set('before', { data: { n: 1 } }, recipe, 60_000);
    expect(await plain.get('before')).toEqual({ data: { n: 1 } });
    // A client whose first pipeline that reads an index lets another replica store an entry before it answers.
    let raced = false;
    const racing = new Proxy(client, {
      get(target, prop) {
        if (prop === 'pipeline') {
          return () => {
            const pipeline = target.pipeline();
            const exec = pipeline.exec.bind(pipeline);
            pipeline.exec = (async () => {
              const results = await exec();
              if (!raced && results?.some(([, reply]) => Array.isArray(reply))) {
                raced = true;
                await plain.set('during', { data: { n: 2 } }, recipe, 60_000);
              }
              return results;
            }) as typeof pipeline.exec;
            return pipeline;
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await createRedisResponseCache(racing, 60_000).invalidate(recipe);
    expect(raced).toBe(true);
    expect(await plain.get('before')).toBeUndefined();
    await plain.invalidate(recipe);
    expect(await plain.get('during')).toBeUndefined();
  });

  it('a hung Redis costs one request its command timeout, not every request, and a mutation is still answered', async () => {
    const replicas = await startReplicas((url) => ({ RESPONSE_CACHE: 'redis', REDIS_URL: url, TOKEN_HASH_KEY: 'y'.repeat(40), REFERENCE_CACHE: 'off' }));
    try {
      await replicas.a.gql(RECIPE);
      replicas.redis.pause();
      const first = performance.now();
      expect((await replicas.a.gql(RECIPE)).recipe.name).toBeTruthy();
      const took: number[] = [performance.now() - first];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        expect((await replicas.a.gql(`{ me { name } recipes(first: ${i + 1}) { nodes { id } } }`)).me.name).toBeTruthy();
        took.push(performance.now() - started);
      }
      // The first read waits out the 1 s command timeout; the rest do not touch Redis (each would wait 1–2 s).
      expect(took.slice(1).every((ms) => ms < 900)).toBe(true);
      expect((await replicas.a.gql(STOP)).recipeStop.recipe.running).toBe(false);
      replicas.redis.resume();
      // The invalidation failed while Redis hung: this replica reads nothing from the cache, so no stale `running`.
      expect((await replicas.a.gql(RECIPE)).recipe.running).toBe(false);
    } finally {
      replicas.redis.resume();
      await replicas.close();
    }
  });
});
