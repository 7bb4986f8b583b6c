import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { upload } from './support/packages.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-api-writes': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const PETS = JSON.stringify({ openapi: '3.0.0', info: { title: 'Pets', version: '1' }, paths: { '/pets': { get: {}, post: {} }, '/pets/{id}': { delete: {} } } });
const COLLECTION_CREATE = `mutation($input: ApiCollectionCreateInput!) { apiCollectionCreate(input: $input) {
  apiCollection { id workatoId name projectId endpoints { nodes { method path enabled recipe { name running } } } }
  importSucceeded totalEndpoints failedEndpoints failedActions importMessage
  userErrors { code message field }
} }`;

describe('apiCollectionCreate', () => {
  it('creates a collection from an OpenAPI document given as text, with an endpoint and a stopped recipe per operation', async () => {
    stack.sim.resetCounts();
    const { apiCollectionCreate } = await stack.gql(COLLECTION_CREATE, { input: { name: 'Pet store', projectId: '44021', openApiSpec: PETS } });
    expect(apiCollectionCreate).toMatchObject({
      apiCollection: { name: 'Pet store', projectId: '44021' },
      importSucceeded: true, totalEndpoints: 3, failedEndpoints: 0, failedActions: [], importMessage: 'Import completed successfully', userErrors: [],
    });
    expect(apiCollectionCreate.apiCollection.endpoints.nodes).toEqual([
      { method: 'GET', path: 'pets', enabled: false, recipe: { name: 'GET /pets', running: false } },
      { method: 'POST', path: 'pets', enabled: false, recipe: { name: 'POST /pets', running: false } },
      { method: 'DELETE', path: 'pets/{id}', enabled: false, recipe: { name: 'DELETE /pets/{id}', running: false } },
    ]);
    expect(stack.sim.counts()['POST /api/api_collections']).toBe(1);
    const sent = stack.sim.log().find((e) => e.method === 'POST');
    expect(sent?.path).toBe('/api/api_collections');
  });

  it('creates a collection from a YAML upload (GraphQL multipart), detecting the format', async () => {
    const yaml = 'openapi: 3.0.0\ninfo:\n  title: Orders\npaths:\n  /orders:\n    get:\n      summary: list\n';
    const query = `mutation($file: Upload!) { apiCollectionCreate(input: { name: "Orders API", openApiFile: $file }) { apiCollection { name } totalEndpoints userErrors { code } } }`;
    const result = await upload(stack, query, { file: null }, 'file', new Blob([yaml], { type: 'application/yaml' }), 'orders.yaml');
    expect(result.errors).toBeUndefined();
    expect(result.data.apiCollectionCreate).toEqual({ apiCollection: { name: 'Orders API' }, totalEndpoints: 1, userErrors: [] });
  });

  it('refuses no document, or two, before calling Workato', async () => {
    stack.sim.resetCounts();
    const neither = await stack.gql(COLLECTION_CREATE, { input: { name: 'X' } });
    expect(neither.apiCollectionCreate).toMatchObject({ apiCollection: null, userErrors: [{ code: 'INVALID', field: ['input', 'openApiSpec'] }] });
    const blank = await stack.gql(COLLECTION_CREATE, { input: { name: ' ', openApiSpec: PETS } });
    expect(blank.apiCollectionCreate.userErrors).toEqual([{ code: 'INVALID', message: 'Give the collection a name.', field: ['input', 'name'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's refusal of a broken document and of an unknown project as userErrors", async () => {
    const broken = await stack.gql(COLLECTION_CREATE, { input: { name: 'Broken', openApiSpec: '{"openapi": ', format: 'JSON' } });
    expect(broken.apiCollectionCreate.userErrors).toEqual([{ code: 'INVALID', message: 'openapi_spec is not a valid OpenAPI document', field: ['input', 'openApiSpec'] }]);
    const orphan = await stack.gql(COLLECTION_CREATE, { input: { name: 'Orphan', projectId: '1', openApiSpec: PETS } });
    expect(orphan.apiCollectionCreate.userErrors).toEqual([{ code: 'INVALID', message: 'project_id is invalid', field: ['input', 'projectId'] }]);
  });
});

describe('apiCollectionDelete', () => {
  it('deletes a collection and its endpoints', async () => {
    const created = await stack.gql(COLLECTION_CREATE, { input: { name: 'Doomed', openApiSpec: PETS } });
    const { id, workatoId } = created.apiCollectionCreate.apiCollection;
    const { apiCollectionDelete } = await stack.gql(`mutation($id: ID!) { apiCollectionDelete(input: { id: $id }) { deletedApiCollectionId userErrors { code } } }`, { id });
    expect(apiCollectionDelete).toEqual({ deletedApiCollectionId: id, userErrors: [] });
    expect(await rest(stack.sim, `/api_endpoints?api_collection_id=${workatoId}`)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown collection', async () => {
    const { apiCollectionDelete } = await stack.gql(`mutation { apiCollectionDelete(input: { id: "424242" }) { deletedApiCollectionId userErrors { code field } } }`);
    expect(apiCollectionDelete).toEqual({ deletedApiCollectionId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  });
});

const ENDPOINT_CREATE = `mutation($input: ApiEndpointCreateInput!) { apiEndpointCreate(input: $input) {
  apiEndpoint { workatoId name method path enabled collection { workatoId } recipe { workatoId } } userErrors { code message field }
} }`;

describe('apiEndpointCreate', () => {
  it('adds a disabled endpoint served by an existing recipe', async () => {
    const { apiEndpointCreate } = await stack.gql(ENDPOINT_CREATE, { input: { collectionId: '1362', name: 'Lookup', method: 'GET', path: '/customers/lookup', recipeId: '3307601' } });
    expect(apiEndpointCreate).toMatchObject({
      apiEndpoint: { name: 'Lookup', method: 'GET', path: 'customers/lookup', enabled: false, collection: { workatoId: '1362' }, recipe: { workatoId: '3307601' } },
      userErrors: [],
    });
  });

  it('refuses a blank path before calling Workato, and an unknown recipe with its field', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(ENDPOINT_CREATE, { input: { collectionId: '1362', name: 'x', method: 'GET', path: ' ', recipeId: '3307601' } });
    expect(blank.apiEndpointCreate).toEqual({ apiEndpoint: null, userErrors: [{ code: 'INVALID', message: 'Give the endpoint a path.', field: ['input', 'path'] }] });
    expect(stack.sim.counts()).toEqual({});
    const unknown = await stack.gql(ENDPOINT_CREATE, { input: { collectionId: '1362', name: 'x', method: 'GET', path: 'x', recipeId: '1' } });
    expect(unknown.apiEndpointCreate.userErrors).toEqual([{ code: 'INVALID', message: 'flow_id is invalid', field: ['input', 'recipeId'] }]);
    const orphan = await stack.gql(ENDPOINT_CREATE, { input: { collectionId: '1', name: 'x', method: 'GET', path: 'x', recipeId: '3307601' } });
    expect(orphan.apiEndpointCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'collectionId'] }]);
  });
});

const ENABLE = `mutation($input: ApiEndpointEnableInput!) { apiEndpointEnable(input: $input) { apiEndpoint { workatoId enabled } userErrors { code message field } } }`;
const DISABLE = `mutation($input: ApiEndpointDisableInput!) { apiEndpointDisable(input: $input) { apiEndpoint { workatoId enabled } userErrors { code message field } } }`;

describe('apiEndpointEnable / apiEndpointDisable', () => {
  it("refuses to enable an endpoint whose recipe is stopped, after reading the recipe and without calling enable", async () => {
    stack.sim.resetCounts();
    const { apiEndpointEnable } = await stack.gql(ENABLE, { input: { id: '9904' } });
    expect(apiEndpointEnable).toEqual({
      apiEndpoint: null,
      userErrors: [{ code: 'API_ENDPOINT_RECIPE_STOPPED', message: 'Recipe 3307698 ("Nightly NetSuite invoice sync") is stopped; start it before enabling the endpoint.', field: ['input', 'id'] }],
    });
    const counts = stack.sim.counts();
    expect(Object.keys(counts).filter((k) => k.startsWith('PUT'))).toEqual([]);
    expect(counts['GET /api/api_endpoints']).toBe(1);
  });

  it('disables and enables an endpoint whose recipe runs, reading it back', async () => {
    const off = await stack.gql(DISABLE, { input: { id: '9903' } });
    expect(off.apiEndpointDisable).toEqual({ apiEndpoint: { workatoId: '9903', enabled: false }, userErrors: [] });
    stack.sim.resetCounts();
    const on = await stack.gql(ENABLE, { input: { id: toGlobalId('ApiEndpoint', [9903]) } });
    expect(on.apiEndpointEnable).toEqual({ apiEndpoint: { workatoId: '9903', enabled: true }, userErrors: [] });
    expect(stack.sim.counts()['PUT /api/api_endpoints/:api_endpoint_id/enable']).toBe(1);
  });

  it('answers NOT_FOUND for an unknown endpoint', async () => {
    const { apiEndpointDisable } = await stack.gql(DISABLE, { input: { id: '1' } });
    expect(apiEndpointDisable.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }]);
  });

  it("enables and disables a customer's endpoint by workatoId plus managedUser, or by its global id", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { apiEndpoints { nodes { id workatoId enabled recipe { running } } } } }`);
    const running = managedUser.apiEndpoints.nodes.find((e: { recipe: { running: boolean } }) => e.recipe.running);
    const stopped = managedUser.apiEndpoints.nodes.find((e: { recipe: { running: boolean } }) => !e.recipe.running);
    stack.sim.resetCounts();
    const off = await stack.gql(DISABLE, { input: { id: running.workatoId, managedUser: { id: '19029' } } });
    expect(off.apiEndpointDisable).toEqual({ apiEndpoint: { workatoId: running.workatoId, enabled: false }, userErrors: [] });
    expect(stack.sim.counts()['PUT /api/managed_users/:managed_user_id/api_endpoints/:api_endpoint_id/disable']).toBe(1);
    const on = await stack.gql(ENABLE, { input: { id: running.id } });
    expect(on.apiEndpointEnable.apiEndpoint).toEqual({ workatoId: running.workatoId, enabled: true });
    const refused = await stack.gql(ENABLE, { input: { id: stopped.id } });
    expect(refused.apiEndpointEnable.userErrors[0].code).toBe('API_ENDPOINT_RECIPE_STOPPED');
  });
});

const CLIENT = 'apiPlatformClient { id workatoId name description authType email apiCollections { workatoId } } userErrors { code message field }';

describe('apiPlatformClientCreate / Update / Delete', () => {
  it('creates, changes and deletes a client', async () => {
    const { apiPlatformClientCreate } = await stack.gql(`mutation($input: ApiPlatformClientCreateInput!) { apiPlatformClientCreate(input: $input) { ${CLIENT} } }`, {
      input: { name: 'Reseller', apiCollectionIds: ['1361'], authType: 'JWT', jwtMethod: 'HMAC', jwtSecret: 'not-echoed' },
    });
    expect(apiPlatformClientCreate).toMatchObject({ apiPlatformClient: { name: 'Reseller', authType: 'JWT', apiCollections: [{ workatoId: '1361' }] }, userErrors: [] });
    const id = apiPlatformClientCreate.apiPlatformClient.id;
    expect(JSON.stringify(await rest(stack.sim, `/v2/api_clients/${apiPlatformClientCreate.apiPlatformClient.workatoId}`))).not.toContain('not-echoed');
    const { apiPlatformClientUpdate } = await stack.gql(`mutation($input: ApiPlatformClientUpdateInput!) { apiPlatformClientUpdate(input: $input) { ${CLIENT} } }`, {
      input: { id, description: 'Resellers in EMEA', apiCollectionIds: ['1361', '1362'] },
    });
    expect(apiPlatformClientUpdate).toMatchObject({ apiPlatformClient: { name: 'Reseller', description: 'Resellers in EMEA', apiCollections: [{ workatoId: '1361' }, { workatoId: '1362' }] }, userErrors: [] });
    const { apiPlatformClientDelete } = await stack.gql(`mutation($id: ID!) { apiPlatformClientDelete(input: { id: $id }) { deletedApiPlatformClientId userErrors { code } } }`, { id });
    expect(apiPlatformClientDelete).toEqual({ deletedApiPlatformClientId: id, userErrors: [] });
    const gone = await stack.request(`query($id: ID!) { apiPlatformClient(id: $id) { name } }`, { id });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('checks the documented requirements before calling Workato', async () => {
    stack.sim.resetCounts();
    const { apiPlatformClientCreate } = await stack.gql(`mutation($input: ApiPlatformClientCreateInput!) { apiPlatformClientCreate(input: $input) { ${CLIENT} } }`, {
      input: { name: 'x', apiCollectionIds: [], authType: 'JWT', apiPortalId: '201' },
    });
    expect(apiPlatformClientCreate.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.apiCollectionIds', 'input.jwtMethod', 'input.jwtSecret', 'input.email']);
    const blank = await stack.gql(`mutation { apiPlatformClientUpdate(input: { id: "5101", name: "" }) { ${CLIENT} } }`);
    expect(blank.apiPlatformClientUpdate.userErrors).toEqual([{ code: 'INVALID', message: 'Give the client a name.', field: ['input', 'name'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's refusals (an unknown collection, an unknown client) as userErrors", async () => {
    const unknown = await stack.gql(`mutation { apiPlatformClientCreate(input: { name: "x", apiCollectionIds: ["9"], authType: TOKEN }) { ${CLIENT} } }`);
    expect(unknown.apiPlatformClientCreate.userErrors).toEqual([{ code: 'INVALID', message: 'api_collection_ids is invalid', field: ['input', 'apiCollectionIds'] }]);
    const missing = await stack.gql(`mutation { apiPlatformClientUpdate(input: { id: "9", name: "y" }) { ${CLIENT} } }`);
    expect(missing.apiPlatformClientUpdate.userErrors[0].code).toBe('NOT_FOUND');
    const gone = await stack.gql(`mutation { apiPlatformClientDelete(input: { id: "9" }) { deletedApiPlatformClientId userErrors { code } } }`);
    expect(gone.apiPlatformClientDelete).toEqual({ deletedApiPlatformClientId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});

describe("creates in an Embedded customer's workspace (§17.8)", () => {
  const CLIENT_CREATE = `mutation($input: ApiPlatformClientCreateInput!) { apiPlatformClientCreate(input: $input) { ${CLIENT} } }`;
  const posts = () => stack.sim.log().filter((e) => e.method === 'POST').map((e) => e.path);
  let projects: Array<{ id: string; workatoId: string }>;
  beforeAll(async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { projects { nodes { id workatoId } } } }`);
    projects = managedUser.projects.nodes;
  });

  it('creates a collection with managedUser, or with a customer project id, in the customer workspace only', async () => {
    stack.sim.resetCounts();
    const byRef = await stack.gql(COLLECTION_CREATE, { input: { name: 'Acme pets', projectId: projects[0]!.workatoId, openApiSpec: PETS, managedUser: { externalId: 'ACME-001' } } });
    expect(byRef.apiCollectionCreate).toMatchObject({ apiCollection: { name: 'Acme pets', projectId: projects[0]!.workatoId }, totalEndpoints: 3, userErrors: [] });
    const { apiCollection } = byRef.apiCollectionCreate;
    expect(apiCollection.id).toBe(toGlobalId('ApiCollection', [apiCollection.workatoId], '19029'));
    expect(apiCollection.endpoints.nodes.map((e: { recipe: { name: string } }) => e.recipe.name)).toEqual(['GET /pets', 'POST /pets', 'DELETE /pets/{id}']);
    expect(posts()).toEqual(['/api/managed_users/19029/api_collections']);
    const customers = (await rest(stack.sim, '/managed_users/19029/api_collections')).result;
    expect(customers.map((c: { id: number }) => String(c.id))).toContain(apiCollection.workatoId);
    expect((await rest(stack.sim, '/api_collections')).map((c: { id: number }) => String(c.id))).not.toContain(apiCollection.workatoId);

    // A customer's project id names the customer: it is not reduced to its number in the partner's workspace.
    stack.sim.resetCounts();
    const byId = await stack.gql(COLLECTION_CREATE, { input: { name: 'Acme orders', projectId: projects[0]!.id, openApiSpec: PETS } });
    expect(byId.apiCollectionCreate).toMatchObject({ apiCollection: { name: 'Acme orders', projectId: projects[0]!.workatoId }, userErrors: [] });
    expect(byId.apiCollectionCreate.apiCollection.id).toBe(toGlobalId('ApiCollection', [byId.apiCollectionCreate.apiCollection.workatoId], '19029'));
    expect(posts()).toEqual(['/api/managed_users/19029/api_collections']);
  });

  it('creates a client with managedUser, or with a customer collection id, in the customer workspace only', async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { apiCollections { nodes { id workatoId } } } }`);
    const [first, second] = managedUser.apiCollections.nodes;
    stack.sim.resetCounts();
    const byRef = await stack.gql(CLIENT_CREATE, { input: { name: 'Acme reseller', apiCollectionIds: [first.workatoId], authType: 'TOKEN', managedUser: { id: '19029' } } });
    expect(byRef.apiPlatformClientCreate).toMatchObject({ apiPlatformClient: { name: 'Acme reseller', apiCollections: [{ workatoId: first.workatoId }] }, userErrors: [] });
    const client = byRef.apiPlatformClientCreate.apiPlatformClient;
    expect(client.id).toBe(toGlobalId('ApiPlatformClient', [client.workatoId], '19029'));
    expect(posts()).toEqual(['/api/v2/managed_users/19029/api_clients']);
    expect((await rest(stack.sim, `/v2/managed_users/19029/api_clients/${client.workatoId}`)).data.name).toBe('Acme reseller');

    stack.sim.resetCounts();
    const byId = await stack.gql(CLIENT_CREATE, { input: { name: 'Acme portal', apiCollectionIds: [first.id, second.workatoId], projectId: projects[0]!.id, authType: 'TOKEN' } });
    expect(byId.apiPlatformClientCreate).toMatchObject({ apiPlatformClient: { apiCollections: [{ workatoId: first.workatoId }, { workatoId: second.workatoId }] }, userErrors: [] });
    expect(posts()).toEqual(['/api/v2/managed_users/19029/api_clients']);
  });

  it('answers an unknown customer with NOT_FOUND on managedUser, and ids of two workspaces with BAD_USER_INPUT, before any write', async () => {
    const unknown = await stack.gql(COLLECTION_CREATE, { input: { name: 'x', openApiSpec: PETS, managedUser: { externalId: 'NOPE-1' } } });
    expect(unknown.apiCollectionCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }]);
    const gone = await stack.gql(CLIENT_CREATE, { input: { name: 'x', apiCollectionIds: ['1361'], authType: 'TOKEN', managedUser: { id: '99999' } } });
    expect(gone.apiPlatformClientCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }]);
    stack.sim.resetCounts();
    const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions;
    const otherCustomer = await stack.request(COLLECTION_CREATE, { input: { name: 'x', projectId: projects[0]!.id, openApiSpec: PETS, managedUser: { id: '19030' } } });
    expect(code(otherCustomer)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.projectId' });
    const mixed = await stack.request(CLIENT_CREATE, { input: { name: 'x', apiCollectionIds: [toGlobalId('ApiCollection', [1361])], projectId: projects[0]!.id, authType: 'TOKEN' } });
    expect(code(mixed)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.apiCollectionIds.0' });
    const endpoint = await stack.request(ENDPOINT_CREATE, { input: { collectionId: toGlobalId('ApiCollection', [1361], '19029'), name: 'x', method: 'GET', path: 'x', recipeId: toGlobalId('Recipe', [3307601]) } });
    expect(code(endpoint)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.recipeId' });
    const update = await stack.request(`mutation($input: ApiPlatformClientUpdateInput!) { apiPlatformClientUpdate(input: $input) { ${CLIENT} } }`, {
      input: { id: toGlobalId('ApiPlatformClient', [5101]), apiCollectionIds: [toGlobalId('ApiCollection', [1361], '19029')] },
    });
    expect(code(update)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.apiCollectionIds.0' });
    expect(stack.sim.counts()).toEqual({});
  });
});

const KEY = 'apiKey { id workatoId name enabled ipAllowList client { workatoId } }';

describe('API keys', () => {
  it('creates a key whose secret is in the payload only, never in a later read', async () => {
    const { apiKeyCreate } = await stack.gql(`mutation { apiKeyCreate(input: { clientId: "5101", name: "CI", ipAllowList: ["198.51.100.0/24"] }) { ${KEY} authToken userErrors { code } } }`);
    expect(apiKeyCreate).toMatchObject({ apiKey: { name: 'CI', enabled: true, ipAllowList: ['198.51.100.0/24'], client: { workatoId: '5101' } }, userErrors: [] });
    expect(apiKeyCreate.authToken).toMatch(/^[0-9a-f]{64}$/);
    const listed = JSON.stringify(await rest(stack.sim, '/v2/api_clients/5101/api_keys'));
    expect(listed).toContain('"CI"');
    expect(listed).not.toContain(apiKeyCreate.authToken);
    expect(listed).not.toContain('auth_token');
  });

  it('refuses a blank name before calling Workato, and an unknown client as NOT_FOUND', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(`mutation { apiKeyCreate(input: { clientId: "5101", name: "" }) { apiKey { id } authToken userErrors { code field } } }`);
    expect(blank.apiKeyCreate).toEqual({ apiKey: null, authToken: null, userErrors: [{ code: 'INVALID', field: ['input', 'name'] }] });
    expect(stack.sim.counts()).toEqual({});
    const unknown = await stack.gql(`mutation { apiKeyCreate(input: { clientId: "9", name: "x" }) { authToken userErrors { code field } } }`);
    expect(unknown.apiKeyCreate).toEqual({ authToken: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'clientId'] }] });
  });

  it('enables, disables, refreshes and deletes a key by its global id or its workatoId plus clientId', async () => {
    const { apiPlatformClient } = await stack.gql(`{ apiPlatformClient(id: "5102") { keys { nodes { id workatoId enabled } } } }`);
    const [first] = apiPlatformClient.keys.nodes;
    const off = await stack.gql(`mutation($id: ID!) { apiKeyDisable(input: { id: $id }) { ${KEY} userErrors { code } } }`, { id: first.id });
    expect(off.apiKeyDisable).toMatchObject({ apiKey: { workatoId: first.workatoId, enabled: false }, userErrors: [] });
    const on = await stack.gql(`mutation($id: ID!) { apiKeyEnable(input: { id: $id, clientId: "5102" }) { ${KEY} userErrors { code } } }`, { id: first.workatoId });
    expect(on.apiKeyEnable).toMatchObject({ apiKey: { workatoId: first.workatoId, enabled: true }, userErrors: [] });
    const refreshed = await stack.gql(`mutation($id: ID!) { apiKeySecretRefresh(input: { id: $id }) { apiKey { workatoId } authToken userErrors { code } } }`, { id: first.id });
    expect(refreshed.apiKeySecretRefresh.authToken).toMatch(/^[0-9a-f]{64}$/);
    const deleted = await stack.gql(`mutation($id: ID!) { apiKeyDelete(input: { id: $id }) { deletedApiKeyId userErrors { code } } }`, { id: first.id });
    expect(deleted.apiKeyDelete).toEqual({ deletedApiKeyId: first.id, userErrors: [] });
    const after = await stack.gql(`{ apiPlatformClient(id: "5102") { keys { nodes { workatoId } } } }`);
    expect(after.apiPlatformClient.keys.nodes.map((k: { workatoId: string }) => k.workatoId)).not.toContain(first.workatoId);
  });

  it("answers NOT_FOUND for a key of another client, and BAD_USER_INPUT for a workatoId without clientId", async () => {
    const wrong = await stack.gql(`mutation { apiKeyEnable(input: { id: "37326", clientId: "5102" }) { apiKey { id } userErrors { code field } } }`);
    expect(wrong.apiKeyEnable).toEqual({ apiKey: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    const bare = await stack.request(`mutation { apiKeyDelete(input: { id: "37326" }) { deletedApiKeyId } }`);
    expect(bare.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refresh = await stack.gql(`mutation { apiKeySecretRefresh(input: { id: "1", clientId: "5101" }) { authToken userErrors { code } } }`);
    expect(refresh.apiKeySecretRefresh).toEqual({ authToken: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});
