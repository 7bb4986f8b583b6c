/**
 * A link asked for its identity only (`folder { id __typename }`, what a normalized client cache asks) is answered
 * from the id its parent holds, without a call (src/resolvers/links.ts); any other field loads the object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO });
});
afterAll(() => stack.close());

async function counted(query: string, variables: Record<string, unknown> = {}) {
  stack.sim.resetCounts();
  const data = await stack.gql(query, variables);
  return { data, counts: stack.sim.counts() };
}

describe('links read for their identity only', () => {
  it("answer a recipe's folder from its folder_id: one recipes call, no folder walk, the same id as the folder itself", async () => {
    const stub = await counted(`{ recipes(first: 25) { nodes { workatoId folder { id workatoId __typename } } } }`);
    expect(stub.counts).toEqual({ 'GET /api/recipes': 1 });
    const full = await counted(`{ recipes(first: 25) { nodes { workatoId folder { id workatoId name } } } }`);
    expect(full.counts['GET /api/folders']).toBeGreaterThan(0);
    const idsOf = (d: any) => d.recipes.nodes.map((r: any) => [r.workatoId, r.folder?.id, r.folder?.workatoId]);
    expect(idsOf(stub.data)).toEqual(idsOf(full.data));
    expect(stub.data.recipes.nodes[0].folder.__typename).toBe('Folder');
  });

  it('look through fragments, and load when a fragment or an included field reads more', async () => {
    const viaFragment = await counted(`{ recipes(first: 3) { nodes { folder { ...Ref } } } } fragment Ref on Folder { id __typename }`);
    expect(viaFragment.counts).toEqual({ 'GET /api/recipes': 1 });
    const more = await counted(`{ recipes(first: 3) { nodes { folder { ...Named } } } } fragment Named on Folder { id name }`);
    expect(more.counts['GET /api/folders']).toBeGreaterThan(0);
    const query = `query($named: Boolean!) { recipes(first: 3) { nodes { folder { id name @include(if: $named) } } } }`;
    expect((await counted(query, { named: false })).counts).toEqual({ 'GET /api/recipes': 1 });
    const included = await counted(query, { named: true });
    expect(included.counts['GET /api/folders']).toBeGreaterThan(0);
    expect(included.data.recipes.nodes[0].folder.name).toEqual(expect.any(String));
  });

  it("answer a job's recipe, a connection's folder and a project's folder the same way", async () => {
    const jobs = await counted(`{ recipe(id: "3307712") { jobs(first: 5) { nodes { recipe { id workatoId } } } } }`);
    expect(jobs.counts).toEqual({ 'GET /api/recipes/:recipe_id/jobs': 1 });
    expect(jobs.data.recipe.jobs.nodes[0].recipe.workatoId).toBe('3307712');
    const connections = await counted(`{ connections(first: 5) { nodes { folder { id } } } projects(first: 5) { nodes { folder { id } } } }`);
    expect(connections.counts).toEqual({ 'GET /api/connections': 1, 'GET /api/projects': 1 });
  });
});
