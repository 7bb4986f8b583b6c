import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-partner': { recipes: 5 }, 'tok-plain': { recipes: 2 }, 'tok-partner-2': { recipes: 1, embedded: true } } });
});
afterAll(() => sim.close());

async function send(method: string, path: string, body?: unknown, token = 'tok-partner') {
  const res = await fetch(sim.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** fixtures/managed-users-list.json */
const FIXTURE_LIST = [
  { id: 19029, external_id: 'ACME-001', name: 'Acme Corporation', notification_email: 'it-alerts@acme.example', plan_id: 'oem_plan', origin_url: null, in_trial: false, created_at: '2024-09-02T11:20:45.118-07:00', updated_at: '2025-04-17T08:03:12.640-07:00' },
  { id: 19030, external_id: 'GLOBEX-7', name: 'Globex', notification_email: 'ops@globex.example', plan_id: 'oem_plan', origin_url: 'https://integrations.globex.example', in_trial: false, created_at: '2024-10-14T09:02:33.904-07:00', updated_at: '2025-02-08T15:44:20.007-08:00' },
  { id: 19041, external_id: null, name: 'Initech (trial)', notification_email: 'admin@initech.example', plan_id: 'oem_plan', origin_url: null, in_trial: true, created_at: '2025-05-30T13:10:05.662-07:00', updated_at: '2025-05-30T13:10:05.991-07:00' },
];

describe('GET /api/managed_users (§17.1)', () => {
  it('answers the fixture customers in {"result"}, paged by page/per_page', async () => {
    expect((await api(sim, '/managed_users', { token: 'tok-partner' })).body).toEqual({ result: FIXTURE_LIST });
    const page2 = await api(sim, '/managed_users?per_page=2&page=2', { token: 'tok-partner' });
    expect(page2.body.result.map((u: any) => u.id)).toEqual([19041]);
    expect((await api(sim, '/managed_users?per_page=101', { token: 'tok-partner' })).status).toBe(400);
  });

  it('finds a customer by id or by E + external id, and 404s unknown ids and external ids', async () => {
    // The fixture's customer, plus what "Get customer" adds to it (api-docs): the billing-period figures.
    const one = (await api(sim, '/managed_users/19029', { token: 'tok-partner' })).body;
    expect(one).toMatchObject(FIXTURE_LIST[0]!);
    const recipes = (await api(sim, '/managed_users/19029/recipes?per_page=100', { token: 'tok-partner' })).body.result;
    expect(one).toMatchObject({
      task_count: recipes.reduce((n: number, r: any) => n + r.lifetime_task_count, 0),
      active_recipe_count: recipes.filter((r: any) => r.running).length,
      active_connection_count: expect.any(Number), active_connection_limit: null,
      current_billing_period_start: '2025-06-01', current_billing_period_end: '2025-06-30',
      full_embedding: false, whitelisted_apps: [], team_name: 'Acme Corporation',
    });
    // List items are the fixture's, without them.
    expect((await api(sim, '/managed_users', { token: 'tok-partner' })).body.result[0]).toEqual(FIXTURE_LIST[0]);
    expect((await api(sim, '/managed_users/EGLOBEX-7', { token: 'tok-partner' })).body.id).toBe(19030);
    for (const path of ['/managed_users/99999', '/managed_users/ENOPE', '/managed_users/E', '/managed_users/acme', '/managed_users/ENOPE/recipes', '/managed_users/1/members']) {
      const r = await api(sim, path, { token: 'tok-partner' });
      expect(r.status, path).toBe(404);
      expect(r.body, path).toEqual({ message: 'Not found' });
    }
  });

  it('answers 403 to a workspace that is not an Embed admin; `embedded: true` makes one', async () => {
    const r = await api(sim, '/managed_users', { token: 'tok-plain' });
    expect(r.status).toBe(403);
    expect(typeof r.body.message).toBe('string');
    expect((await api(sim, '/managed_users/19029/recipes', { token: 'tok-plain' })).status).toBe(403);
    expect((await api(sim, '/managed_users', { token: 'tok-partner-2' })).body.result).toHaveLength(3);
  });
});

describe('customer workspaces (§17.3–§17.7)', () => {
  it('wraps lists in {"result"}, keeps the jobs counters envelope and single objects as they are', async () => {
    for (const family of ['recipes', 'connections', 'folders', 'projects', 'lookup_tables']) {
      const r = await api(sim, `/managed_users/EACME-001/${family}`, { token: 'tok-partner' });
      expect(Object.keys(r.body), family).toEqual(['result']);
      expect(r.body.result.length, family).toBeGreaterThan(0);
    }
    const recipe = (await api(sim, '/managed_users/19029/recipes?per_page=1', { token: 'tok-partner' })).body.result[0];
    expect((await api(sim, `/managed_users/EACME-001/recipes/${recipe.id}`, { token: 'tok-partner' })).body.id).toBe(recipe.id);
    const jobs = await api(sim, `/managed_users/19029/recipes/${recipe.id}/jobs?per_page=2`, { token: 'tok-partner' });
    expect(Object.keys(jobs.body).sort()).toEqual(['items', 'job_count', 'job_failed_count', 'job_scope_count', 'job_succeeded_count']);
    const job = await api(sim, `/managed_users/19029/recipes/${recipe.id}/jobs/${jobs.body.items[0].id}`, { token: 'tok-partner' });
    expect(job.body.id).toBe(jobs.body.items[0].id);
    expect((await api(sim, '/managed_users/19029/users/me', { token: 'tok-partner' })).body).toEqual({ message: 'API not found' });
  });

  it("sends customer 19029's connections in the 2019 shape, with the recorded fixture items", async () => {
    const { result } = (await api(sim, '/managed_users/19029/connections', { token: 'tok-partner' })).body;
    expect(result.every((c: any) => typeof c.provider === 'string' && !('application' in c))).toBe(true);
    expect(result.find((c: any) => c.id === 6132)).toMatchObject({ name: 'Acme Box', provider: 'box', authorization_status: 'success' });
    const globex = (await api(sim, '/managed_users/19030/connections', { token: 'tok-partner' })).body.result;
    expect(globex.every((c: any) => typeof c.application === 'string')).toBe(true);
  });

  it('keeps every customer workspace isolated from the partner and from each other', async () => {
    const acme = (await api(sim, '/managed_users/19029/recipes', { token: 'tok-partner' })).body.result.map((r: any) => r.id);
    const globex = (await api(sim, '/managed_users/19030/recipes', { token: 'tok-partner' })).body.result.map((r: any) => r.id);
    const own = (await api(sim, '/recipes', { token: 'tok-partner' })).body.items.map((r: any) => r.id);
    expect(acme.filter((id: number) => own.includes(id) || globex.includes(id))).toEqual([]);
    expect((await api(sim, `/recipes/${acme[0]}`, { token: 'tok-partner' })).status).toBe(404);
    expect((await api(sim, `/managed_users/19030/recipes/${acme[0]}`, { token: 'tok-partner' })).status).toBe(404);
    expect((await api(sim, `/managed_users/19029/recipes/${own[0]}`, { token: 'tok-partner' })).status).toBe(404);
    const tables = (await api(sim, '/lookup_tables', { token: 'tok-partner' })).body;
    expect(tables.map((t: any) => t.id)).toEqual([1316, 1315]);
  });

  it("runs workspace actions on the customer's own recipe only", async () => {
    const running = (await api(sim, '/managed_users/19029/recipes?running=true&per_page=1', { token: 'tok-partner' })).body.result[0];
    expect((await send('PUT', `/managed_users/EACME-001/recipes/${running.id}/stop`)).body).toEqual({ success: true });
    expect((await api(sim, `/managed_users/19029/recipes/${running.id}`, { token: 'tok-partner' })).body.running).toBe(false);
    expect(sim.counts()['PUT /api/managed_users/:managed_user_id/recipes/:id/stop']).toBe(1);
  });
});

describe('customer connection writes (§17.3)', () => {
  it('creates a customer connection as a shell only: credentials are not tested, even with shell_connection false', async () => {
    const input = { host_name: 'acme.atlassian.net', apitoken: 'secret-1' };
    const created = await send('POST', '/managed_users/EGLOBEX-7/connections', { name: 'Globex Jira', provider: 'jira', input });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Globex Jira', application: 'jira', authorization_status: null, authorized_at: null });
    const explicit = await send('POST', '/managed_users/19030/connections', { name: 'Globex Jira 2', provider: 'jira', shell_connection: false, input });
    expect(explicit.body).toMatchObject({ authorization_status: null, authorized_at: null });
    // An OAuth connector needs no shell_connection flag there: every customer connection is a shell.
    expect((await send('POST', '/managed_users/19030/connections', { name: 'Globex Sales', provider: 'salesforce' })).body).toMatchObject({ authorization_status: null });
    const listed = (await api(sim, '/managed_users/19030/connections', { token: 'tok-partner' })).body.result.find((c: any) => c.id === created.body.id);
    expect(listed).toMatchObject({ authorization_status: null });
    // The workspace endpoint still tests the credentials.
    expect((await send('POST', '/connections', { name: 'Own Jira', provider: 'jira', input })).body.authorization_status).toBe('success');
    expect((await send('POST', '/managed_users/19030/connections', { name: ' ', provider: 'jira' })).body.errors).toEqual({ name: ["can't be blank"] });
  });
});

describe('customer connection disconnect (§17.3 #4)', () => {
  it('answers {"result": [...]} (not the workspace answer), and refuses a connection running recipes use unless forced', async () => {
    const { result } = (await api(sim, '/managed_users/19029/connections', { token: 'tok-partner' })).body;
    const recipes = (await api(sim, '/managed_users/19029/recipes?running=true', { token: 'tok-partner' })).body.result;
    const used = new Set(recipes.flatMap((r: any) => r.config.map((c: any) => c.account_id)));
    const free = result.find((c: any) => c.authorization_status === 'success' && !used.has(c.id));
    const busy = result.find((c: any) => c.authorization_status === 'success' && used.has(c.id));
    expect(free && busy).toBeTruthy();

    const done = await send('POST', `/managed_users/19029/connections/${free.id}/disconnect`);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ result: [expect.objectContaining({ id: free.id, authorization_status: null })] });
    const refused = await send('POST', `/managed_users/EACME-001/connections/${busy.id}/disconnect`);
    expect(refused).toEqual({ status: 400, body: { message: 'Connection is used by active recipes' } });
    expect((await send('POST', `/managed_users/19029/connections/${busy.id}/disconnect?force=true`)).body.result[0]).toMatchObject({ id: busy.id, authorization_status: null });
    expect((await send('POST', '/managed_users/19029/connections/1/disconnect')).status).toBe(404);

    // The workspace endpoint keeps its own answer (§12.4).
    const own = (await api(sim, '/connections', { token: 'tok-partner' })).body.find((c: any) => c.authorization_status === 'success');
    expect((await send('POST', `/connections/${own.id}/disconnect`, { force: true })).body).toEqual({ success: true, status: 'disconnected' });
  });
});

