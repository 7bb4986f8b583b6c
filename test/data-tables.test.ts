import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let elsewhere: Simulator;
let wrongHost: Stack;
const b64 = (s: string) => Buffer.from(s).toString('base64url');

interface Table { id: string; name: string; folder_id: number; schema: Array<{ name: string; field_id: string }> }
let tables: Record<string, Table>;
let customerTables: Record<string, Table>;

const send = async (sim: Simulator, method: string, path: string, body?: unknown) => {
  const r = await fetch(`${sim.url}${path}`, { method, headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return r.json() as Promise<any>;
};
const byName = (list: Table[]) => Object.fromEntries(list.map((t) => [t.name, t]));
const allRecords = async (tableId: string, prefix = '') => (await send(stack.sim, 'POST', `${prefix}/v1/tables/${tableId}/query`, { limit: 200 })).data as any[];

beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-dt': FIXTURE_ONLY } } });
  // A second origin that knows no data-tables route: every records call there is a 404 (`API not found`).
  elsewhere = await startSimulator({ quiet: true });
  wrongHost = await startStack({ simulator: { workspaces: { 'tok-dt-wrong': FIXTURE_ONLY } }, env: { WORKATO_DATA_TABLES_URL: `${elsewhere.url.replace(/\/api$/, "")}/elsewhere/api` } });
  tables = byName((await send(stack.sim, 'GET', '/data_tables')).data);
  customerTables = byName((await send(stack.sim, 'GET', '/v2/managed_users/19029/data_tables')).data);
});
afterAll(async () => {
  await Promise.all([stack.close(), wrongHost.close(), elsewhere.close()]);
});

const TABLE = `id workatoId name folderId createdAt updatedAt columns { fieldId name type optional multivalue hint defaultValue }`;

