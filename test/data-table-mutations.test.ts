import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let elsewhere: Simulator;
let wrongHost: Stack;
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const MISSING = '00000000-0000-4000-8000-000000000000';

const send = async (sim: Simulator, method: string, path: string, body?: unknown) => {
  const r = await fetch(`${sim.url}${path}`, { method, headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return r.json() as Promise<any>;
};
const tableNamed = async (name: string, sim = stack.sim, prefix = '') => (await send(sim, 'GET', `${prefix}/data_tables`)).data.find((t: any) => t.name === name);
const recordsOf = async (id: string, prefix = '') => (await send(stack.sim, 'POST', `${prefix}/v1/tables/${id}/query`, { limit: 200 })).data as any[];

beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-dtm': FIXTURE_ONLY } } });
  elsewhere = await startSimulator({ quiet: true });
  wrongHost = await startStack({ simulator: { workspaces: { 'tok-dtm-wrong': FIXTURE_ONLY } }, env: { WORKATO_DATA_TABLES_URL: `${elsewhere.url.replace(/\/api$/, '')}/elsewhere/api` } });
});
afterAll(async () => {
  await Promise.all([stack.close(), wrongHost.close(), elsewhere.close()]);
});

const ERRORS = 'userErrors { message code field }';
const CREATE = `mutation($input: DataTableCreateInput!) { dataTableCreate(input: $input) { dataTable { id workatoId name folderId columns { name type optional relation { table { name } } } } ${ERRORS} } }`;
const UPDATE = `mutation($input: DataTableUpdateInput!) { dataTableUpdate(input: $input) { dataTable { name columns { name } } ${ERRORS} } }`;
const DELETE = `mutation($input: DataTableDeleteInput!) { dataTableDelete(input: $input) { deletedDataTableId ${ERRORS} } }`;
const TRUNCATE = `mutation($input: DataTableTruncateInput!) { dataTableTruncate(input: $input) { dataTable { name records { nodes { id } } } ${ERRORS} } }`;
const REC_CREATE = `mutation($input: DataTableRecordCreateInput!) { dataTableRecordCreate(input: $input) { record { id workatoId name: value(column: "name") seats: value(column: "seats") active: value(column: "active") } ${ERRORS} } }`;
const REC_UPDATE = `mutation($input: DataTableRecordUpdateInput!) { dataTableRecordUpdate(input: $input) { record { workatoId seats: value(column: "seats") } ${ERRORS} } }`;
const REC_DELETE = `mutation($input: DataTableRecordDeleteInput!) { dataTableRecordDelete(input: $input) { deletedDataTableRecordId ${ERRORS} } }`;

const FOLDER = '1201101';
const columns = [
  { name: 'sku', type: 'STRING', optional: false },
  { name: 'qty', type: 'INTEGER' },
  { name: 'vendor', type: 'RELATION', relation: { tableId: 'VENDORS' } },
];