describe('customer and member writes (§17.1, §17.2)', () => {
  it('creates, updates (only the keys sent; null clears) and deletes a customer', async () => {
    const missing = await send('POST', '/managed_users', { name: 'No mail' });
    expect(missing).toEqual({ status: 400, body: { message: 'Validation failed', errors: { notification_email: ["can't be blank"] } } });
    const taken = await send('POST', '/managed_users', { name: 'Dup', notification_email: 'a@b.example', external_id: 'ACME-001' });
    expect(taken.body.errors).toEqual({ external_id: ['has already been taken'] });

    const created = await send('POST', '/managed_users', { name: 'Vandelay', notification_email: 'art@vandelay.example', external_id: 'a/b c', origin_url: 'https://v.example' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 19042, name: 'Vandelay', external_id: 'a/b c', plan_id: 'oem_plan', in_trial: false });
    expect((await api(sim, '/managed_users/Ea%2Fb%20c', { token: 'tok-partner' })).body.id).toBe(19042);
    expect((await api(sim, '/managed_users/Ea%2Fb%20c/folders', { token: 'tok-partner' })).body).toEqual({ result: [] });

    const updated = await send('PUT', '/managed_users/Ea%2Fb%20c', { origin_url: null, task_limit_adjustment: '-5000', in_trial: true });
    expect(updated.body).toMatchObject({ name: 'Vandelay', notification_email: 'art@vandelay.example', origin_url: null, task_limit_adjustment: -5000, in_trial: true });
    expect((await send('PUT', '/managed_users/19042', { name: null })).body.errors).toEqual({ name: ["can't be blank"] });
    expect((await send('PUT', '/managed_users/19042', { in_trial: 'yes' })).status).toBe(400);

    expect(await send('DELETE', '/managed_users/19042')).toEqual({ status: 200, body: { success: true } });
    expect((await api(sim, '/managed_users/19042', { token: 'tok-partner' })).status).toBe(404);
    expect((await send('DELETE', '/managed_users/19042')).status).toBe(404);
  });

  it('takes auth_settings on create (type one of three, SAML fields strings) and answers no field it was not documented to', async () => {
    const customer = { name: 'Kramerica', notification_email: 'ck@kramerica.example' };
    const wrongType = await send('POST', '/managed_users', { ...customer, auth_settings: { type: 'password' } });
    expect(wrongType).toEqual({ status: 400, body: { message: 'Validation failed', errors: { auth_settings: ['type is not included in the list'] } } });
    const wrongCert = await send('POST', '/managed_users', { ...customer, auth_settings: { type: 'saml_sso', x509_cert: 42 } });
    expect(wrongCert.body.errors).toEqual({ auth_settings: ['x509_cert must be a String'] });
    expect((await send('POST', '/managed_users', { ...customer, auth_settings: 'saml_sso' })).status).toBe(400);

    const saml = { type: 'saml_sso', provider: 'okta', metadata_url: 'https://idp.example/metadata', sso_url: 'https://idp.example/sso', saml_issuer: 'kramerica', x509_cert: 'MIIC...' };
    const created = await send('POST', '/managed_users', { ...customer, auth_settings: saml });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty('auth_settings');
    const read = await api(sim, `/managed_users/${created.body.id}`, { token: 'tok-partner' });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('auth_settings');
    expect((await send('POST', '/managed_users', { ...customer, name: 'Two factor', auth_settings: { type: 'two_fa_auth' } })).status).toBe(200);
    await send('DELETE', `/managed_users/${created.body.id}`);
  });

  it('checks environments[...] on create and update: known types, string settings, no DEV entry repeating the top level, no type twice', async () => {
    const customer = { name: 'Vandelay Industries', notification_email: 'av@vandelay.example', external_id: 'VANDELAY-DEV' };
    const bad = [
      [{ environments: { environment_type: 'test' } }, 'must be an array'],
      [{ environments: [{ environment_type: 'staging' }] }, 'environment_type is not included in the list'],
      [{ environments: [{ environment_type: 'test', external_id: 7 }] }, 'external_id must be a String'],
      [{ environments: [{ environment_type: 'dev', external_id: 'AGAIN' }] }, 'external_id'],
      [{ environments: [{ environment_type: 'prod' }, { environment_type: 'prod' }] }, 'prod'],
    ] as const;
    for (const [extra, text] of bad) {
      const refused = await send('POST', '/managed_users', { ...customer, ...extra });
      expect(refused.status, JSON.stringify(extra)).toBe(400);
      expect(refused.body.errors.environments, JSON.stringify(extra)).toEqual([expect.stringContaining(text)]);
    }
    const environments = [{ environment_type: 'test', external_id: 'VANDELAY-TEST' }, { environment_type: 'prod', error_notification_emails: 'ops@vandelay.example' }];
    const created = await send('POST', '/managed_users', { ...customer, environments });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty('environments');
    // A DEV entry is fine when the top level leaves its properties alone.
    expect((await send('PUT', `/managed_users/${created.body.id}`, { environments: [{ environment_type: 'dev', external_id: 'VANDELAY-2' }] })).status).toBe(200);
    expect((await send('PUT', `/managed_users/${created.body.id}`, { external_id: 'X', environments: [{ environment_type: 'dev', external_id: 'Y' }] })).status).toBe(400);
    await send('DELETE', `/managed_users/${created.body.id}`);
  });

  it('refuses a custom_task_limit at or below current usage (§17.1 "must exceed current usage")', async () => {
    const usage = (await api(sim, '/managed_users/19029', { token: 'tok-partner' })).body.task_count;
    expect(usage).toBeGreaterThan(0);
    for (const limit of [usage, usage - 1, 0]) {
      const refused = await send('PUT', '/managed_users/19029', { custom_task_limit: limit, name: 'Not applied' });
      expect(refused.status, String(limit)).toBe(400);
      expect(refused.body, String(limit)).toEqual({ message: 'Validation failed', errors: { custom_task_limit: [expect.stringContaining(String(usage))] } });
    }
    expect((await api(sim, '/managed_users/19029', { token: 'tok-partner' })).body).toMatchObject({ name: 'Acme Corporation' });
    expect((await api(sim, '/managed_users/19029', { token: 'tok-partner' })).body.custom_task_limit).toBeUndefined();
    expect((await send('PUT', '/managed_users/19029', { custom_task_limit: usage + 1 })).body.custom_task_limit).toBe(usage + 1);
    expect((await send('PUT', '/managed_users/19029', { custom_task_limit: null })).body.custom_task_limit).toBeNull();
  });

  it('lists, adds, gets, updates and removes members of one customer', async () => {
    const list = (await api(sim, '/managed_users/EGLOBEX-7/members', { token: 'tok-partner' })).body;
    expect(list.result.map((m: any) => m.name)).toEqual(['Hank Scorpio']);
    const added = await send('POST', '/managed_users/EGLOBEX-7/members', { name: 'Homer', email: 'homer@globex.example', env_roles: [{ environment_type: 'prod', name: 'Viewer' }] });
    expect(added.body).toMatchObject({ name: 'Homer', email: 'homer@globex.example', roles: [{ environment_type: 'prod', role_name: 'Viewer' }] });
    const path = `/managed_users/19030/members/${added.body.id}`;
    expect((await api(sim, path, { token: 'tok-partner' })).body.name).toBe('Homer');
    expect((await api(sim, `/managed_users/19029/members/${added.body.id}`, { token: 'tok-partner' })).status).toBe(404);
    expect((await send('PUT', path, { role_name: 'Admin' })).body.roles).toEqual([{ environment_type: 'dev', role_name: 'Admin' }]);
    expect((await send('PUT', path, {})).status).toBe(400);
    expect((await send('POST', '/managed_users/19030/members', { email: 'x@y.example' })).body.errors).toEqual({ name: ["can't be blank"] });
    expect(await send('DELETE', path)).toEqual({ status: 200, body: { success: true } });
    expect((await api(sim, path, { token: 'tok-partner' })).status).toBe(404);
  });
});
