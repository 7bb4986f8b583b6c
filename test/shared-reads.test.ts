/**
 * Identical reads of the same token in flight share one Workato call (src/workato/http.ts): never across tokens,
 * never for a write, never for a secret, never after the call has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { startStack, type Stack } from './support/stack.js';

const BOB = 'b0b'.padEnd(64, '2');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 5 } } } });
  stack.sim.setLatency(40); // long enough for the second request to arrive while the first call is out
});
afterAll(() => stack.close());

const ME = `{ me { name } }`;

describe('identical reads in flight', () => {
  it('share one call between two concurrent requests of the same token; the second reports it as shared', async () => {
    stack.sim.resetCounts();
    const [a, b] = await Promise.all([
      stack.request(ME, {}, { headers: { 'x-workato-trace': '1' } }),
      stack.request(ME, {}, { headers: { 'x-workato-trace': '1' } }),
    ]);
    expect(a.data?.me?.name).toBe(b.data?.me?.name);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 1 });
    const reports = [a, b].map((r) => r.extensions!.workato).sort((x, y) => y.calls - x.calls);
    expect(reports.map((r) => r.calls)).toEqual([1, 0]);
    expect(reports[1].trace).toEqual([expect.objectContaining({ path: '/users/me', cached: true, status: 200, fieldPaths: ['me'] })]);
  });

  it('never share across tokens: each token gets its own answer from its own call', async () => {
    stack.sim.resetCounts();
    const [mine, bobs] = await Promise.all([stack.request(ME), stack.request(ME, {}, { token: BOB })]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 2 });
    expect(mine.data?.me?.name).not.toBe(bobs.data?.me?.name);
  });

  it('never share a write, nor a read that starts after the first one ended', async () => {
    stack.sim.resetCounts();
    const stop = `mutation { recipeStop(input: { id: "3307712" }) { userErrors { code } } }`;
    await Promise.all([stack.request(stop), stack.request(stop)]);
    expect(stack.sim.counts()['PUT /api/recipes/:id/stop']).toBe(2);
    await stack.request(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
    stack.sim.resetCounts();
    await stack.request(ME);
    await stack.request(ME);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 2 });
  });

  it('hands each sharer its own copy: one request marking its objects does not change the other', async () => {
    stack.sim.resetCounts();
    const recipes = `{ recipes(first: 2) { nodes { id workatoId } } }`;
    const [a, b] = await Promise.all([stack.request(recipes), stack.request(`{ r: recipes(first: 2) { nodes { id workatoId } } }`)]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
    expect(a.data?.recipes.nodes).toEqual(b.data?.r.nodes);
  });

  it('never share a secret: two concurrent reveals of one agent\'s activation code each get their own call and code', async () => {
    const created = await stack.gql(`mutation { onPremAgentCreate(input: { groupId: "16803", name: "shared-read-agent", os: LINUX }) {
      onPremAgent { id } userErrors { code } } }`);
    const id = created.onPremAgentCreate.onPremAgent.id;
    const reveal = `mutation($id: ID!) { onPremAgentActivationCodeReveal(input: { id: $id }) { activationCode userErrors { code } } }`;
    stack.sim.resetCounts();
    const [a, b] = await Promise.all([stack.gql(reveal, { id }), stack.gql(reveal, { id })]);
    expect(stack.sim.counts()['GET /api/on_prem_agents/:id/activation_code']).toBe(2);
    const codes = [a, b].map((r) => r.onPremAgentActivationCodeReveal.activationCode);
    expect(codes.every((c) => typeof c === 'string')).toBe(true);
    expect(codes[0]).not.toBe(codes[1]);
  });

  it("never lets a mutation's read-back take a read that left before the write (the state it changed)", async () => {
    await stack.gql(`mutation { recipeStop(input: { id: "3307712" }) { userErrors { code } } }`);
    stack.sim.inject({ route: 'GET /api/recipes/:id', delayMs: 400, times: 1 });
    const before = stack.gql(`{ recipe(id: "3307712") { running name } }`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the read is out, answering "stopped"
    // The start answers no recipe: its read-back is a GET /recipes/:id like the one still in flight.
    const started = await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { recipe { running name } userErrors { code } } }`);
    expect(started.recipeStart).toEqual({ recipe: { running: true, name: expect.any(String) }, userErrors: [] });
    expect((await before).recipe.running).toBe(false);
  });

  it('never lets a read sent after a write of the caller take one that left before it', async () => {
    await stack.gql(`mutation { recipeStop(input: { id: "3307712" }) { userErrors { code } } }`);
    stack.sim.inject({ route: 'GET /api/recipes/:id', delayMs: 400, times: 1 });
    const before = stack.gql(`{ recipe(id: "3307712") { running } }`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the read is out, answering "stopped"
    await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
    // Another document (an alias), so that only the REST reads could be shared, not the whole query.
    const after = await stack.request(`{ r: recipe(id: "3307712") { running } }`);
    expect(after.data?.r.running).toBe(true);
    expect(after.extensions!.workato.calls).toBe(1);
    expect((await before).recipe.running).toBe(false);
  });
});
