import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-north': {}, 'tok-other': { recipes: 2 } } });
});
afterAll(() => sim.close());

const send = (method: string, path: string, body?: unknown, token = 'tok-north') => api(sim, path, { method, body, token });

const invalid = (errors: Record<string, string[]>) => ({ message: 'Validation failed', errors });

describe('GET /api/members (§20 #2)', () => {
  it('answers {"data", "total"} with the §8.10 member first, different members per workspace', async () => {
    const north = (await api(sim, '/members', { token: 'tok-north' })).body;
    expect(north.total).toBe(4);
    expect(north.data).toHaveLength(4);
    expect(north.data[0]).toMatchObject({
      id: 90017, grant_type: 'team', name: 'Priya Raman', email: 'priya.raman@northwind.example', external_id: null,
      time_zone: 'Pacific Time (US & Canada)', created_at: '2024-10-01T10:00:00.000-07:00',
      roles: [{ environment_type: 'dev', role_name: 'Admin' }, { environment_type: 'prod', role_name: 'Admin' }],
    });
    expect(north.data[0].last_activity_log).toMatchObject({ event_type: 'recipe_updated' });
    const other = (await api(sim, '/members', { token: 'tok-other' })).body;
    const ids = new Set(north.data.map((m: any) => m.id));
    expect(other.data.length).toBeGreaterThan(0);
    expect(other.data.some((m: any) => ids.has(m.id))).toBe(false);
  });

  it('pages by page/per_page with the total of all members, and filters by e-mail (case-insensitive)', async () => {
    const page2 = (await api(sim, '/members?per_page=3&page=2', { token: 'tok-north' })).body;
    expect(page2.data.map((m: any) => m.id)).toEqual([90038]);
    expect(page2.total).toBe(4);
    const found = (await api(sim, '/members?email=PRIYA.RAMAN@northwind.example', { token: 'tok-north' })).body;
    expect(found).toEqual({ data: [expect.objectContaining({ id: 90017 })], total: 1 });
    expect((await api(sim, '/members?email=nobody@x.example', { token: 'tok-north' })).body).toEqual({ data: [], total: 0 });
    expect((await api(sim, '/members?per_page=101', { token: 'tok-north' })).status).toBe(400);
  });

  it('gets one member, and 404s an unknown or non-numeric id', async () => {
    expect((await api(sim, '/members/90017', { token: 'tok-north' })).body.name).toBe('Priya Raman');
    expect((await api(sim, '/members/1', { token: 'tok-north' })).body).toEqual({ message: 'Not found' });
    expect((await api(sim, '/members/abc', { token: 'tok-north' })).status).toBe(404);
    expect((await api(sim, '/members/90017', { token: 'tok-other' })).status).toBe(404);
  });
});

describe('PUT and DELETE /api/members/:id (§20 #4, #5)', () => {
  it('sets the roles per environment and answers the member', async () => {
    const put = await send('PUT', '/members/90024', { env_roles: [{ environment_type: 'dev', name: 'Operator' }, { environment_type: 'test', name: 'Analyst' }] });
    expect(put.status).toBe(200);
    expect(put.body.roles).toEqual([{ environment_type: 'dev', role_name: 'Operator' }, { environment_type: 'test', role_name: 'Analyst' }]);
    expect((await api(sim, '/members/90024', { token: 'tok-north' })).body.roles).toEqual(put.body.roles);
  });

  it('refuses unknown roles, environments, duplicates and an empty body with the validation shape', async () => {
    expect(await send('PUT', '/members/90024', { env_roles: [{ environment_type: 'dev', name: 'Wizard' }] })).toMatchObject({ status: 400, body: invalid({ env_roles: ['role Wizard does not exist'] }) });
    expect((await send('PUT', '/members/90024', { env_roles: [{ environment_type: 'qa', name: 'Admin' }] })).body).toEqual(invalid({ env_roles: ['environment_type must be one of: dev, test, prod'] }));
    expect((await send('PUT', '/members/90024', { env_roles: [{ name: 'Admin' }, { environment_type: 'dev', name: 'Analyst' }] })).body).toEqual(invalid({ env_roles: ['has more than one role for dev'] }));
    expect((await send('PUT', '/members/90024', {})).body).toEqual(invalid({ env_roles: ["can't be blank"] }));
    expect((await send('PUT', '/members/5', { env_roles: [{ name: 'Admin' }] })).status).toBe(404);
  });

  it('removes a member: {"success": true}, then 404', async () => {
    expect((await send('DELETE', '/members/90038', undefined, 'tok-north')).body).toEqual({ success: true });
    expect((await send('DELETE', '/members/90038')).status).toBe(404);
    expect((await api(sim, '/members', { token: 'tok-north' })).body.total).toBe(3);
  });
});

