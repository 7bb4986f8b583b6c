import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': { recipes: 1 }, 'tok-b': { recipes: 1 } } });
});
afterAll(() => sim.close());

const send = (method: string, path: string, body?: unknown, token = 'tok-a') =>
  api(sim, path, { method, body, token }).then(({ status, body: answer }) => ({ status, body: answer }));

describe('on-prem groups (§24)', () => {
  it('lists groups as a bare array with the documented fields, different per workspace', async () => {
    const a = (await api(sim, '/on_prem_groups', { token: 'tok-a' })).body;
    const b = (await api(sim, '/on_prem_groups', { token: 'tok-b' })).body;
    expect(Array.isArray(a)).toBe(true);
    expect(a[0]).toEqual({
      id: 16801, name: 'CRM server', created_at: expect.any(String), in_use: true, use_managed_connection: true, config_version: 9,
      logs_enabled: false, whitelisted_ips: ['198.51.100.10', '192.0.2.0/24'],
    });
    expect(a.map((g: any) => g.id)).toEqual([16801, 16802, 16803]);
    expect(b.map((g: any) => g.id)).toEqual([17801, 17802]);
  });

  it('gets one group, 404s unknown ids, and validates creates and updates like Rails', async () => {
    expect((await api(sim, '/on_prem_groups/16802', { token: 'tok-a' })).body).toMatchObject({ id: 16802, name: 'Data center East' });
    expect((await api(sim, '/on_prem_groups/17801', { token: 'tok-a' })).status).toBe(404);
    expect(await send('POST', '/on_prem_groups', { name: ' ' })).toEqual({ status: 400, body: { message: expect.any(String), errors: { name: ["can't be blank"] } } });
    const bad = await send('POST', '/on_prem_groups', { name: 'Lab', settings_attributes: { whitelisted_ips: ['10.0.0.300'] } });
    expect(bad.body.errors).toEqual({ whitelisted_ips: ['must be IPv4 addresses or CIDR ranges'] });
    const taken = await send('POST', '/on_prem_groups', { name: 'CRM server' });
    expect(taken.body.errors).toEqual({ name: ['has already been taken'] });
    const created = await send('POST', '/on_prem_groups', { name: 'Lab', use_managed_connection: true, settings_attributes: { whitelisted_ips: ['10.1.0.0/16'] } });
    expect(created).toMatchObject({ status: 200, body: { id: 16804, name: 'Lab', use_managed_connection: true, whitelisted_ips: ['10.1.0.0/16'], in_use: false } });
    const updated = await send('PUT', '/on_prem_groups/16804', { name: 'Lab 2' });
    expect(updated.body).toMatchObject({ id: 16804, name: 'Lab 2', whitelisted_ips: ['10.1.0.0/16'] });
    expect(await send('DELETE', '/on_prem_groups/16804')).toEqual({ status: 200, body: { success: true } });
    expect((await send('DELETE', '/on_prem_groups/16804')).status).toBe(404);
  });

  it('refuses to delete a group that still has agents', async () => {
    expect(await send('DELETE', '/on_prem_groups/16801')).toEqual({ status: 400, body: { message: 'On-prem group has agents; delete them first' } });
  });

  it('answers a group status: active when one of its agents is', async () => {
    expect((await api(sim, '/on_prem_groups/16801/status', { token: 'tok-a' })).body).toEqual({ id: 16801, state: 'active', agents_count: 2, active_agents_count: 2 });
    expect((await api(sim, '/on_prem_groups/16803/status', { token: 'tok-a' })).body).toEqual({ id: 16803, state: 'inactive', agents_count: 0, active_agents_count: 0 });
  });
});

describe('on-prem agents (§24)', () => {
  it('lists agents with their group id and common name, and never an activation code', async () => {
    const agents = (await api(sim, '/on_prem_agents', { token: 'tok-a' })).body;
    expect(agents.map((a: any) => [a.id, a.on_prem_group_id, a.state])).toEqual([
      [29101, 16801, 'active'], [29102, 16801, 'active'], [29103, 16802, 'no_response'], [29104, 16802, 'awaiting_setup'],
    ]);
    expect(agents[0].cn).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(agents)).not.toContain('activation');
  });

  it('creates an agent awaiting setup and validates its fields', async () => {
    const missing = await send('POST', '/on_prem_agents', { name: 'x' });
    expect(missing.body.errors).toEqual({ os: ["can't be blank"], on_prem_group_id: ["can't be blank"] });
    const wrong = await send('POST', '/on_prem_agents', { name: 'x', os: 'beos', on_prem_group_id: 1 });
    expect(wrong.body.errors).toEqual({ os: ['is not included in the list'], on_prem_group_id: ['is invalid'] });
    const created = await send('POST', '/on_prem_agents', { name: 'opa-new', os: 'linux', on_prem_group_id: 16803 });
    expect(created.body).toMatchObject({ id: 29105, name: 'opa-new', os: 'linux', on_prem_group_id: 16803, awaiting_setup: true, state: 'awaiting_setup', activated: false });
    const disabled = await send('PUT', '/on_prem_agents/29105', { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false, state: 'disabled' });
    expect((await api(sim, '/on_prem_agents/29105/status', { token: 'tok-a' })).body).toMatchObject({ id: 29105, state: 'disabled', last_seen_at: null });
  });

  it('gives a fresh activation code only for an agent awaiting setup, and never stores it', async () => {
    const first = await api(sim, '/on_prem_agents/29104/activation_code', { token: 'tok-a' });
    const second = await api(sim, '/on_prem_agents/29104/activation_code', { token: 'tok-a' });
    expect(first.body.activation_code).toMatch(/^[0-9A-F]{8}-[0-9A-F]{8}$/);
    expect(second.body.activation_code).not.toBe(first.body.activation_code);
    expect(JSON.stringify((await api(sim, '/on_prem_agents/29104', { token: 'tok-a' })).body)).not.toContain(first.body.activation_code);
    expect(await api(sim, '/on_prem_agents/29101/activation_code', { token: 'tok-a' })).toMatchObject({ status: 400, body: { message: 'On-prem agent is already activated' } });
    expect((await api(sim, '/on_prem_agents/1/activation_code', { token: 'tok-a' })).status).toBe(404);
  });

  it('searches agents by common name, and needs one', async () => {
    const [agent] = (await api(sim, '/on_prem_agents', { token: 'tok-a' })).body;
    const found = await api(sim, `/on_prem_agents/search?cn=${agent.cn.slice(0, 12).toUpperCase()}`, { token: 'tok-a' });
    expect(found.body.map((a: any) => a.id)).toEqual([agent.id]);
    expect((await api(sim, '/on_prem_agents/search', { token: 'tok-a' })).status).toBe(400);
  });
});

