import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY, type Answer } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-rw': FIXTURE_ONLY } });
});
afterAll(() => sim.close());

/** A JSON request against the simulator's API root. */
async function send(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const CODE = JSON.stringify({
  number: 0, provider: 'salesforce', name: 'updated_custom_object', as: 'a1', keyword: 'trigger', input: {},
  block: [
    { number: 1, provider: 'slack', name: 'post_message', as: 'b2', keyword: 'action', input: {} },
    { number: 2, provider: 'slack', name: 'post_message', as: 'c3', keyword: 'action', input: {} },
  ],
});

async function create(fields: Record<string, unknown> = {}): Promise<number> {
  const r = await send('POST', '/recipes', { recipe: { name: 'Temp', code: CODE, ...fields } });
  expect(r.status).toBe(200);
  return r.body.id;
}

describe('POST /api/recipes (§10.3)', () => {
  it('creates a stopped recipe at version 1 from the nested body and lists it first', async () => {
    const r = await send('POST', '/recipes', { recipe: { name: 'Send mail', code: CODE, folder_id: '1201103', description: 'd' } });
    expect(r).toMatchObject({ status: 200, body: { success: true, id: expect.any(Number) } });
    expect(Object.keys(r.body)).toEqual(['success', 'id']);
    const recipe = (await api(sim, `/recipes/${r.body.id}`)).body;
    expect(recipe).toMatchObject({
      name: 'Send mail', folder_id: 1201103, running: false, version_no: 1, description: 'd', copy_count: 0,
      trigger_application: 'salesforce', action_applications: ['slack'], applications: ['salesforce', 'slack'],
      job_succeeded_count: 0, job_failed_count: 0, stopped_at: null, last_run_at: null, code: CODE,
    });
    expect(recipe.config).toEqual([
      { keyword: 'application', name: 'salesforce', provider: 'salesforce', skip_validation: false, account_id: null },
      { keyword: 'application', name: 'slack', provider: 'slack', skip_validation: false, account_id: null },
    ]);
    expect((await api(sim, '/recipes?per_page=1')).body.items[0].id).toBe(r.body.id);
    const versions = (await api(sim, `/recipes/${r.body.id}/versions`)).body;
    expect(versions.data).toHaveLength(1);
    expect(versions.data[0]).toMatchObject({ version_no: 1, comment: null });
    expect((await api(sim, `/recipes/${r.body.id}/jobs`)).body).toMatchObject({ job_count: 0, items: [] });
  });

  it('accepts the legacy flat body, defaults to the Home folder and keeps a given config', async () => {
    const config = JSON.stringify([{ keyword: 'application', name: 'salesforce', provider: 'salesforce', account_id: 880101 }]);
    const r = await send('POST', '/recipes', { name: 'Flat', code: CODE, config });
    const recipe = (await api(sim, `/recipes/${r.body.id}`)).body;
    expect(recipe).toMatchObject({ name: 'Flat', folder_id: 1201000 });
    expect(recipe.config).toEqual([{ keyword: 'application', name: 'salesforce', provider: 'salesforce', account_id: 880101 }]);
  });

  it('refuses a numeric folder_id with 400 "Must be a String" (§29.4) and bad fields with the validation shape', async () => {
    expect(await send('POST', '/recipes', { recipe: { code: CODE, folder_id: 1201103 } })).toMatchObject({ status: 400, body: { message: 'Must be a String' } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x' }, 'code'],
      [{ code: { number: 0 } }, 'code'],
      [{ code: 'not json' }, 'code'],
      [{ code: CODE, config: '{"a":1}' }, 'config'],
      [{ code: CODE, name: 'n'.repeat(256) }, 'name'],
      [{ code: CODE, folder_id: '999' }, 'folder_id'],
    ];
    for (const [recipe, field] of cases) {
      const r = await send('POST', '/recipes', { recipe });
      expect(r.status, field).toBe(400);
      expect(r.body, field).toMatchObject({ message: 'Validation failed', errors: { [field]: [expect.any(String)] } });
    }
  });
});

describe('PUT /api/recipes/:id (§10.4)', () => {
  it('refuses a running recipe with the recorded HTTP 200 body', async () => {
    const r = await send('PUT', '/recipes/3307712', { recipe: { name: 'x' } });
    expect(r).toMatchObject({ status: 200, body: { success: false, errors: { running: ["can't modify running recipe"] } } });
    expect((await api(sim, '/recipes/3307712')).body.name).toBe('Salesforce won opportunity -> NetSuite sales order');
  });

  it('changes only the fields sent, saves a version and moves the recipe', async () => {
    const before = (await api(sim, '/recipes/3307698')).body;
    const r = await send('PUT', '/recipes/3307698', { recipe: { description: 'New text', folder_id: '1201103' } });
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    const after = (await api(sim, '/recipes/3307698')).body;
    expect(after).toMatchObject({ name: before.name, code: before.code, description: 'New text', folder_id: 1201103, version_no: before.version_no + 1 });
    expect(after.updated_at).not.toBe(before.updated_at);
    const versions = (await api(sim, '/recipes/3307698/versions')).body.data;
    expect(versions.map((v: any) => v.version_no)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(versions[1].comment).toBe('Switch to saved search'); // the old current version kept its comment
  });

  it('re-derives config from new code, keeping the connection of connectors still used', async () => {
    const code = JSON.stringify({ number: 0, provider: 'clock', name: 'scheduled_event', keyword: 'trigger', block: [{ number: 1, provider: 'netsuite', name: 'x' }, { number: 2, provider: 'slack', name: 'y' }] });
    expect((await send('PUT', '/recipes/3307698', { code })).body).toEqual({ success: true });
    const after = (await api(sim, '/recipes/3307698')).body;
    expect(after.applications).toEqual(['clock', 'netsuite', 'slack']);
    expect(after.config.map((c: any) => [c.provider, c.account_id])).toEqual([['clock', null], ['netsuite', 880102], ['slack', null]]);
  });
});

describe('POST /api/recipes/:id/copy (§10.5)', () => {
  it('answers 201 with new_flow_id; the copy is stopped and the original counts it', async () => {
    const source = (await api(sim, '/recipes/3307712')).body;
    const r = await send('POST', '/recipes/3307712/copy', { folder_id: '1201103' });
    expect(r).toMatchObject({ status: 201, body: { success: true, new_flow_id: expect.any(Number) } });
    const copy = (await api(sim, `/recipes/${r.body.new_flow_id}`)).body;
    expect(copy).toMatchObject({ name: source.name, code: source.code, config: source.config, folder_id: 1201103, running: false, version_no: 1, copy_count: 0 });
    expect((await api(sim, '/recipes/3307712')).body.copy_count).toBe(source.copy_count + 1);
    const sameFolder = await send('POST', '/recipes/3307712/copy');
    expect((await api(sim, `/recipes/${sameFolder.body.new_flow_id}`)).body.folder_id).toBe(source.folder_id);
  });

  it('refuses a numeric folder_id and answers 404 for an unknown recipe', async () => {
    expect(await send('POST', '/recipes/3307712/copy', { folder_id: 1201103 })).toMatchObject({ status: 400, body: { message: 'Must be a String' } });
    expect((await send('POST', '/recipes/1/copy', {})).status).toBe(404);
  });
});

describe('DELETE /api/recipes/:id (§10.6)', () => {
  it('refuses a running recipe with the recorded HTTP 200 body', async () => {
    expect(await send('DELETE', '/recipes/3307601')).toMatchObject({
      status: 200, body: { success: false, errors: { running: ["Can't change the recipe state: invalid state running"] } },
    });
  });

  it('deletes a stopped recipe; it is gone from get, lists and delete', async () => {
    const id = await create();
    expect(await send('DELETE', `/recipes/${id}`)).toMatchObject({ status: 200, body: { success: true } });
    expect((await api(sim, `/recipes/${id}`)).status).toBe(404);
    expect((await api(sim, '/recipes')).body.items.map((r: any) => r.id)).not.toContain(id);
    expect((await send('DELETE', `/recipes/${id}`)).status).toBe(404);
  });
});

describe('reset_trigger, connect and version comments (§10.8, §10.9, §10.11)', () => {
  it('resets the trigger with {"success": true}', async () => {
    expect(await send('POST', '/recipes/3307712/reset_trigger')).toMatchObject({ status: 200, body: { success: true } });
    expect((await send('POST', '/recipes/1/reset_trigger')).status).toBe(404);
  });

  it('connects a stopped recipe, and refuses running recipes and mismatched connections with 400', async () => {
    const id = await create();
    expect(await send('PUT', `/recipes/${id}/connect`, { adapter_name: 'salesforce', connection_id: 880101 })).toMatchObject({ status: 200, body: { success: true } });
    expect((await api(sim, `/recipes/${id}`)).body.config[0].account_id).toBe(880101);
    const refusals: Array<[unknown, number, string]> = [
      [{ adapter_name: 'salesforce', connection_id: 880103 }, 400, 'connection_id'],
      [{ adapter_name: 'salesforce', connection_id: 9 }, 400, 'connection_id'],
      [{ adapter_name: 'jira', connection_id: 880104 }, 400, 'adapter_name'],
    ];
    for (const [body, status, field] of refusals) {
      const r = await send('PUT', `/recipes/${id}/connect`, body);
      expect(r.status).toBe(status);
      expect(Object.keys(r.body.errors)).toEqual([field]);
    }
    expect(await send('PUT', `/recipes/${id}/connect`, { adapter_name: 'slack' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/connection_id/) } });
    const running = await send('PUT', '/recipes/3307712/connect', { adapter_name: 'slack', connection_id: 880103 });
    expect(running).toMatchObject({ status: 400, body: { message: expect.stringMatching(/stopped/) } });
  });

  it('sets a version comment with PATCH or PUT (≤ 255 characters); the current one shows on the recipe', async () => {
    const r = await send('PATCH', '/recipes/3307712/versions/99120', { comment: 'Map payment terms and currency' });
    expect(r).toMatchObject({ status: 200, body: { id: 99120, version_no: 14, comment: 'Map payment terms and currency' } });
    expect((await api(sim, '/recipes/3307712')).body.version_comment).toBe('Map payment terms and currency');
    expect((await send('PUT', '/recipes/3307712/versions/99087', { comment: 'Older' })).body).toMatchObject({ id: 99087, comment: 'Older' });
    expect((await api(sim, '/recipes/3307712/versions/99087')).body.comment).toBe('Older');
    const long = await send('PATCH', '/recipes/3307712/versions/99120', { comment: 'x'.repeat(256) });
    expect(long).toMatchObject({ status: 400, body: { errors: { comment: [expect.stringMatching(/255/)] } } });
    expect((await send('PATCH', '/recipes/3307712/versions/1', { comment: 'x' })).status).toBe(404);
  });
});
