/**
 * The benchmark's operations (bench/operations.ts) cost exactly the calls of a careful hand-written REST client,
 * whose plans are run here against the same simulator; and the bench-only switch really removes the batching.
 * Call counts only: the benchmark itself measures time (npm run bench).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../bench/fixtures.js';
import { HopClient } from '../bench/measure.js';
import { OPERATIONS, type Fixtures, type Operation } from '../bench/operations.js';
import { startChild } from '../bench/processes.js';
import { RestClient, restPool } from '../bench/rest.js';
import { loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let unbatched: Gateway;
let pool: ReturnType<typeof restPool>;
let rest: RestClient;
let fx: Fixtures;
let run = 0;

beforeAll(async () => {
  // 300 recipes, as in the benchmark: the _entities batch spreads over three pages of the recipe list.
  // The gateway's own per-minute quotas (REFERENCE §5) are off, as in the benchmark: the N+1 reference exceeds them.
  const env = { WORKATO_RATE_LIMIT: 'off' };
  // The floor is a cold run: the reference cache is tested on a gateway of its own below.
  stack = await startStack({ simulator: { workspaces: { 'bench-floor-token': { recipes: 296 } } }, env: { ...env, ...EACH_REQUEST_CALLS_WORKATO } });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: stack.sim.url, LOG_LEVEL: 'silent', BENCH_DISABLE_BATCHING: '1', ...env });
  unbatched = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });
  pool = restPool(stack.sim.origin);
  rest = new RestClient(pool, '/api', stack.sim.token);
  fx = await loadFixtures(rest.fresh(), 3);
}, 60_000);

afterAll(async () => {
  await pool?.close();
  await unbatched?.close();
  await stack?.close();
});

/** Upstream calls of one run of `op` through a gateway at `url`, checked for a correct answer. */
async function gatewayCalls(op: Operation, url = stack.gateway.url): Promise<Record<string, number>> {
  return (await gatewayRun(op, url)).counts;
}

/** One run: the simulator's counts and the gateway's own report of what it cost (extensions.workato). */
async function gatewayRun(op: Operation, url = stack.gateway.url): Promise<{ counts: Record<string, number>; report: { calls: number; roundTrips: number; retries: number } }> {
  stack.sim.resetCounts();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
    body: JSON.stringify({ query: op.query, variables: op.variables(fx, run++) }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: { workato: { calls: number; roundTrips: number; retries: number } } };
  expect(body.errors).toBeUndefined();
  expect(op.check(body.data)).toBeUndefined();
  return { counts: stack.sim.counts(), report: body.extensions!.workato };
}

async function floorCalls(op: Operation): Promise<{ counts: Record<string, number>; client: RestClient }> {
  stack.sim.resetCounts();
  const client = rest.fresh();
  await op.floor(client, fx, run++);
  return { counts: stack.sim.counts(), client };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const byName = (name: string) => OPERATIONS.find((o) => o.name === name)!;

describe('benchmark operations cost the floor', () => {
  for (const op of OPERATIONS) {
    it(`${op.name} (${op.title}): the gateway makes the same calls as a careful REST client`, async () => {
      const floor = await floorCalls(op);
      expect(total(floor.counts)).toBe(floor.client.calls);
      const { counts, report } = await gatewayRun(op);
      expect(counts).toEqual(floor.counts);
      // The cost report says exactly that: the calls the simulator counted, on the REST plan's critical path.
      expect(report).toEqual({ calls: total(counts), roundTrips: floor.client.criticalPath, retries: 0, cached: 0, quota: expect.any(Array) });
    });
  }

  it('a recipe and its jobs go out together: the REST plan needs one round trip, not two', async () => {
    const floor = await floorCalls(byName('recipe-jobs'));
    expect(floor.client.criticalPath).toBe(1);
    stack.sim.setLatency(30);
    try {
      await gatewayCalls(byName('recipe-jobs'));
      const [a, b] = stack.sim.log();
      expect(Math.max(a!.startedAt, b!.startedAt)).toBeLessThan(Math.min(a!.endedAt, b!.endedAt));
    } finally {
      stack.sim.setLatency(0);
    }
  });

  it("a customer and its recipe page go out together: two round trips to the jobs, not three", async () => {
    stack.sim.setLatency(30);
    try {
      await gatewayCalls(byName('customer-recipes'));
      const log = stack.sim.log();
      const customer = log.find((l) => l.route === 'GET /api/managed_users/:id')!;
      const recipes = log.find((l) => l.route.endsWith('/recipes'))!;
      expect(Math.max(customer.startedAt, recipes.startedAt)).toBeLessThan(Math.min(customer.endedAt, recipes.endedAt));
    } finally {
      stack.sim.setLatency(0);
    }
  });

  it('a start+stop toggle asking only id and running is two writes, one after the other, and no read-back', async () => {
    const floor = await floorCalls(byName('start-stop'));
    expect(floor.client.criticalPath).toBe(2);
    expect(await gatewayCalls(byName('start-stop'))).toEqual({ 'PUT /api/recipes/:id/stop': 1, 'PUT /api/recipes/:id/start': 1 });
  });

  it('100 spread-out recipe ids cost three list pages, one per 100 recipes, not 100 GETs', async () => {
    expect(await gatewayCalls(byName('entities'))).toEqual({ 'GET /api/recipes': 3 });
  });

  it('an id the recipe list does not hold is NOT_FOUND on its own, after one GET to make sure', async () => {
    stack.sim.resetCounts();
    const ids = [fx.entityIds[0], 1, fx.entityIds[1]];
    const result = await stack.request(`{ nodes: _entities(representations: [${ids.map((id) => `{ __typename: "Recipe", workatoId: "${id}" }`).join(', ')}]) { ... on Recipe { workatoId } } }`);
    expect(result.data?.nodes).toEqual([{ workatoId: String(ids[0]) }, null, { workatoId: String(ids[2]) }]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 2, 'GET /api/recipes/:id': 1 });
  });
});

