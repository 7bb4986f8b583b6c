import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-nw': FIXTURE_ONLY, 'tok-other': { recipes: 2 } } });
});
afterAll(() => sim.close());

async function send(method: string, path: string, body?: unknown, token = 'tok-nw') {
  const { status, body: answer } = await api(sim, path, { method, body, token });
  return { status, body: answer };
}

const TOKEN = /^[0-9a-f]{64}$/;

describe('GET /api/developer_api_clients (§21)', () => {
  it('answers {"result": {"count", "items"}} with token metadata only, paged by page/per_page', async () => {
    const all = await send('GET', '/developer_api_clients');
    expect(Object.keys(all.body)).toEqual(['result']);
    expect(all.body.result.count).toBe(3);
    expect(all.body.result.items[0]).toEqual({
      id: 40947, name: 'Gateway', api_privilege_group_id: 26779, created_at: expect.any(String), updated_at: expect.any(String),
      all_folders: false, folder_ids: [1201101, 1201102], environment_name: 'Development', environment_id: 3218,
      ip_allow_list: '192.0.2.10,198.51.100.5', token: { updated_at: expect.any(String) },
    });
    const page2 = await send('GET', '/developer_api_clients?per_page=2&page=2');
    expect(page2.body.result).toEqual({ count: 3, items: [expect.objectContaining({ id: 40949 })] });
    expect((await send('GET', '/developer_api_clients?per_page=101')).status).toBe(400);
  });

  it('seeds other workspaces with their own ids, roles and folders', async () => {
    const other = await send('GET', '/developer_api_clients', undefined, 'tok-other');
    const ids = other.body.result.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual([41947, 41948, 41949]);
    const roles = await send('GET', '/developer_api_client_roles', undefined, 'tok-other');
    expect(roles.body.result.map((r: { id: number }) => r.id)).toEqual([27779, 27780, 27781]);
    expect(other.body.result.items[0].folder_ids).not.toContain(1201101);
  });

  it('gets one client as {"result"} and 404s unknown or non-numeric ids', async () => {
    const one = await send('GET', '/developer_api_clients/40948');
    expect(one.body.result).toMatchObject({ id: 40948, all_folders: true, folder_ids: [], token: { updated_at: expect.any(String) } });
    for (const path of ['/developer_api_clients/1', '/developer_api_clients/abc']) expect(await send('GET', path)).toEqual({ status: 404, body: { message: 'Not found' } });
  });
});

describe('writes (§21)', () => {
  it('creates a client and answers its token once; later reads send only the metadata', async () => {
    const created = await send('POST', '/developer_api_clients', { name: 'Deployer', api_privilege_group_id: 26780, all_folders: false, folder_ids: [1201103], ip_allow_list: '203.0.113.0/24' });
    expect(created.status).toBe(200);
    expect(created.body.result).toMatchObject({ name: 'Deployer', api_privilege_group_id: 26780, all_folders: false, folder_ids: [1201103], ip_allow_list: '203.0.113.0/24', environment_name: 'Development' });
    expect(created.body.result.token).toMatch(TOKEN);
    const id = created.body.result.id;
    const read = await send('GET', `/developer_api_clients/${id}`);
    expect(read.body.result.token).toEqual({ updated_at: expect.any(String) });
    const listed = await send('GET', '/developer_api_clients');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.result.token);
  });

  it('answers Rails validation errors for what the docs require', async () => {
    const bad = await send('POST', '/developer_api_clients', { name: ' ', api_privilege_group_id: 1, all_folders: 'maybe', ip_allow_list: '10.0.0.1,nope' });
    expect(bad).toEqual({
      status: 400,
      body: { message: 'Validation failed', errors: { name: ["can't be blank"], api_privilege_group_id: ['is invalid'], all_folders: ['must be true or false'], ip_allow_list: ['is invalid'] } },
    });
    const noFolders = await send('POST', '/developer_api_clients', { name: 'x', api_privilege_group_id: 26779, all_folders: false });
    expect(noFolders.body.errors).toEqual({ folder_ids: ["can't be blank"] });
    const unknownFolder = await send('POST', '/developer_api_clients', { name: 'x', api_privilege_group_id: 26779, all_folders: false, folder_ids: [42] });
    expect(unknownFolder.body.errors).toEqual({ folder_ids: ['is invalid'] });
    const env = await send('POST', '/developer_api_clients', { name: 'x', api_privilege_group_id: 26779, all_folders: true, environment_name: 'Staging' });
    expect(env.body.errors).toEqual({ environment_name: ['is not included in the list'] });
  });

  it('updates only the keys sent, regenerates a different token, and deletes', async () => {
    const created = (await send('POST', '/developer_api_clients', { name: 'Temp', api_privilege_group_id: 26779, all_folders: true })).body.result;
    const updated = await send('PUT', `/developer_api_clients/${created.id}`, { name: 'Temp 2', ip_allow_list: '' });
    expect(updated.body.result).toMatchObject({ name: 'Temp 2', api_privilege_group_id: 26779, all_folders: true, ip_allow_list: null, token: { updated_at: expect.any(String) } });
    expect((await send('PUT', `/developer_api_clients/${created.id}`, { name: '' })).body.errors).toEqual({ name: ["can't be blank"] });
    const regenerated = await send('POST', `/developer_api_clients/${created.id}/regenerate`);
    expect(regenerated.body.result.token).toMatch(TOKEN);
    expect(regenerated.body.result.token).not.toBe(created.token);
    expect((await send('POST', '/developer_api_clients/999/regenerate')).status).toBe(404);
    expect(await send('DELETE', `/developer_api_clients/${created.id}`)).toEqual({ status: 200, body: { success: true } });
    expect((await send('GET', `/developer_api_clients/${created.id}`)).status).toBe(404);
  });
});