describe('dataTableCreate / dataTableUpdate / dataTableDelete / dataTableTruncate', () => {
  it('creates a table with typed columns and a relation, then renames, truncates and deletes it', async () => {
    const vendors = await tableNamed('Vendors');
    stack.sim.resetCounts();
    const created = (await stack.gql(CREATE, { input: { name: 'Stock', folderId: FOLDER, columns: columns.map((c) => (c.relation ? { ...c, relation: { tableId: vendors.id } } : c)) } })).dataTableCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.dataTable).toMatchObject({ name: 'Stock', folderId: FOLDER, columns: [
      { name: 'sku', type: 'STRING', optional: false, relation: null }, { name: 'qty', type: 'INTEGER', optional: true, relation: null },
      { name: 'vendor', type: 'RELATION', optional: true, relation: { table: { name: 'Vendors' } } },
    ] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/data_tables': 1, 'GET /api/data_tables/:data_table_id': 1 });
    const wire = (await send(stack.sim, 'GET', `/data_tables/${created.dataTable.workatoId}`)).data;
    expect(wire.schema.map((c: any) => [c.name, c.type])).toEqual([['sku', 'string'], ['qty', 'integer'], ['vendor', 'relation']]);
    // [spec] requires relation.field_id: without `columnId` the gateway sends the linked table's first column.
    expect(wire.schema[2].relation).toEqual({ table_id: vendors.id, field_id: vendors.schema[0].field_id });

    const updated = (await stack.gql(UPDATE, { input: { id: created.dataTable.id, name: 'Stock levels' } })).dataTableUpdate;
    expect(updated).toEqual({ dataTable: { name: 'Stock levels', columns: [{ name: 'sku' }, { name: 'qty' }, { name: 'vendor' }] }, userErrors: [] });

    await send(stack.sim, 'POST', `/v1/tables/${created.dataTable.workatoId}/records`, { data: { sku: 'A-1', qty: 3 } });
    const truncated = (await stack.gql(TRUNCATE, { input: { id: created.dataTable.workatoId } })).dataTableTruncate;
    expect(truncated).toEqual({ dataTable: { name: 'Stock levels', records: { nodes: [] } }, userErrors: [] });
    expect(await recordsOf(created.dataTable.workatoId)).toEqual([]);

    const deleted = (await stack.gql(DELETE, { input: { id: created.dataTable.id } })).dataTableDelete;
    expect(deleted).toEqual({ deletedDataTableId: created.dataTable.id, userErrors: [] });
    expect(await tableNamed('Stock levels')).toBeUndefined();
  });

  it('refuses blank names, duplicate columns and a RELATION without relation before calling Workato', async () => {
    stack.sim.resetCounts();
    const r = (await stack.gql(CREATE, { input: { name: ' ', folderId: FOLDER, columns: [{ name: 'a', type: 'STRING' }, { name: 'a', type: 'NUMBER' }, { name: 'b', type: 'RELATION' }] } })).dataTableCreate;
    expect(r).toEqual({ dataTable: null, userErrors: [
      { message: "name can't be blank", code: 'INVALID', field: ['input', 'name'] },
      { message: 'column name "a" is used twice', code: 'INVALID', field: ['input', 'columns', '1', 'name'] },
      { message: 'A RELATION column needs `relation`, and only a RELATION column may have one.', code: 'INVALID', field: ['input', 'columns', '2', 'relation'] },
    ] });
    expect(stack.sim.total()).toBe(0);
  });

  it('answers a relation to an unknown table, given without columnId, with NOT_FOUND on its tableId before creating', async () => {
    stack.sim.resetCounts();
    const r = (await stack.gql(CREATE, { input: { name: 'Dangling', folderId: FOLDER, columns: [{ name: 'v', type: 'RELATION', relation: { tableId: MISSING } }] } })).dataTableCreate;
    expect(r).toEqual({ dataTable: null, userErrors: [{ message: expect.any(String), code: 'NOT_FOUND', field: ['input', 'columns', '0', 'relation', 'tableId'] }] });
    expect(stack.sim.counts()['POST /api/data_tables']).toBeUndefined();
  });

  it('turns Workato\'s validation and 404 answers into userErrors', async () => {
    const unknownFolder = (await stack.gql(CREATE, { input: { name: 'X', folderId: '999999', columns: [{ name: 'a', type: 'STRING' }] } })).dataTableCreate;
    expect(unknownFolder).toEqual({ dataTable: null, userErrors: [{ message: 'folder_id must be an existing folder', code: 'INVALID', field: ['input', 'folderId'] }] });
    for (const [query, name] of [[UPDATE, 'dataTableUpdate'], [DELETE, 'dataTableDelete'], [TRUNCATE, 'dataTableTruncate']] as const) {
      const input = name === 'dataTableUpdate' ? { id: MISSING, name: 'Y' } : { id: MISSING };
      const r = (await stack.gql(query, { input }))[name];
      expect(r.userErrors).toEqual([{ message: 'Workato has no such object, or the token cannot see it.', code: 'NOT_FOUND', field: ['input', 'id'] }]);
    }
  });

  it('creates a table in a customer workspace under /v2/managed_users', async () => {
    const folderId = String((await send(stack.sim, 'GET', '/managed_users/19029/folders')).result[0].id);
    stack.sim.resetCounts();
    const r = (await stack.gql(CREATE, { input: { name: 'Customer stock', folderId, columns: [{ name: 'sku', type: 'STRING' }], managedUser: { id: '19029' } } })).dataTableCreate;
    expect(r.userErrors).toEqual([]);
    expect(r.dataTable.id).toBe(b64(`DataTable@19029:${r.dataTable.workatoId}`));
    expect(stack.sim.counts()['POST /api/v2/managed_users/:managed_user_id/data_tables']).toBe(1);
    expect((await send(stack.sim, 'GET', '/v2/managed_users/19029/data_tables')).data.map((t: any) => t.name)).toContain('Customer stock');
  });
});

describe('dataTableUpdate columns and a customer\'s tables', () => {
  it('replaces the columns, keeping one by its fieldId, and reads the table back from the answer', async () => {
    const made = (await stack.gql(CREATE, { input: { name: 'Reshape', folderId: FOLDER, columns: [{ name: 'a', type: 'STRING' }, { name: 'b', type: 'NUMBER' }] } })).dataTableCreate.dataTable;
    const kept = (await send(stack.sim, 'GET', `/data_tables/${made.workatoId}`)).data.schema[0].field_id;
    stack.sim.resetCounts();
    const r = (await stack.gql(`mutation($input: DataTableUpdateInput!) { dataTableUpdate(input: $input) { dataTable { name columns { fieldId name type } } ${ERRORS} } }`, {
      input: { id: made.id, columns: [{ name: 'a', type: 'STRING', fieldId: kept }, { name: 'when', type: 'DATE_TIME' }] },
    })).dataTableUpdate;
    expect(r.userErrors).toEqual([]);
    expect(r.dataTable).toEqual({ name: 'Reshape', columns: [{ fieldId: kept, name: 'a', type: 'STRING' }, { fieldId: expect.any(String), name: 'when', type: 'DATE_TIME' }] });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/data_tables/:data_table_id': 1 });
    const dup = (await stack.gql(UPDATE, { input: { id: made.id, columns: [{ name: 'x', type: 'STRING' }, { name: 'x', type: 'STRING' }] } })).dataTableUpdate;
    expect(dup.userErrors).toEqual([{ message: 'column name "x" is used twice', code: 'INVALID', field: ['input', 'columns', '1', 'name'] }]);
  });

  it('renames and deletes a customer\'s table by its global id, under /v2/managed_users', async () => {
    const table = await tableNamed('Vendors', stack.sim, '/v2/managed_users/19029');
    const id = b64(`DataTable@19029:${table.id}`);
    stack.sim.resetCounts();
    const renamed = (await stack.gql(UPDATE, { input: { id, name: 'Suppliers' } })).dataTableUpdate;
    expect(renamed).toMatchObject({ dataTable: { name: 'Suppliers' }, userErrors: [] });
    const deleted = (await stack.gql(DELETE, { input: { id } })).dataTableDelete;
    expect(deleted).toEqual({ deletedDataTableId: id, userErrors: [] });
    expect(stack.sim.counts()).toEqual({
      'PUT /api/v2/managed_users/:managed_user_id/data_tables/:data_table_id': 1,
      'DELETE /api/v2/managed_users/:managed_user_id/data_tables/:data_table_id': 1,
    });
    expect(await tableNamed('Suppliers', stack.sim, '/v2/managed_users/19029')).toBeUndefined();
    expect(await tableNamed('Vendors')).toBeDefined();
  });

  it('refuses a bare UUID with a managedUser that does not exist', async () => {
    const r = (await stack.gql(DELETE, { input: { id: MISSING, managedUser: { externalId: 'NOPE-404' } } })).dataTableDelete;
    expect(r.userErrors).toEqual([{ message: expect.stringContaining('no customer'), code: 'NOT_FOUND', field: ['input', 'managedUser'] }]);
  });
});

describe('dataTableRecordCreate / dataTableRecordUpdate / dataTableRecordDelete', () => {
  it('creates, changes and deletes a record on the records host', async () => {
    const customers = await tableNamed('Customers');
    stack.sim.resetCounts();
    const created = (await stack.gql(REC_CREATE, { input: { tableId: customers.id, values: { name: 'Gringotts', seats: 12 } } })).dataTableRecordCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.record).toMatchObject({ name: 'Gringotts', seats: 12, active: true });
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1, 'POST /api/v1/tables/:table_id/records': 1 });
    expect((await recordsOf(customers.id)).find((r) => r.$record_id === created.record.workatoId)).toMatchObject({ name: 'Gringotts', seats: 12 });

    const updated = (await stack.gql(REC_UPDATE, { input: { id: created.record.id, values: { seats: 40 } } })).dataTableRecordUpdate;
    expect(updated).toEqual({ record: { workatoId: created.record.workatoId, seats: 40 }, userErrors: [] });
    const bare = (await stack.gql(REC_UPDATE, { input: { id: created.record.workatoId, tableId: customers.id, values: { seats: 41 } } })).dataTableRecordUpdate;
    expect(bare.record.seats).toBe(41);

    const deleted = (await stack.gql(REC_DELETE, { input: { id: created.record.id } })).dataTableRecordDelete;
    expect(deleted).toEqual({ deletedDataTableRecordId: created.record.id, userErrors: [] });
    expect((await recordsOf(customers.id)).some((r) => r.$record_id === created.record.workatoId)).toBe(false);
  });

  it('checks column names, types and required columns against the table before writing', async () => {
    const customers = await tableNamed('Customers');
    stack.sim.resetCounts();
    const r = (await stack.gql(REC_CREATE, { input: { tableId: customers.id, values: { seats: 'many', colour: 'red', renewal_on: '12/01/2025' } } })).dataTableRecordCreate;
    expect(r).toEqual({ record: null, userErrors: [
      { message: '"seats" must be a integer.', code: 'INVALID', field: ['input', 'values', 'seats'] },
      { message: '"colour" is no column of table "Customers" (columns: name, email, seats, active, renewal_on).', code: 'INVALID', field: ['input', 'values', 'colour'] },
      { message: '"renewal_on" must be a date (YYYY-MM-DD).', code: 'INVALID', field: ['input', 'values', 'renewal_on'] },
      { message: '"name" is required.', code: 'INVALID', field: ['input', 'values', 'name'] },
    ] });
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1 });
    const notObject = (await stack.gql(REC_CREATE, { input: { tableId: customers.id, values: [1] } })).dataTableRecordCreate;
    expect(notObject.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'values'] });
  });

  it('answers an unknown table or record with NOT_FOUND', async () => {
    const noTable = (await stack.gql(REC_CREATE, { input: { tableId: MISSING, values: { name: 'x' } } })).dataTableRecordCreate;
    expect(noTable.userErrors).toEqual([{ message: 'Workato has no such data table, or the token cannot see it.', code: 'NOT_FOUND', field: ['input', 'tableId'] }]);
    const customers = await tableNamed('Customers');
    const noRecord = (await stack.gql(REC_DELETE, { input: { id: MISSING, tableId: customers.id } })).dataTableRecordDelete;
    expect(noRecord.deletedDataTableRecordId).toBeNull();
    expect(noRecord.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
    expect(noRecord.userErrors[0].message).toContain('WORKATO_DATA_TABLES_URL');
    const bareWithoutTable = await stack.request(REC_DELETE, { input: { id: MISSING } });
    expect(bareWithoutTable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers RECORDS_HOST_NOT_FOUND naming WORKATO_DATA_TABLES_URL when the records host answers 404', async () => {
    const customers = await tableNamed('Customers', wrongHost.sim);
    const r = (await wrongHost.gql(REC_CREATE, { input: { tableId: customers.id, values: { name: 'x' } } })).dataTableRecordCreate;
    expect(r.record).toBeNull();
    expect(r.userErrors).toEqual([{ code: 'RECORDS_HOST_NOT_FOUND', field: null, message: expect.stringContaining('Set WORKATO_DATA_TABLES_URL') }]);
  });

  it('writes a customer\'s records under /v2/managed_users with the customer\'s table id', async () => {
    const table = await tableNamed('Customers', stack.sim, '/v2/managed_users/19029');
    const tableId = b64(`DataTable@19029:${table.id}`);
    stack.sim.resetCounts();
    const created = (await stack.gql(REC_CREATE, { input: { tableId, values: { name: 'Customer co' } } })).dataTableRecordCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.record.id).toBe(b64(`DataTableRecord@19029:${table.id}:${created.record.workatoId}`));
    expect(stack.sim.counts()).toEqual({
      'GET /api/v2/managed_users/:managed_user_id/data_tables/:data_table_id': 1,
      'POST /api/v2/managed_users/:managed_user_id/v1/tables/:table_id/records': 1,
    });
    const deleted = (await stack.gql(REC_DELETE, { input: { id: created.record.id } })).dataTableRecordDelete;
    expect(deleted.userErrors).toEqual([]);
    expect((await recordsOf(table.id, '/v2/managed_users/19029')).some((r) => r.$record_id === created.record.workatoId)).toBe(false);
  });
});

