import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { createLogger } from '../src/server/logger.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-clients': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const TOKEN = /^[0-9a-f]{64}$/;
const CLIENT = 'id workatoId name allFolders environmentName environmentId ipAllowList tokenUpdatedAt createdAt updatedAt role { workatoId name } folders { workatoId name }';
const CREATE = `mutation($input: DeveloperApiClientCreateInput!) { developerApiClientCreate(input: $input) {
  developerApiClient { ${CLIENT} } token userErrors { message code field }
} }`;
const UPDATE = `mutation($input: DeveloperApiClientUpdateInput!) { developerApiClientUpdate(input: $input) {
  developerApiClient { ${CLIENT} } userErrors { message code field }
} }`;
const DELETE = `mutation($input: DeveloperApiClientDeleteInput!) { developerApiClientDelete(input: $input) {
  deletedDeveloperApiClientId userErrors { message code field }
} }`;
const REGENERATE = `mutation($input: DeveloperApiClientTokenRegenerateInput!) { developerApiClientTokenRegenerate(input: $input) {
  developerApiClient { id tokenUpdatedAt } token userErrors { message code field }
} }`;
const COPY = `mutation($input: DeveloperApiClientRoleCopyInput!) { developerApiClientRoleCopy(input: $input) {
  developerApiClientRole { id workatoId name } userErrors { message code field }
} }`;

const create = (input: Record<string, unknown>) => stack.gql(CREATE, { input }).then((d) => d.developerApiClientCreate);