describe('client tokens authenticate (§21)', () => {
  it('opens the client\'s workspace with its token until it is regenerated or the client deleted', async () => {
    const created = (await send('POST', '/developer_api_clients', { name: 'Caller', api_privilege_group_id: 26779, all_folders: true })).body.result;
    const first = created.token as string;
    const me = await send('GET', '/users/me', undefined, first);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe((await send('GET', '/users/me')).body.id);
    const second = (await send('POST', `/developer_api_clients/${created.id}/regenerate`)).body.result.token as string;
    expect((await send('GET', '/users/me', undefined, first))).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect((await send('GET', '/developer_api_clients', undefined, second)).status).toBe(200);
    await send('DELETE', `/developer_api_clients/${created.id}`, undefined, second);
    expect((await send('GET', '/users/me', undefined, second)).status).toBe(401);
  });

  it('keeps workspace details and collaborators to Development clients (§2.1, §9, §20); other endpoints stay open', async () => {
    const created = (await send('POST', '/developer_api_clients', { name: 'Prod caller', api_privilege_group_id: 26779, all_folders: true, environment_name: 'Production' })).body.result;
    const token = created.token as string;
    for (const path of ['/users/me', '/members', '/roles', '/iam/users']) {
      expect(await send('GET', path, undefined, token)).toEqual({ status: 403, body: { message: expect.stringContaining('Development') } });
    }
    expect((await send('GET', '/recipes', undefined, token)).status).toBe(200);
    await send('PUT', `/developer_api_clients/${created.id}`, { environment_name: 'Development' });
    expect((await send('GET', '/users/me', undefined, token)).status).toBe(200); // "updates … apply immediately" (§2.1)
  });

  it('lets a "Read only" role read and refuses its writes with 403 (§2.1 role whitelist, §4.1)', async () => {
    const created = (await send('POST', '/developer_api_clients', { name: 'Reader', api_privilege_group_id: 26781, all_folders: true })).body.result;
    const token = created.token as string;
    expect((await send('GET', '/recipes', undefined, token)).status).toBe(200);
    const write = await send('POST', '/folders', { name: 'Not mine to make' }, token);
    expect(write).toEqual({ status: 403, body: { message: expect.stringContaining('role') } });
    await send('PUT', `/developer_api_clients/${created.id}`, { api_privilege_group_id: 26779 });
    expect((await send('POST', '/folders', { name: 'Now allowed' }, token)).status).toBe(200); // "updates … apply immediately"
  });

  it('shows a folder-scoped client only the recipes, connections and folders of its folders and below (§2.1)', async () => {
    const recipes = (await send('GET', '/recipes')).body.items as Array<{ id: number; folder_id: number }>;
    const inside = recipes[0]!;
    const outside = recipes.find((r) => r.folder_id !== inside.folder_id)!;
    const created = (await send('POST', '/developer_api_clients', { name: 'Scoped', api_privilege_group_id: 26779, all_folders: false, folder_ids: [inside.folder_id] })).body.result;
    const token = created.token as string;
    const seen = (await send('GET', '/recipes', undefined, token)).body.items as Array<{ id: number; folder_id: number }>;
    expect(seen.map((r) => r.id)).toEqual(recipes.filter((r) => r.folder_id === inside.folder_id).map((r) => r.id));
    expect((await send('GET', `/recipes/${inside.id}`, undefined, token)).status).toBe(200);
    expect(await send('GET', `/recipes/${outside.id}`, undefined, token)).toEqual({ status: 404, body: { message: 'Not found' } });
    expect((await send('DELETE', `/recipes/${outside.id}`, undefined, token)).status).toBe(404);
    expect((await send('GET', `/recipes/${outside.id}`)).status).toBe(200); // not deleted
    const connections = (await send('GET', '/connections', undefined, token)).body as Array<{ folder_id: number }>;
    expect(connections.every((c) => c.folder_id === inside.folder_id)).toBe(true);
    const parent = (await send('GET', `/folders?parent_id=${inside.folder_id}`, undefined, token)).status;
    expect(parent).toBe(200);
    const home = (await send('GET', '/folders?with_nested_folders=true', undefined, token)).body as Array<{ id: number }>;
    expect(home.map((f) => f.id)).toContain(inside.folder_id);
    expect(home.map((f) => f.id)).not.toContain(outside.folder_id);
  });

  it('shows a folder-scoped client only the projects whose folder is in its scope, and answers 404 for the others (§2.1)', async () => {
    const projects = (await send('GET', '/projects')).body as Array<{ id: number; folder_id: number; name: string }>;
    expect(projects.length).toBeGreaterThan(1);
    const [inside, outside] = projects as [(typeof projects)[0], (typeof projects)[0]];
    const created = (await send('POST', '/developer_api_clients', { name: 'Project scoped', api_privilege_group_id: 26779, all_folders: false, folder_ids: [inside.folder_id] })).body.result;
    const token = created.token as string;
    expect(((await send('GET', '/projects', undefined, token)).body as Array<{ id: number }>).map((p) => p.id)).toEqual([inside.id]);
    expect(await send('PUT', `/projects/${outside.id}`, { description: 'not mine' }, token)).toEqual({ status: 404, body: { message: 'Not found' } });
    expect((await send('DELETE', `/projects/${outside.id}`, undefined, token)).status).toBe(404);
    expect((await send('PUT', `/projects/${inside.id}`, { description: 'mine' }, token)).body).toMatchObject({ id: inside.id, description: 'mine' });
    expect(((await send('GET', '/projects')).body as Array<{ id: number }>).map((p) => p.id)).toContain(outside.id); // not deleted
  });

  it('opens a customer workspace with a customer client\'s token', async () => {
    const role = (await send('GET', '/v2/managed_users/19041/developer_api_client_roles')).body.result[0].id;
    const token = (await send('POST', '/v2/managed_users/19041/developer_api_clients', { name: 'Initech bot', api_privilege_group_id: role, all_folders: true })).body.result.token;
    const own = await send('GET', '/developer_api_clients', undefined, token);
    expect(own.body.result.items.map((c: { name: string }) => c.name)).toContain('Initech bot');
    expect((await send('GET', '/managed_users', undefined, token)).status).toBe(403);
  });
});

