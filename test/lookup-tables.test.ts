import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-lookup': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const TABLES = 'GET /api/lookup_tables';
const ROWS = 'GET /api/lookup_tables/:lookup_table_id/rows';
const ROW = 'GET /api/lookup_tables/:lookup_table_id/rows/:row_id';
const LOOKUP = 'GET /api/lookup_tables/:lookup_table_id/lookup';
const rowId = (table: number, row: number, scope?: string) => toGlobalId('LookupTableRow', [table, row], scope);

/** POSTs to the simulator directly (seeding rows a test pages over). */
async function post(path: string, body: unknown) {
  const res = await fetch(`${stack.sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.sim.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<any>;
}

describe('Query.lookupTables / lookupTable', () => {
  it('pages the workspace tables, newest first, with columns, in one call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ lookupTables(first: 1) {
      pageInfo { hasNextPage endCursor } nodes { id workatoId name projectId columns { label name } }
    } }`);
    expect(data.lookupTables.nodes).toEqual([
      { id: toGlobalId('LookupTable', [1316]), workatoId: '1316', name: 'Subsidiary map', projectId: '44021',
        columns: [{ label: 'salesforce_region', name: 'col1' }, { label: 'netsuite_subsidiary_id', name: 'col2' }] },
    ]);
    expect(data.lookupTables.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1 });
    const next = await stack.gql(`query($after: String) { lookupTables(first: 5, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, {
      after: data.lookupTables.pageInfo.endCursor,
    });
    expect(next.lookupTables).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: '1315' }] });
  });

  it('finds a table by workatoId or global id from the one list; an unknown id is NOT_FOUND', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ a: lookupTable(id: "1315") { name } b: lookupTable(id: "${toGlobalId('LookupTable', [1316])}") { name } }`);
    expect(data).toEqual({ a: { name: 'Country codes' }, b: { name: 'Subsidiary map' } });
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1 });
    const missing = await stack.request(`{ lookupTable(id: "4242") { name } }`);
    expect(missing.data).toEqual({ lookupTable: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await stack.request(`{ lookupTable(id: "${toGlobalId('Recipe', [1])}") { name } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a bad token with a top-level UNAUTHENTICATED error', async () => {
    const denied = await stack.request(`{ lookupTables { nodes { name } } }`, {}, { token: 'not-a-token' });
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('LookupTable.rows / row, LookupTableRow', () => {
  it('reads rows as cells keyed by column; table and by-id reads after the page cost no call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ lookupTable(id: "1315") { rows(first: 2) {
      pageInfo { hasNextPage }
      nodes { id workatoId value(column: "name") missing: value(column: "nope")
        cells { column { label name } value }
        table { workatoId again: row(id: "6") { workatoId value(column: "code") } }
      }
    } } }`);
    expect(data.lookupTable.rows.pageInfo.hasNextPage).toBe(true);
    expect(data.lookupTable.rows.nodes[0]).toEqual({
      id: rowId(1315, 5), workatoId: '5', value: 'Germany', missing: null,
      cells: [{ column: { label: 'code', name: 'col1' }, value: 'DE' }, { column: { label: 'name', name: 'col2' }, value: 'Germany' }],
      table: { workatoId: '1315', again: { workatoId: '6', value: 'FR' } },
    });
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1, [ROWS]: 1 });
  });

  it('filters with by[column], and refuses an unknown column before calling Workato', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ lookupTable(id: "1315") { rows(filter: [{ column: "code", value: "FR" }]) { nodes { workatoId value(column: "name") } } } }`);
    expect(data.lookupTable.rows.nodes).toEqual([{ workatoId: '6', value: 'France' }]);
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1, [ROWS]: 1 });
    stack.sim.resetCounts();
    const bad = await stack.request(`{ lookupTable(id: "1315") { rows(filter: [{ column: "country", value: "FR" }]) { nodes { workatoId } } } }`);
    expect(bad.errors?.[0]).toMatchObject({ message: 'Table "Country codes" has no column "country".', extensions: { code: 'BAD_USER_INPUT' } });
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1 });
  });

  it('pages up to 1,000 rows per call and walks a long table without gap or duplicate', async () => {
    const table = await post('/lookup_tables', { name: 'Postal zones', schema: [{ label: 'zip' }, { label: 'zone' }] });
    for (let i = 0; i < 130; i++) await post(`/lookup_tables/${table.id}/rows`, { data: { zip: String(10000 + i), zone: `Z${i % 7}` } });
    const PAGE = `query($after: String, $first: Int) { lookupTable(id: "${table.id}") { rows(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { value(column: "zip") } } } }`;
    stack.sim.resetCounts();
    const first = await stack.gql(PAGE, { first: 120 });
    expect(first.lookupTable.rows.nodes).toHaveLength(120);
    expect(first.lookupTable.rows.pageInfo.hasNextPage).toBe(true);
    // Nothing of the table itself is selected: the rows call only.
    expect(stack.sim.counts()).toEqual({ [ROWS]: 1 });
    const rest = await stack.gql(PAGE, { first: 1000, after: first.lookupTable.rows.pageInfo.endCursor });
    expect(rest.lookupTable.rows.pageInfo.hasNextPage).toBe(false);
    const zips = [...first.lookupTable.rows.nodes, ...rest.lookupTable.rows.nodes].map((n: any) => n.value);
    expect(zips).toEqual(Array.from({ length: 130 }, (_, i) => String(10000 + i)));
    const tooMany = await stack.request(PAGE, { first: 1001 });
    expect(tooMany.errors?.[0]).toMatchObject({ message: '`first` must be between 1 and 1000; got 1001.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('reads a row by id with one GET …/rows/:row_id, de-duplicated, also through node(id)', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      lookupTable(id: "1316") { row(id: "2") { value(column: "salesforce_region") } }
      nodes(ids: ["${rowId(1316, 2)}", "${rowId(1316, 2)}"]) { __typename id ... on LookupTableRow { workatoId } }
    }`);
    expect(data.lookupTable.row).toEqual({ value: 'EMEA' });
    expect(data.nodes).toEqual([
      { __typename: 'LookupTableRow', id: rowId(1316, 2), workatoId: '2' },
      { __typename: 'LookupTableRow', id: rowId(1316, 2), workatoId: '2' },
    ]);
    expect(stack.sim.counts()).toEqual({ [ROW]: 1 });
    const other = await stack.request(`{ lookupTable(id: "1315") { row(id: "${rowId(1316, 2)}") { workatoId } } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const gone = await stack.request(`{ node(id: "${rowId(1316, 999)}") { id } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Query.lookupTableRow (the lookup endpoint)', () => {
  const LOOKUP_ROW = `query($table: ID!, $match: [LookupTableCellInput!]!) { lookupTableRow(tableId: $table, match: $match) { workatoId value(column: "name") } }`;

  it('answers the first matching row with one call; its cells add the table list, asked for in parallel', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(LOOKUP_ROW, { table: '1315', match: [{ column: 'code', value: 'JP' }] });
    expect(data.lookupTableRow).toEqual({ workatoId: '9', value: 'Japan' });
    expect(stack.sim.counts()).toEqual({ [LOOKUP]: 1 });
    stack.sim.resetCounts();
    const cells = await stack.gql(`{ lookupTableRow(tableId: "1315", match: [{ column: "code", value: "JP" }, { column: "name", value: "Japan" }]) { cells { value } } }`);
    expect(cells.lookupTableRow.cells).toEqual([{ value: 'JP' }, { value: 'Japan' }]);
    expect(stack.sim.counts()).toEqual({ [LOOKUP]: 1, [TABLES]: 1 });
  });

  it('answers null, not an error, when nothing matches or the table does not exist', async () => {
    const none = await stack.request(LOOKUP_ROW, { table: '1315', match: [{ column: 'code', value: 'XX' }] });
    expect(none).toMatchObject({ data: { lookupTableRow: null } });
    expect(none.errors).toBeUndefined();
    const noTable = await stack.request(LOOKUP_ROW, { table: '4242', match: [{ column: 'code', value: 'DE' }] });
    expect(noTable.errors).toBeUndefined();
    expect(noTable.data).toEqual({ lookupTableRow: null });
  });

  it('refuses an empty match before calling Workato, and reports an unknown column as BAD_USER_INPUT', async () => {
    stack.sim.resetCounts();
    const empty = await stack.request(LOOKUP_ROW, { table: '1315', match: [] });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
    const unknown = await stack.request(LOOKUP_ROW, { table: '1315', match: [{ column: 'nope', value: 'x' }] });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(unknown.errors?.[0]?.message).toContain('Unknown column: nope');
  });
});