describe('developerApiClients / developerApiClient', () => {
  it('lists the clients with their role, folders and token metadata, and Workato\'s count', async () => {
    stack.sim.resetCounts();
    const { developerApiClients } = await stack.gql(`{ developerApiClients(first: 2) { totalCount pageInfo { hasNextPage } nodes { ${CLIENT} } } }`);
    expect(developerApiClients.totalCount).toBe(3);
    expect(developerApiClients.pageInfo.hasNextPage).toBe(true);
    expect(developerApiClients.nodes[0]).toEqual({
      id: toGlobalId('DeveloperApiClient', [40947]), workatoId: '40947', name: 'Gateway', allFolders: false, environmentName: 'Development',
      environmentId: '3218', ipAllowList: ['192.0.2.10', '198.51.100.5'], tokenUpdatedAt: expect.any(String), createdAt: expect.any(String),
      updatedAt: expect.any(String), role: { workatoId: '26779', name: 'API gateway' },
      folders: [{ workatoId: '1201101', name: 'Order to Cash' }, { workatoId: '1201102', name: 'Procure to Pay' }],
    });
    expect(developerApiClients.nodes[1]).toMatchObject({ name: 'CI/CD deployer', allFolders: true, folders: [], ipAllowList: [], role: { workatoId: '26780' } });
    // One page (with a look-ahead item), one roles list for both roles, one folder level for both folders.
    expect(stack.sim.counts()).toEqual({ 'GET /api/developer_api_clients': 1, 'GET /api/developer_api_client_roles': 1, 'GET /api/folders': 1 });
  });

  it('walks every page without gap or duplicate', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { developerApiClients: page }: any = await stack.gql(`query($after: String) { developerApiClients(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { workatoId } } }`, { after });
      seen.push(...page.nodes.map((n: { workatoId: string }) => n.workatoId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.slice(0, 3)).toEqual(['40947', '40948', '40949']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a client by id with one GET, and costs no call for a client the list of the same request brought', async () => {
    stack.sim.resetCounts();
    const one = await stack.gql(`{ developerApiClient(id: "40948") { name } }`);
    expect(one.developerApiClient.name).toBe('CI/CD deployer');
    expect(stack.sim.counts()).toEqual({ 'GET /api/developer_api_clients/:id': 1 });
    stack.sim.resetCounts();
    const both = await stack.gql(`{
      developerApiClients { nodes { workatoId } }
      developerApiClient(id: "${toGlobalId('DeveloperApiClient', [40949])}") { name }
      node(id: "${toGlobalId('DeveloperApiClient', [40947])}") { ... on DeveloperApiClient { name } }
    }`);
    expect(both.developerApiClient.name).toBe('Reporting export');
    expect(both.node.name).toBe('Gateway');
    expect(stack.sim.counts()).toEqual({ 'GET /api/developer_api_clients': 1 });
  });

  it('returns NOT_FOUND for an unknown client and BAD_USER_INPUT for an id of another type', async () => {
    const missing = await stack.request(`{ developerApiClient(id: "999") { name } developerApiClientRoles { name } }`);
    expect(missing.data).toEqual({ developerApiClient: null, developerApiClientRoles: [{ name: 'API gateway' }, { name: 'Release pipeline' }, { name: 'Read only' }] });
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const wrong = await stack.request(`{ developerApiClient(id: "${toGlobalId('Recipe', [40947])}") { name } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists roles with one call and resolves a role by its global id', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ developerApiClientRoles { id workatoId name createdAt updatedAt } }`);
    expect(data.developerApiClientRoles.map((r: { workatoId: string }) => r.workatoId)).toEqual(['26779', '26780', '26781']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/developer_api_client_roles': 1 });
    const node = await stack.gql(`{ node(id: "${data.developerApiClientRoles[2].id}") { __typename ... on DeveloperApiClientRole { name } } }`);
    expect(node.node).toEqual({ __typename: 'DeveloperApiClientRole', name: 'Read only' });
  });

  it('has no token field on DeveloperApiClient: only the create and regenerate payloads carry it', async () => {
    const data = await stack.gql(`{
      client: __type(name: "DeveloperApiClient") { fields { name } }
      created: __type(name: "DeveloperApiClientCreatePayload") { fields { name } }
      regenerated: __type(name: "DeveloperApiClientTokenRegeneratePayload") { fields { name } }
    }`);
    const names = (t: { fields: Array<{ name: string }> }) => t.fields.map((f) => f.name);
    expect(names(data.client)).not.toContain('token');
    expect(names(data.client)).toContain('tokenUpdatedAt');
    expect(names(data.created)).toContain('token');
    expect(names(data.regenerated)).toContain('token');
  });
});

describe('Embedded customers (§17.8)', () => {
  it('reads a customer\'s clients and roles under /v2/managed_users, with ids that carry the customer', async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      developerApiClients { totalCount nodes { id workatoId name role { id name } } }
      developerApiClientRoles { workatoId }
    } }`);
    expect(managedUser.developerApiClients.totalCount).toBe(3);
    expect(managedUser.developerApiClientRoles).toHaveLength(3);
    const first = managedUser.developerApiClients.nodes[0];
    expect(first.role.name).toEqual(expect.any(String));
    expect(Buffer.from(first.id, 'base64url').toString()).toBe(`DeveloperApiClient@19029:${first.workatoId}`);
    expect(stack.sim.counts()).toEqual({
      'GET /api/v2/managed_users/:managed_user_id/developer_api_clients': 1,
      'GET /api/v2/managed_users/:managed_user_id/developer_api_client_roles': 1,
    });
    stack.sim.resetCounts();
    const node = await stack.gql(`{ node(id: "${first.id}") { ... on DeveloperApiClient { name } } }`);
    expect(node.node.name).toBe(first.name);
    expect(stack.sim.counts()).toEqual({ 'GET /api/v2/managed_users/:managed_user_id/developer_api_clients/:id': 1 });
    const one = await stack.gql(`{ managedUser(id: "19029") { developerApiClient(id: "${first.id}") { workatoId } } }`);
    expect(one.managedUser.developerApiClient.workatoId).toBe(first.workatoId);
    const foreign = await stack.request(`{ managedUser(id: "19030") { developerApiClient(id: "${first.id}") { name } } }`);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates, regenerates and deletes a customer\'s client, addressed by external id or global id', async () => {
    const roles = await stack.gql(`{ managedUser(id: "19029") { developerApiClientRoles { id } } }`);
    stack.sim.resetCounts();
    const created = await create({ managedUser: { externalId: 'ACME-001' }, name: 'Acme CI', roleId: roles.managedUser.developerApiClientRoles[0].id, allFolders: true });
    expect(created.userErrors).toEqual([]);
    expect(created.token).toMatch(TOKEN);
    expect(Buffer.from(created.developerApiClient.id, 'base64url').toString()).toMatch(/^DeveloperApiClient@19029:\d+$/);
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:id': 1,
      'POST /api/v2/managed_users/:managed_user_id/developer_api_clients': 1,
      'GET /api/v2/managed_users/:managed_user_id/developer_api_clients/:id': 1,
      'GET /api/v2/managed_users/:managed_user_id/developer_api_client_roles': 1,
    });
    const regenerated = await stack.gql(REGENERATE, { input: { id: created.developerApiClient.id } });
    expect(regenerated.developerApiClientTokenRegenerate.token).toMatch(TOKEN);
    expect(regenerated.developerApiClientTokenRegenerate.token).not.toBe(created.token);
    const deleted = await stack.gql(DELETE, { input: { id: created.developerApiClient.workatoId, managedUser: { id: '19029' } } });
    expect(deleted.developerApiClientDelete).toEqual({ deletedDeveloperApiClientId: created.developerApiClient.id, userErrors: [] });
    const own = await stack.gql(`{ developerApiClients { nodes { name } } }`);
    expect(own.developerApiClients.nodes.map((n: { name: string }) => n.name)).not.toContain('Acme CI');
  });

  it('refuses a customer\'s client given with another customer as managedUser, and an unknown external id', async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { developerApiClients(first: 1) { nodes { id } } } }`);
    stack.sim.resetCounts();
    const mismatch = await stack.gql(DELETE, { input: { id: managedUser.developerApiClients.nodes[0].id, managedUser: { id: '19030' } } });
    expect(mismatch.developerApiClientDelete.userErrors).toEqual([{ code: 'INVALID', message: '`input.id` is an object of another workspace than `input.managedUser`.', field: ['input', 'managedUser'] }]);
    expect(stack.sim.counts()).toEqual({});
    const unknown = await create({ managedUser: { externalId: 'NOPE' }, name: 'x', roleId: '1', allFolders: true });
    expect(unknown.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.stringContaining('external id'), field: ['input', 'managedUser'] }]);
  });

  it('copies a customer\'s role, by global id or by workatoId with managedUser, and refuses roles of the caller\'s own workspace', async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19030") { developerApiClientRoles { id workatoId name } } }`);
    const role = managedUser.developerApiClientRoles[0];
    stack.sim.resetCounts();
    const copied = await stack.gql(COPY, { input: { id: role.id } });
    expect(copied.developerApiClientRoleCopy).toMatchObject({ developerApiClientRole: { name: `${role.name} (copy)` }, userErrors: [] });
    expect(Buffer.from(copied.developerApiClientRoleCopy.developerApiClientRole.id, 'base64url').toString()).toMatch(/^DeveloperApiClientRole@19030:/);
    expect(stack.sim.counts()).toEqual({ 'POST /api/v2/managed_users/:managed_user_id/developer_api_client_roles/:id/copy': 1 });
    const byWorkatoId = await stack.gql(COPY, { input: { id: role.workatoId, managedUser: { id: '19030' } } });
    expect(byWorkatoId.developerApiClientRoleCopy.userErrors).toEqual([]);
    const after = await stack.gql(`{ managedUser(id: "19030") { developerApiClientRoles { name } } }`);
    expect(after.managedUser.developerApiClientRoles.filter((r: { name: string }) => r.name === `${role.name} (copy)`)).toHaveLength(2);
    stack.sim.resetCounts();
    const own = await stack.gql(COPY, { input: { id: '26779' } });
    expect(own.developerApiClientRoleCopy).toEqual({
      developerApiClientRole: null,
      userErrors: [{ code: 'INVALID', message: expect.stringContaining('Embedded customer'), field: ['input', 'managedUser'] }],
    });
    expect(stack.sim.counts()).toEqual({});
    const missing = await stack.gql(COPY, { input: { id: '1', managedUser: { id: '19030' } } });
    expect(missing.developerApiClientRoleCopy.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }]);
  });
});