describe('roles and the Embedded variant (§21, §17.8)', () => {
  it('lists roles unpaged in {"result"}', async () => {
    const roles = await send('GET', '/developer_api_client_roles');
    expect(roles.body).toEqual({ result: [
      { id: 26779, name: 'API gateway', created_at: expect.any(String), updated_at: expect.any(String) },
      { id: 26780, name: 'Release pipeline', created_at: expect.any(String), updated_at: expect.any(String) },
      { id: 26781, name: 'Read only', created_at: expect.any(String), updated_at: expect.any(String) },
    ] });
  });

  it('serves a customer\'s clients and roles under /api/v2/managed_users/:id only, with the same envelopes', async () => {
    const clients = await send('GET', '/v2/managed_users/EACME-001/developer_api_clients');
    expect(clients.body.result.count).toBe(3);
    expect(clients.body.result.items[0].id).not.toBe(40947);
    expect((await send('GET', '/managed_users/19029/developer_api_clients')).body).toEqual({ message: 'API not found' });
    const roles = await send('GET', '/v2/managed_users/19029/developer_api_client_roles');
    expect(roles.body.result).toHaveLength(3);
    const created = await send('POST', '/v2/managed_users/19029/developer_api_clients', { name: 'Acme CI', api_privilege_group_id: roles.body.result[0].id, all_folders: true });
    expect(created.body.result.token).toMatch(TOKEN);
    expect((await send('GET', '/developer_api_clients')).body.result.items.map((c: { name: string }) => c.name)).not.toContain('Acme CI');
  });

  it('copies a customer\'s role; the copy route does not exist in the caller\'s own workspace', async () => {
    const role = (await send('GET', '/v2/managed_users/19030/developer_api_client_roles')).body.result[1];
    const copy = await send('POST', `/v2/managed_users/19030/developer_api_client_roles/${role.id}/copy`);
    expect(copy.body.result).toEqual({ id: expect.any(Number), name: `${role.name} (copy)`, created_at: expect.any(String), updated_at: expect.any(String) });
    const after = await send('GET', '/v2/managed_users/19030/developer_api_client_roles');
    expect(after.body.result.map((r: { id: number }) => r.id)).toContain(copy.body.result.id);
    expect((await send('POST', '/v2/managed_users/19030/developer_api_client_roles/1/copy')).status).toBe(404);
    expect(await send('POST', '/developer_api_client_roles/26779/copy')).toEqual({ status: 404, body: { message: 'API not found' } });
  });
});
