import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-api-platform': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

describe('API collections and endpoints', () => {
  it('lists collections with their endpoints: one collection call and one endpoint call for the whole page', async () => {
    stack.sim.resetCounts();
    const { apiCollections } = await stack.gql(`{ apiCollections { pageInfo { hasNextPage } nodes {
      workatoId name projectId project { name } version
      endpoints { nodes { workatoId name method path enabled recipeId collection { workatoId } } }
    } } }`);
    expect(apiCollections.pageInfo.hasNextPage).toBe(false);
    expect(apiCollections.nodes.map((c: { name: string }) => c.name)).toEqual(['Quote to cash', 'Customer lookup']);
    expect(apiCollections.nodes[0]).toMatchObject({ workatoId: '1361', projectId: '44021', project: { name: 'Order to Cash' }, version: '1.0' });
    expect(apiCollections.nodes[0].endpoints.nodes).toEqual([
      { workatoId: '9903', name: 'Salesforce won opportunity -> NetSuite sales order', method: 'POST', path: 'orders', enabled: true, recipeId: '3307712', collection: { workatoId: '1361' } },
      { workatoId: '9904', name: 'Nightly NetSuite invoice sync', method: 'GET', path: 'invoices', enabled: false, recipeId: '3307698', collection: { workatoId: '1361' } },
    ]);
    expect(apiCollections.nodes[1].endpoints.nodes.map((e: { workatoId: string }) => e.workatoId)).toEqual(['9905']);
    // The endpoints' `collection` is primed from the collection list: no second collection call.
    expect(stack.sim.counts()).toEqual({ 'GET /api/api_collections': 1, 'GET /api/projects': 1, 'GET /api/api_endpoints': 1 });
  });

  it("reads one collection's endpoints with Workato's collection filter, and links each endpoint to its recipe", async () => {
    stack.sim.resetCounts();
    const { apiCollection } = await stack.gql(`{ apiCollection(id: "1361") { name endpoints(first: 1) {
      pageInfo { hasNextPage endCursor } nodes { name recipe { workatoId name running } }
    } } }`);
    expect(apiCollection.endpoints.nodes).toEqual([
      { name: 'Salesforce won opportunity -> NetSuite sales order', recipe: { workatoId: '3307712', name: 'Salesforce won opportunity -> NetSuite sales order', running: true } },
    ]);
    expect(apiCollection.endpoints.pageInfo.hasNextPage).toBe(true);
    const counts = stack.sim.counts();
    expect(counts).toMatchObject({ 'GET /api/api_collections': 1, 'GET /api/api_endpoints': 1 });
    expect(stack.sim.log().find((e) => e.path.startsWith('/api/api_endpoints'))?.path).toContain('api_collection_id=1361');
    const next = await stack.gql(`query($after: String) { apiCollection(id: "1361") { endpoints(first: 1, after: $after) { nodes { workatoId } pageInfo { hasNextPage } } } }`, {
      after: apiCollection.endpoints.pageInfo.endCursor,
    });
    expect(next.apiCollection.endpoints).toEqual({ nodes: [{ workatoId: '9904' }], pageInfo: { hasNextPage: false } });
  });

  it('pages the endpoint list by page/per_page and finds an endpoint by id in the list it already read', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ apiEndpoints(first: 2) { pageInfo { hasNextPage } nodes { id workatoId } } }`);
    expect(data.apiEndpoints.nodes.map((e: { workatoId: string }) => e.workatoId)).toEqual(['9903', '9904']);
    expect(data.apiEndpoints.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/api_endpoints': 1 });
    const byId = await stack.gql(`query($id: ID!) { apiEndpoint(id: $id) { workatoId } node(id: $id) { ... on ApiEndpoint { name } } }`, { id: data.apiEndpoints.nodes[1].id });
    expect(byId).toEqual({ apiEndpoint: { workatoId: '9904' }, node: { name: 'Nightly NetSuite invoice sync' } });
  });

  it("reads every endpoint's recipe through the recipe loaders: one batched recipe read for the page", async () => {
    stack.sim.resetCounts();
    const { apiEndpoints } = await stack.gql(`{ apiEndpoints { nodes { recipeId recipe { workatoId running } } } }`);
    expect(apiEndpoints.nodes.map((e: { recipe: { workatoId: string; running: boolean } }) => [e.recipe.workatoId, e.recipe.running])).toEqual([
      ['3307712', true], ['3307698', false], ['3307650', false],
    ]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/api_endpoints': 1, 'GET /api/recipes': 1 });
  });

  it('answers NOT_FOUND for an unknown collection or endpoint and BAD_USER_INPUT for a foreign id', async () => {
    const result = await stack.request(`{ apiCollection(id: "999") { name } apiEndpoint(id: "999") { name } apiRecipe: apiEndpoint(id: "${toGlobalId('Recipe', [1])}") { name } }`);
    expect(result.data).toEqual({ apiCollection: null, apiEndpoint: null, apiRecipe: null });
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
      ['apiRecipe', 'BAD_USER_INPUT'],
      ['apiCollection', 'NOT_FOUND'],
      ['apiEndpoint', 'NOT_FOUND'],
    ]);
  });
});

describe('API platform clients, keys and portals', () => {
  it('lists clients with their total, keys, collections and policies; a key reads its client without another call', async () => {
    stack.sim.resetCounts();
    const { apiPlatformClients } = await stack.gql(`{ apiPlatformClients { totalCount nodes {
      workatoId name authType legacy email projectId mtlsEnabled certBundleIds activeKeyCount keyCount apiPolicyIds apiPolicyNames
      apiCollections { workatoId }
      keys { totalCount nodes { workatoId name enabled ipAllowList client { workatoId } } }
    } } }`);
    expect(apiPlatformClients.totalCount).toBe(2);
    expect(apiPlatformClients.nodes[0]).toEqual({
      workatoId: '5101', name: 'Partner portal', authType: 'TOKEN', legacy: false, email: 'api-team@partner-portal.northwind-ops.example',
      projectId: '44021', mtlsEnabled: false, certBundleIds: [], activeKeyCount: 1, keyCount: 2, apiPolicyIds: ['2'], apiPolicyNames: ['Internal – Admins'],
      apiCollections: [{ workatoId: '1361' }],
      keys: { totalCount: 2, nodes: [
        { workatoId: '37326', name: 'Production', enabled: true, ipAllowList: ['192.0.2.0/24'], client: { workatoId: '5101' } },
        { workatoId: '37327', name: 'Staging', enabled: false, ipAllowList: [], client: { workatoId: '5101' } },
      ] },
    });
    expect(apiPlatformClients.nodes[1]).toMatchObject({ authType: 'JWT', apiCollections: [{ workatoId: '1361' }, { workatoId: '1362' }] });
    expect(stack.sim.counts()).toEqual({
      'GET /api/v2/api_clients': 1,
      'GET /api/api_collections': 1,
      'GET /api/v2/api_clients/:api_client_id/api_keys': 2,
    });
  });

  it("filters clients by project and certificate bundle with Workato's parameters", async () => {
    const none = await stack.gql(`{ apiPlatformClients(projectId: "44022") { totalCount nodes { name } } }`);
    expect(none.apiPlatformClients).toEqual({ totalCount: 0, nodes: [] });
    const some = await stack.gql(`{ apiPlatformClients(projectId: "44021", certBundleIds: ["3"]) { totalCount } }`);
    expect(some.apiPlatformClients.totalCount).toBe(0);
    expect(stack.sim.log().at(-1)?.path).toContain('project_id=44021');
    const bad = await stack.request(`{ apiPlatformClients(certBundleIds: ["x"]) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads one client by id with its get-by-id, and a key by its global id', async () => {
    stack.sim.resetCounts();
    const { apiPlatformClient } = await stack.gql(`{ apiPlatformClient(id: "5102") { id name keys(first: 1) { pageInfo { hasNextPage } nodes { id } } } }`);
    expect(apiPlatformClient.name).toBe('Mobile app');
    expect(apiPlatformClient.keys.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/v2/api_clients/:id': 1, 'GET /api/v2/api_clients/:api_client_id/api_keys': 1 });
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on ApiKey { workatoId client { id } } } }`, { id: apiPlatformClient.keys.nodes[0].id });
    expect(node).toEqual({ __typename: 'ApiKey', workatoId: '37336', client: { id: apiPlatformClient.id } });
    const missing = await stack.request(`{ apiPlatformClient(id: "77") { name } }`);
    expect(missing.data).toEqual({ apiPlatformClient: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists portals with their count, and finds one by id', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ apiPortals { totalCount nodes { id workatoId name url } } apiPortal(id: "201") { name } }`);
    expect(data.apiPortals).toMatchObject({ totalCount: 1, nodes: [{ workatoId: '201', name: 'Northwind Ops developer portal', url: 'https://developer.northwind-ops.example' }] });
    expect(data.apiPortal).toEqual({ name: 'Northwind Ops developer portal' });
    const missing = await stack.request(`{ apiPortal(id: "1") { name } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('list failures', () => {
  it('refuses bad page arguments before any call', async () => {
    stack.sim.resetCounts();
    const result = await stack.request(`{ apiCollections(first: 101) { nodes { id } } apiEndpoints(after: "bogus") { nodes { id } } apiPortals(first: 0) { nodes { id } } }`);
    expect(result.data).toEqual({ apiCollections: null, apiEndpoints: null, apiPortals: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(stack.sim.counts()).toEqual({});
  });

  it("turns Workato's 5xx and 403 on a list into coded errors, and still resolves the siblings", async () => {
    stack.sim.inject({ route: 'GET /api/v2/api_clients', status: 500, times: 1 });
    stack.sim.inject({ route: 'GET /api/api_collections', status: 403, body: { message: 'Forbidden' }, times: 1 });
    const result = await stack.request(`{ apiPlatformClients { totalCount } apiCollections { nodes { id } } apiPortals { totalCount } }`);
    stack.sim.clearFaults();
    expect(result.data).toEqual({ apiPlatformClients: null, apiCollections: null, apiPortals: { totalCount: 1 } });
    expect(Object.fromEntries(result.errors!.map((e) => [e.path?.[0], e.extensions?.code]))).toEqual({ apiPlatformClients: 'UPSTREAM_ERROR', apiCollections: 'FORBIDDEN' });
  });
});

describe('an Embedded customer', () => {
  it("reads the customer's collections, endpoints and clients under /managed_users/:id and /v2/managed_users/:id, with ids that name the customer", async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      apiCollections { nodes { id workatoId name endpoints { nodes { workatoId } } } }
      apiEndpoints(first: 1) { nodes { id recipe { workatoId } } }
      apiPlatformClients { totalCount nodes { id keys { nodes { id } } } }
    } }`);
    expect(managedUser.apiCollections.nodes.map((c: { workatoId: string }) => c.workatoId)).toEqual(['130361', '130362']);
    expect(managedUser.apiPlatformClients.totalCount).toBe(2);
    expect(stack.sim.counts()).toMatchObject({
      'GET /api/managed_users/:managed_user_id/api_collections': 1,
      'GET /api/v2/managed_users/:managed_user_id/api_clients': 1,
      'GET /api/v2/managed_users/:managed_user_id/api_clients/:api_client_id/api_keys': 2,
    });
    const id = managedUser.apiCollections.nodes[0].id;
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { ... on ApiCollection { workatoId } } }`, { id });
    expect(node).toEqual({ workatoId: '130361' });
    const recipe = managedUser.apiEndpoints.nodes[0].recipe.workatoId;
    const direct = await stack.gql(`{ managedUser(id: "19029") { recipe(id: "${recipe}") { workatoId } } }`);
    expect(direct.managedUser.recipe.workatoId).toBe(recipe);
  });

  it("refuses another workspace's collection id in a customer's filter", async () => {
    const result = await stack.request(`{ managedUser(id: "19029") { apiEndpoints(collectionId: "${toGlobalId('ApiCollection', [1361])}") { nodes { id } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