describe('developerApiClientCreate', () => {
  it('creates a client, returns its token once, and reads it back without the token', async () => {
    stack.sim.resetCounts();
    const created = await create({ name: ' Deployer ', roleId: toGlobalId('DeveloperApiClientRole', [26780]), allFolders: false, folderIds: ['1201103'], ipAllowList: ['203.0.113.0/24'] });
    expect(created).toMatchObject({
      developerApiClient: { name: 'Deployer', allFolders: false, folders: [{ workatoId: '1201103' }], ipAllowList: ['203.0.113.0/24'], role: { workatoId: '26780' }, tokenUpdatedAt: expect.any(String) },
      userErrors: [],
    });
    expect(created.token).toMatch(TOKEN);
    expect(stack.sim.counts()).toMatchObject({ 'POST /api/developer_api_clients': 1, 'GET /api/developer_api_clients/:id': 1 });
    const later = await stack.request(`{ developerApiClients(first: 100) { nodes { ${CLIENT} } } developerApiClient(id: "${created.developerApiClient.id}") { ${CLIENT} } }`);
    expect(later.errors).toBeUndefined();
    expect(JSON.stringify(later)).not.toContain(created.token);
  });

  it("gives a read-only role's token its reads, and FORBIDDEN for a write its role lacks", async () => {
    const { token } = await create({ name: 'Dashboard reader', roleId: toGlobalId('DeveloperApiClientRole', [26781]), allFolders: true });
    const read = await stack.request(`{ recipes(first: 1) { nodes { workatoId } } }`, undefined, { token });
    expect(read.errors).toBeUndefined();
    const write = await stack.request(`mutation { folderCreate(input: { name: "Not for readers" }) { folder { id } userErrors { code } } }`, undefined, { token });
    expect(write.errors?.[0]).toMatchObject({ path: ['folderCreate'], extensions: { code: 'FORBIDDEN' } });
  });

  it('refuses what the docs rule out before calling Workato', async () => {
    stack.sim.resetCounts();
    const blank = await create({ name: '  ', roleId: '26779', allFolders: true });
    expect(blank).toEqual({ developerApiClient: null, token: null, userErrors: [{ code: 'INVALID', message: 'name must not be blank.', field: ['input', 'name'] }] });
    const noFolders = await create({ name: 'x', roleId: '26779', allFolders: false });
    expect(noFolders.userErrors).toEqual([{ code: 'INVALID', message: 'folderIds must name at least one folder when allFolders is false.', field: ['input', 'folderIds'] }]);
    const both = await create({ name: 'x', roleId: '26779', allFolders: true, folderIds: ['1201101'] });
    expect(both.userErrors).toEqual([{ code: 'INVALID', message: 'folderIds must be left out when allFolders is true.', field: ['input', 'folderIds'] }]);
    const ip = await create({ name: 'x', roleId: '26779', allFolders: true, ipAllowList: ['10.0.0.1, 10.0.0.2'] });
    expect(ip.userErrors).toEqual([{ code: 'INVALID', message: 'ipAllowList entries must be single addresses or CIDR ranges.', field: ['input', 'ipAllowList', '0'] }]);
    const foreignFolder = await create({ name: 'x', roleId: '26779', allFolders: false, folderIds: [toGlobalId('Folder', [5], '19029')] });
    expect(foreignFolder.userErrors).toEqual([{ code: 'INVALID', message: 'input.folderIds.0 is a Folder of another workspace.', field: ['input', 'folderIds', '0'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's validation errors as userErrors on the input fields", async () => {
    const role = await create({ name: 'x', roleId: '1', allFolders: true });
    expect(role.userErrors).toEqual([{ code: 'INVALID', message: 'api_privilege_group_id is invalid', field: ['input', 'roleId'] }]);
    const folder = await create({ name: 'x', roleId: '26779', allFolders: false, folderIds: ['42'] });
    expect(folder.userErrors).toEqual([{ code: 'INVALID', message: 'folder_ids is invalid', field: ['input', 'folderIds'] }]);
    const env = await create({ name: 'x', roleId: '26779', allFolders: true, environmentName: 'Staging' });
    expect(env.userErrors).toEqual([{ code: 'INVALID', message: 'environment_name is not included in the list', field: ['input', 'environmentName'] }]);
  });

  it('leaves a 403 a top-level FORBIDDEN error', async () => {
    stack.sim.inject({ route: 'POST /api/developer_api_clients', status: 403, body: { message: 'Missing privilege' } });
    const denied = await stack.request(CREATE, { input: { name: 'x', roleId: '26779', allFolders: true } });
    expect(denied.data?.developerApiClientCreate ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('developerApiClientUpdate / Delete / TokenRegenerate', () => {
  it('renames a client and narrows it to folders (implying allFolders: false) with one PUT', async () => {
    const created = await create({ name: 'Temp', roleId: '26779', allFolders: true, ipAllowList: ['192.0.2.1'] });
    stack.sim.resetCounts();
    const { developerApiClientUpdate } = await stack.gql(UPDATE, { input: { id: created.developerApiClient.id, name: 'Temp 2', folderIds: ['1201102'], ipAllowList: [] } });
    expect(developerApiClientUpdate).toMatchObject({ developerApiClient: { name: 'Temp 2', allFolders: false, folders: [{ workatoId: '1201102' }], ipAllowList: [], role: { workatoId: '26779' } }, userErrors: [] });
    expect(stack.sim.counts()).toMatchObject({ 'PUT /api/developer_api_clients/:id': 1 });
    expect(stack.sim.counts()['GET /api/developer_api_clients/:id']).toBeUndefined();
  });

  it('refuses a blank name without a call, and reports an unknown client as NOT_FOUND', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(UPDATE, { input: { id: '40947', name: '' } });
    expect(blank.developerApiClientUpdate.userErrors).toEqual([{ code: 'INVALID', message: 'name must not be blank.', field: ['input', 'name'] }]);
    expect(stack.sim.counts()).toEqual({});
    const missing = await stack.gql(UPDATE, { input: { id: '999', name: 'x' } });
    expect(missing.developerApiClientUpdate).toEqual({ developerApiClient: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
    const badRole = await stack.gql(UPDATE, { input: { id: '40947', roleId: '1' } });
    expect(badRole.developerApiClientUpdate.userErrors).toEqual([{ code: 'INVALID', message: 'api_privilege_group_id is invalid', field: ['input', 'roleId'] }]);
  });

  it('issues a new, different token and moves tokenUpdatedAt; an unknown client is NOT_FOUND', async () => {
    const created = await create({ name: 'Rotating', roleId: '26779', allFolders: true });
    const before = await stack.gql(`{ developerApiClient(id: "${created.developerApiClient.id}") { tokenUpdatedAt } }`);
    await new Promise((r) => setTimeout(r, 5));
    stack.sim.resetCounts();
    const { developerApiClientTokenRegenerate: regenerated } = await stack.gql(REGENERATE, { input: { id: created.developerApiClient.id } });
    expect(regenerated.userErrors).toEqual([]);
    expect(regenerated.token).toMatch(TOKEN);
    expect(regenerated.token).not.toBe(created.token);
    expect(regenerated.developerApiClient.tokenUpdatedAt).not.toBe(before.developerApiClient.tokenUpdatedAt);
    expect(stack.sim.counts()).toEqual({ 'POST /api/developer_api_clients/:id/regenerate': 1, 'GET /api/developer_api_clients/:id': 1 });
    const missing = await stack.gql(REGENERATE, { input: { id: '999' } });
    expect(missing.developerApiClientTokenRegenerate).toEqual({ developerApiClient: null, token: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
  });

  it('deletes a client; it is gone afterwards, and a second delete is NOT_FOUND', async () => {
    const created = await create({ name: 'Short-lived', roleId: '26779', allFolders: true });
    const { developerApiClientDelete } = await stack.gql(DELETE, { input: { id: created.developerApiClient.id } });
    expect(developerApiClientDelete).toEqual({ deletedDeveloperApiClientId: created.developerApiClient.id, userErrors: [] });
    const gone = await stack.request(`{ developerApiClient(id: "${created.developerApiClient.id}") { name } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await stack.gql(DELETE, { input: { id: created.developerApiClient.id } });
    expect(again.developerApiClientDelete.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }]);
  });
});

describe('a created client\'s token calls the gateway', () => {
  it('works as a bearer token until it is regenerated', async () => {
    const created = await create({ name: 'Gateway caller', roleId: '26779', allFolders: true });
    const query = `{ developerApiClients(first: 100) { totalCount } }`;
    const mine = await stack.request(query, {}, { token: created.token });
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.developerApiClients.totalCount).toBeGreaterThan(3);
    const regenerated = (await stack.gql(REGENERATE, { input: { id: created.developerApiClient.id } })).developerApiClientTokenRegenerate;
    const old = await stack.request(query, {}, { token: created.token });
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await stack.request(query, {}, { token: regenerated.token })).errors).toBeUndefined();
  });
});

describe('federation', () => {
  it('resolves DeveloperApiClient and DeveloperApiClientRole representations by workatoId through the loaders', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on DeveloperApiClient { name } ... on DeveloperApiClientRole { name }
    } }`, { reps: [{ __typename: 'DeveloperApiClient', workatoId: '40948' }, { __typename: 'DeveloperApiClientRole', workatoId: '26781' }, { __typename: 'DeveloperApiClientRole', workatoId: '26779' }] });
    expect(data._entities).toEqual([{ name: 'CI/CD deployer' }, { name: 'Read only' }, { name: 'API gateway' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/developer_api_clients/:id': 1, 'GET /api/developer_api_client_roles': 1 });
  });
});

describe('the token is a secret', () => {
  it('is redacted from logs under its wire names', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ body: { result: { id: 1, token: 'short-token-value' } }, api_token: 'other-secret', answer: { result: { api_token: 'nested-secret' } } }, 'created');
    expect(lines.join('')).not.toMatch(/short-token-value|other-secret|nested-secret/);
    expect(lines.join('')).toContain('created');
  });

  it('never comes back from a later read through the response cache, and mutations are never cached', async () => {
    const cached = await startStack({ env: { RESPONSE_CACHE: 'memory' }, simulator: { workspaces: { 'tok-cache': FIXTURE_ONLY } } });
    try {
      const first = (await cached.gql(CREATE, { input: { name: 'Cached', roleId: '26779', allFolders: true } })).developerApiClientCreate;
      const second = (await cached.gql(CREATE, { input: { name: 'Cached', roleId: '26779', allFolders: true } })).developerApiClientCreate;
      expect(first.token).toMatch(TOKEN);
      expect(second.token).not.toBe(first.token);
      cached.sim.resetCounts();
      const read = `{ developerApiClient(id: "${first.developerApiClient.id}") { ${CLIENT} } developerApiClients(first: 100) { nodes { ${CLIENT} } } }`;
      const a = await cached.request(read);
      const b = await cached.request(read);
      expect(b.data).toEqual(a.data);
      for (const answer of [a, b]) expect(JSON.stringify(answer)).not.toMatch(new RegExp(`${first.token}|${second.token}`));
      // The read is cached (one upstream round), the token-bearing regenerate is not.
      expect(cached.sim.counts()['GET /api/developer_api_clients']).toBe(1);
      const r1 = await cached.gql(REGENERATE, { input: { id: first.developerApiClient.id } });
      const r2 = await cached.gql(REGENERATE, { input: { id: first.developerApiClient.id } });
      expect(r1.developerApiClientTokenRegenerate.token).not.toBe(r2.developerApiClientTokenRegenerate.token);
      expect(cached.sim.counts()['POST /api/developer_api_clients/:id/regenerate']).toBe(2);
    } finally {
      await cached.close();
    }
  });
});

describe("a client's environment", () => {
  it('answers FORBIDDEN, with Workato\'s reason, when a Production client\'s token asks for the workspace details', async () => {
    const created = await create({ name: 'Prod dashboard', roleId: '26779', allFolders: true, environmentName: 'Production' });
    expect(created.userErrors).toEqual([]);
    const me = await stack.request(`{ me { name } }`, {}, { token: created.token });
    expect(me.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(me.errors?.[0]?.message).toContain('Development environment');
    const recipes = await stack.request(`{ recipes(first: 1) { nodes { id } } }`, {}, { token: created.token });
    expect(recipes.errors).toBeUndefined();
  });
});
