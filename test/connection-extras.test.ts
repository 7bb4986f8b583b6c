import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { rest } from './support/rest.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO });
});
afterAll(() => stack.close());

describe('Connection.pickList', () => {
  it('answers label/value pairs, one call per distinct name and params', async () => {
    stack.sim.resetCounts();
    const { connection } = await stack.gql(`{ connection(id: "880101") {
      a: pickList(name: "sobject_fields", params: { sobject_name: "Invoice__c" }) { label value }
      b: pickList(name: "sobject_fields", params: { sobject_name: "Invoice__c" }) { label }
      objects: pickList(name: "sobjects") { value }
    } }`);
    expect(connection.a).toEqual([
      { label: 'Record ID', value: 'Id' }, { label: 'Owner ID', value: 'OwnerId' }, { label: 'Invoice Name', value: 'Name' },
      { label: 'Created Date', value: 'CreatedDate' }, { label: 'Status', value: 'Status__c' },
    ]);
    expect(connection.b).toHaveLength(5);
    expect(connection.objects.map((o: any) => o.value)).toEqual(['Account', 'Opportunity', 'Invoice__c']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/connections': 1, 'POST /api/connections/:connection_id/pick_list': 2 });
  });

  it("passes on Workato's refusal of an unknown pick list as BAD_USER_INPUT, and checks the arguments first", async () => {
    const unknown = await stack.request(`{ connection(id: "880103") { pickList(name: "sobjects") { value } } }`);
    expect(unknown.errors?.[0]).toMatchObject({ path: ['connection', 'pickList'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(unknown.errors?.[0]?.message).toContain('Unknown pick list: sobjects');
    stack.sim.resetCounts();
    const blank = await stack.request(`{ connection(id: "880101") { pickList(name: "") { value } } }`);
    const list = await stack.request(`{ connection(id: "880101") { pickList(name: "sobjects", params: [1]) { value } } }`);
    expect([blank.errors?.[0]?.extensions?.code, list.errors?.[0]?.extensions?.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/connections': 2 });
  });
});

const CREATE = `mutation($input: ConnectionRuntimeUserCreateInput!) { connectionRuntimeUserCreate(input: $input) {
  connection { workatoId name externalId parent { workatoId } runtimeUserOauthUrl } oauthUrl userErrors { code message field } } }`;

describe('runtime-user connections', () => {
  it('creates a child connection for an end user and returns its OAuth URL', async () => {
    const { connectionRuntimeUserCreate: r } = await stack.gql(CREATE, {
      input: { parentId: toGlobalId('Connection', [880101]), folderId: '1201101', externalId: 'ann@example.com', name: "Ann's Salesforce" },
    });
    expect(r).toMatchObject({
      connection: { name: "Ann's Salesforce", externalId: 'ann@example.com', parent: { workatoId: '880101' } },
      oauthUrl: expect.stringContaining(`connection_id=${r.connection.workatoId}`), userErrors: [],
    });
    expect(r.connection.runtimeUserOauthUrl).toBe(r.oauthUrl);
    const children = await rest(stack.sim, '/connections?parent_id=880101');
    expect(children.map((c: any) => String(c.id))).toContain(r.connection.workatoId);
  });

  it('reads the OAuth URL of a runtime-user connection with one call, and of no other connection', async () => {
    const [child] = await rest(stack.sim, '/connections?parent_id=880101');
    stack.sim.resetCounts();
    const data = await stack.gql(`{ a: connections(parentId: "880101") { nodes { runtimeUserOauthUrl } } b: connection(id: "880101") { runtimeUserOauthUrl } }`);
    expect(data).toEqual({ a: { nodes: [{ runtimeUserOauthUrl: expect.stringContaining(`connection_id=${child.id}`) }] }, b: { runtimeUserOauthUrl: null } });
    // Runtime-user connections are listed only under their parent (§12.1): two lists, one OAuth URL call.
    expect(stack.sim.counts()).toEqual({ 'GET /api/connections': 2, 'GET /api/connections/runtime_user_connections/:connection_id/get_oauth_url': 1 });
  });

  it('finds a runtime-user connection by id (one list more than a parent), renames it and reads it back', async () => {
    const [child] = await rest(stack.sim, '/connections?parent_id=880101');
    stack.sim.resetCounts();
    const read = await stack.gql(`query($id: ID!) { connection(id: $id) { workatoId externalId parent { workatoId } } }`, { id: String(child.id) });
    expect(read.connection).toEqual({ workatoId: String(child.id), externalId: child.external_id, parent: { workatoId: '880101' } });
    // The unfiltered list leaves runtime-user connections out (§12.1); the second list includes them.
    expect(stack.sim.counts()).toEqual({ 'GET /api/connections': 2 });
    const renamed = await stack.gql(`mutation($id: ID!) { connectionUpdate(input: { id: $id, name: "Renamed child" }) {
      connection { workatoId name } userErrors { code } } }`, { id: String(child.id) });
    expect(renamed.connectionUpdate).toEqual({ connection: { workatoId: String(child.id), name: 'Renamed child' }, userErrors: [] });
    const missing = await stack.request(`{ connection(id: "1") { name } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a blank external id without calling Workato, and passes on its refusals', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(CREATE, { input: { parentId: '880101', folderId: '1201101', externalId: ' ' } });
    expect(blank.connectionRuntimeUserCreate).toEqual({ connection: null, oauthUrl: null, userErrors: [{ code: 'INVALID', message: "external_id can't be blank", field: ['input', 'externalId'] }] });
    expect(stack.sim.counts()).toEqual({});
    const folder = await stack.gql(CREATE, { input: { parentId: '880101', folderId: '42', externalId: 'x' } });
    expect(folder.connectionRuntimeUserCreate.userErrors).toEqual([{ code: 'INVALID', message: 'folder_id is invalid', field: ['input', 'folderId'] }]);
    const parent = await stack.gql(CREATE, { input: { parentId: '880104', folderId: '1201101', externalId: 'x' } });
    expect(parent.connectionRuntimeUserCreate.userErrors).toEqual([{ code: 'INVALID', message: 'Parent connection must be an established OAuth connection', field: null }]);
    // An authorized connection of a connector without OAuth (NetSuite) cannot be a parent either.
    const notOauth = await stack.gql(CREATE, { input: { parentId: '880102', folderId: '1201101', externalId: 'x' } });
    expect(notOauth.connectionRuntimeUserCreate.userErrors).toEqual([{ code: 'INVALID', message: 'Parent connection must be an established OAuth connection', field: null }]);
    const missing = await stack.gql(CREATE, { input: { parentId: '1', folderId: '1201101', externalId: 'x' } });
    expect(missing.connectionRuntimeUserCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'parentId'] }]);
  });
});

describe('an Embedded customer', () => {
  it("gets NOT_FOUND for a pick list of a customer's connection (Workato documents pick lists for own connections only)", async () => {
    const r = await stack.request(`{ managedUser(id: "19029") { connections(first: 1) { nodes { workatoId pickList(name: "sobjects") { value } } } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.data?.managedUser?.connections?.nodes?.[0]?.workatoId).toBeDefined();
  });

  it("refuses a customer's connection as a runtime-user parent before calling Workato", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { connections(first: 1) { nodes { id } } } }`);
    stack.sim.resetCounts();
    const r = await stack.request(CREATE, { input: { parentId: managedUser.connections.nodes[0].id, folderId: '1201101', externalId: 'x' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
  });
});
