import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-dt': FIXTURE_ONLY, 'tok-other': { recipes: 3 } } });
});
afterAll(() => sim.close());

const T = 'tok-dt';
const call = (method: string, path: string, body?: unknown, token = T) => api(sim, path, { method, body, token });
const tables = async (token = T) => (await api(sim, '/data_tables', { token })).body.data as any[];
const customers = async () => (await tables()).find((t) => t.name === 'Customers');
const query = async (id: string, body: unknown) => call('POST', `/v1/tables/${id}/query`, body);

describe('/api/data_tables (§25)', () => {
  it('answers {"data": [...]} with UUID ids, typed schema columns and page/per_page paging', async () => {
    const all = await tables();
    expect(all.map((t) => t.name)).toEqual(['Customers', 'Orders', 'Vendors']);
    expect(all[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all[0].schema[0]).toEqual({ type: 'string', name: 'name', optional: false, field_id: expect.any(String), hint: 'Company name', default_value: null, metadata: {}, multivalue: false, relation: null });
    expect(all[1].schema[2].relation).toEqual({ table_id: all[0].id, field_id: all[0].schema[0].field_id });
    const page2 = (await api(sim, '/data_tables?page=2&per_page=2', { token: T })).body.data;
    expect(page2.map((t: any) => t.name)).toEqual(['Vendors']);
    expect((await api(sim, '/data_tables?per_page=101', { token: T })).status).toBe(400);
  });

  it('seeds different tables per workspace, the same on every start', async () => {
    const mine = (await tables()).map((t) => t.id);
    const other = (await tables('tok-other')).map((t) => t.id);
    expect(other.filter((id) => mine.includes(id))).toEqual([]);
    const again = await startSimulator({ quiet: true, workspaces: { 'tok-dt': FIXTURE_ONLY } });
    expect((await api(again, '/data_tables')).body.data.map((t: any) => t.id)).toEqual(mine);
    await again.close();
  });

  it('gets, creates, updates and deletes with {"data"} answers and Rails validation', async () => {
    const c = await customers();
    expect((await call('GET', `/data_tables/${c.id}`)).body.data.name).toBe('Customers');
    expect((await call('GET', '/data_tables/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await call('POST', '/data_tables', { name: '', folder_id: 1, schema: [{ name: 'a', type: 'text', optional: true }, { name: 'a', type: 'string', optional: true }] });
    expect(bad).toMatchObject({ status: 400, body: { message: 'Validation failed', errors: {
      name: ["can't be blank"], folder_id: ['must be an existing folder'], 'schema[0].type': [expect.stringContaining('must be one of')], 'schema[1].name': ['has already been taken'],
    } } });
    const made = await call('POST', '/data_tables', { name: 'Scratch', folder_id: 1201101, schema: [{ name: 'n', type: 'number', optional: true }] });
    expect(made.status).toBe(200);
    expect(made.body.data).toMatchObject({ name: 'Scratch', folder_id: 1201101, schema: [{ name: 'n', type: 'number', optional: true, field_id: expect.any(String) }] });
    const renamed = await call('PUT', `/data_tables/${made.body.data.id}`, { name: 'Scratch 2' });
    expect(renamed.body.data).toMatchObject({ name: 'Scratch 2', schema: [{ name: 'n' }] });
    expect((await call('DELETE', `/data_tables/${made.body.data.id}`)).body).toEqual({ success: true });
    expect((await call('DELETE', `/data_tables/${made.body.data.id}`)).status).toBe(404);
  });

  it('requires `optional` on every column and `relation.field_id` (a column of the linked table), as [spec] does', async () => {
    const c = await customers();
    const nameField = c.schema[0].field_id;
    const bad = await call('POST', '/data_tables', { name: 'Links', folder_id: 1201101, schema: [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'string', optional: 'maybe' },
      { name: 'c', type: 'relation', optional: true, relation: { table_id: c.id } },
      { name: 'd', type: 'relation', optional: true, relation: { table_id: c.id, field_id: '00000000-0000-4000-8000-000000000000' } },
      { name: 'e', type: 'relation', optional: true, relation: { field_id: nameField } },
      { name: 'f', type: 'relation', optional: true },
    ] });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: 'Validation failed', errors: {
      'schema[0].optional': ["can't be blank"], 'schema[1].optional': ['must be true or false'],
      'schema[2].relation.field_id': ["can't be blank"], 'schema[3].relation.field_id': ['must name a column of that table'],
      'schema[4].relation.table_id': ['must name an existing table'],
      'schema[5].relation.table_id': ['must name an existing table'], 'schema[5].relation.field_id': ["can't be blank"],
    } });
    const made = await call('POST', '/data_tables', { name: 'Links', folder_id: 1201101, schema: [
      { name: 'who', type: 'relation', optional: false, relation: { table_id: c.id, field_id: nameField } },
    ] });
    expect(made.status).toBe(200);
    expect(made.body.data.schema[0]).toMatchObject({ optional: false, relation: { table_id: c.id, field_id: nameField } });
    expect((await call('PUT', `/data_tables/${made.body.data.id}`, { schema: [{ name: 'x', type: 'string' }] })).body.errors).toEqual({ 'schema[0].optional': ["can't be blank"] });
  });

  it('serves the Embedded variant under /api/v2/managed_users/:id only', async () => {
    const r = await api(sim, '/v2/managed_users/19029/data_tables', { token: T });
    expect(r.status).toBe(200);
    expect(r.body.data.map((t: any) => t.name)).toEqual(['Customers', 'Orders', 'Vendors']);
    expect((await api(sim, '/managed_users/19029/data_tables', { token: T })).status).toBe(404);
  });
});

describe('/api/v1/tables/:id records (§25, [inferred] shapes)', () => {
  it('pages with limit and continuation_token, oldest first, without gap or duplicate', async () => {
    const c = await customers();
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await query(c.id, { limit: 8, ...(token ? { continuation_token: token } : {}) });
      seen.push(...r.body.data.map((x: any) => x.$record_id));
      token = r.body.continuation_token;
      if (!token) break;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect((await query(c.id, { limit: 201 })).status).toBe(400);
    expect((await query(c.id, { continuation_token: 'nope' })).status).toBe(400);
  });

  it('filters with where operators, $and/$or and $record_id, selects columns, and refuses unknown columns', async () => {
    const c = await customers();
    const all = (await query(c.id, { limit: 200 })).body.data as any[];
    const big = (await query(c.id, { limit: 200, where: { $and: [{ seats: { $gte: 100 } }, { active: true }] } })).body.data;
    expect(big.map((r: any) => r.$record_id)).toEqual(all.filter((r) => r.seats >= 100 && r.active).map((r) => r.$record_id));
    const either = (await query(c.id, { limit: 200, where: { $or: [{ name: { $starts_with: 'Acme' } }, { name: 'Hooli' }] } })).body.data;
    expect(either.map((r: any) => r.name)).toEqual(all.filter((r) => r.name.startsWith('Acme') || r.name === 'Hooli').map((r) => r.name));
    const one = (await query(c.id, { where: { $record_id: { $eq: all[3].$record_id } }, select: ['name'] })).body.data;
    expect(one).toEqual([{ $record_id: all[3].$record_id, $created_at: all[3].$created_at, $updated_at: all[3].$updated_at, name: all[3].name }]);
    expect((await query(c.id, { where: { colour: 'red' } })).body).toEqual({ message: 'Unknown column colour' });
    expect((await query(c.id, { where: { seats: { $like: 1 } } })).status).toBe(400);
    expect((await query('00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
  });

  it('creates, updates and deletes records with typed validation, and truncate empties the table', async () => {
    const c = await customers();
    const bad = await call('POST', `/v1/tables/${c.id}/records`, { data: { seats: 1.5, nope: 1 } });
    expect(bad).toMatchObject({ status: 400, body: { errors: { seats: ['must be a integer'], nope: ['is not a column of this table'], name: ["can't be blank"] } } });
    const made = await call('POST', `/v1/tables/${c.id}/records`, { data: { name: 'Zed' } });
    expect(made.body.data).toMatchObject({ $record_id: expect.any(String), name: 'Zed', active: true, seats: null });
    const id = made.body.data.$record_id;
    expect((await call('PUT', `/v1/tables/${c.id}/records/${id}`, { data: { seats: 9 } })).body.data).toMatchObject({ name: 'Zed', seats: 9 });
    expect((await call('PUT', `/v1/tables/${c.id}/records/${id}`, { data: { active: 'yes' } })).status).toBe(400);
    expect((await call('DELETE', `/v1/tables/${c.id}/records/${id}`)).body).toEqual({ success: true });
    expect((await call('DELETE', `/v1/tables/${c.id}/records/${id}`)).status).toBe(404);
    const orders = (await tables()).find((t) => t.name === 'Orders');
    expect((await call('POST', `/data_tables/${orders.id}/truncate`)).body).toEqual({ success: true });
    expect((await query(orders.id, {})).body).toEqual({ data: [] });
  });
});
