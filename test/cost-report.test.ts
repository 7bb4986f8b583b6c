/**
 * The cost report (extensions.workato), the trace, explain and Query.workatoQuota, through the gateway over HTTP
 * against the simulator. The benchmark operations' exact calls and round trips are checked in bench-floor.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { tracedRequestsInFlight } from '../src/workato/ledger.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

const BOB = 'b0b'.padEnd(64, '1');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { RESPONSE_CACHE: 'memory', ...EACH_REQUEST_CALLS_WORKATO }, simulator: { workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 10 } } } });
});
afterAll(() => stack.close());

const DASHBOARD = `{ me { name } recipes(first: 3) { nodes { name folder { name } jobs(first: 2) { nodes { handle } } } } }`;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('extensions.workato on every response', () => {
  it('counts the calls the simulator saw, the round trips and the quota of each family touched', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ me { name } recipes(first: 3) { nodes { name jobs(first: 1) { nodes { handle } } } } }`, {});
    const report = r.extensions!.workato;
    expect(report.calls).toBe(total(stack.sim.counts()));
    expect(report).toMatchObject({ calls: 5, cached: 0, retries: 0, roundTrips: 2 }); // me + page, then 3 job lists
    const families = Object.fromEntries(report.quota.map((q: { family: string }) => [q.family, q]));
    expect(Object.keys(families).sort()).toEqual(['jobs', 'recipes', 'users']);
    expect(families.jobs).toMatchObject({ limit: 60, windowSeconds: 60, queued: 0 });
    expect(families.jobs.used).toBeGreaterThanOrEqual(3);
    expect(families.jobs.remaining).toBe(60 - families.jobs.used);
    expect(Date.parse(families.jobs.resetAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(report)).not.toContain(stack.sim.token);
  });

  it('answers a response-cache hit with calls: 0 and cached: 1', async () => {
    const query = `{ recipes(first: 2) { nodes { workatoId } } }`;
    await stack.request(query);
    stack.sim.resetCounts();
    const hit = await stack.request(query);
    expect(stack.sim.counts()).toEqual({});
    expect(hit.extensions!.workato).toEqual({ calls: 0, cached: 1, roundTrips: 0, retries: 0, quota: [] });
  });

  it('reports errors too, and counts a retried read as two calls and one retry', async () => {
    const fresh = await startStack({ env: { WORKATO_RETRIES: '1', WORKATO_RETRY_BASE_MS: '1' } });
    try {
      fresh.sim.inject({ route: 'GET /api/users/me', status: 503, times: 1 });
      const r = await fresh.request(`{ me { name } }`);
      expect(r.data?.me?.name).toBeTruthy();
      expect(r.extensions!.workato).toMatchObject({ calls: 2, retries: 1, roundTrips: 2 });
      const bad = await fresh.request(`{ nope }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await fresh.close();
    }
  });

  it("takes Workato's own 429 as the truth: nothing left until its Retry-After", async () => {
    const fresh = await startStack();
    try {
      fresh.sim.inject({ route: 'GET /api/users/me', status: 429, times: 1, headers: { 'retry-after': '30' } });
      const r = await fresh.request(`{ me { name } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const users = r.extensions!.workato.quota.find((q: { family: string }) => q.family === 'users');
      expect(users.remaining).toBe(0);
      expect(Date.parse(users.resetAt) - Date.now()).toBeGreaterThan(25_000);
    } finally {
      await fresh.close();
    }
  });

  it('is left out with WORKATO_COST_REPORT=false', async () => {
    const off = await startStack({ env: { WORKATO_COST_REPORT: 'false' } });
    try {
      const r = await off.request(`{ me { name } }`);
      expect(r.data?.me?.name).toBeTruthy();
      expect(r.extensions?.workato).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});

describe('a trace on request', () => {
  it('lists every call in start order with the fields it served, by header or by request extension', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(DASHBOARD, {}, { headers: { 'x-workato-trace': '1' } });
    const trace = r.extensions!.workato.trace as Array<Record<string, any>>;
    expect(trace).toHaveLength(total(stack.sim.counts()));
    expect(trace.map((c) => c.startMs)).toEqual([...trace.map((c) => c.startMs)].sort((a, b) => a - b));
    const me = trace.find((c) => c.path === '/users/me')!;
    expect(me).toMatchObject({ method: 'GET', family: 'users', status: 200, roundTrip: 1, attempt: 0, fieldPaths: ['me'], cached: false });
    const jobs = trace.filter((c) => c.family === 'jobs');
    expect(jobs.map((c) => c.fieldPaths)).toEqual([['recipes.nodes.0.jobs'], ['recipes.nodes.1.jobs'], ['recipes.nodes.2.jobs']]);
    expect(jobs.every((c) => c.roundTrip === 2 && c.batchedKeys === 1)).toBe(true);
    // The folder walk below Home serves every recipe's folder, in one batch per level.
    const walk = trace.filter((c) => c.family === 'folders' && c.roundTrip === 2);
    expect(walk.length).toBeGreaterThan(0);
    expect(walk[0]!.fieldPaths).toEqual(expect.arrayContaining(['recipes.nodes.0.folder']));
    expect(walk[0]!.batchedKeys).toBeGreaterThan(1);
    expect(JSON.stringify(trace)).not.toContain(stack.sim.token);

    const byExtension = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
      body: JSON.stringify({ query: `{ me { name } }`, extensions: { workatoTrace: true } }),
    }).then((res) => res.json() as Promise<{ extensions: { workato: { trace: unknown[] } } }>);
    expect(byExtension.extensions.workato.trace).toHaveLength(1);
  });

  it('keeps naming the fields of traced requests that overlap, one ending while another runs', async () => {
    // The attribution store is switched off when the last traced request is answered (workato/ledger.ts close):
    // every traced request is counted in and out once, and each keeps its fields, also while others end.
    // A document of its own each time: a whole answer from the response cache has no calls to trace.
    let n = 0;
    const traced = () => stack.request(DASHBOARD.replace('{ me', `{ run${++n}: __typename me`), {}, { headers: { 'x-workato-trace': '1' } });
    const short = stack.request(`{ overlap: __typename me { name } }`, {}, { headers: { 'x-workato-trace': '1' } });
    const [first, second] = await Promise.all([traced(), traced(), short]);
    expect(tracedRequestsInFlight()).toBe(0);
    const later = await traced();
    expect(tracedRequestsInFlight()).toBe(0);
    for (const r of [first!, second!, later]) {
      const trace = r.extensions!.workato.trace as Array<{ family: string; fieldPaths: string[] }>;
      expect(trace.find((c) => c.family === 'jobs')?.fieldPaths).toEqual(['recipes.nodes.0.jobs']);
      expect(trace.every((c) => c.fieldPaths.length > 0)).toBe(true);
    }
  });

  it('is absent unless asked for', async () => {
    const r = await stack.request(`{ me { name } }`, {});
    expect(r.extensions!.workato.trace).toBeUndefined();
  });
});

describe('explain', () => {
  it('answers the plan without calling Workato: the first round trip, then what waits for it', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(DASHBOARD, {}, { headers: { 'x-workato-explain': '1' } });
    expect(stack.sim.counts()).toEqual({});
    expect(r.data).toBeNull();
    expect(r.errors).toBeUndefined();
    const plan = r.extensions!.workato.explain;
    expect(plan.firstRoundTrip.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      'GET /users/me',
      'GET /recipes?per_page=4&exclude_code=true',
      'GET /folders?page=1&per_page=100', // the Home level, listed with the page (README "How it works")
    ]);
    expect(plan.laterRoundTrips).toEqual([]);
    expect(plan.dependentFields.map((f: { coordinate: string; after: string }) => `${f.coordinate} after ${f.after}`)).toEqual([
      'Recipe.folder after recipes',
      'Recipe.jobs after recipes',
    ]);
    expect(plan.dependentFields[1].cost).toMatch(/one GET \/recipes\/:id\/jobs per recipe/i);
    expect(r.extensions!.workato.calls).toBe(0);
  });

  it("plans a mutation's first call without sending it, and is never answered from the cache", async () => {
    const query = `mutation { a: recipeStop(input: { id: "3307712" }) { recipe { id } } b: recipeStart(input: { id: "3307712" }) { recipe { id } } }`;
    stack.sim.resetCounts();
    const r = await stack.request(query, {}, { headers: { 'x-workato-explain': 'true' } });
    expect(stack.sim.counts()).toEqual({});
    const plan = r.extensions!.workato.explain;
    expect(plan.firstRoundTrip.map((c: { path: string }) => c.path)).toEqual(['/recipes/3307712/stop']);
    // The second mutation runs only after the first answers (serial execution): it is not in the plan.
    expect(plan.laterRoundTrips).toEqual([]);
    const cachedQuery = `{ recipes(first: 1) { nodes { workatoId } } }`;
    await stack.request(cachedQuery);
    const explained = await stack.request(cachedQuery, {}, { headers: { 'x-workato-explain': '1' } });
    expect(explained.extensions!.workato.explain.firstRoundTrip).toHaveLength(1);
  });
});

describe('Query.workatoQuota', () => {
  it("lists this token's standing per family, costs no Workato call, and never mixes two tokens", async () => {
    const QUOTA = `{ workatoQuota { enforced families { family limit windowSeconds used remaining resetAt queued } } }`;
    const of = (q: { families: Array<{ family: string }> }, family: string) => q.families.find((f) => f.family === family) as any;
    const before = { mine: (await stack.gql(QUOTA)).workatoQuota, bobs: (await stack.gql(QUOTA, {}, { token: BOB })).workatoQuota };
    stack.sim.resetCounts();
    // Three different documents: the response cache must not answer them.
    const list = (n: number) => `{ recipes(first: ${n}) { nodes { workatoId } } }`;
    for (let i = 1; i <= 3; i++) await stack.request(list(10 + i), {}, { token: BOB });
    await stack.request(list(10));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the simulator logs a request once its answer is out
    const sent = (token: string) => stack.sim.log().filter((e) => e.token === token && e.route === 'GET /api/recipes').length;
    expect([sent(BOB), sent(stack.sim.token)]).toEqual([3, 1]);
    stack.sim.resetCounts();
    const after = { mine: (await stack.gql(QUOTA)).workatoQuota, bobs: (await stack.gql(QUOTA, {}, { token: BOB })).workatoQuota };
    expect(stack.sim.counts()).toEqual({}); // the quota query itself calls nobody
    // Each token's window moved by its own calls only.
    expect(of(after.bobs, 'recipes').used - of(before.bobs, 'recipes').used).toBe(3);
    expect(of(after.mine, 'recipes').used - of(before.mine, 'recipes').used).toBe(1);
    expect(of(after.bobs, 'recipes')).toMatchObject({ limit: 60, windowSeconds: 60, remaining: 60 - of(after.bobs, 'recipes').used, queued: 0 });
    expect(of(after.bobs, 'connections')).toMatchObject({ limit: 1, windowSeconds: 1, used: 0, remaining: 1, resetAt: null });
    expect(after.mine.enforced).toBe(false); // the test stack runs with WORKATO_RATE_LIMIT=off: counted, not enforced
  });

  it('is served as Prometheus gauges per family, with no token in the labels', async () => {
    const text = await fetch(`${stack.gateway.origin}/metrics`).then((r) => r.text());
    expect(text).toMatch(/workato_quota_used\{family="recipes"\} \d+/);
    expect(text).toMatch(/workato_quota_remaining_min\{family="recipes"\} \d+/);
    expect(text).toMatch(/workato_quota_limit\{family="jobs"\} 60/);
    expect(text).not.toContain(stack.sim.token);
  });
});
