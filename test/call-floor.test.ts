/**
 * The gateway makes no more Workato calls than a careful hand-written client, and fetches nothing the operation
 * does not read: call counts of operations an audit found too dear. Cold runs (EACH_REQUEST_CALLS_WORKATO), so the
 * reference cache hides no call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedById } from '../src/loaders/util.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO });
});
afterAll(() => stack.close());

/** The Workato calls of one request (which must not fail), by route. */
async function callsOf(query: string, variables?: Record<string, unknown>): Promise<Record<string, number>> {
  stack.sim.resetCounts();
  await stack.gql(query, variables);
  return stack.sim.counts();
}

describe('a list page and a by-id lookup of the same family in one request share the page', () => {
  /** The last item of `field(first: 5)`: its `id`, read in a request of its own. */
  async function lastOf(field: string): Promise<string> {
    const data = await stack.gql(`{ ${field}(first: 5) { nodes { id } } }`);
    expect(data[field].nodes.length).toBeGreaterThan(0);
    return data[field].nodes.at(-1).id;
  }

  it.each([
    ['apiEndpoints', 'apiEndpoint', { 'GET /api/api_endpoints': 1 }],
    ['apiCollections', 'apiCollection', { 'GET /api/api_collections': 1 }],
    ['apiPortals', 'apiPortal', { 'GET /api/v2/api_portals': 1 }],
    ['lookupTables', 'lookupTable', { 'GET /api/lookup_tables': 1 }],
    ['apiPlatformClients', 'apiPlatformClient', { 'GET /api/v2/api_clients': 1 }],
    ['iamUsers', 'iamUser', { 'GET /api/iam/users': 1 }],
    ['managedUsers', 'managedUser', { 'GET /api/managed_users': 1 }],
  ])('%s(first: 5) with %s(id) of an item of that page: one call', async (list, one, calls) => {
    const id = await lastOf(list);
    expect(await callsOf(`query($id: ID!) { ${list}(first: 5) { nodes { id name } } ${one}(id: $id) { id name } }`, { id })).toEqual(calls);
  });

  it('an id the page does not hold is still read, and an unknown one is NOT_FOUND', async () => {
    const data = await stack.gql(`{ iamUsers(first: 5) { nodes { id } } }`);
    const last = data.iamUsers.nodes.at(-1).id;
    expect(await callsOf(`query($id: ID!) { iamUsers(first: 1) { nodes { id } } iamUser(id: $id) { name } }`, { id: last })).toEqual({
      'GET /api/iam/users': 1,
      'GET /api/iam/users/:id': 1,
    });
    const missing = await stack.request(`{ apiCollections(first: 1) { nodes { id } } apiCollection(id: "999") { name } managedUser(id: "99999") { name } }`);
    expect(missing.data).toMatchObject({ apiCollection: null, managedUser: null });
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe("one API collection's endpoints", () => {
  beforeAll(async () => {
    // 150 endpoints in collection 1361 (2 seeded): a page of 5 must not read them all.
    for (let i = 0; i < 148; i++) {
      const response = await fetch(`${stack.sim.url}/api_collections/1361/api_endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Endpoint ${i}`, method: 'GET', path: `things/${i}`, flow_id: 3307712 }),
      });
      expect(response.status).toBe(200);
    }
  });

  it('apiCollection(id) { endpoints(first: 5) }: the collection list and one page of 6, in one round trip', async () => {
    stack.sim.resetCounts();
    const result = await stack.request(`{ apiCollection(id: "1361") { endpoints(first: 5) { pageInfo { hasNextPage endCursor } nodes { id workatoId } } } }`);
    const endpoints = result.data?.apiCollection.endpoints;
    expect(endpoints.nodes.map((e: { workatoId: string }) => e.workatoId)).toEqual(['9903', '9904', expect.any(String), expect.any(String), expect.any(String)]);
    expect(endpoints.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/api_collections': 1, 'GET /api/api_endpoints': 1 });
    expect(stack.sim.log().filter((e) => e.path.startsWith('/api/api_endpoints')).map((e) => new URL(e.path, 'http://x').searchParams.toString())).toEqual([
      'page=1&per_page=6&api_collection_id=1361',
    ]);
    expect(result.extensions?.workato).toMatchObject({ calls: 2, roundTrips: 1 });

    // The next page goes on from the offset: one more page call; the last page says so.
    const next = await stack.gql(`query($after: String) { apiCollection(id: "1361") { endpoints(first: 100, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } } }`, {
      after: endpoints.pageInfo.endCursor,
    });
    expect(next.apiCollection.endpoints.nodes).toHaveLength(100);
    expect(next.apiCollection.endpoints.pageInfo.hasNextPage).toBe(true);
    // As `apiEndpoints(collectionId:)` pages it.
    const same = await stack.gql(`{ apiEndpoints(collectionId: "1361", first: 5) { nodes { workatoId } } }`);
    expect(same.apiEndpoints.nodes.map((e: { workatoId: string }) => e.workatoId)).toEqual(endpoints.nodes.map((e: { workatoId: string }) => e.workatoId));
  });

  it('the collections of a page still share the unfiltered list, cut into the same pages', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ apiCollections { nodes { workatoId endpoints(first: 5) { pageInfo { hasNextPage } nodes { workatoId } } } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/api_collections': 1, 'GET /api/api_endpoints': 2 });
    expect(data.apiCollections.nodes.map((c: { endpoints: { nodes: unknown[] } }) => c.endpoints.nodes.length)).toEqual([5, 1]);
    expect(data.apiCollections.nodes[0].endpoints.pageInfo.hasNextPage).toBe(true);
  });
});

describe('a parent whose children need only the id the caller passed is not read', () => {
  /** The error codes of a request, by path. */
  async function errorsOf(query: string): Promise<Array<[string | undefined, unknown]>> {
    const result = await stack.request(query);
    return (result.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);
  }

  it('recipe(id:) { id versions testCases auditLog health }: the children\'s calls only', async () => {
    expect(
      await callsOf(`{ recipe(id: "3307712") { id workatoId versions(first: 2) { nodes { id } } testCases { nodes { id } }
        version(id: "99120") { id } auditLog(first: 1) { nodes { id } } health { status } } }`),
    ).toEqual({
      'GET /api/recipes/:recipe_id/versions': 1,
      'GET /api/recipes/:recipe_id/versions/:id': 1,
      'GET /api/recipes/:recipe_id/test_cases': 1,
      'GET /api/recipes/:recipe_id/health': 1,
      'GET /api/activity_logs': 1,
    });
    expect(await callsOf(`{ recipe(id: "3307712") { testCases { nodes { name } } } }`)).toEqual({ 'GET /api/recipes/:recipe_id/test_cases': 1 });
    // A recipe that does not exist: NOT_FOUND from the child's own call.
    expect(await errorsOf(`{ recipe(id: "999") { id versions(first: 2) { nodes { id } } } }`)).toEqual([['recipe.versions', 'NOT_FOUND']]);
    expect(await errorsOf(`{ recipe(id: "999") { testCases { nodes { id } } } }`)).toEqual([['recipe.testCases', 'NOT_FOUND']]);
    // The audit log and health cannot tell a missing recipe (no entries; never analysed): alone, the recipe is read.
    expect(await callsOf(`{ recipe(id: "3307712") { id auditLog(first: 1) { nodes { id } } } }`)).toEqual({ 'GET /api/recipes/:id': 1, 'GET /api/activity_logs': 1 });
    expect(await errorsOf(`{ recipe(id: "999") { health { status } } }`)).toEqual([['recipe', 'NOT_FOUND']]);
    // A customer's recipe alike, in the customer's workspace.
    const customer = await stack.gql(`{ managedUser(id: "19029") { recipes(first: 1) { nodes { workatoId } } } }`);
    const recipeId = customer.managedUser.recipes.nodes[0].workatoId;
    expect(await callsOf(`{ managedUser(id: "19029") { recipe(id: "${recipeId}") { id versions(first: 1) { nodes { id } } } } }`)).toEqual({
      'GET /api/managed_users/:managed_user_id/recipes/:recipe_id/versions': 1,
    });
    // Anything of the recipe itself reads it.
    expect(await callsOf(`{ recipe(id: "3307712") { name versions(first: 1) { nodes { id } } } }`)).toEqual({
      'GET /api/recipes/:id': 1,
      'GET /api/recipes/:recipe_id/versions': 1,
    });
  });

  it('lookupTable(id:) { id rows }: the rows call only; a filter needs the table\'s columns', async () => {
    expect(await callsOf(`{ lookupTable(id: "1315") { id rows(first: 2) { nodes { value(column: "code") } } } }`)).toEqual({
      'GET /api/lookup_tables/:lookup_table_id/rows': 1,
    });
    expect(await errorsOf(`{ lookupTable(id: "999") { id rows(first: 2) { nodes { id } } } }`)).toEqual([['lookupTable.rows', 'NOT_FOUND']]);
    expect(await callsOf(`{ lookupTable(id: "1315") { id rows(first: 2, filter: [{ column: "code", value: "DE" }]) { nodes { id } } } }`)).toEqual({
      'GET /api/lookup_tables': 1,
      'GET /api/lookup_tables/:lookup_table_id/rows': 1,
    });
  });

  it('onPremGroup(id:) { id agents }: the agent list only, when it holds an agent of the group; status finds a missing group', async () => {
    expect(await callsOf(`{ onPremGroup(id: "16801") { id agents { workatoId } } }`)).toEqual({ 'GET /api/on_prem_agents': 1 });
    expect(await callsOf(`{ onPremGroup(id: "16801") { id status { state } } }`)).toEqual({ 'GET /api/on_prem_groups/:id/status': 1 });
    // No agent names the group: it may have none, or not exist — read it.
    expect(await callsOf(`{ onPremGroup(id: "16803") { id agents { workatoId } } }`)).toEqual({ 'GET /api/on_prem_agents': 1, 'GET /api/on_prem_groups/:id': 1 });
    expect(await errorsOf(`{ onPremGroup(id: "999") { id agents { workatoId } } }`)).toEqual([['onPremGroup', 'NOT_FOUND']]);
    expect(await errorsOf(`{ onPremGroup(id: "999") { status { state } } }`)).toEqual([['onPremGroup.status', 'NOT_FOUND']]);
  });

  it('eventTopic(id:) { id messages }: the consume call only', async () => {
    const calls = await callsOf(`{ eventTopic(id: "3801") { id messages(first: 2) { nodes { messageId } } } }`);
    expect(Object.keys(calls)).toEqual([expect.stringMatching(/^POST .*\/topics\/:topic_id\/consume$/)]);
    expect(await errorsOf(`{ eventTopic(id: "999") { id messages(first: 2) { nodes { messageId } } } }`)).toEqual([['eventTopic.messages', 'NOT_FOUND']]);
    expect(Object.keys(await callsOf(`{ eventTopic(id: "3801") { name messages(first: 2) { nodes { messageId } } } }`))).toHaveLength(2);
  });
});

describe("projects' deployments", () => {
  const DEPLOYMENTS = `deployments(first: 5) { totalCount nodes { workatoId } pageInfo { hasNextPage } }`;

  it('the projects of a page that covers the workspace share one unfiltered GET /deployments, with the same answers', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ projects(first: 25) { nodes { workatoId ${DEPLOYMENTS} } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/projects': 1, 'GET /api/deployments': 1 });
    expect(stack.sim.log().filter((e) => e.path.startsWith('/api/deployments')).map((e) => e.path)).toEqual(['/api/deployments']);
    const projects: Array<{ workatoId: string; deployments: unknown }> = data.projects.nodes;
    expect(projects.length).toBeGreaterThan(2);
    expect(projects.some((p) => (p.deployments as { totalCount: number }).totalCount > 0)).toBe(true);
    // Each project's share is what its own filtered call answers.
    for (const p of projects) {
      stack.sim.resetCounts();
      const one = await stack.gql(`{ project(id: "${p.workatoId}") { ${DEPLOYMENTS} } }`);
      expect(one.project.deployments).toEqual(p.deployments);
      expect(stack.sim.log().filter((e) => e.path.startsWith('/api/deployments')).map((e) => e.path)).toEqual([`/api/deployments?project_id=${p.workatoId}`]);
    }
  });

  it('a few projects of many keep their filtered calls: the unfiltered list would carry every other project\'s', async () => {
    const all = await stack.gql(`{ projects(first: 100) { nodes { workatoId } } }`);
    expect(all.projects.nodes.length).toBeGreaterThan(4);
    expect(await callsOf(`{ projects(first: 2) { nodes { ${DEPLOYMENTS} } } }`)).toEqual({ 'GET /api/projects': 1, 'GET /api/deployments': 2 });
  });
});

describe('listedById: several ids the first pages do not hold', () => {
  it('stops walking the list when its pages stop finding them: at most one call more than a GET per id', async () => {
    const calls: string[] = [];
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const family = listedById<{ id: number }, number, Array<{ id: number }>>(familyOf(calls, ids));
    expect((await family.byId.loadMany([990, 995, 999])).map((t) => (t as { id: number }).id)).toEqual([990, 995, 999]);
    expect(calls).toEqual(['list 1', 'get 990', 'get 995', 'get 999']);
    // Ids the first two pages hold: those pages alone.
    calls.length = 0;
    expect((await listedById<{ id: number }, number, Array<{ id: number }>>(familyOf(calls, ids)).byId.loadMany([3, 50, 120])).map((t) => (t as { id: number }).id)).toEqual([3, 50, 120]);
    expect(calls).toEqual(['list 1', 'list 2']);
  });

  it('an item read by one of its keys is known by all of them (a customer by E<external id>, then by id)', async () => {
    const calls: string[] = [];
    const family = listedById<{ id: string; ext: string }, string, Array<{ id: string; ext: string }>>({
      entity: 'Customer',
      idOf: (c) => c.id,
      keysOf: (c) => [c.id, `E${c.ext}`],
      items: () => [],
      list: async () => {
        calls.push('list');
        return [];
      },
      get: async (key) => {
        calls.push(`get ${key}`);
        return { id: '7', ext: 'ACME' };
      },
    });
    expect(await family.byId.load('EACME')).toEqual({ id: '7', ext: 'ACME' });
    expect(await family.byId.load('7')).toEqual({ id: '7', ext: 'ACME' });
    expect(calls).toEqual(['get EACME']);
  });
});

/** A list of `ids` and a get, each call recorded in `calls`. */
function familyOf(calls: string[], ids: number[]) {
  return {
    entity: 'Thing',
    idOf: (t: { id: number }) => t.id,
    items: (page: Array<{ id: number }>) => page,
    list: async ({ page, per_page }: { page: number; per_page: number }) => {
      calls.push(`list ${page}`);
      return ids.slice((page - 1) * per_page, page * per_page).map((id) => ({ id }));
    },
    get: async (id: number) => {
      calls.push(`get ${id}`);
      return { id };
    },
  };
}
