/**
 * Prefetch (src/server/plugins/prefetch.ts): a query the caller ran twice with the same reads sends them, from its
 * third run, as soon as its parameters are parsed, and its resolvers take those answers. It must never cost a call
 * the run would not make, never send one caller's plan for another, and never run for traces, explain or writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrefetchPlans } from '../src/server/plugins/prefetch.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import type { FirstRead } from '../src/workato/ledger.js';
import { startStack, type Stack } from './support/stack.js';

const BOB = 'b0b'.padEnd(64, '3');

/** The gateway's prefetch counter by outcome (`sent`, `untaken`); 0 before the first. */
async function prefetched(stack: Stack): Promise<{ sent: number; untaken: number }> {
  const text = await fetch(`${stack.gateway.origin}/metrics`).then((r) => r.text());
  const value = (outcome: string) => Number(new RegExp(`^gateway_prefetched_reads_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { sent: value('sent'), untaken: value('untaken') };
}

/** Runs `query` `times` times, one after another; each run's simulator counts and cost report. */
async function runs(stack: Stack, times: number, query: string, variables?: Record<string, unknown>, token?: string) {
  const out: Array<{ counts: Record<string, number>; calls: number; roundTrips: number; data: unknown; codes: unknown[] }> = [];
  for (let i = 0; i < times; i++) {
    stack.sim.resetCounts();
    const r = await stack.request(query, variables, { token });
    out.push({
      counts: stack.sim.counts(),
      calls: r.extensions?.workato?.calls,
      roundTrips: r.extensions?.workato?.roundTrips,
      data: r.data,
      codes: (r.errors ?? []).map((e) => e.extensions?.code),
    });
  }
  return out;
}

describe('prefetch through the gateway', () => {
  let stack: Stack;
  let off: Stack;
  beforeAll(async () => {
    const simulator = { workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 5 } } };
    [stack, off] = await Promise.all([startStack({ simulator }), startStack({ simulator, env: { PREFETCH: 'off' } })]);
  });
  afterAll(() => Promise.all([stack.close(), off.close()]));

  const TWO_READS = `{ me { name } recipes(first: 2) { nodes { id name } } }`;

  it('sends a query\'s first reads ahead from its third run, and its resolvers take them: no call more, same answer', async () => {
    const before = await prefetched(stack);
    const seen = await runs(stack, 5, TWO_READS);
    for (const run of seen) {
      expect(run.counts).toEqual({ 'GET /api/users/me': 1, 'GET /api/recipes': 1 });
      expect([run.calls, run.roundTrips]).toEqual([2, 1]);
      expect(run.data).toEqual(seen[0]!.data);
    }
    // Runs 1 and 2 made the plan; runs 3, 4 and 5 sent both reads ahead, and took every one.
    expect(await prefetched(stack)).toEqual({ sent: before.sent + 6, untaken: before.untaken });
    const reference = await runs(off, 5, TWO_READS);
    expect(reference.map((r) => [r.counts, r.calls, r.roundTrips, r.data])).toEqual(seen.map((r) => [r.counts, r.calls, r.roundTrips, r.data]));
    expect((await prefetched(off)).sent).toBe(0);
  });

  it('keys a plan by caller and variables: another token, or other variables, sends nothing ahead', async () => {
    const query = `query Page($n: Int) { recipes(first: $n) { nodes { id name } } }`;
    await runs(stack, 3, query, { n: 2 });
    const before = await prefetched(stack);
    const [bobs] = await runs(stack, 1, query, { n: 2 }, BOB);
    expect(bobs!.counts).toEqual({ 'GET /api/recipes': 1 });
    const [three] = await runs(stack, 1, query, { n: 3 });
    expect(three!.counts).toEqual({ 'GET /api/recipes': 1 });
    expect(await prefetched(stack)).toEqual(before);
    // Bob's answer is Bob's own workspace's: his token went out, not the plan's caller's.
    const [mine] = await runs(stack, 1, query, { n: 2 });
    expect(bobs!.data).not.toEqual(mine!.data);
    expect((await prefetched(stack)).sent).toBe(before.sent + 1);
  });

  it('sends nothing ahead for a traced or explained run, nor for a mutation', async () => {
    await runs(stack, 3, TWO_READS);
    const before = await prefetched(stack);
    stack.sim.resetCounts();
    const traced = await stack.request(TWO_READS, undefined, { headers: { 'x-workato-trace': '1' } });
    expect(traced.extensions?.workato?.trace).toHaveLength(2);
    const explained = await stack.request(TWO_READS, undefined, { headers: { 'x-workato-explain': '1' } });
    expect(explained.extensions?.workato?.explain?.firstRoundTrip).toHaveLength(2);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 1, 'GET /api/recipes': 1 });
    const stop = `mutation { recipeStop(input: { id: "3307712" }) { userErrors { code } } }`;
    const start = `mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`;
    for (let i = 0; i < 3; i++) {
      await stack.request(stop);
      await stack.request(start);
    }
    expect(await prefetched(stack)).toEqual(before);
  });

  it('hands the resolver a failed read\'s error as its own call would have, and keeps the process answering', async () => {
    const query = `{ me { name } }`;
    await runs(stack, 3, query);
    const before = await prefetched(stack);
    stack.sim.inject({ route: 'GET /api/users/me', status: 500, body: { message: 'boom' }, times: 1 });
    const [failed] = await runs(stack, 1, query);
    expect(failed!.counts).toEqual({ 'GET /api/users/me': 1 });
    expect(failed!.codes).toEqual(['UPSTREAM_ERROR']);
    const [fine] = await runs(stack, 1, query);
    expect(fine!.codes).toEqual([]);
    expect(await prefetched(stack)).toEqual({ sent: before.sent + 2, untaken: before.untaken });
  });

  it('with the reference cache warm, a query that also reads folders and connections takes every read it sent ahead', async () => {
    const query = `{ recipes(first: 3) { nodes { id folder { name } connections { id name } } } }`;
    const before = await prefetched(stack);
    const seen = await runs(stack, 5, query);
    for (const run of seen.slice(2)) expect(run.counts).toEqual({ 'GET /api/recipes': 1 });
    for (const run of seen) expect(run.data).toEqual(seen[0]!.data);
    const after = await prefetched(stack);
    expect(after.untaken).toBe(before.untaken);
    expect(after.sent).toBeGreaterThan(before.sent);
  });
});

describe('prefetch plans', () => {
  const read = (path: string): FirstRead => ({ baseUrl: 'http://w/api', path, search: '' });

  it('sends ahead only what two runs in a row agreed on, in any order', () => {
    const plans = new PrefetchPlans();
    plans.record('k', [read('/a'), read('/b')], 0);
    expect(plans.ahead('k')).toBeUndefined();
    plans.record('k', [read('/b'), read('/a')], 0);
    expect(plans.ahead('k')).toEqual([read('/a'), read('/b')]);
    plans.record('k', [read('/a')], 0);
    expect(plans.ahead('k')).toBeUndefined();
    plans.record('k', [], 0);
    expect(plans.size).toBe(0);
  });

  it('drops a plan for good once a run left a read sent ahead untaken', () => {
    const plans = new PrefetchPlans();
    plans.record('k', [read('/a')], 0);
    plans.record('k', [read('/a')], 0);
    plans.record('k', [read('/a')], 1);
    plans.record('k', [read('/a')], 0);
    plans.record('k', [read('/a')], 0);
    expect(plans.ahead('k')).toBeUndefined();
  });

  it('keeps at most its limit, the least recently used going first', () => {
    const plans = new PrefetchPlans(2);
    for (const key of ['x', 'y']) for (let i = 0; i < 2; i++) plans.record(key, [read(`/${key}`)], 0);
    expect(plans.ahead('x')).toBeDefined(); // x is now the most recently used
    plans.record('z', [read('/z')], 0);
    expect(plans.size).toBe(2);
    expect(plans.ahead('x')).toBeDefined();
    plans.record('y', [read('/y')], 0);
    expect(plans.ahead('y')).toBeUndefined(); // y had gone: a new, unconfirmed plan
  });
});
