import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-connections': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const CREATE = `mutation($input: ConnectionCreateInput!) { connectionCreate(input: $input) {
  connection { id workatoId name application connected authorizationStatus externalId }
  userErrors { __typename message code field }
} }`;
const UPDATE = `mutation($input: ConnectionUpdateInput!) { connectionUpdate(input: $input) {
  connection { workatoId name externalId connected tagHandles folder { workatoId } }
  userErrors { message code field }
} }`;
const DISCONNECT = `mutation($id: ID!, $force: Boolean) { connectionDisconnect(input: { id: $id, force: $force }) {
  connection { workatoId connected authorizationStatus authorizedAt }
  userErrors { message code field }
} }`;
const DELETE = `mutation($id: ID!) { connectionDelete(input: { id: $id }) { deletedConnectionId userErrors { message code field } } }`;

const SECRET = 'atl-secret-7f3e9c1d';

describe('connectionCreate', () => {
  it('creates a connection with one POST and never echoes its credentials', async () => {
    stack.sim.resetCounts();
    const input = { name: 'Jira Sandbox', application: 'jira', externalId: 'sandbox', input: { host_name: 'acme.atlassian.net', apitoken: SECRET } };
    const data = await stack.gql(CREATE, { input });
    expect(data.connectionCreate).toMatchObject({
      connection: { name: 'Jira Sandbox', application: 'jira', connected: true, authorizationStatus: 'success', externalId: 'sandbox' },
      userErrors: [],
    });
    // The create answers the Connection (§12.2): it primes the loader, no list call is needed.
    expect(stack.sim.counts()).toEqual({ 'POST /api/connections': 1 });
    expect(JSON.stringify(data)).not.toContain(SECRET);
    const listed = await rest(stack.sim, '/connections');
    expect(listed.map((c: { name: string }) => c.name)).toContain('Jira Sandbox');
    expect(JSON.stringify(listed)).not.toContain(SECRET);
  });

  it("returns Workato's validation errors as userErrors pointing at the input fields", async () => {
    stack.sim.resetCounts();
    const { connectionCreate } = await stack.gql(CREATE, { input: { name: ' ', application: 'nope' } });
    expect(connectionCreate).toEqual({
      connection: null,
      userErrors: [
        { __typename: 'InputError', code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] },
        { __typename: 'InputError', code: 'INVALID', message: 'application is not included in the list', field: ['input', 'application'] },
      ],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/connections': 1 });
  });

  it('creates OAuth connectors only as shell connections', async () => {
    const refused = await stack.gql(CREATE, { input: { name: 'Sales', application: 'salesforce' } });
    expect(refused.connectionCreate.userErrors).toEqual([
      { __typename: 'InputError', code: 'INVALID', message: 'shell_connection must be true for OAuth connectors', field: ['input', 'shellConnection'] },
    ]);
    const shell = await stack.gql(CREATE, { input: { name: 'Sales shell', application: 'salesforce', shellConnection: true } });
    expect(shell.connectionCreate.connection).toMatchObject({ connected: false, authorizationStatus: null });
  });

  it("creates a customer's connection as a shell (§17.3 #2): it comes back not connected", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19030") { folders { nodes { id } } } }`);
    stack.sim.resetCounts();
    const { connectionCreate } = await stack.gql(CREATE, {
      input: { name: 'Globex Jira', application: 'jira', folderId: managedUser.folders.nodes[0].id, input: { host_name: 'globex.atlassian.net', apitoken: SECRET } },
    });
    expect(connectionCreate).toMatchObject({ connection: { name: 'Globex Jira', connected: false, authorizationStatus: null }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/managed_users/:managed_user_id/connections': 1 });
  });

  it('refuses a malformed folder id and non-object credentials before calling Workato', async () => {
    stack.sim.resetCounts();
    const bad = await stack.request(CREATE, { input: { name: 'x', application: 'jira', folderId: 'nope' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const list = await stack.request(CREATE, { input: { name: 'x', application: 'jira', input: ['a'] } });
    expect(list.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.total()).toBe(0);
  });

  it('keeps a privilege problem (403) a top-level FORBIDDEN error', async () => {
    stack.sim.inject({ route: 'POST /api/connections', status: 403, body: { message: 'Forbidden' } });
    const result = await stack.request(CREATE, { input: { name: 'x', application: 'jira' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('connectionUpdate', () => {
  it('renames and moves a connection, reading it back with its tags (one PUT, one list)', async () => {
    stack.sim.resetCounts();
    const { connectionUpdate } = await stack.gql(UPDATE, { input: { id: '880104', name: 'Jira (EU)', folderId: '1201103', externalId: 'eu' } });
    expect(connectionUpdate).toMatchObject({
      connection: { workatoId: '880104', name: 'Jira (EU)', externalId: 'eu', connected: false, tagHandles: ['tag-AQf3d2Kx-9LmNpZ'] },
      userErrors: [],
    });
    expect(connectionUpdate.connection.folder).toEqual({ workatoId: '1201103' });
    expect(stack.sim.counts()).toMatchObject({ 'PUT /api/connections/:connection_id': 1, 'GET /api/connections': 1 });
  });

  it('answers an unknown connection with NOT_FOUND and a blank name with INVALID', async () => {
    const missing = await stack.gql(UPDATE, { input: { id: '999999', name: 'x' } });
    expect(missing.connectionUpdate).toEqual({ connection: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }] });
    const blank = await stack.gql(UPDATE, { input: { id: '880104', name: '' } });
    expect(blank.connectionUpdate.userErrors).toEqual([{ code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }]);
  });

  it('never shows a stale connection list later in the same request', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`mutation {
      before: connectionUpdate(input: { id: "880102", name: "NetSuite Prod" }) { connection { folder { connections { name } } } }
      created: connectionCreate(input: { name: "NetSuite Sandbox", application: "netsuite", folderId: "1201101", shellConnection: true }) {
        connection { workatoId }
      }
      after: connectionUpdate(input: { id: "880102", name: "NetSuite Prod" }) { connection { folder { connections { name } } } }
    }`);
    const names = (key: 'before' | 'after'): string[] => data[key].connection.folder.connections.map((c: { name: string }) => c.name);
    expect(names('before')).not.toContain('NetSuite Sandbox');
    expect(names('after')).toEqual([...names('before'), 'NetSuite Sandbox']);
    // One list per update payload (read back after the write); the create itself re-lists nothing.
    expect(stack.sim.counts()).toEqual({
      'PUT /api/connections/:connection_id': 2,
      'POST /api/connections': 1,
      'GET /api/connections': 2,
      'GET /api/folders': 1,
    });
  });
});

describe('connectionDisconnect / connectionDelete', () => {
  it('refuses to disconnect a connection running recipes use, unless forced', async () => {
    const refused = await stack.gql(DISCONNECT, { id: '880101' });
    expect(refused.connectionDisconnect).toEqual({
      connection: null,
      userErrors: [{ code: 'CONNECTION_IN_USE', message: 'Connection is used by active recipes', field: ['input', 'id'] }],
    });
    stack.sim.resetCounts();
    const forced = await stack.gql(DISCONNECT, { id: '880101', force: true });
    expect(forced.connectionDisconnect).toMatchObject({
      connection: { workatoId: '880101', connected: false, authorizationStatus: null, authorizedAt: expect.any(String) },
      userErrors: [],
    });
    // §12.4 answers no connection: it is read back through the list.
    expect(stack.sim.counts()).toEqual({ 'POST /api/connections/:connection_id/disconnect': 1, 'GET /api/connections': 1 });
  });

  it("disconnects a customer's connection, reading success and refusals from its {\"result\"} answer (§17.3 #4)", async () => {
    const CUSTOMER = `{ managedUser(id: "19029") { connections(first: 100) { nodes { id workatoId connected } } } }`;
    const nodes = (await stack.gql(CUSTOMER)).managedUser.connections.nodes;
    const box = nodes.find((c: { workatoId: string }) => c.workatoId === '6132');
    expect(box.connected).toBe(true);
    stack.sim.resetCounts();
    const done = await stack.gql(DISCONNECT, { id: box.id });
    expect(done.connectionDisconnect).toMatchObject({ connection: { workatoId: '6132', connected: false, authorizationStatus: null }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({
      'POST /api/managed_users/:managed_user_id/connections/:connection_id/disconnect': 1,
      'GET /api/managed_users/:managed_user_id/connections': 1,
    });
    // A refusal inside the `result` list of a 2xx is a refusal, not a success.
    const other = nodes.find((c: { workatoId: string; connected: boolean }) => c.workatoId === '6131');
    stack.sim.inject({
      route: 'POST /api/managed_users/:managed_user_id/connections/:connection_id/disconnect',
      status: 200, body: { result: [{ success: false, message: 'Connection cannot be disconnected now' }] },
    });
    const refused = await stack.gql(DISCONNECT, { id: other.id });
    expect(refused.connectionDisconnect).toEqual({
      connection: null,
      userErrors: [{ code: 'REFUSED', message: 'Connection cannot be disconnected now', field: null }],
    });
  });

  it('refuses to delete a connected connection, and one that running recipes use', async () => {
    const active = await stack.gql(DELETE, { id: '880102' });
    expect(active.connectionDelete).toEqual({
      deletedConnectionId: null,
      userErrors: [{ code: 'CONNECTION_CONNECTED', message: 'Connection is active', field: ['input', 'id'] }],
    });
    const used = await stack.gql(DELETE, { id: '880101' }); // disconnected above, still in a running recipe
    expect(used.connectionDelete.userErrors[0]).toMatchObject({ code: 'CONNECTION_IN_USE' });
  });

  it('deletes a disconnected, unused connection and answers its global id', async () => {
    const { connection } = await stack.gql(`{ connection(id: "880104") { id connected } }`);
    expect(connection.connected).toBe(false);
    stack.sim.resetCounts();
    const data = await stack.gql(DELETE, { id: connection.id });
    expect(data.connectionDelete).toEqual({ deletedConnectionId: connection.id, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'DELETE /api/connections/:connection_id': 1 });
    const gone = await stack.request(`{ connection(id: "880104") { name } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await stack.gql(DELETE, { id: '880104' });
    expect(again.connectionDelete.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });
});
