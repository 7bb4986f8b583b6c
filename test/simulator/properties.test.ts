import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': {}, 'tok-b': { recipes: 2 } } });
});
afterAll(() => sim.close());

const post = async (path: string, body: unknown) => {
  const { status, body: answer } = await api(sim, path, { token: 'tok-a', body });
  return { status, body: answer };
};

describe('GET /api/properties (§19)', () => {
  it('answers the environment properties under a prefix as a flat object with full names, in name order', async () => {
    const r = await api(sim, '/properties?prefix=salesforce_sync.', { token: 'tok-a' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ 'salesforce_sync.object_field': 'Id', 'salesforce_sync.object_name': 'Account' });
  });

  it('strips the prefix from project property names, and only from those', async () => {
    const r = await api(sim, '/properties?prefix=sync.&project_id=44021', { token: 'tok-a' });
    expect(r.body).toEqual({ batch_size: '100' });
    expect((await api(sim, '/properties?prefix=public&project_id=44021', { token: 'tok-a' })).body).toEqual({ _url: 'https://www.example.com' });
    expect((await api(sim, '/properties?prefix=public', { token: 'tok-a' })).body).toEqual({});
  });

  it('requires a prefix (400) and answers 404 for a project that is not the workspace\'s', async () => {
    for (const path of ['/properties', '/properties?prefix=', '/properties?project_id=44021']) {
      const r = await api(sim, path, { token: 'tok-a' });
      expect(r.status, path).toBe(400);
      expect(r.body, path).toEqual({ message: 'Missing required parameter: prefix' });
    }
    const other = await api(sim, '/properties?prefix=a&project_id=99', { token: 'tok-a' });
    expect(other).toMatchObject({ status: 404, body: { message: 'Not found' } });
  });

  it('seeds every workspace differently', async () => {
    const a = (await api(sim, '/properties?prefix=alerts.', { token: 'tok-a' })).body;
    const b = (await api(sim, '/properties?prefix=alerts.', { token: 'tok-b' })).body;
    expect(a).toEqual({ 'alerts.slack_channel': '#ops-alerts-0' });
    expect(b).toEqual({ 'alerts.slack_channel': '#ops-alerts-1' });
  });
});

describe('POST /api/properties (§19)', () => {
  it('upserts environment and project properties and answers {"success": true}', async () => {
    expect(await post('/properties', { properties: { 'upsert.one': 'first', 'upsert.two': 2 } })).toEqual({ status: 200, body: { success: true } });
    expect(await post('/properties', { properties: { 'upsert.one': 'second' } })).toEqual({ status: 200, body: { success: true } });
    expect((await api(sim, '/properties?prefix=upsert.', { token: 'tok-a' })).body).toEqual({ 'upsert.one': 'second', 'upsert.two': '2' });
    expect((await post('/properties?project_id=44022', { properties: { 'upsert.p': 'x' } })).status).toBe(200);
    expect((await api(sim, '/properties?prefix=upsert.&project_id=44022', { token: 'tok-a' })).body).toEqual({ p: 'x' });
    // The project's property is not an environment property, and the other workspace saw none of it.
    expect((await api(sim, '/properties?prefix=upsert.p', { token: 'tok-a' })).body).toEqual({});
    expect((await api(sim, '/properties?prefix=upsert.', { token: 'tok-b' })).body).toEqual({});
  });

  it('refuses bodies without properties, and names, values or totals past the documented limits (400 validation shape)', async () => {
    for (const body of [{}, { properties: {} }, { properties: ['a'] }, { properties: 'a=b' }]) {
      expect(await post('/properties', body), JSON.stringify(body)).toEqual({ status: 400, body: { message: 'Missing required parameter: properties' } });
    }
    const long = await post('/properties', { properties: { ['n'.repeat(101)]: 'v', ok: 'v'.repeat(1025), nested: { a: 1 } } });
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('Validation failed');
    expect(long.body.errors.properties).toHaveLength(3);
    expect((await api(sim, '/properties?prefix=ok', { token: 'tok-a' })).body).toEqual({});
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_v, i) => [`bulk.${i}`, String(i)]));
    const tooMany = await post('/properties?project_id=44023', { properties: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.properties).toEqual(['exceed the limit of 1000 per project']);
    expect(Object.keys((await api(sim, '/properties?prefix=bulk.&project_id=44023', { token: 'tok-a' })).body)).toHaveLength(0);
    expect((await post('/properties?project_id=99', { properties: { a: 'b' } })).status).toBe(404);
  });
});

describe('Embedded: /api/managed_users/:id/properties (§17.8)', () => {
  it("reads and writes the customer's own properties, by id or E + external id, as the same flat object", async () => {
    const customer = (await api(sim, '/managed_users/19029/properties?prefix=salesforce_sync.object_name', { token: 'tok-a' })).body;
    expect(customer).toEqual({ 'salesforce_sync.object_name': 'Contact' });
    expect((await post('/managed_users/EACME-001/properties', { properties: { 'cust.only': 'yes' } })).body).toEqual({ success: true });
    expect((await api(sim, '/managed_users/19029/properties?prefix=cust.', { token: 'tok-a' })).body).toEqual({ 'cust.only': 'yes' });
    expect((await api(sim, '/properties?prefix=cust.', { token: 'tok-a' })).body).toEqual({});
    expect((await api(sim, '/managed_users/19029/properties', { token: 'tok-a' })).status).toBe(400);
  });
});

describe('POST /api/secrets_management/clear_cache (§27)', () => {
  it('takes no body and answers {"success": true}', async () => {
    const r = await fetch(`${sim.url}/secrets_management/clear_cache`, { method: 'POST', headers: { authorization: 'Bearer tok-a' } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ success: true });
    expect((await api(sim, '/secrets_management/clear_cache', { token: 'tok-a' })).status).toBe(404);
  });
});
