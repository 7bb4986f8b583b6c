import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': {}, 'tok-b': { recipes: 1 } } });
});
afterAll(() => sim.close());

const send = async (method: string, path: string, body?: unknown) => {
  const { status, body: answer } = await api(sim, path, { token: 'tok-a', method, body });
  return { status, body: answer, text: JSON.stringify(answer ?? null) };
};

const NEW = { name: 'Zoom app', provider: 'zoom', data: { client_id: 'zoom-client', client_secret: 'zoom-secret-value' } };

describe('GET /api/custom_oauth_profiles (§28)', () => {
  it('answers {"result": [...]} with the documented fields, paged by page/per_page', async () => {
    const r = await api(sim, '/custom_oauth_profiles', { token: 'tok-a' });
    expect(Object.keys(r.body)).toEqual(['result']);
    expect(r.body.result.map((p: any) => p.id)).toEqual([321, 322]);
    expect(Object.keys(r.body.result[0]).sort()).toEqual(
      ['created_at', 'data', 'id', 'name', 'oem_customers_count', 'provider', 'shared_accounts_count', 'updated_at', 'user_id'].sort(),
    );
    expect(r.body.result[0]).toMatchObject({ provider: 'hubspot', data: { client_id: expect.any(String) } });
    expect((await api(sim, '/custom_oauth_profiles?per_page=1&page=2', { token: 'tok-a' })).body.result.map((p: any) => p.id)).toEqual([322]);
    expect((await api(sim, '/custom_oauth_profiles?per_page=101', { token: 'tok-a' })).status).toBe(400);
  });

  it('gives every workspace its own profiles', async () => {
    const b = await api(sim, '/custom_oauth_profiles', { token: 'tok-b' });
    expect(b.body.result.map((p: any) => p.id)).toEqual([1321, 1322]);
    expect((await api(sim, '/custom_oauth_profiles/1321', { token: 'tok-a' })).status).toBe(404);
  });

  it('answers one profile in {"result"}, 404 for unknown or non-numeric ids', async () => {
    expect((await api(sim, '/custom_oauth_profiles/321', { token: 'tok-a' })).body.result.id).toBe(321);
    for (const id of ['999', 'abc']) expect((await api(sim, `/custom_oauth_profiles/${id}`, { token: 'tok-a' })).body).toEqual({ message: 'Not found' });
  });
});

describe('POST/PUT/DELETE /api/custom_oauth_profiles (§28)', () => {
  it('creates, updates and deletes a profile, and never sends its client secret back', async () => {
    const created = await send('POST', '/custom_oauth_profiles', NEW);
    expect(created.status).toBe(200);
    expect(created.body.result).toMatchObject({ id: 323, name: 'Zoom app', provider: 'zoom', data: { client_id: 'zoom-client' }, shared_accounts_count: 0 });
    const updated = await send('PUT', '/custom_oauth_profiles/323', { name: 'Zoom app (prod)', data: { client_secret: 'rotated-secret' } });
    expect(updated.body.result).toMatchObject({ id: 323, name: 'Zoom app (prod)', data: { client_id: 'zoom-client' } });
    const reads = [created.text, updated.text, (await send('GET', '/custom_oauth_profiles')).text, (await send('GET', '/custom_oauth_profiles/323')).text];
    for (const text of reads) expect(text).not.toMatch(/secret/);
    expect(await send('DELETE', '/custom_oauth_profiles/323')).toMatchObject({ status: 200, body: { result: { success: true } } });
    expect((await send('GET', '/custom_oauth_profiles/323')).status).toBe(404);
    expect((await send('DELETE', '/custom_oauth_profiles/323')).status).toBe(404);
  });

  it('answers invalid bodies with the Rails validation shape', async () => {
    const r = await send('POST', '/custom_oauth_profiles', { name: ' ', provider: 'workday', data: {} });
    expect(r).toMatchObject({
      status: 400,
      body: {
        message: 'Validation failed',
        errors: { name: ["can't be blank"], provider: ['is not included in the list'], client_id: ["can't be blank"], client_secret: ["can't be blank"] },
      },
    });
    expect((await send('PUT', '/custom_oauth_profiles/321', { name: '' })).body.errors).toEqual({ name: ["can't be blank"] });
    expect((await send('PUT', '/custom_oauth_profiles/999', { name: 'x' })).status).toBe(404);
  });
});
