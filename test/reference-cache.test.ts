/**
 * The reference cache through the gateway (REFERENCE_CACHE=on, the default): folder levels, connection lists and
 * connector metadata are read once per caller and scope, reported as `cached`, and dropped by every kind of write
 * through the gateway that can change them, before the write answers — so the caller's next read sees the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { unwrapList } from '../src/workato/inferred.js';
import { rest } from './support/rest.js';
import { settled, upload, zipFromSimulator, exported, manifest } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

const BOB = 'b0b'.padEnd(64, '1');
const CAROL = 'ca401'.padEnd(64, '2');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { packages: { delayMs: 30 }, workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 5 }, [CAROL]: {} } } });
});
afterAll(() => stack.close());

const CONNECTIONS = `{ connections(first: 100, includeRuntimeConnections: true) { nodes { workatoId name connected tagHandles } } }`;
type ConnectionRow = { workatoId: string; name: string; connected: boolean; tagHandles: string[] };
const connections = async (token?: string): Promise<ConnectionRow[]> => (await stack.gql(CONNECTIONS, {}, { token })).connections.nodes;
const folderNames = async (parentId?: string): Promise<string[]> =>
  (await stack.gql(`query($p: ID) { folders(parentId: $p, first: 100) { nodes { name } } }`, { p: parentId })).folders.nodes.map((f: { name: string }) => f.name);

/** Reads twice; the second read must not call `route`: the cache is warm. */
async function warm<T>(read: () => Promise<T>, route: string): Promise<T> {
  await read();
  stack.sim.resetCounts();
  const value = await read();
  expect(stack.sim.counts()[route]).toBeUndefined();
  return value;
}

/** After a write: the next read calls `route` again (the entry was dropped) and returns what it returns. */
async function reread<T>(read: () => Promise<T>, route: string): Promise<T> {
  stack.sim.resetCounts();
  const value = await read();
  expect(stack.sim.counts()[route]).toBeGreaterThan(0);
  return value;
}

