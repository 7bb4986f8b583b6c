import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-ap': FIXTURE_ONLY, 'tok-ap-2': { recipes: 4 } } });
});
afterAll(() => sim.close());

/** A write over REST: the status and the parsed answer. */
const send = async (method: string, path: string, body?: unknown, token = 'tok-ap') => {
  const { status, body: answer } = await api(sim, path, { token, method, body });
  return { status, body: answer };
};
const get = (path: string, token = 'tok-ap') => api(sim, path, { token });

describe('collections and endpoints (§22 #1–#7)', () => {
  it('lists collections and endpoints as bare arrays, paged by page/per_page, different per workspace', async () => {
    const all = await get('/api_collections');
    expect(all.status).toBe(200);
    expect(all.body.map((c: { id: number }) => c.id)).toEqual([1361, 1362]);
    expect(all.body[0]).toEqual({
      id: 1361, name: 'Quote to cash', project_id: '44021', url: 'https://apim.workato.com/northwind-ops/quote-to-cash-v1',
      api_spec_url: 'https://www.workato.com/doc/service/quote-to-cash-v1/swagger?token={token}', version: '1.0',
      created_at: expect.any(String), updated_at: expect.any(String),
    });
    expect((await get('/api_collections?page=2&per_page=1')).body.map((c: { id: number }) => c.id)).toEqual([1362]);
    expect((await get('/api_endpoints?api_collection_id=1362')).body.map((e: { id: number }) => e.id)).toEqual([9905]);
    expect((await get('/api_endpoints?per_page=101')).status).toBe(400);
    const other = await get('/api_collections', 'tok-ap-2');
    expect(other.body.map((c: { id: number }) => c.id)).toEqual([2361, 2362]);
  });

  it('creates a collection from JSON with one endpoint per operation, and validates like Rails', async () => {
    const doc = JSON.stringify({ openapi: '3.0.0', paths: { '/a': { get: {}, parameters: [] }, '/b': { put: {} } } });
    const created = await send('POST', '/api_collections', { name: 'Sim', openapi_spec: { content: doc, format: 'json' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Sim', project_id: null, message: 'Import completed successfully', import_results: { success: true, total_endpoints: 2, failed_endpoints: 0, failed_actions: [] } });
    const endpoints = (await get(`/api_endpoints?api_collection_id=${created.body.id}`)).body;
    expect(endpoints.map((e: { method: string; path: string; active: boolean }) => [e.method, e.path, e.active])).toEqual([['GET', 'a', false], ['PUT', 'b', false]]);
    const listed = (await get('/api_collections')).body.find((c: { id: number }) => c.id === created.body.id);
    expect(listed).not.toHaveProperty('import_results');
    const invalid = await send('POST', '/api_collections', { name: '', project_id: 1, openapi_spec: { content: 'x', format: 'xml' } });
    expect(invalid).toEqual({ status: 400, body: { message: 'Validation failed', errors: { name: ["can't be blank"], project_id: ['is invalid'], openapi_spec: ['format is not included in the list'] } } });
  });

  it('adds an endpoint to a collection; 404 for an unknown collection, 400 for an unknown recipe', async () => {
    const ok = await send('POST', '/api_collections/1361/api_endpoints', { name: 'Quotes', method: 'get', path: 'quotes', flow_id: 3307712 });
    expect(ok.body).toMatchObject({ api_collection_id: 1361, method: 'GET', path: 'quotes', flow_id: 3307712, active: false, base_path: '/northwind-ops/quote-to-cash-v1/quotes' });
    expect((await send('POST', '/api_collections/1/api_endpoints', { name: 'x', method: 'GET', path: 'x', flow_id: 3307712 })).status).toBe(404);
    expect((await send('POST', '/api_collections/1361/api_endpoints', { name: 'x', method: 'TRACE', path: 'x', flow_id: 2 })).body.errors).toEqual({ method: ['is not included in the list'], flow_id: ['is invalid'] });
  });

  it('enables an endpoint only while its recipe runs; disable always succeeds', async () => {
    expect(await send('PUT', '/api_endpoints/9904/enable')).toEqual({ status: 400, body: { message: 'The recipe of this API endpoint must be running to enable the endpoint' } });
    expect(await send('PUT', '/api_endpoints/9903/disable')).toEqual({ status: 200, body: { success: true } });
    expect(await send('PUT', '/api_endpoints/9903/enable')).toEqual({ status: 200, body: { success: true } });
    expect((await send('PUT', '/api_endpoints/1/enable')).status).toBe(404);
  });

  it('deletes a collection with its endpoints', async () => {
    const doc = JSON.stringify({ openapi: '3.0.0', paths: { '/x': { get: {} } } });
    const { body } = await send('POST', '/api_collections', { name: 'Gone', openapi_spec: { content: doc, format: 'json' } });
    expect(await send('DELETE', `/api_collections/${body.id}`)).toEqual({ status: 200, body: { success: true } });
    expect((await get(`/api_endpoints?api_collection_id=${body.id}`)).body).toEqual([]);
    expect((await send('DELETE', `/api_collections/${body.id}`)).status).toBe(404);
  });
});

describe('v2 clients and keys (§22 #8–#12)', () => {
  it('lists clients in {"data","count","page","per_page"} and gets one in {"data"}', async () => {
    const list = await get('/v2/api_clients?per_page=1');
    expect(list.body).toMatchObject({ count: 2, page: 1, per_page: 1, data: [{ id: 5101, name: 'Partner portal', total_api_keys_count: 2, active_api_keys_count: 1 }] });
    expect(list.body.data[0]).not.toHaveProperty('api_token');
    expect((await get('/v2/api_clients?project_id=44022')).body).toMatchObject({ count: 0, data: [] });
    expect((await get('/v2/api_clients/5102')).body.data).toMatchObject({ id: 5102, auth_type: 'jwt' });
    expect((await get('/v2/api_clients/1')).status).toBe(404);
  });

  it('validates client writes as the spec requires and never echoes jwt_secret', async () => {
    const invalid = await send('POST', '/v2/api_clients', { name: 'x', auth_type: 'jwt', api_collection_ids: [], api_portal_id: 201 });
    expect(invalid.body.errors).toEqual({ api_collection_ids: ["can't be blank"], jwt_method: ['is not included in the list'], jwt_secret: ["can't be blank"], email: ["can't be blank"] });
    const created = await send('POST', '/v2/api_clients', { name: 'J', auth_type: 'jwt', jwt_method: 'hmac', jwt_secret: 's3cr3t', api_collection_ids: [1361] });
    expect(created.body.data).toMatchObject({ name: 'J', auth_type: 'jwt', api_collections: [{ id: 1361, name: 'Quote to cash' }] });
    expect(JSON.stringify(created.body)).not.toContain('s3cr3t');
    const updated = await send('PUT', `/v2/api_clients/${created.body.data.id}`, { description: 'd' });
    expect(updated.body.data).toMatchObject({ name: 'J', description: 'd' });
    expect(await send('DELETE', `/v2/api_clients/${created.body.data.id}`)).toEqual({ status: 200, body: { success: true } });
  });

  it('sends a key secret only in the create and refresh_secret answers', async () => {
    const created = await send('POST', '/v2/api_clients/5101/api_keys', { name: 'Temp', active: false });
    expect(created.body.data).toMatchObject({ name: 'Temp', active: false, auth_token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const id = created.body.data.id;
    const list = await get('/v2/api_clients/5101/api_keys');
    expect(list.body).toMatchObject({ count: 3, page: 1, per_page: 100 });
    expect(JSON.stringify(list.body)).not.toContain('auth_token');
    const enabled = await send('PUT', `/v2/api_clients/5101/api_keys/${id}/enable`);
    expect(enabled.body.data).toMatchObject({ id, active: true });
    expect(enabled.body.data).not.toHaveProperty('auth_token');
    const refreshed = await send('PUT', `/v2/api_clients/5101/api_keys/${id}/refresh_secret`);
    expect(refreshed.body.data.auth_token).toMatch(/^[0-9a-f]{64}$/);
    expect(refreshed.body.data.auth_token).not.toBe(created.body.data.auth_token);
    expect((await send('PUT', `/v2/api_clients/5102/api_keys/${id}/disable`)).status).toBe(404);
    expect((await send('POST', '/v2/api_clients/5101/api_keys', { name: '' })).body.errors).toEqual({ name: ["can't be blank"], active: ['is not included in the list'] });
    expect(await send('DELETE', `/v2/api_clients/5101/api_keys/${id}`)).toEqual({ status: 200, body: { success: true } });
    expect((await send('DELETE', `/v2/api_clients/5101/api_keys/${id}`)).status).toBe(404);
  });

  it('lists portals', async () => {
    expect((await get('/v2/api_portals')).body).toMatchObject({ count: 1, data: [{ id: 201, name: 'Northwind Ops developer portal' }] });
  });
});

describe('Embedded customers (§17.8)', () => {
  it("serves a customer's collections and endpoints in {\"result\"}, and its v2 clients under /v2/managed_users/:id", async () => {
    const collections = await get('/managed_users/19029/api_collections', sim.token);
    expect(collections.body.result.map((c: { id: number }) => c.id)).toEqual([130361, 130362]);
    expect((await get('/managed_users/19029/api_endpoints', sim.token)).body.result).toHaveLength(3);
    expect((await get('/v2/managed_users/19029/api_clients', sim.token)).body).toMatchObject({ count: 2 });
    expect((await get('/v2/managed_users/19029/api_clients/134101/api_keys', sim.token)).body).toMatchObject({ count: 2 });
    expect((await get('/managed_users/19029/v2/api_clients', sim.token)).status).toBe(404);
    expect((await send('PUT', '/managed_users/19029/api_endpoints/138904/enable', undefined, sim.token)).status).toBe(400);
    // §17.8 documents no collection delete for customers.
    expect((await send('DELETE', '/managed_users/19029/api_collections/130361', undefined, sim.token)).status).toBe(404);
  });
});

describe('ids of created endpoints and keys (§22 #5, #11)', () => {
  it('follow the seeded ones even when the create is the first call of the workspace', async () => {
    const fresh = await startSimulator({ quiet: true, workspaces: { 'tok-fresh': FIXTURE_ONLY } });
    try {
      const call = (method: string, path: string, body?: unknown) => api(fresh, path, { token: 'tok-fresh', method, body });
      const recipe = (await call('GET', '/recipes')).body.items[0];
      const endpoint = await call('POST', '/api_collections/1361/api_endpoints', { name: 'First', method: 'GET', path: 'first', flow_id: recipe.id });
      expect(endpoint.status).toBe(200);
      const key = await call('POST', '/v2/api_clients/5101/api_keys', { name: 'First', active: true });
      expect(key.status).toBe(200);
      const endpoints = (await call('GET', '/api_endpoints')).body.map((e: { id: number }) => e.id);
      expect(endpoint.body.id).toBe(Math.max(...endpoints.filter((id: number) => id !== endpoint.body.id)) + 1);
      const keys = (await call('GET', '/v2/api_clients/5102/api_keys')).body.data.map((k: { id: number }) => k.id);
      expect(key.body.data.id).toBeGreaterThan(Math.max(...keys));
      expect(new Set(endpoints).size).toBe(endpoints.length);
    } finally {
      await fresh.close();
    }
  });
});
