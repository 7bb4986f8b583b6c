import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-lt': { recipes: 2 }, 'tok-lt-2': { recipes: 1 } } });
});
afterAll(() => sim.close());

const send = (method: string, path: string, body?: unknown, token = 'tok-lt') =>
  api(sim, path, { method, body, token }).then(({ status, body: answer }) => ({ status, body: answer }));
const get = (path: string, token = 'tok-lt') => api(sim, path, { token });
const labels = (table: { schema: string }) => JSON.parse(table.schema).map((c: { label: string; name: string }) => `${c.name}:${c.label}`);

describe('tables (§18 #1–#3)', () => {
  it('lists bare arrays, id-descending, paged, with different tables per workspace', async () => {
    const own = (await get('/lookup_tables')).body;
    expect(own.map((t: any) => [t.id, t.name, t.project_id])).toEqual([[1316, 'Subsidiary map', '44021'], [1315, 'Country codes', null]]);
    expect((await get('/lookup_tables?per_page=1&page=2')).body.map((t: any) => t.id)).toEqual([1315]);
    expect((await get('/lookup_tables?per_page=101')).status).toBe(400);
    const other = (await get('/lookup_tables', 'tok-lt-2')).body;
    expect(other.map((t: any) => t.name)).toEqual(['Region routing', 'Currency codes']);
    expect(other.some((t: any) => own.some((o: any) => o.id === t.id))).toBe(false);
  });

  it('creates a table with columns col1… in order and a string project_id', async () => {
    const created = await send('POST', '/lookup_tables', { name: 'Sizes', project_id: 44021, schema: [{ label: 'size' }, { label: 'inches' }] });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Sizes', project_id: '44021' });
    expect(labels(created.body)).toEqual(['col1:size', 'col2:inches']);
    expect((await get('/lookup_tables')).body[0].id).toBe(created.body.id);
  });

  it('validates: blank or taken name, no columns, more than 10, blank or repeated labels, unknown project', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ label: `c${i}` }));
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [{ name: ' ', schema: [{ label: 'a' }] }, { name: ["can't be blank"] }],
      [{ name: 'Country codes', schema: [{ label: 'a' }] }, { name: ['has already been taken'] }],
      [{ name: 'X' }, { schema: ["can't be blank"] }],
      [{ name: 'X', schema: eleven }, { schema: ['is too long (maximum is 10 columns)'] }],
      [{ name: 'X', schema: [{ label: 'a' }, { label: '' }] }, { schema: ["label can't be blank"] }],
      [{ name: 'X', schema: [{ label: 'a' }, { label: 'a' }] }, { schema: ['has duplicate labels'] }],
      [{ name: 'X', schema: [{ label: 'a' }], project_id: 1 }, { project_id: ['is invalid'] }],
    ];
    for (const [body, errors] of cases) {
      expect(await send('POST', '/lookup_tables', body)).toEqual({ status: 400, body: { message: 'Validation failed', errors } });
    }
    const ten = await send('POST', '/lookup_tables', { name: 'Ten', schema: eleven.slice(0, 10) });
    expect(ten.status).toBe(200);
  });

  it('batch-deletes tables with their rows, all or nothing', async () => {
    const a = (await send('POST', '/lookup_tables', { name: 'Del A', schema: [{ label: 'k' }] })).body.id;
    const b = (await send('POST', '/lookup_tables', { name: 'Del B', schema: [{ label: 'k' }] })).body.id;
    const row = (await send('POST', `/lookup_tables/${a}/rows`, { data: { k: 'v' } })).body.id;
    expect(await send('POST', '/lookup_tables/batch_delete', { ids: [a, 999_999] })).toEqual({ status: 404, body: { message: 'Not found' } });
    expect((await get(`/lookup_tables/${a}/rows/${row}`)).status).toBe(200);
    expect((await send('POST', '/lookup_tables/batch_delete', { ids: [] })).status).toBe(400);
    expect((await send('POST', '/lookup_tables/batch_delete', { ids: ['x'] })).status).toBe(400);
    expect(await send('POST', '/lookup_tables/batch_delete', { ids: [a, String(b)] })).toEqual({ status: 200, body: { success: true } });
    const ids = (await get('/lookup_tables')).body.map((t: any) => t.id);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
    expect((await get(`/lookup_tables/${a}/rows/${row}`)).status).toBe(404);
  });
});