describe('reads', () => {
  it('keeps no 2xx answer that lacks the documented list: UPSTREAM_ERROR, and the next request asks Workato again', async () => {
    const cases = [
      { route: 'GET /api/integrations/all', body: {}, query: `{ connectors(first: 3) { nodes { name } } }` },
      { route: 'GET /api/connections', body: { error: 'Internal failure, try later' }, query: CONNECTIONS },
      // Another caller: the list above is cached now for the first.
      { route: 'GET /api/connections', body: [null], query: CONNECTIONS, token: CAROL },
    ];
    for (const { route, body, query, token } of cases) {
      stack.sim.resetCounts();
      stack.sim.inject({ route, status: 200, body, times: 1 });
      const poisoned = await stack.request(query, {}, { token });
      expect(poisoned.errors?.map((e) => e.extensions?.code), route).toEqual(['UPSTREAM_ERROR']);
      const next = await stack.request(query, {}, { token });
      expect(next.errors, route).toBeUndefined();
      expect(Object.values(next.data!)[0], route).toMatchObject({ nodes: expect.arrayContaining([expect.anything()]) });
      expect(stack.sim.counts()[route], route).toBe(2);
      stack.sim.clearFaults();
    }
  });

  it('answers a Workato object without a documented non-null field UPSTREAM_ERROR, naming the field', async () => {
    stack.sim.inject({ route: 'GET /api/users/me', status: 200, body: {}, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await stack.request(`{ me { name } }`);
      expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['UPSTREAM_ERROR', expect.stringContaining('Workspace.name')]]);
    }
    stack.sim.clearFaults();
  });

  it('answers a repeated connection list from the cache, reported as cached and traced with no round trip', async () => {
    await connections();
    const second = await stack.request(CONNECTIONS, {}, { headers: { 'x-workato-trace': '1' } });
    expect(second.extensions!.workato).toMatchObject({ calls: 0, cached: 1, roundTrips: 0 });
    expect(second.extensions!.workato.trace).toEqual([
      expect.objectContaining({ method: 'GET', path: expect.stringMatching(/^\/connections\?/), family: 'connections_list', cached: true, roundTrip: 0, status: 200 }),
    ]);
  });

  it("keeps each token's and each customer workspace's entries apart", async () => {
    const own = await warm(() => connections(), 'GET /api/connections');
    stack.sim.resetCounts();
    const bobs = await connections(BOB);
    expect(stack.sim.counts()['GET /api/connections']).toBe(1);
    const truth = async (token: string, path: string) => unwrapList<{ id: number }>(await rest(stack.sim, path, token));
    expect(own.map((c) => c.workatoId).sort()).toEqual((await truth(stack.sim.token, '/connections?include_runtime_connections=true')).map((c) => String(c.id)).sort());
    expect(bobs.map((c) => c.workatoId).sort()).toEqual((await truth(BOB, '/connections?include_runtime_connections=true')).map((c) => String(c.id)).sort());
    stack.sim.resetCounts();
    const customer = await stack.gql(`{ managedUser(id: "19029") { connections(first: 100) { nodes { workatoId } } } }`);
    expect(stack.sim.counts()['GET /api/managed_users/:managed_user_id/connections']).toBe(1);
    expect(customer.managedUser.connections.nodes.map((c: { workatoId: string }) => c.workatoId).sort()).toEqual(
      (await truth(stack.sim.token, '/managed_users/19029/connections')).map((c) => String(c.id)).sort(),
    );
  });

  it('reads connector metadata per name: a name already cached is not asked again', async () => {
    const connector = (name: string) => stack.gql(`query($n: String!) { connector(name: $n) { name title } }`, { n: name });
    await warm(() => connector('salesforce'), 'GET /api/integrations');
    stack.sim.resetCounts();
    const both = await stack.gql(`{ a: connector(name: "salesforce") { name } b: connector(name: "netsuite") { name } }`);
    expect(both).toEqual({ a: { name: 'salesforce' }, b: { name: 'netsuite' } });
    expect(stack.sim.log().filter((l) => l.route === 'GET /api/integrations').map((l) => l.path)).toEqual(['/api/integrations?applications=netsuite']);
  });
});