const CREATE = `mutation($input: LookupTableCreateInput!) { lookupTableCreate(input: $input) {
  lookupTable { id workatoId name projectId project { name } columns { label name } } userErrors { message code field }
} }`;
const DELETE = `mutation($input: LookupTablesDeleteInput!) { lookupTablesDelete(input: $input) { deletedLookupTableIds userErrors { message code field } } }`;
const ROW_CREATE = `mutation($input: LookupTableRowCreateInput!) { lookupTableRowCreate(input: $input) {
  row { id workatoId cells { column { label } value } } userErrors { message code field }
} }`;
const ROW_UPDATE = `mutation($input: LookupTableRowUpdateInput!) { lookupTableRowUpdate(input: $input) {
  row { workatoId cells { value } } userErrors { message code field }
} }`;
const ROW_DELETE = `mutation($input: LookupTableRowDeleteInput!) { lookupTableRowDelete(input: $input) { deletedLookupTableRowId userErrors { message code field } } }`;

describe('lookupTableCreate / lookupTablesDelete', () => {
  it('creates a table in a project and reads it back from the answer', async () => {
    stack.sim.resetCounts();
    const { lookupTableCreate } = await stack.gql(CREATE, { input: { name: 'Warehouses', columns: ['site', 'city'], projectId: '44021' } });
    expect(lookupTableCreate).toMatchObject({
      lookupTable: { name: 'Warehouses', projectId: '44021', project: { name: expect.any(String) }, columns: [{ label: 'site', name: 'col1' }, { label: 'city', name: 'col2' }] },
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/lookup_tables': 1, 'GET /api/projects': 1 });
    const listed = await rest(stack.sim, '/lookup_tables');
    expect(listed.map((t: { id: number }) => String(t.id))).toContain(lookupTableCreate.lookupTable.workatoId);
  });

  it('refuses more than 10 columns, blank and repeated labels without calling Workato', async () => {
    stack.sim.resetCounts();
    const eleven = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const { lookupTableCreate } = await stack.gql(CREATE, { input: { name: 'Wide', columns: eleven } });
    expect(lookupTableCreate).toEqual({ lookupTable: null, userErrors: [{ code: 'INVALID', message: 'A lookup table has at most 10 columns; got 11.', field: ['input', 'columns'] }] });
    const labels = await stack.gql(CREATE, { input: { name: ' ', columns: ['a', '', 'a'] } });
    expect(labels.lookupTableCreate.userErrors).toEqual([
      { code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] },
      { code: 'INVALID', message: 'A column label must not be blank.', field: ['input', 'columns', '1'] },
      { code: 'INVALID', message: 'Column "a" is given twice.', field: ['input', 'columns', '2'] },
    ]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's validation (a taken name) as userErrors", async () => {
    const { lookupTableCreate } = await stack.gql(CREATE, { input: { name: 'Country codes', columns: ['x'] } });
    expect(lookupTableCreate).toEqual({ lookupTable: null, userErrors: [{ code: 'INVALID', message: 'name has already been taken', field: ['input', 'name'] }] });
  });

  it('deletes several tables in one call; a later read in the same request sees them gone', async () => {
    const a = (await stack.gql(CREATE, { input: { name: 'Temp A', columns: ['k'] } })).lookupTableCreate.lookupTable;
    const b = (await stack.gql(CREATE, { input: { name: 'Temp B', columns: ['k'] } })).lookupTableCreate.lookupTable;
    stack.sim.resetCounts();
    const data = await stack.gql(`mutation { lookupTablesDelete(input: { ids: ["${a.id}", "${b.workatoId}"] }) { deletedLookupTableIds userErrors { code } } }`);
    expect(data.lookupTablesDelete).toEqual({ deletedLookupTableIds: [a.id, b.id], userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/lookup_tables/batch_delete': 1 });
    const gone = await stack.request(`{ lookupTable(id: "${a.workatoId}") { name } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers an unknown table with NOT_FOUND and an empty list with INVALID (no call)', async () => {
    const { lookupTablesDelete } = await stack.gql(DELETE, { input: { ids: ['1315', '4242'] } });
    expect(lookupTablesDelete).toEqual({ deletedLookupTableIds: null, userErrors: [{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'ids'] }] });
    expect((await rest(stack.sim, '/lookup_tables')).map((t: { id: number }) => t.id)).toContain(1315);
    stack.sim.resetCounts();
    const empty = await stack.gql(DELETE, { input: { ids: [] } });
    expect(empty.lookupTablesDelete.userErrors).toEqual([{ code: 'INVALID', message: 'Give at least one table id.', field: ['input', 'ids'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it('keeps a refused token a top-level error, not a userError', async () => {
    const denied = await stack.request(CREATE, { input: { name: 'X', columns: ['a'] } }, { token: 'not-a-token' });
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('lookupTableRowCreate / Update / Delete', () => {
  it('adds a row, changes only the given cells, then deletes it', async () => {
    stack.sim.resetCounts();
    const created = (await stack.gql(ROW_CREATE, { input: { tableId: '1315', cells: [{ column: 'code', value: 'PT' }] } })).lookupTableRowCreate;
    expect(created).toMatchObject({ row: { cells: [{ column: { label: 'code' }, value: 'PT' }, { column: { label: 'name' }, value: null }] }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1, 'POST /api/lookup_tables/:lookup_table_id/rows': 1 });

    const updated = await stack.gql(ROW_UPDATE, { input: { id: created.row.workatoId, tableId: '1315', cells: [{ column: 'name', value: 'Portugal' }] } });
    expect(updated.lookupTableRowUpdate).toEqual({ row: { workatoId: created.row.workatoId, cells: [{ value: 'PT' }, { value: 'Portugal' }] }, userErrors: [] });
    expect(await rest(stack.sim, `/lookup_tables/1315/rows/${created.row.workatoId}`)).toEqual({ id: Number(created.row.workatoId), data: { code: 'PT', name: 'Portugal' } });

    stack.sim.resetCounts();
    const deleted = await stack.gql(ROW_DELETE, { input: { id: created.row.id } });
    expect(deleted.lookupTableRowDelete).toEqual({ deletedLookupTableRowId: created.row.id, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'DELETE /api/lookup_tables/:lookup_table_id/rows/:row_id': 1 });
    const again = await stack.gql(ROW_DELETE, { input: { id: created.row.id } });
    expect(again.lookupTableRowDelete.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }]);
  });

  it('refuses unknown and repeated columns before writing, and an unknown table as NOT_FOUND', async () => {
    stack.sim.resetCounts();
    const bad = await stack.gql(ROW_CREATE, { input: { tableId: '1315', cells: [{ column: 'code', value: 'X' }, { column: 'flag', value: 'y' }, { column: 'code', value: 'Z' }] } });
    expect(bad.lookupTableRowCreate).toEqual({
      row: null,
      userErrors: [
        { code: 'UNKNOWN_COLUMN', message: 'Table "Country codes" has no column "flag".', field: ['input', 'cells', '1', 'column'] },
        { code: 'INVALID', message: 'Column "code" is given twice.', field: ['input', 'cells', '2', 'column'] },
      ],
    });
    expect(stack.sim.counts()).toEqual({ [TABLES]: 1 });
    const noTable = await stack.gql(ROW_CREATE, { input: { tableId: '4242', cells: [{ column: 'code', value: 'X' }] } });
    expect(noTable.lookupTableRowCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such lookup table, or the token cannot see it.', field: ['input', 'tableId'] }]);
    const update = await stack.gql(ROW_UPDATE, { input: { id: rowId(1315, 5), cells: [{ column: 'flag', value: 'y' }] } });
    expect(update.lookupTableRowUpdate.userErrors[0]).toMatchObject({ code: 'UNKNOWN_COLUMN', field: ['input', 'cells', '0', 'column'] });
    const missingRow = await stack.gql(ROW_UPDATE, { input: { id: rowId(1315, 999), cells: [{ column: 'name', value: 'y' }] } });
    expect(missingRow.lookupTableRowUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }]);
    const noTableId = await stack.request(ROW_DELETE, { input: { id: '5' } });
    expect(noTableId.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.tableId' } });
  });

  it('shows a row added earlier in the same request in a later page', async () => {
    const data = await stack.gql(`mutation {
      add: lookupTableRowCreate(input: { tableId: "1316", cells: [{ column: "salesforce_region", value: "MEA" }] }) {
        row { table { rows(filter: [{ column: "salesforce_region", value: "MEA" }]) { nodes { value(column: "salesforce_region") } } } }
      }
    }`);
    expect(data.add.row.table.rows.nodes).toEqual([{ value: 'MEA' }]);
  });
});

describe('Embedded customers (§17.7)', () => {
  it("reads a customer's tables, rows and lookup through ManagedUser, under /managed_users/:id", async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ managedUser(id: "19029") {
      lookupTables(first: 5) { nodes { id name rows(first: 2) { nodes { id cells { column { label } value } table { name } } } } }
      lookupTableRow(tableId: "7291", match: [{ column: "region", value: "apac" }]) { id value(column: "queue") }
    } }`);
    const tables = data.managedUser.lookupTables.nodes;
    expect(tables.map((t: any) => t.name)).toEqual(['Region routing', 'Plan tiers']);
    expect(tables[0].id).toBe(toGlobalId('LookupTable', [7291], '19029'));
    expect(tables[0].rows.nodes[0]).toEqual({
      id: rowId(7291, 1290003, '19029'),
      cells: [{ column: { label: 'region' }, value: 'emea' }, { column: { label: 'queue' }, value: 'support-emea' }, { column: { label: 'owner_email' }, value: 'ana.lopez@northwind.example' }],
      table: { name: 'Region routing' },
    });
    expect(data.managedUser.lookupTableRow).toEqual({ id: rowId(7291, 1290005, '19029'), value: 'support-apac' });
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:managed_user_id/lookup_tables': 1,
      'GET /api/managed_users/:managed_user_id/lookup_tables/:lookup_table_id/rows': 2,
      'GET /api/managed_users/:managed_user_id/lookup_tables/:lookup_table_id/lookup': 1,
    });
    const foreign = await stack.request(`{ managedUser(id: "19029") { lookupTableRow(tableId: "${toGlobalId('LookupTable', [1315])}", match: [{ column: "code", value: "DE" }]) { id } } }`);
    expect(foreign.errors?.[0]).toMatchObject({ path: ['managedUser', 'lookupTableRow'], extensions: { code: 'BAD_USER_INPUT' } });
    const node = await stack.gql(`{ node(id: "${rowId(7291, 1290004, '19029')}") { ... on LookupTableRow { value(column: "region") table { id } } } }`);
    expect(node.node).toEqual({ value: 'na', table: { id: toGlobalId('LookupTable', [7291], '19029') } });
  });

  it("writes a customer's tables and rows: create by external id, rows and delete by global id", async () => {
    stack.sim.resetCounts();
    const created = (await stack.gql(CREATE, { input: { name: 'Acme SKUs', columns: ['sku', 'title'], managedUser: { externalId: 'ACME-001' } } })).lookupTableCreate;
    expect(created.userErrors).toEqual([]);
    expect(fromScope(created.lookupTable.id)).toBe('19029');
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:id': 1, 'POST /api/managed_users/:managed_user_id/lookup_tables': 1 });

    const row = (await stack.gql(ROW_CREATE, { input: { tableId: created.lookupTable.id, cells: [{ column: 'sku', value: 'A-1' }] } })).lookupTableRowCreate;
    expect(row.row.cells).toEqual([{ column: { label: 'sku' }, value: 'A-1' }, { column: { label: 'title' }, value: null }]);
    const updated = (await stack.gql(ROW_UPDATE, { input: { id: row.row.id, cells: [{ column: 'title', value: 'Anvil' }] } })).lookupTableRowUpdate;
    expect(updated.row.cells).toEqual([{ value: 'A-1' }, { value: 'Anvil' }]);
    const deletedRow = (await stack.gql(ROW_DELETE, { input: { id: row.row.id } })).lookupTableRowDelete;
    expect(deletedRow.userErrors).toEqual([]);
    stack.sim.resetCounts();
    const noTable = (await stack.gql(ROW_CREATE, { input: { tableId: toGlobalId('LookupTable', [4242], '19029'), cells: [{ column: 'sku', value: 'A-2' }] } })).lookupTableRowCreate;
    expect(noTable.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such lookup table, or the token cannot see it.', field: ['input', 'tableId'] }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/lookup_tables': 1 });

    const wrongCustomer = await stack.request(DELETE, { input: { ids: [created.lookupTable.id], managedUser: { id: '19030' } } });
    expect(wrongCustomer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    stack.sim.resetCounts();
    const deleted = (await stack.gql(DELETE, { input: { ids: [created.lookupTable.id] } })).lookupTablesDelete;
    expect(deleted).toEqual({ deletedLookupTableIds: [created.lookupTable.id], userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/managed_users/:managed_user_id/lookup_tables/batch_delete': 1 });
    const customerTables = await rest(stack.sim, '/managed_users/19029/lookup_tables');
    expect(customerTables.result.map((t: { name: string }) => t.name)).not.toContain('Acme SKUs');
  });
});

/** The customer scope a global id carries (`Type@scope:key`). */
function fromScope(id: string): string | undefined {
  return /^[^@:]+@(\d+):/.exec(Buffer.from(id, 'base64url').toString('utf8'))?.[1];
}
