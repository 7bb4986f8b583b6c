/**
 * What the gateway saves shows in its Prometheus metrics: `workato_upstream_saved_total` counts reads answered
 * without a Workato call of their own (by the reference cache, or by an identical call of the same token in flight),
 * `graphql_reused_results_total` answers given without running the operation (the response cache, or a copy of an
 * identical run in flight). Each figure is checked against what the simulator was asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { RESPONSE_CACHE: 'memory' } });
});
afterAll(() => stack.close());

/** The counter's value for one label set (0 while the set has not been counted). */
async function counter(name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${stack.gateway.origin}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

const saved = (family: string, by: string) => counter('workato_upstream_saved_total', { family, by });
const reused = (source: string) => counter('graphql_reused_results_total', { source });

describe('metrics of what the gateway saves', () => {
  it('counts the reads the reference cache answered, by family', async () => {
    const query = `query($first: Int!) { recipes(first: $first) { nodes { folder { name } } } }`;
    await stack.gql(query, { first: 5 }); // fills the reference cache with the folder tree
    const before = await saved('folders', 'reference_cache');
    stack.sim.resetCounts();
    const second = await stack.request(query, { first: 4 }); // another document text for the response cache
    expect(second.errors).toBeUndefined();
    expect(stack.sim.counts()['GET /api/folders']).toBeUndefined();
    const cached = (second.extensions!.workato as { cached: number }).cached;
    expect(cached).toBeGreaterThan(0);
    expect((await saved('folders', 'reference_cache')) - before).toBe(cached);
  });

  it('counts a read that joined an identical call of the same token in flight', async () => {
    stack.sim.setLatency(40); // the second request arrives while the first one's call waits on Workato
    try {
      const before = await saved('users', 'shared_call');
      stack.sim.resetCounts();
      // Two documents (no shared run, no cached answer), one GET /users/me.
      const [a, b] = await Promise.all([stack.request(`{ me { id } }`), stack.request(`{ me { name } }`)]);
      expect(a.errors ?? b.errors).toBeUndefined();
      expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 1 });
      expect((await saved('users', 'shared_call')) - before).toBe(1);
    } finally {
      stack.sim.setLatency(0);
    }
  });

  it('counts whole answers from the response cache and from a shared run', async () => {
    const fromCache = await reused('response_cache');
    const fromRun = await reused('shared_run');
    await stack.gql(`{ recipes(first: 3) { nodes { id name } } }`);
    const again = await stack.request(`{ recipes(first: 3) { nodes { id name } } }`);
    expect(again.extensions!.workato).toMatchObject({ calls: 0, cached: 1 });
    expect((await reused('response_cache')) - fromCache).toBe(1);

    stack.sim.setLatency(40);
    try {
      stack.sim.resetCounts();
      const [a, b] = await Promise.all([stack.request(`{ recipes(first: 7) { nodes { id } } }`), stack.request(`{ recipes(first: 7) { nodes { id } } }`)]);
      expect(b.data).toEqual(a.data);
      expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
    } finally {
      stack.sim.setLatency(0);
    }
    expect((await reused('shared_run')) - fromRun).toBe(1);
    expect((await reused('response_cache')) - fromCache).toBe(1);
  });
});
