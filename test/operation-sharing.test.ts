/**
 * Identical queries of the same token in flight share one run (src/server/plugins/operation-sharing.ts): the second
 * request's answer is the first's, and its cost report says it made no call. Never across tokens or variables, never
 * for a mutation, never for a query sent after a mutation of the caller, never for a live figure, never an answer
 * with errors.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.js';

const BOB = 'b0b'.padEnd(64, '3');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 5 } } } });
  stack.sim.setLatency(40); // long enough for the second request to arrive while the first run waits on Workato
});
afterAll(() => stack.close());

// Two calls: a request that only shared the calls (workato/http.ts) reports neither as `cached`, and the families' quota.
const DASHBOARD = `query Dashboard($first: Int!) { me { name } recipes(first: $first) { nodes { id name } } }`;

const reports = (...responses: GraphQLResponse[]) =>
  responses.map((r) => r.extensions!.workato as { calls: number; cached: number; quota: unknown[] }).sort((a, b) => b.calls - a.calls);

describe('identical queries in flight', () => {
  it('share one run between two concurrent requests of the same token: one answer, the second made no call', async () => {
    stack.sim.resetCounts();
    const [a, b] = await Promise.all([stack.request(DASHBOARD, { first: 2 }), stack.request(DASHBOARD, { first: 2 })]);
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 1, 'GET /api/recipes': 1 });
    const [first, second] = reports(a, b);
    expect(first).toMatchObject({ calls: 2, cached: 0 });
    expect(second).toEqual({ calls: 0, cached: 1, roundTrips: 0, retries: 0, quota: [] });
  });

  it('share the same variables in another key order, not other variables', async () => {
    const query = `query($first: Int!, $running: Boolean) { recipes(first: $first, running: $running) { nodes { id } } }`;
    stack.sim.resetCounts();
    const same = await Promise.all([stack.request(query, { first: 2, running: true }), stack.request(query, { running: true, first: 2 })]);
    expect(reports(...same)[1]).toEqual({ calls: 0, cached: 1, roundTrips: 0, retries: 0, quota: [] });
    stack.sim.resetCounts();
    const other = await Promise.all([stack.request(query, { first: 2 }), stack.request(query, { first: 3 })]);
    expect(reports(...other).map((r) => r.calls)).toEqual([1, 1]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 2 });
  });

  it('never across tokens: two users sending the same query at once, interleaved, each get their own answers', async () => {
    const truth = Object.fromEntries(
      await Promise.all(
        [DEMO_TOKEN, BOB].map(async (token) => [token, { name: (await stack.gql(`{ me { name } }`, {}, { token })).me.name as string, recipes: JSON.stringify((await stack.gql(DASHBOARD, { first: 2 }, { token })).recipes) }] as const),
      ),
    );
    expect(truth[DEMO_TOKEN]!.name).not.toBe(truth[BOB]!.name);
    const since = stack.sim.log().length;
    const tokens = Array.from({ length: 12 }, (_, i) => (i % 2 ? BOB : DEMO_TOKEN));
    const answers = await Promise.all(tokens.map((token) => stack.request(DASHBOARD, { first: 2 }, { token })));
    answers.forEach((answer, i) => {
      const own = truth[tokens[i]!]!;
      expect(answer.data?.me.name).toBe(own.name);
      expect(JSON.stringify(answer.data?.recipes)).toBe(own.recipes);
    });
    // Each token's six requests shared one run: one call per route and token, five answers from that run.
    await new Promise((resolve) => setTimeout(resolve, 50)); // the simulator logs a request once its answer is out
    const calls = stack.sim.log().slice(since).map((e) => `${e.token === BOB ? 'bob' : 'demo'} ${e.route}`).sort();
    expect(calls).toEqual(['bob GET /api/recipes', 'bob GET /api/users/me', 'demo GET /api/recipes', 'demo GET /api/users/me']);
    expect(answers.filter((a) => a.extensions!.workato.calls === 0 && a.extensions!.workato.quota.length === 0)).toHaveLength(10);
  });

  it('never hands a query sent after a mutation of the caller an answer read before it', async () => {
    await stack.gql(`mutation { recipeStop(input: { id: "3307712" }) { userErrors { code } } }`);
    const query = `{ recipe(id: "3307712") { running } }`;
    stack.sim.inject({ route: 'GET /api/recipes/:id', delayMs: 400, times: 1 });
    const before = stack.gql(query);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first run is out, reading "stopped"
    await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
    const after = await stack.request(query);
    expect(after.data?.recipe.running).toBe(true);
    expect(after.extensions!.workato.calls).toBe(1);
    expect((await before).recipe.running).toBe(false);
  });

  it('never shares a mutation: both writes reach Workato', async () => {
    stack.sim.resetCounts();
    const stop = `mutation { recipeStop(input: { id: "3307712" }) { recipe { id } userErrors { code } } }`;
    await Promise.all([stack.request(stop), stack.request(stop)]);
    expect(stack.sim.counts()['PUT /api/recipes/:id/stop']).toBe(2);
    await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
  });

  it('never shares an answer with errors: each request answers for itself, with its own request id', async () => {
    const query = `{ recipe(id: "999999") { name } }`;
    const [a, b] = await Promise.all([stack.request(query), stack.request(query)]);
    const ids = [a, b].map((r) => r.errors?.[0]?.extensions?.requestId as string);
    expect([a, b].map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(ids[0]).toMatch(/\S/);
    expect(ids[0]).not.toBe(ids[1]);
    expect([a, b].map((r) => r.headers.get('x-request-id'))).toEqual(ids);
    // Both ran: neither report is a shared answer's.
    expect(reports(a, b).every((r) => r.quota.length > 0)).toBe(true);
  });

  it('never shares a live figure, a trace or an explanation', async () => {
    const live = `{ me { name } workatoQuota { enforced } }`;
    const withQuota = await Promise.all([stack.request(live), stack.request(live)]);
    expect(withQuota.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(reports(...withQuota).every((r) => r.quota.length > 0)).toBe(true);
    const traced = await Promise.all([0, 1].map(() => stack.request(DASHBOARD, { first: 2 }, { headers: { 'x-workato-trace': '1' } })));
    expect(traced.every((r) => Array.isArray(r.extensions!.workato.trace) && r.extensions!.workato.trace.length === 2)).toBe(true);
  });
});

describe('identical queries in flight, with the response cache on', () => {
  let cached: Stack;
  beforeAll(async () => {
    cached = await startStack({ env: { RESPONSE_CACHE: 'memory' } });
    cached.sim.setLatency(40);
  });
  afterAll(() => cached.close());

  it('each request gets the answer without the fields the cache adds, stored so that a mutation still evicts it', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const query = `{ recipe(id: "3307712") { id name running } }`;
      const [a, b] = await Promise.all([cached.request(query), cached.request(query)]);
      expect(reports(a, b).map((r) => r.calls)).toEqual([1, 0]);
      expect(b.data).toEqual(a.data);
      expect(JSON.stringify([a.data, b.data])).not.toMatch(/__responseCache/);
      expect(a.data?.recipe.running).toBe(true);
      expect((await cached.request(query)).extensions!.workato).toMatchObject({ calls: 0, cached: 1 });
      // The stop returns the recipe: the cached answer holding it goes, and the next read asks Workato.
      await cached.gql(`mutation { recipeStop(input: { id: "3307712" }) { recipe { id running } userErrors { code } } }`);
      const after = await cached.request(query);
      expect(after.extensions!.workato.calls).toBe(1);
      expect(after.data?.recipe.running).toBe(false);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      await cached.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
    }
  });
});

describe('OPERATION_SHARING=off', () => {
  it('runs every request on its own: the second shares the REST reads only, and reports them', async () => {
    const off = await startStack({ env: { OPERATION_SHARING: 'off' } });
    try {
      off.sim.setLatency(40);
      const [a, b] = await Promise.all([off.request(DASHBOARD, { first: 2 }), off.request(DASHBOARD, { first: 2 })]);
      expect(b.data).toEqual(a.data);
      expect(off.sim.counts()).toMatchObject({ 'GET /api/users/me': 1, 'GET /api/recipes': 1 });
      expect(reports(a, b).map((r) => [r.calls, r.cached, r.quota.length])).toEqual([[2, 0, 2], [0, 0, 2]]);
    } finally {
      await off.close();
    }
  });
});
