import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { toGlobalId } from '../src/resolvers/relay.js';
import { startGateway } from '../src/server/gateway.js';
import { createLogger } from '../src/server/logger.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const FIELDS = 'id workatoId name provider connector { name } clientId connectionCount customerCount createdAt updatedAt';
const CREATE = `mutation($input: CustomOAuthProfileCreateInput!) { customOAuthProfileCreate(input: $input) {
  customOAuthProfile { ${FIELDS} } userErrors { code message field }
} }`;
const UPDATE = `mutation($input: CustomOAuthProfileUpdateInput!) { customOAuthProfileUpdate(input: $input) {
  customOAuthProfile { id name clientId } userErrors { code message field }
} }`;
const DELETE = `mutation($id: ID!) { customOAuthProfileDelete(input: { id: $id }) { deletedCustomOAuthProfileId userErrors { code message field } } }`;
const SECRET = 'oauth-app-secret-7c1e93';

describe('customOAuthProfiles / customOAuthProfile (§28)', () => {
  it('lists the profiles in one call, and a by-id read of a listed one costs nothing more', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      customOAuthProfiles(first: 10) { pageInfo { hasNextPage } nodes { ${FIELDS} } }
      customOAuthProfile(id: "321") { id name }
    }`);
    expect(data.customOAuthProfiles.pageInfo.hasNextPage).toBe(false);
    expect(data.customOAuthProfiles.nodes[0]).toEqual({
      id: toGlobalId('CustomOAuthProfile', [321]),
      workatoId: '321',
      name: 'Northwind Ops HubSpot OAuth app',
      provider: 'hubspot',
      connector: { name: 'hubspot' },
      clientId: 'hs-0-26df',
      connectionCount: 1,
      customerCount: 5,
      createdAt: '2023-01-15T10:50:32.986-08:00',
      updatedAt: '2023-01-20T10:50:32.986-08:00',
    });
    expect(data.customOAuthProfiles.nodes.map((p: { workatoId: string }) => p.workatoId)).toEqual(['321', '322']);
    expect(data.customOAuthProfile).toEqual({ id: toGlobalId('CustomOAuthProfile', [321]), name: 'Northwind Ops HubSpot OAuth app' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_oauth_profiles': 1, 'GET /api/integrations': 1 });
  });

  it('pages with first/after over page/per_page', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(`{ customOAuthProfiles(first: 1) { pageInfo { hasNextPage endCursor } nodes { workatoId } } }`);
    expect(first.customOAuthProfiles.nodes).toEqual([{ workatoId: '321' }]);
    expect(first.customOAuthProfiles.pageInfo.hasNextPage).toBe(true);
    const next = await stack.gql(`query($after: String) { customOAuthProfiles(first: 1, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, {
      after: first.customOAuthProfiles.pageInfo.endCursor,
    });
    expect(next.customOAuthProfiles).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: '322' }] });
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_oauth_profiles': 2 });
  });

  it('refuses `first` over 100 before calling, and keeps a 403 a top-level FORBIDDEN error', async () => {
    stack.sim.resetCounts();
    const tooMany = await stack.request(`{ customOAuthProfiles(first: 101) { nodes { id } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
    stack.sim.inject({ route: 'GET /api/custom_oauth_profiles', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(`{ customOAuthProfiles { nodes { id } } }`);
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['customOAuthProfiles'], extensions: { code: 'FORBIDDEN' } });
  });

  it('reads one profile by id with one call (and node(id) the same way); NOT_FOUND for an unknown id', async () => {
    stack.sim.resetCounts();
    const id = toGlobalId('CustomOAuthProfile', [322]);
    const data = await stack.gql(`query($id: ID!) { customOAuthProfile(id: $id) { workatoId provider } node(id: $id) { __typename id } }`, { id });
    expect(data).toEqual({ customOAuthProfile: { workatoId: '322', provider: 'salesforce' }, node: { __typename: 'CustomOAuthProfile', id } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_oauth_profiles/:id': 1 });
    const missing = await stack.request(`{ customOAuthProfile(id: "999") { name } }`);
    expect(missing.errors?.[0]).toMatchObject({ path: ['customOAuthProfile'], extensions: { code: 'NOT_FOUND' } });
    const wrong = await stack.request(`query($id: ID!) { customOAuthProfile(id: $id) { name } }`, { id: toGlobalId('Recipe', [1]) });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('customOAuthProfileCreate / Update / Delete (§28)', () => {
  it('creates a profile; the secret goes to Workato and nowhere else', async () => {
    stack.sim.resetCounts();
    const result = await stack.request(CREATE, { input: { name: 'Sheets app', provider: 'google_sheets', clientId: 'sheets-client', clientSecret: SECRET } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.customOAuthProfileCreate).toMatchObject({
      customOAuthProfile: { name: 'Sheets app', provider: 'google_sheets', clientId: 'sheets-client', connectionCount: 0, connector: { name: 'google_sheets' } },
      userErrors: [],
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(stack.sim.counts()).toEqual({ 'POST /api/custom_oauth_profiles': 1, 'GET /api/integrations': 1 });
    const id = result.data!.customOAuthProfileCreate.customOAuthProfile.workatoId;
    expect(JSON.stringify(await rest(stack.sim, `/custom_oauth_profiles/${id}`))).not.toContain(SECRET);
    const listed = await stack.gql(`{ customOAuthProfiles { nodes { workatoId } } }`);
    expect(listed.customOAuthProfiles.nodes.map((p: { workatoId: string }) => p.workatoId)).toContain(id);
  });

  it("returns Workato's validation errors as userErrors on the input fields", async () => {
    const { customOAuthProfileCreate } = await stack.gql(CREATE, { input: { name: ' ', provider: 'workday', clientId: 'c', clientSecret: 's' } });
    expect(customOAuthProfileCreate).toEqual({
      customOAuthProfile: null,
      userErrors: [
        { code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] },
        { code: 'INVALID', message: 'provider is not included in the list', field: ['input', 'provider'] },
      ],
    });
  });

  it('reports a create answered without the profile as REFUSED, and a 200 `success: false` with its reasons', async () => {
    stack.sim.inject({ route: 'POST /api/custom_oauth_profiles', status: 200, body: { success: false, errors: { provider: ['is already used'] } }, times: 1 });
    const refusedCreate = await stack.gql(CREATE, { input: { name: 'x', provider: 'hubspot', clientId: 'c', clientSecret: 's' } });
    expect(refusedCreate.customOAuthProfileCreate).toEqual({
      customOAuthProfile: null,
      userErrors: [{ code: 'INVALID', message: 'is already used', field: ['input', 'provider'] }],
    });
    stack.sim.inject({ route: 'POST /api/custom_oauth_profiles', status: 200, body: { result: { success: true } }, times: 1 });
    const opaque = await stack.gql(CREATE, { input: { name: 'x', provider: 'hubspot', clientId: 'c', clientSecret: 's' } });
    expect(opaque.customOAuthProfileCreate.userErrors).toEqual([
      { code: 'REFUSED', message: 'Workato answered without the new profile; list customOAuthProfiles to see whether it was created.', field: null },
    ]);
  });

  it('updates only the fields given, reads the profile back, and refuses unknown ids and blank names', async () => {
    stack.sim.resetCounts();
    const { customOAuthProfileUpdate } = await stack.gql(UPDATE, { input: { id: toGlobalId('CustomOAuthProfile', [322]), name: 'Salesforce (prod)', clientSecret: 'rotated' } });
    expect(customOAuthProfileUpdate).toEqual({
      customOAuthProfile: { id: toGlobalId('CustomOAuthProfile', [322]), name: 'Salesforce (prod)', clientId: '3MVG9O0X' },
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/custom_oauth_profiles/:id': 1 });
    const missing = await stack.gql(UPDATE, { input: { id: '999', name: 'x' } });
    expect(missing.customOAuthProfileUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }]);
    const blank = await stack.gql(UPDATE, { input: { id: '322', name: '' } });
    expect(blank.customOAuthProfileUpdate.userErrors).toEqual([{ code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }]);
  });

  it('deletes a profile, and answers an unknown one with NOT_FOUND; 403 stays a top-level error', async () => {
    const created = await stack.gql(CREATE, { input: { name: 'Short-lived', provider: 'slack', clientId: 'c', clientSecret: 's' } });
    const id = created.customOAuthProfileCreate.customOAuthProfile.id;
    const { customOAuthProfileDelete } = await stack.gql(DELETE, { id });
    expect(customOAuthProfileDelete).toEqual({ deletedCustomOAuthProfileId: id, userErrors: [] });
    const again = await stack.gql(DELETE, { id });
    expect(again.customOAuthProfileDelete).toEqual({
      deletedCustomOAuthProfileId: null,
      userErrors: [{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }],
    });
    stack.sim.inject({ route: 'DELETE /api/custom_oauth_profiles/:id', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(DELETE, { id: '321' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the client secret is never logged', () => {
  it('redacts client_secret and clientSecret wherever a logged object holds them', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    logger.info({ body: { name: 'x', data: { client_id: 'id-1', client_secret: SECRET } } }, 'upstream call');
    logger.info({ variables: { input: { clientSecret: SECRET } } }, 'operation');
    logger.info({ client_secret: SECRET });
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(SECRET);
    expect(lines[0]).toContain('id-1');
    expect(lines[0]).toContain('[redacted]');
  });

  it('never shows up in the debug log of a create through the gateway (which logs neither variables nor upstream bodies)', async () => {
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: stack.sim.url, LOG_LEVEL: 'debug', WORKATO_RATE_LIMIT: 'off' });
    const gateway = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger: createLogger('debug', { write: (l: string) => void lines.push(l) }) });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: CREATE, variables: { input: { name: 'Logged', provider: 'zoom', clientId: 'c', clientSecret: SECRET } } }),
      });
      expect(response.status).toBe(200);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(SECRET);

      // A secret written into the document itself, of the wrong type: the caller is told why, the log keeps no value.
      lines.length = 0;
      const inline = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: 'mutation { customOAuthProfileCreate(input: { name: "x", provider: "zoom", clientId: "c", clientSecret: 987654321 }) { userErrors { message } } }' }),
      });
      expect(JSON.stringify(await inline.json())).toContain('String cannot represent a non string value');
      expect(lines.join('\n')).toContain('String cannot represent a non string value');
      expect(lines.join('\n')).not.toContain('987654321');
      // A literal of the wrong shape ("Expected value of type …, found <it>."): the type is logged, the value is not.
      const shaped = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: 'mutation { managedUserUpdate(input: { managedUser: "sekrit-literal" }) { userErrors { message } } }' }),
      });
      await shaped.text();
      expect(lines.join('\n')).toContain('Expected value of type \\"ManagedUserRefInput!\\".');
      expect(lines.join('\n')).not.toContain('sekrit-literal');
    } finally {
      await gateway.close();
    }
  });
});