describe('writes through the gateway drop the caller\'s entries before they answer', () => {
  it('folderCreate, folderUpdate and folderDelete', async () => {
    await warm(() => folderNames('1201101'), 'GET /api/folders');
    const { folderCreate } = await stack.gql(`mutation { folderCreate(input: { name: "Cached child", parentId: "1201101" }) { folder { id } } }`);
    expect(await reread(() => folderNames('1201101'), 'GET /api/folders')).toContain('Cached child');
    await warm(() => folderNames('1201101'), 'GET /api/folders');
    await stack.gql(`mutation($id: ID!) { folderUpdate(input: { id: $id, name: "Renamed child" }) { folder { name } } }`, { id: folderCreate.folder.id });
    expect(await reread(() => folderNames('1201101'), 'GET /api/folders')).toContain('Renamed child');
    await warm(() => folderNames('1201101'), 'GET /api/folders');
    await stack.gql(`mutation($id: ID!) { folderDelete(input: { id: $id }) { deletedFolderId } }`, { id: folderCreate.folder.id });
    expect(await reread(() => folderNames('1201101'), 'GET /api/folders')).not.toContain('Renamed child');
  });

  it('projectUpdate and projectDelete', async () => {
    const { folderCreate } = await stack.gql(`mutation { folderCreate(input: { name: "Cached project" }) { folder { project { id } } } }`);
    const projectId = folderCreate.folder.project.id;
    expect(await warm(() => folderNames(), 'GET /api/folders')).toContain('Cached project');
    await stack.gql(`mutation($id: ID!) { projectUpdate(input: { id: $id, name: "Cached project, renamed" }) { project { name } } }`, { id: projectId });
    expect(await reread(() => folderNames(), 'GET /api/folders')).toContain('Cached project, renamed');
    await warm(() => folderNames(), 'GET /api/folders');
    await stack.gql(`mutation($id: ID!) { projectDelete(input: { id: $id }) { deletedProjectId } }`, { id: projectId });
    expect(await reread(() => folderNames(), 'GET /api/folders')).not.toContain('Cached project, renamed');
  });

  it('connectionCreate, connectionUpdate, connectionDisconnect and connectionDelete', async () => {
    await warm(() => connections(), 'GET /api/connections');
    const { connectionCreate } = await stack.gql(`mutation { connectionCreate(input: { name: "Cached Jira", application: "jira", shellConnection: true }) {
      connection { id workatoId } userErrors { message } } }`);
    expect(connectionCreate.userErrors).toEqual([]);
    const { id, workatoId } = connectionCreate.connection;
    const byId = async () => (await connections()).find((c) => c.workatoId === workatoId);
    expect(await reread(byId, 'GET /api/connections')).toMatchObject({ name: 'Cached Jira' });
    await warm(byId, 'GET /api/connections');
    await stack.gql(`mutation($id: ID!) { connectionUpdate(input: { id: $id, name: "Cached Jira, renamed" }) { userErrors { message } } }`, { id });
    expect(await reread(byId, 'GET /api/connections')).toMatchObject({ name: 'Cached Jira, renamed' });
    await warm(byId, 'GET /api/connections');
    await stack.gql(`mutation($id: ID!) { connectionDelete(input: { id: $id }) { deletedConnectionId userErrors { message } } }`, { id });
    expect(await reread(byId, 'GET /api/connections')).toBeUndefined();

    const live = async () => (await connections()).find((c) => c.workatoId === '880101');
    expect(await warm(live, 'GET /api/connections')).toMatchObject({ connected: true });
    await stack.gql(`mutation { connectionDisconnect(input: { id: "${toGlobalId('Connection', [880101])}", force: true }) { userErrors { message } } }`);
    expect(await reread(live, 'GET /api/connections')).toMatchObject({ connected: false });
  });

  it('never lets a read sent before a write answer the read-back after it, nor fill the cache with it', async () => {
    const target = (await connections()).find((c) => !c.name.includes('renamed'))!;
    // Any write that drops (a folder create reads no connection back), so that the list below is not cached.
    await stack.gql(`mutation { folderCreate(input: { name: "Drop before the race", parentId: "1201101" }) { userErrors { message } } }`);
    stack.sim.resetCounts();
    // A list read that Workato answers before the rename, held 300 ms on its way back.
    stack.sim.inject({ route: 'GET /api/connections', delayMs: 300, times: 1 });
    const LIST = `{ connections(first: 100) { nodes { workatoId name } } }`;
    const early = stack.gql(LIST);
    for (let i = 0; i < 1_000 && !stack.sim.counts()['GET /api/connections']; i++) await new Promise((r) => setTimeout(r, 5));
    const { connectionUpdate } = await stack.gql(`mutation($id: ID!) { connectionUpdate(input: { id: $id, name: "Renamed during a read" }) {
      connection { name } userErrors { message } } }`, { id: target.workatoId });
    expect(connectionUpdate).toEqual({ connection: { name: 'Renamed during a read' }, userErrors: [] });
    const before = (await early).connections.nodes.find((c: { workatoId: string }) => c.workatoId === target.workatoId);
    expect(before.name).toBe(target.name); // Workato answered it before the write: right for its time
    const after = (await stack.gql(LIST)).connections.nodes.find((c: { workatoId: string }) => c.workatoId === target.workatoId);
    expect(after.name).toBe('Renamed during a read');
  });

  it('connectionRuntimeUserCreate', async () => {
    // A runtime-user parent must be an established OAuth connection: Slack's 880103 (the test above disconnected 880101).
    const parent = (await connections()).find((c) => c.connected && c.workatoId === '880103');
    await warm(() => connections(), 'GET /api/connections');
    const { connectionRuntimeUserCreate: created } = await stack.gql(`mutation($input: ConnectionRuntimeUserCreateInput!) {
      connectionRuntimeUserCreate(input: $input) { connection { workatoId } userErrors { message } } }`, {
      input: { parentId: parent!.workatoId, folderId: '1201101', externalId: 'cached@example.com', name: 'Cached runtime user' },
    });
    expect(created.userErrors).toEqual([]);
    expect((await reread(() => connections(), 'GET /api/connections')).map((c) => c.workatoId)).toContain(created.connection.workatoId);
  });

  it('tagsAssign on connections and tagDelete (cached connection lists carry tag handles)', async () => {
    const { tagCreate } = await stack.gql(`mutation { tagCreate(input: { title: "Cached tag" }) { tag { id workatoId } } }`);
    const tagged = async () => (await connections()).find((c) => c.workatoId === '880102')!.tagHandles;
    expect(await warm(tagged, 'GET /api/connections')).not.toContain(tagCreate.tag.workatoId);
    await stack.gql(`mutation($input: TagsAssignInput!) { tagsAssign(input: $input) { userErrors { message } } }`, {
      input: { addTagIds: [tagCreate.tag.id], connectionIds: [toGlobalId('Connection', [880102])] },
    });
    expect(await reread(tagged, 'GET /api/connections')).toContain(tagCreate.tag.workatoId);
    await warm(tagged, 'GET /api/connections');
    await stack.gql(`mutation($input: TagDeleteInput!) { tagDelete(input: $input) { userErrors { message } } }`, { input: { id: tagCreate.tag.id } });
    expect(await reread(tagged, 'GET /api/connections')).not.toContain(tagCreate.tag.workatoId);
  });

  it('packageImport, at its start and again when a read sees it finished (its folders and connections appear then)', async () => {
    const IMPORT = `mutation($input: PackageImportInput!) { packageImport(input: $input) { package { id } userErrors { message } } }`;
    const source = await exported(stack, await manifest(stack, { name: 'Cached import', folderId: '1201101', autoGenerateAssets: true }));
    const zip = new Blob([(await zipFromSimulator(stack, source.workatoId)) as Uint8Array<ArrayBuffer>]);
    const { folderCreate: { folder } } = await stack.gql(`mutation { folderCreate(input: { name: "Import target", parentId: "1201101" }) { folder { workatoId } } }`);
    const inTarget = async () =>
      (await stack.gql(`query($f: ID) { connections(first: 100, folderId: $f) { nodes { workatoId } } }`, { f: folder.workatoId })).connections.nodes.length;
    expect(await warm(inTarget, 'GET /api/connections')).toBe(0);
    const started = await upload(stack, IMPORT, { input: { folderId: folder.workatoId, file: null } }, 'input.file', zip);
    expect(started.data.packageImport.userErrors).toEqual([]);
    // Cached again while (or after) the import runs: only a read of the finished package drops it.
    await warm(inTarget, 'GET /api/connections');
    await settled(stack, started.data.packageImport.package.id, 'status');
    expect(await reread(inTarget, 'GET /api/connections')).toBeGreaterThan(0);
  });

  it("managedUserDelete drops the customer workspace's entries", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { connections(first: 1) { nodes { id } } } }`);
    const NODE = `query($id: ID!) { node(id: $id) { ... on Connection { workatoId } } }`;
    const read = () => stack.request(NODE, { id: managedUser.connections.nodes[0].id });
    expect((await warm(read, 'GET /api/managed_users/:managed_user_id/connections')).data?.node).not.toBeNull();
    const { managedUserDelete } = await stack.gql(`mutation { managedUserDelete(input: { managedUser: { id: "19029" } }) { userErrors { message } } }`);
    expect(managedUserDelete.userErrors).toEqual([]);
    expect((await reread(read, 'GET /api/managed_users/:managed_user_id/connections')).data?.node ?? null).toBeNull();
  });
});