describe('the reference cache (REFERENCE_CACHE=on, the default)', () => {
  it('recipes-relations: cold on the floor; warm, one call in one round trip, the rest read from the cache', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: stack.sim.url, LOG_LEVEL: 'silent', WORKATO_RATE_LIMIT: 'off' });
    const cached = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });
    try {
      const op = byName('recipes-relations');
      const floor = await floorCalls(op);
      const cold = await gatewayRun(op, cached.url);
      expect(cold.counts).toEqual(floor.counts);
      expect(cold.report).toMatchObject({ calls: total(floor.counts), roundTrips: floor.client.criticalPath, cached: 0 });
      const warm = await gatewayRun(op, cached.url);
      expect(warm.counts).toEqual({ 'GET /api/recipes': 1 });
      // Every folder level walked, the connection list, and one entry per trigger connector.
      const { body } = await rest.fresh().get<{ items: Array<{ trigger_application?: string }> }>('/recipes?per_page=25');
      const apps = new Set(body.items.map((r) => r.trigger_application).filter(Boolean)).size;
      expect(warm.report).toMatchObject({ calls: 1, roundTrips: 1, retries: 0, cached: floor.counts['GET /api/folders']! + 1 + apps });
    } finally {
      await cached.close();
    }
  });
});

describe('BENCH_DISABLE_BATCHING (the benchmark reference without loaders)', () => {
  it('makes every field fetch on its own: the N+1 the loaders remove', async () => {
    const { body } = await rest.fresh().get<{ items: Array<{ trigger_application?: string; config?: Array<{ account_id?: unknown }> }> }>('/recipes?per_page=25');
    const connectionRefs = body.items.map((r) => new Set((r.config ?? []).map((c) => Number(c.account_id)).filter((id) => id > 0)).size);
    const counts = await gatewayCalls(byName('recipes-relations'), unbatched.url);
    expect(counts['GET /api/recipes']).toBe(1);
    // The whole connection list once per connection a recipe uses, the connector once per recipe: no request-wide lists.
    expect(counts['GET /api/connections']).toBe(connectionRefs.reduce((a, b) => a + b, 0));
    expect(counts['GET /api/integrations']).toBe(body.items.filter((r) => r.trigger_application).length);
    expect(total(await gatewayCalls(byName('entities'), unbatched.url))).toBe(100);
  });

  it('leaves the batched gateway of the same process alone', async () => {
    expect(await gatewayCalls(byName('recipes-relations'))).toMatchObject({ 'GET /api/connections': 1, 'GET /api/integrations': 1 });
  });
});

describe('the hop proxy (the benchmark reference one process away)', () => {
  it('runs each operation by the hand-written plan: the floor calls, nothing else', async () => {
    const proxy = await startChild('hop proxy', ['--import', 'tsx', 'bench/hop-proxy.ts'], { WORKATO_BASE_URL: stack.sim.url }, /hop proxy at (http:\/\/\S+)/);
    const client = new HopClient(proxy.url, stack.sim.token);
    try {
      await client.setFixtures(fx);
      for (const op of OPERATIONS) {
        const floor = await floorCalls(op);
        stack.sim.resetCounts();
        await client.run(op.name, run++);
        expect(stack.sim.counts(), op.name).toEqual(floor.counts);
      }
      await expect(client.run('no-such-operation', 0)).rejects.toThrow(/404/);
    } finally {
      await client.close();
      await proxy.stop();
    }
  }, 60_000);
});
