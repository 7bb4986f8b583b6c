import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO });
});
afterAll(() => stack.close());

/** How many folder list calls a breadth-first walk from Home needs to find every folder in `wanted`. */
async function folderCallsToFind(wanted: Set<number>): Promise<number> {
  const remaining = new Set(wanted);
  const top = await rest<any[]>(stack.sim, '/folders?per_page=100');
  let calls = 1;
  if (top[0]) remaining.delete(top[0].parent_id);
  let level = top;
  while (level.length) {
    for (const f of level) remaining.delete(f.id);
    if (remaining.size === 0) break;
    const next: any[] = [];
    for (const f of level) {
      const children = await rest<any[]>(stack.sim, `/folders?parent_id=${f.id}&per_page=100`);
      calls += Math.floor(children.length / 100) + 1;
      next.push(...children);
    }
    level = next;
  }
  return calls;
}

const OVERVIEW = `{
  recipes(first: 25) {
    nodes { name folder { name } connections { name } triggerConnector { title } }
  }
}`;

describe('batching: exact upstream call counts', () => {
  it('25 recipes with folder, connections and trigger connector cost one call per list, not per recipe', async () => {
    const recipes = (await rest(stack.sim, '/recipes?per_page=26')).items.slice(0, 25);
    const folderCalls = await folderCallsToFind(new Set(recipes.map((r: any) => r.folder_id)));

    stack.sim.resetCounts();
    const data = await stack.gql(OVERVIEW);
    expect(data.recipes.nodes).toHaveLength(25);
    expect(data.recipes.nodes.every((r: any) => r.folder?.name)).toBe(true);
    expect(stack.sim.counts()).toEqual({
      'GET /api/recipes': 1,
      'GET /api/connections': 1,
      'GET /api/integrations': 1,
      'GET /api/folders': folderCalls,
    });
  });

  it('sends independent lookups in parallel: the Home folder level with the page, then connections and connectors together', async () => {
    stack.sim.setLatency(40);
    try {
      stack.sim.resetCounts();
      await stack.gql(OVERVIEW);
      const log = stack.sim.log();
      const recipes = log.find((l) => l.route === 'GET /api/recipes')!;
      const connections = log.find((l) => l.route === 'GET /api/connections')!;
      const connectors = log.find((l) => l.route === 'GET /api/integrations')!;
      const homeLevel = log.find((l) => l.route === 'GET /api/folders' && !l.path.includes('parent_id'))!;
      const nextLevel = log.find((l) => l.route === 'GET /api/folders' && l.path.includes('parent_id'))!;
      // The Home level needs nothing from the recipe page: both are in flight at once.
      expect(Math.max(recipes.startedAt, homeLevel.startedAt)).toBeLessThan(Math.min(recipes.endedAt, homeLevel.endedAt));
      // Connections and connectors need the page's recipes: they go out after it, together.
      for (const call of [connections, connectors]) expect(call.startedAt).toBeGreaterThanOrEqual(recipes.endedAt - 1);
      expect(Math.max(connections.startedAt, connectors.startedAt)).toBeLessThan(Math.min(connections.endedAt, connectors.endedAt));
      // The next folder level needs the Home level and the page (which folders are wanted). Whether it also overlaps
      // the connections and connectors depends on which of the first two answers came last: not asserted.
      expect(nextLevel.startedAt).toBeGreaterThanOrEqual(Math.max(recipes.endedAt, homeLevel.endedAt) - 1);
    } finally {
      stack.sim.setLatency(0);
    }
  });

  it('lists no folders for a page whose recipes are not asked for their folder', async () => {
    stack.sim.resetCounts();
    await stack.gql(`{ recipes(first: 5) { edges { node { name } } } a: recipes(first: 5) { nodes { ... on Recipe { folder @skip(if: true) { name } } } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
  });

  it('de-duplicates the same lookup asked for many times in one request', async () => {
    stack.sim.resetCounts();
    await stack.gql(`{
      a: recipe(id: "3307712") { name connections { name } }
      b: recipe(id: "3307712") { name config { connection { name } } }
      c: connection(id: "880101") { name }
      me { name } again: me { name }
    }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1, 'GET /api/connections': 1, 'GET /api/users/me': 1 });
  });

  it('jobs of several recipes go out together, one list call per recipe', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ recipes(first: 5) { nodes { jobs(first: 2) { nodes { handle } } } } }`);
    expect(data.recipes.nodes).toHaveLength(5);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1, 'GET /api/recipes/:recipe_id/jobs': 5 });
  });

  it('asks recipe lists for code and tags only when the operation reads them', async () => {
    const listPaths = () => stack.sim.log().filter((l) => l.route === 'GET /api/recipes').map((l) => decodeURIComponent(l.path));

    stack.sim.resetCounts();
    const plain = await stack.gql(`{ recipes(first: 3) { nodes { name } } }`);
    expect(plain.recipes.nodes).toHaveLength(3);
    expect(listPaths()).toEqual([expect.stringContaining('exclude_code=true')]);
    expect(listPaths()[0]).not.toContain('includes');

    // Read through a fragment in another selection of the same document: every list of the request keeps them.
    stack.sim.resetCounts();
    const full = await stack.gql(`{ a: recipes(first: 3) { nodes { name } } b: recipes(first: 2) { nodes { ...Source } } }
      fragment Source on Recipe { code tagHandles }`);
    expect(full.b.nodes.every((r: any) => r.code !== null && Array.isArray(r.tagHandles))).toBe(true);
    for (const path of listPaths()) {
      expect(path).not.toContain('exclude_code');
      expect(path).toContain('includes[]=tags');
    }
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 2 }); // code from the list items: no GET per recipe

    // Federation batches walk the same list: without `code` asked, pages come without it.
    const ids = (await rest(stack.sim, '/recipes?per_page=3')).items.map((r: any) => String(r.id));
    stack.sim.resetCounts();
    const entities = await stack.gql(`{ _entities(representations: [${ids.map((id: string) => `{ __typename: "Recipe", workatoId: "${id}" }`).join(', ')}]) { ... on Recipe { name } } }`);
    expect(entities._entities).toHaveLength(3);
    expect(listPaths()).toEqual([expect.stringContaining('exclude_code=true')]);
  });

  it('asks the connection list for tags only when the operation reads them', async () => {
    const listPaths = () => stack.sim.log().filter((l) => l.route === 'GET /api/connections').map((l) => decodeURIComponent(l.path));

    stack.sim.resetCounts();
    const plain = await stack.gql(`{ recipes(first: 3) { nodes { connections { name } } } }`);
    expect(plain.recipes.nodes).toHaveLength(3);
    expect(listPaths()).toHaveLength(1);
    expect(listPaths()[0]).not.toContain('includes');

    stack.sim.resetCounts();
    const tagged = await stack.gql(`{ recipes(first: 3) { nodes { connections { ...Tagged } } } } fragment Tagged on Connection { name tagHandles }`);
    const connections = tagged.recipes.nodes.flatMap((r: any) => r.connections);
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.some((c: any) => c.tagHandles.length > 0)).toBe(true);
    expect(listPaths()).toEqual([expect.stringContaining('includes[]=tags')]);
  });

  it('keeps loaders per request: a second request asks Workato again', async () => {
    stack.sim.resetCounts();
    await stack.gql(`{ me { name } }`);
    await stack.gql(`{ me { name } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 2 });
  });
});