describe('rows (§18 #4–#9)', () => {
  it('lists rows keyed by label, id-ascending, per_page default 500 max 1,000, filtered by by[column]', async () => {
    const rows = (await get('/lookup_tables/1315/rows')).body;
    expect(rows[0]).toEqual({ id: 5, data: { code: 'DE', name: 'Germany' } });
    expect(rows.map((r: any) => r.id)).toEqual([...rows.map((r: any) => r.id)].sort((x: number, y: number) => x - y));
    expect((await get('/lookup_tables/1315/rows?per_page=2&page=2')).body.map((r: any) => r.data.code)).toEqual(['US', 'GB']);
    expect((await get('/lookup_tables/1315/rows?per_page=1000')).status).toBe(200);
    expect((await get('/lookup_tables/1315/rows?per_page=1001')).status).toBe(400);
    expect((await get('/lookup_tables/1316/rows?by[salesforce_region]=EMEA')).body).toEqual([{ id: 2, data: { salesforce_region: 'EMEA', netsuite_subsidiary_id: '3' } }]);
    expect((await get('/lookup_tables/1315/rows?by[code]=FR&by[name]=Spain')).body).toEqual([]);
    expect((await get('/lookup_tables/1315/rows?by[nope]=1')).body).toEqual({ message: 'Unknown column: nope' });
    expect((await get('/lookup_tables/4242/rows')).status).toBe(404);
  });

  it('pages a table of 600 rows at 500 by default', async () => {
    const id = (await send('POST', '/lookup_tables', { name: 'Big', schema: [{ label: 'n' }] })).body.id;
    for (let i = 0; i < 600; i++) await send('POST', `/lookup_tables/${id}/rows`, { data: { n: String(i) } });
    expect((await get(`/lookup_tables/${id}/rows`)).body).toHaveLength(500);
    expect((await get(`/lookup_tables/${id}/rows?page=2`)).body).toHaveLength(100);
  });

  it('looks up the first matching row, 404 when none matches, 400 without criteria or with an unknown column', async () => {
    expect(await get('/lookup_tables/1315/lookup?by[code]=FR')).toMatchObject({ status: 200, body: { id: 6, data: { code: 'FR', name: 'France' } } });
    expect(await get('/lookup_tables/1315/lookup?by[code]=XX')).toMatchObject({ status: 404, body: { message: 'Not found' } });
    expect(await get('/lookup_tables/1315/lookup')).toMatchObject({ status: 400, body: { message: 'Missing required parameter: by' } });
    expect((await get('/lookup_tables/1315/lookup?by[nope]=1')).status).toBe(400);
    expect((await get('/lookup_tables/4242/lookup?by[code]=FR')).status).toBe(404);
  });

  it('gets a row only through its own table', async () => {
    expect((await get('/lookup_tables/1316/rows/1')).body).toEqual({ id: 1, data: { salesforce_region: 'NA', netsuite_subsidiary_id: '1' } });
    expect((await get('/lookup_tables/1315/rows/1')).status).toBe(404);
    expect((await get('/lookup_tables/1316/rows/x')).status).toBe(404);
  });

  it('creates, updates (only the given columns) and deletes a row; validates data against the columns', async () => {
    const created = await send('POST', '/lookup_tables/1315/rows', { data: { code: 'PT' } });
    expect(created).toEqual({ status: 200, body: { id: created.body.id, data: { code: 'PT', name: null } } });
    const path = `/lookup_tables/1315/rows/${created.body.id}`;
    expect((await send('PUT', path, { data: { name: 'Portugal' } })).body).toEqual({ id: created.body.id, data: { code: 'PT', name: 'Portugal' } });
    expect((await send('PUT', path, { data: { flag: 'x' } })).body).toEqual({ message: 'Validation failed', errors: { data: ['has an unknown column: flag'] } });
    expect((await send('POST', '/lookup_tables/1315/rows', {})).body).toEqual({ message: 'Validation failed', errors: { data: ["can't be blank"] } });
    expect((await send('PUT', `/lookup_tables/1316/rows/${created.body.id}`, { data: { name: 'x' } })).status).toBe(404);
    expect(await send('DELETE', path)).toEqual({ status: 200, body: { success: true } });
    expect((await get(path)).status).toBe(404);
    expect((await send('DELETE', path)).status).toBe(404);
  });
});

describe('Embedded (§17.7)', () => {
  it("serves a customer's tables and rows under /managed_users/:id, lists in {\"result\"}", async () => {
    const partner = 'tok-lt';
    const tables = (await get('/managed_users/EACME-001/lookup_tables', partner)).body.result;
    expect(tables.map((t: any) => t.name)).toEqual(['Region routing', 'Plan tiers']);
    const rows = (await get(`/managed_users/19029/lookup_tables/${tables[0].id}/rows`, partner)).body;
    expect(rows.result[0].data).toEqual({ region: 'emea', queue: 'support-emea', owner_email: 'ana.lopez@northwind.example' });
    expect((await get(`/lookup_tables/${tables[0].id}/rows`, partner)).status).toBe(404);
    const found = await get(`/managed_users/19029/lookup_tables/${tables[0].id}/lookup?by[region]=na`, partner);
    expect(found.body.data.queue).toBe('support-na');
    const row = await send('POST', `/managed_users/19029/lookup_tables/${tables[0].id}/rows`, { data: { region: 'latam' } });
    expect(row.body.data.region).toBe('latam');
    expect(sim.counts()['POST /api/managed_users/:managed_user_id/lookup_tables/:lookup_table_id/rows']).toBe(1);
  });
});