describe('privileges and project grants (§20 #6–#8)', () => {
  it("joins a member's roles with the role table, per environment", async () => {
    const { body } = await api(sim, '/members/90017/privileges', { token: 'tok-north' });
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({ environment_type: 'dev', name: 'Admin', folder_ids: [] });
    expect(body.data[0].privileges.Recipes).toEqual(['read', 'create', 'update', 'delete']);
  });

  it('grants a non-admin member its DEV role on projects, and lists the privileges of those grants', async () => {
    const grants = (await api(sim, '/members/90031/project_grants', { token: 'tok-north' })).body.data;
    expect(grants.length).toBeGreaterThan(0);
    expect(grants[0]).toMatchObject({ environment_type: 'dev', role_name: 'Operator' });
    const privileges = (await api(sim, '/members/90031/projects_privileges', { token: 'tok-north' })).body.data;
    expect(privileges.map((p: any) => p.project_id)).toEqual(grants.map((g: any) => g.project_id));
    expect(privileges[0].privileges.Jobs).toEqual(['read', 'repeat']);
    expect((await api(sim, '/members/90017/project_grants', { token: 'tok-north' })).body).toEqual({ data: [] });
    expect((await api(sim, '/members/4/privileges', { token: 'tok-north' })).status).toBe(404);
  });

  it("serves a customer's members under /managed_users/:id (§17.2 #6–#8), in {\"data\"}", async () => {
    const members = (await api(sim, '/managed_users/19029/members', { token: 'tok-north' })).body.result;
    const operator = members.find((m: any) => m.roles[0].role_name === 'Operator');
    const privileges = (await api(sim, `/managed_users/19029/members/${operator.id}/privileges`, { token: 'tok-north' })).body;
    expect(privileges.data).toEqual([expect.objectContaining({ environment_type: 'dev', name: 'Operator' })]);
    expect((await api(sim, `/managed_users/EACME-001/members/${operator.id}/project_grants`, { token: 'tok-north' })).body.data.length).toBeGreaterThan(0);
    expect((await api(sim, `/managed_users/19029/members/90017/privileges`, { token: 'tok-north' })).status).toBe(404);
  });
});

describe('POST /api/member_invitations (§20 #1, §17.2 #9)', () => {
  it('invites once, then answers 429 with Retry-After for the same address within 20 minutes', async () => {
    const first = await send('POST', '/member_invitations', { name: 'Jo Park', email: 'jo.park@northwind.example', env_roles: [{ environment_type: 'dev', name: 'Analyst' }] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ email: 'jo.park@northwind.example', name: 'Jo Park', env_roles: [{ environment_type: 'dev', name: 'Analyst' }], user_group_ids: [] });
    const again = await send('POST', '/member_invitations', { name: 'Jo Park', email: 'JO.PARK@northwind.example', role_name: 'Operator' });
    expect(again.status).toBe(429);
    expect(again.body.message).toMatch(/invitation was already sent/);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(1100);
    // Another workspace keeps its own invitations.
    expect((await send('POST', '/member_invitations', { name: 'Jo Park', email: 'jo.park@northwind.example', role_name: 'Admin' }, 'tok-other')).status).toBe(200);
  });

  it('validates name, e-mail, roles, user groups and existing members before sending', async () => {
    expect((await send('POST', '/member_invitations', { email: 'bad', env_roles: [] })).body).toEqual(
      invalid({ name: ["can't be blank"], email: ['is invalid'], env_roles: ["can't be blank"] }),
    );
    expect((await send('POST', '/member_invitations', { name: 'P', email: 'priya.raman@northwind.example', role_name: 'Admin', user_group_ids: [1] })).body).toEqual(
      invalid({ email: ['is already a collaborator of this workspace'], user_group_ids: ['is invalid'] }),
    );
    const groups = (await api(sim, '/iam/user_groups', { token: 'tok-north' })).body.data;
    const ok = await send('POST', '/member_invitations', { name: 'Al', email: 'al@northwind.example', role_name: 'Admin', user_group_ids: [groups[0].id] });
    expect(ok.body.user_group_ids).toEqual([groups[0].id]);
  });

  it("invites into a customer workspace under /managed_users/:id, whose members are the customer's", async () => {
    const r = await send('POST', '/managed_users/19030/member_invitations', { name: 'Hank', email: 'hank.scorpio@globex.example', role_name: 'Admin' });
    expect(r.body).toEqual(invalid({ email: ['is already a collaborator of this workspace'] }));
    expect((await send('POST', '/managed_users/19030/member_invitations', { name: 'Jo', email: 'jo@globex.example', role_name: 'Admin' })).status).toBe(200);
  });
});

describe('GET /api/roles and IAM reads (§20 #9–#15)', () => {
  it('lists the roles as a bare array, ids ascending, paged', async () => {
    const roles = (await api(sim, '/roles', { token: 'tok-north' })).body;
    expect(roles.map((r: any) => r.name)).toEqual(['Admin', 'Analyst', 'Operator', 'Integration developer']);
    expect(roles[0]).toMatchObject({ id: 6101, inheritable: false, folder_ids: [] });
    expect(Object.keys(roles[0])).toEqual(['id', 'name', 'inheritable', 'folder_ids', 'privileges', 'created_at', 'updated_at']);
    expect(roles[3].folder_ids.length).toBe(2);
    expect((await api(sim, '/roles?per_page=2&page=2', { token: 'tok-north' })).body.map((r: any) => r.id)).toEqual([6103, 6104]);
    expect((await api(sim, '/roles', { token: 'tok-other' })).body[0].id).toBe(7101);
  });

  it('lists IAM users and groups in {"data", "total"}, gets a user, 404s an unknown one', async () => {
    const users = (await api(sim, '/iam/users', { token: 'tok-north' })).body;
    expect(users.total).toBe(users.data.length);
    expect(users.data[0]).toMatchObject({ name: 'Priya Raman', status: 'active' });
    expect((await api(sim, `/iam/users/${users.data[0].id}`, { token: 'tok-north' })).body).toEqual(users.data[0]);
    expect((await api(sim, '/iam/users/1', { token: 'tok-north' })).status).toBe(404);
    const groups = (await api(sim, '/iam/user_groups', { token: 'tok-north' })).body;
    expect(groups.data.map((g: any) => g.name)).toEqual(['Integration team', 'Finance ops']);
  });
});