describe('dataTables / dataTable', () => {
  it('lists the tables with their typed columns in one call, and finds a listed table without another', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ dataTables(first: 2) { pageInfo { hasNextPage endCursor } nodes { ${TABLE} } } t: dataTable(id: "${tables.Customers!.id}") { name } }`);
    const customers = data.dataTables.nodes[0];
    expect(customers).toMatchObject({ id: b64(`DataTable:${tables.Customers!.id}`), workatoId: tables.Customers!.id, name: 'Customers', folderId: String(tables.Customers!.folder_id) });
    expect(customers.columns.map((c: any) => [c.name, c.type, c.optional])).toEqual([
      ['name', 'STRING', false], ['email', 'STRING', true], ['seats', 'INTEGER', true], ['active', 'BOOLEAN', true], ['renewal_on', 'DATE', true],
    ]);
    expect(customers.columns[0].hint).toBe('Company name');
    expect(customers.columns[3].defaultValue).toBe(true);
    expect(data.dataTables.pageInfo.hasNextPage).toBe(true);
    expect(data.t).toEqual({ name: 'Customers' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables': 1 });
    const next = await stack.gql(`query($after: String) { dataTables(first: 5, after: $after) { pageInfo { hasNextPage } nodes { name } } }`, { after: data.dataTables.pageInfo.endCursor });
    expect(next.dataTables).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ name: 'Vendors' }] });
  });

  it('reads one table by UUID with one GET, by node id, and links its folder and its relation columns', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ dataTable(id: "${tables.Orders!.id}") { name folder { workatoId } column(name: "customer") { type relation { tableId columnId table { name } column { name } } } none: column(name: "nope") { name } } }`);
    expect(data.dataTable).toEqual({
      name: 'Orders', folder: { workatoId: String(tables.Orders!.folder_id) },
      column: { type: 'RELATION', relation: { tableId: tables.Customers!.id, columnId: tables.Customers!.schema[0]!.field_id, table: { name: 'Customers' }, column: { name: 'name' } } },
      none: null,
    });
    // `folder { workatoId }` is the table's folder_id: no folder walk (src/resolvers/links.ts).
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 2 });
    const node = await stack.gql(`{ node(id: "${b64(`DataTable:${tables.Vendors!.id}`)}") { __typename ... on DataTable { name } } }`);
    expect(node.node).toEqual({ __typename: 'DataTable', name: 'Vendors' });
  });

  it('lists a folder\'s tables from one walk of the table list', async () => {
    stack.sim.resetCounts();
    const folder = tables.Customers!.folder_id;
    const data = await stack.gql(`{ folder(id: "${folder}") { dataTables { name } } }`);
    expect(data.folder.dataTables.map((t: any) => t.name)).toEqual(Object.values(tables).filter((t) => t.folder_id === folder).map((t) => t.name));
    expect(stack.sim.counts()['GET /api/data_tables']).toBe(1);
  });

  it('answers an unknown table with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const missing = await stack.request(`{ dataTable(id: "00000000-0000-4000-8000-000000000000") { name } }`);
    expect(missing.data).toEqual({ dataTable: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await stack.request(`{ dataTable(id: "${b64('Tag:tag-ANgeffPL-3gxQwA')}") { name } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('DataTable.records', () => {
  const RECORDS = `query($id: ID!, $after: String, $where: JSON) { dataTable(id: $id) { records(first: 7, after: $after, where: $where) {
    pageInfo { hasNextPage endCursor } edges { cursor node { id workatoId createdAt name: value(column: "name") cells { column { name } value } } } } } }`;

  it('walks every record with one query per page, without gap or duplicate, and resumes after any edge', async () => {
    const truth = (await allRecords(tables.Customers!.id)).map((r) => r.$record_id);
    expect(truth).toHaveLength(30);
    const seen: string[] = [];
    let after: string | null = null;
    let midCursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      stack.sim.resetCounts();
      const data: any = await stack.gql(RECORDS, { id: tables.Customers!.id, after });
      expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1, 'POST /api/v1/tables/:table_id/query': 1 });
      const page = data.dataTable.records;
      seen.push(...page.edges.map((e: any) => e.node.workatoId));
      midCursor ??= page.edges[2].cursor;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(truth);
    const resumed = await stack.gql(RECORDS, { id: tables.Customers!.id, after: midCursor });
    expect(resumed.dataTable.records.edges.map((e: any) => e.node.workatoId)).toEqual(truth.slice(3, 10));
  });

  it('types cells by column, filters with where, and refuses an unknown column before calling Workato', async () => {
    const raw = (await allRecords(tables.Customers!.id)).filter((r) => r.active === false);
    const data = await stack.gql(RECORDS, { id: tables.Customers!.id, where: { active: { $eq: false } } });
    const nodes = data.dataTable.records.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.workatoId)).toEqual(raw.map((r) => r.$record_id).slice(0, 7));
    expect(nodes[0].name).toBe(raw[0].name);
    expect(nodes[0].cells).toEqual([
      { column: { name: 'name' }, value: raw[0].name }, { column: { name: 'email' }, value: raw[0].email },
      { column: { name: 'seats' }, value: raw[0].seats }, { column: { name: 'active' }, value: false },
      { column: { name: 'renewal_on' }, value: raw[0].renewal_on },
    ]);
    stack.sim.resetCounts();
    const bad = await stack.request(RECORDS, { id: tables.Customers!.id, where: { $or: [{ colour: 'red' }] } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('"colour"');
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1 });
  });

  it('resolves a record by node id with one query', async () => {
    const record = (await allRecords(tables.Orders!.id))[0];
    const id = b64(`DataTableRecord:${tables.Orders!.id}:${record.$record_id}`);
    stack.sim.resetCounts();
    const data = await stack.gql(`{ node(id: "${id}") { __typename ... on DataTableRecord { workatoId table { name } value(column: "order_no") } } }`);
    expect(data.node).toEqual({ __typename: 'DataTableRecord', workatoId: record.$record_id, table: { name: 'Orders' }, value: record.order_no });
    expect(stack.sim.counts()).toEqual({ 'GET /api/data_tables/:data_table_id': 1, 'POST /api/v1/tables/:table_id/query': 1 });
  });

  it('names WORKATO_DATA_TABLES_URL when the records host answers 404', async () => {
    const id = (await send(wrongHost.sim, 'GET', '/data_tables')).data[0].id;
    const r = await wrongHost.request(`{ dataTable(id: "${id}") { name records { nodes { id } } } }`);
    expect(r.data).toEqual({ dataTable: { name: 'Customers', records: null } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_NOT_FOUND', setting: 'WORKATO_DATA_TABLES_URL' });
    expect(r.errors?.[0]?.message).toContain('WORKATO_DATA_TABLES_URL');
  });
});

describe('ManagedUser.dataTables', () => {
  it('reads a customer\'s tables and records under /v2/managed_users, with ids naming the customer', async () => {
    const truth = (await allRecords(customerTables.Customers!.id, '/v2/managed_users/19029')).slice(0, 2).map((r) => r.$record_id);
    stack.sim.resetCounts();
    const data = await stack.gql(`{ managedUser(id: "19029") { dataTables(first: 2) { nodes { id name records(first: 2) { nodes { workatoId } } } } dataTable(id: "${customerTables.Orders!.id}") { name } } }`);
    const [first] = data.managedUser.dataTables.nodes;
    expect(first.id).toBe(b64(`DataTable@19029:${customerTables.Customers!.id}`));
    expect(first.records.nodes.map((r: any) => r.workatoId)).toEqual(truth);
    expect(data.managedUser.dataTable).toEqual({ name: 'Orders' });
    expect(customerTables.Customers!.id).not.toBe(tables.Customers!.id);
    expect(stack.sim.counts()).toEqual({
      'GET /api/v2/managed_users/:managed_user_id/data_tables': 1,
      'POST /api/v2/managed_users/:managed_user_id/v1/tables/:table_id/query': 2,
    });
  });

  it('refuses a table id of another workspace', async () => {
    const r = await stack.request(`{ managedUser(id: "19029") { dataTable(id: "${b64(`DataTable:${tables.Orders!.id}`)}") { name } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
