import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, makePage } from '../src/resolvers/relay.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: undefined } });
});
afterAll(() => stack.close());

async function walk(query: string, pick: (data: any) => any, variables: Record<string, unknown> = {}) {
  const seen: any[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data = await stack.gql(query, { ...variables, after });
    const connection = pick(data);
    seen.push(...connection.edges.map((e: any) => e.node));
    pages++;
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
    if (pages > 500) throw new Error('runaway pagination');
  }
  return { seen, pages };
}

describe('pagination', () => {
  it('walks every recipe page with no gap or duplicate, in Workato order', async () => {
    const wire = await rest(stack.sim, '/recipes?per_page=100');
    let all: any[] = wire.items;
    for (let last = all.at(-1)?.id; all.length % 100 === 0 && last; last = all.at(-1)?.id) {
      const more = (await rest(stack.sim, `/recipes?per_page=100&since_id=${last}`)).items;
      if (more.length === 0) break;
      all = all.concat(more);
    }
    for (const first of [7, 25, 100]) {
      const { seen } = await walk(
        `query($after: String, $first: Int) { recipes(first: $first, after: $after) { edges { cursor node { workatoId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        (d) => d.recipes,
        { first },
      );
      expect(seen.map((r) => r.workatoId)).toEqual(all.map((r) => String(r.id)));
    }
  });

  it('walks recipes in activity order by offset cursors', async () => {
    const { seen } = await walk(
      `query($after: String) { recipes(first: 9, order: ACTIVITY, after: $after) { edges { node { workatoId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
      (d) => d.recipes,
    );
    const ids = seen.map((r) => r.workatoId);
    expect(new Set(ids).size).toBe(ids.length);
    const count = (await stack.gql(`{ me { recipesCount } }`)).me.recipesCount;
    expect(ids.length).toBe(count);
  });

  it('walks every job of a recipe with no gap or duplicate, and totalCount agrees', async () => {
    const { seen, pages } = await walk(
      `query($after: String) { recipe(id: "3307712") { jobs(first: 37, after: $after) { totalCount edges { node { handle } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
      (d) => d.recipe.jobs,
    );
    const handles = seen.map((j) => j.handle);
    expect(new Set(handles).size).toBe(handles.length);
    const wire = await rest(stack.sim, `/recipes/3307712/jobs?per_page=1`);
    expect(handles.length).toBe(wire.job_scope_count ?? wire.job_count);
    expect(handles[0]).toBe(wire.items[0].id);
    expect(pages).toBe(Math.ceil(handles.length / 37));
  });

  it('pages back to newer jobs with last/before, newest first, with no gap, and refuses mixed directions', async () => {
    const all = (await rest(stack.sim, `/recipes/3307712/jobs?per_page=60`)).items.map((j: any) => j.id);
    const PAGE = `query($before: String) { recipe(id: "3307712") { jobs(last: 7, before: $before) {
      nodes { handle } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
    const older = await stack.gql(`{ recipe(id: "3307712") { jobs(first: 30) { pageInfo { endCursor } } } }`);
    let before: string = older.recipe.jobs.pageInfo.endCursor; // the 30th job: 29 newer ones to walk back through
    const seen: string[][] = [];
    for (;;) {
      const page = (await stack.gql(PAGE, { before })).recipe.jobs;
      seen.unshift(page.nodes.map((n: any) => n.handle));
      expect(page.pageInfo.hasNextPage).toBe(true);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen.flat()).toEqual(all.slice(0, 29));
    expect(seen.map((p) => p.length)).toEqual([1, 7, 7, 7, 7]);
    stack.sim.resetCounts();
    const mixed = await stack.request(`query($c: String) { recipe(id: "3307712") { jobs(after: $c, before: $c) { nodes { handle } } } }`, { c: before });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const lastAlone = await stack.request(`{ recipe(id: "3307712") { jobs(last: 3) { nodes { handle } } } }`);
    expect(lastAlone.errors?.[0]).toMatchObject({ message: expect.stringContaining('`last`'), extensions: { code: 'BAD_USER_INPUT' } });
    const bad = await stack.request(`{ recipe(id: "3307712") { jobs(last: 3, before: "nope") { nodes { handle } } } }`);
    expect(bad.errors?.[0]?.message).toContain('`before`');
    expect(stack.sim.counts()['GET /api/recipes/:recipe_id/jobs']).toBeUndefined();
  });

  it('filters jobs by status across pages', async () => {
    const { seen } = await walk(
      `query($after: String) { recipe(id: "3307712") { jobs(first: 50, status: FAILED, after: $after) { edges { node { status } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
      (d) => d.recipe.jobs,
    );
    const wire = await rest(stack.sim, `/recipes/3307712/jobs?per_page=1`);
    expect(seen.length).toBe(wire.job_failed_count);
    expect(seen.every((j) => j.status === 'FAILED')).toBe(true);
  });

  it('pages connections and connectors without gaps', async () => {
    const connections = await walk(
      `query($after: String) { connections(first: 4, after: $after) { edges { node { workatoId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
      (d) => d.connections,
    );
    const wire = await rest<any[]>(stack.sim, '/connections');
    expect(connections.seen.map((c) => c.workatoId)).toEqual(wire.map((c) => c.id).sort((a, b) => a - b).map(String));

    const connectors = await walk(
      `query($after: String) { connectors(first: 3, after: $after) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
      (d) => d.connectors,
    );
    const all = await rest(stack.sim, '/integrations/all?per_page=100');
    expect(connectors.seen.map((c) => c.name)).toEqual(all.items.map((c: any) => c.name));
  });

  it('rejects a cursor from another list and an out-of-range page size', async () => {
    const { recipes } = await stack.gql(`{ recipes(first: 1) { pageInfo { endCursor } } }`);
    const wrong = await stack.request(`query($a: String) { connectors(after: $a) { nodes { name } } }`, { a: recipes.pageInfo.endCursor });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await stack.request(`{ recipes(after: "not-a-cursor") { nodes { name } } }`);
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await stack.request(`{ recipes(first: 101) { nodes { name } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('pages projects by ascending id, as described, so a cursor outlives the deletion of its project', async () => {
    const { __type } = await stack.gql(`{ __type(name: "Query") { fields { name description } } }`);
    const description = __type.fields.find((f: { name: string }) => f.name === 'projects').description;
    expect(description).toMatch(/ordered by id/);
    expect(description).not.toMatch(/Workato's order/);

    const create = async (name: string): Promise<number> =>
      Number((await stack.gql(`mutation($n: String!) { folderCreate(input: { name: $n }) { folder { project { workatoId } } } }`, { n: name })).folderCreate.folder.project.workatoId);
    const a = await create('Paging A');
    const b = await create('Paging B');
    // Workato's answer (the simulator's, like fixtures/projects-list.json) is id-descending; the gateway's is ascending.
    const wire = (await rest<Array<{ id: number }>>(stack.sim, '/projects')).map((p) => p.id);
    const ascending = [...wire].sort((x, y) => x - y);
    expect(wire).not.toEqual(ascending);
    const PAGE = `query($first: Int, $after: String) { projects(first: $first, after: $after) { nodes { workatoId } pageInfo { endCursor hasNextPage } } }`;
    const all = (await stack.gql(PAGE, { first: 100 })).projects.nodes.map((p: { workatoId: string }) => Number(p.workatoId));
    expect(all).toEqual(ascending);

    const upToA = (await stack.gql(PAGE, { first: ascending.indexOf(a) + 1 })).projects;
    expect(upToA.nodes.at(-1).workatoId).toBe(String(a));
    const DELETE = `mutation($id: ID!) { projectDelete(input: { id: $id }) { deletedProjectId userErrors { code } } }`;
    expect((await stack.gql(DELETE, { id: String(a) })).projectDelete.userErrors).toEqual([]);
    const next = (await stack.gql(PAGE, { first: 100, after: upToA.pageInfo.endCursor })).projects.nodes.map((p: { workatoId: string }) => Number(p.workatoId));
    expect(next).toEqual(ascending.slice(ascending.indexOf(a) + 1));
    expect(next[0]).toBe(b);
    await stack.gql(DELETE, { id: String(b) });
  });
});

describe('makePage', () => {
  it('encodes an edge cursor only when it is read, the same one pageInfo names', () => {
    const encoded: number[] = [];
    const page = makePage([{ id: 11 }, { id: 12 }, { id: 13 }], (node, i) => (encoded.push(i), { k: 'id', id: node.id }), true, false);
    expect(encoded).toEqual([0, 2]); // startCursor and endCursor only: a document reading `nodes` pays for no other
    expect(page.edges.map((e) => e.node.id)).toEqual([11, 12, 13]);
    expect(encoded).toEqual([0, 2]);
    expect(page.edges[2]!.cursor).toBe(page.pageInfo.endCursor);
    expect(page.edges[0]!.cursor).toBe(page.pageInfo.startCursor);
    expect(decodeCursor(page.edges[1]!.cursor, 'id')).toEqual({ k: 'id', id: 12 });
    expect(makePage([], () => ({ k: 'id', id: 0 }), false, false).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