describe('Embedded customers (§17.8: /api/v2/managed_users/:id)', () => {
  it("serves a customer's own groups and agents, lists in {\"data\"}", async () => {
    const groups = await api(sim, '/v2/managed_users/19029/on_prem_groups', { token: 'tok-a' });
    expect(groups.body).toEqual({ data: [expect.objectContaining({ id: 145801 }), expect.objectContaining({ id: 145802 })] });
    const agents = await api(sim, '/v2/managed_users/EACME-001/on_prem_agents', { token: 'tok-a' });
    expect(agents.body.data.map((a: any) => a.on_prem_group_id)).toEqual([145801, 145801]);
    expect((await api(sim, '/v2/managed_users/19029/on_prem_groups/145801', { token: 'tok-a' })).body).toMatchObject({ id: 145801 });
    expect((await api(sim, '/v2/managed_users/19029/on_prem_groups/16801', { token: 'tok-a' })).status).toBe(404);
    expect((await api(sim, '/managed_users/19029/on_prem_groups', { token: 'tok-a' })).status).toBe(404);
  });

  it("answers a customer's statuses, search and activation codes, and keeps customers apart", async () => {
    expect((await api(sim, '/v2/managed_users/19029/on_prem_groups/145801/status', { token: 'tok-a' })).body).toMatchObject({ id: 145801, state: expect.any(String) });
    const agents = (await api(sim, '/v2/managed_users/19029/on_prem_agents', { token: 'tok-a' })).body.data;
    const found = await api(sim, `/v2/managed_users/19029/on_prem_agents/search?cn=${agents[1].cn}`, { token: 'tok-a' });
    expect(found.body).toEqual({ data: [agents[1]] });
    expect((await api(sim, `/v2/managed_users/19030/on_prem_agents/${agents[1].id}`, { token: 'tok-a' })).status).toBe(404);
    const created = await send('POST', '/v2/managed_users/19029/on_prem_agents', { name: 'acme-opa', os: 'windows', on_prem_group_id: 145802 });
    expect(created.body).toMatchObject({ name: 'acme-opa', on_prem_group_id: 145802 });
    expect((await api(sim, `/v2/managed_users/19029/on_prem_agents/${created.body.id}/activation_code`, { token: 'tok-a' })).body).toEqual({ activation_code: expect.any(String) });
    expect((await api(sim, '/v2/managed_users/19029/on_prem_agents', { token: 'tok-b' })).status).toBe(403);
  });
});

describe('connection pick lists (§12.6) and runtime-user connections (§12.7)', () => {
  it('answers [label, value] tuples per connector and validates the name and parameters', async () => {
    expect(await send('POST', '/connections/880101/pick_list', { pick_list_name: 'sobject_fields', pick_list_params: { sobject_name: 'Invoice__c' } })).toMatchObject({
      status: 200, body: { data: expect.arrayContaining([['Record ID', 'Id'], ['Status', 'Status__c', null, true]]) },
    });
    expect(await send('POST', '/connections/880101/pick_list', { pick_list_name: 'sobject_fields' })).toEqual({ status: 400, body: { message: 'Missing pick list parameter: sobject_name' } });
    expect(await send('POST', '/connections/880103/pick_list', { pick_list_name: 'sobjects' })).toEqual({ status: 400, body: { message: 'Unknown pick list: sobjects' } });
    expect(await send('POST', '/connections/880104/pick_list', { pick_list_name: 'projects' })).toEqual({ status: 400, body: { message: 'Connection is not authorized' } });
    expect((await send('POST', '/connections/1/pick_list', { pick_list_name: 'x' })).status).toBe(404);
  });

  it('creates a runtime-user connection under an established parent and gives its OAuth URL', async () => {
    const created = await send('POST', '/connections/runtime_user_connections', { parent_id: 880101, folder_id: 1201101, external_id: 'ann@example.com' });
    expect(created).toEqual({ status: 200, body: { data: { id: expect.any(Number), url: expect.stringContaining('connection_id=') } } });
    const url = await api(sim, `/connections/runtime_user_connections/${created.body.data.id}/get_oauth_url`, { token: 'tok-a' });
    expect(url.body).toEqual({ data: { url: created.body.data.url } });
    expect((await api(sim, '/connections/runtime_user_connections/880101/get_oauth_url', { token: 'tok-a' })).status).toBe(400);
    const invalid = await send('POST', '/connections/runtime_user_connections', { parent_id: 880101, folder_id: 42, external_id: '' });
    expect(invalid.body.errors).toEqual({ folder_id: ['is invalid'], external_id: ["can't be blank"] });
    expect((await send('POST', '/connections/runtime_user_connections', { parent_id: 880104, folder_id: 1201101, external_id: 'x' })).status).toBe(400);
  });
});