describe('record writes and the response cache', () => {
  it('drops cached reads of a table when a record write names the table, so the new record shows', async () => {
    const cached = await startStack({ simulator: { workspaces: { 'tok-dtm-cache': FIXTURE_ONLY } }, env: { RESPONSE_CACHE: 'memory' } });
    try {
      const vendors = await tableNamed('Vendors', cached.sim);
      const READ = `{ dataTable(id: "${vendors.id}") { id records(first: 100) { nodes { id value(column: "name") } } } }`;
      await cached.gql(READ);
      cached.sim.resetCounts();
      expect((await cached.gql(READ)).dataTable.records.nodes).toEqual([]);
      expect(cached.sim.total()).toBe(0);
      const created = (await cached.gql(`mutation { dataTableRecordCreate(input: { tableId: "${vendors.id}", values: { name: "Ollivanders" } }) { record { id table { id } } userErrors { code } } }`)).dataTableRecordCreate;
      expect(created.userErrors).toEqual([]);
      cached.sim.resetCounts();
      expect((await cached.gql(READ)).dataTable.records.nodes).toEqual([{ id: created.record.id, value: 'Ollivanders' }]);
      expect(cached.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1, 'POST /api/v1/tables/:table_id/query': 1 });
    } finally {
      await cached.close();
    }
  });
});
