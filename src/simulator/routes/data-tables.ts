/**
 * Data tables (REFERENCE §25; Embedded under /api/v2/managed_users/:id like the §17.8 families, which do not list
 * it [inferred]): tables through crudRoutes, plus truncate and the record API Workato serves on its data-tables
 * host, here on the simulator's own origin under `/api/v1/tables/…` ([inferred] shapes: see inferred.ts). Records
 * live in their own table, keyed by record id.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, notFound, ok, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_DATA_TABLES } from '../inferred.js';
import { hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, HOUR, SIM_NOW } from '../time.js';
import { blank, bodyBool, bodyId, bodyOf, Validation } from '../writes.js';

type Column = Workato.DataTableColumn;
const TYPES: readonly Workato.DataTableColumnType[] = ['boolean', 'date', 'date_time', 'integer', 'number', 'string', 'file', 'relation'];

const col = (rng: Rng, name: string, type: Workato.DataTableColumnType, optional = true, extra: Partial<Column> = {}): Column => ({
  type, name, optional, field_id: rng.uuid(), hint: null, default_value: null, metadata: {}, multivalue: false, relation: null, ...extra,
});

const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli', 'Vandelay Imports', 'Soylent Labs', 'Tyrell Systems'];

/** Three tables per workspace (customers, orders relating to them, an empty vendors table); ids differ per workspace. */
function seed(store: WorkspaceStore): { tables: Workato.DataTable[]; records: RecordRow[] } {
  const rng = new Rng(hash32(store.index, 25));
  const folders = [...store.folders.values()].filter((f) => f.id !== store.rootFolderId).map((f) => f.id);
  const folder = () => (folders.length ? rng.pick(folders) : store.rootFolderId);
  const stamp = (daysAgo: number) => formatTime(SIM_NOW - daysAgo * DAY);
  const customersId = rng.uuid();
  const customers: Workato.DataTable = {
    id: customersId, name: 'Customers', folder_id: folder(), created_at: stamp(120), updated_at: stamp(30),
    schema: [col(rng, 'name', 'string', false, { hint: 'Company name' }), col(rng, 'email', 'string'), col(rng, 'seats', 'integer'),
      col(rng, 'active', 'boolean', true, { default_value: true }), col(rng, 'renewal_on', 'date')],
  };
  const orders: Workato.DataTable = {
    id: rng.uuid(), name: 'Orders', folder_id: folder(), created_at: stamp(90), updated_at: stamp(5),
    schema: [col(rng, 'order_no', 'string', false), col(rng, 'amount', 'number'),
      col(rng, 'customer', 'relation', true, { relation: { table_id: customersId, field_id: customers.schema![0]!.field_id } })],
  };
  const vendors: Workato.DataTable = {
    id: rng.uuid(), name: 'Vendors', folder_id: folder(), created_at: stamp(60), updated_at: stamp(60),
    schema: [col(rng, 'name', 'string', false), col(rng, 'last_contact', 'date_time')],
  };
  const records: RecordRow[] = [];
  const add = (table: Workato.DataTable, values: Record<string, unknown>, at: number) => {
    const time = formatTime(at);
    records.push({ table_id: table.id, record: { $record_id: rng.uuid(), $created_at: time, $updated_at: time, ...values } });
  };
  const start = SIM_NOW - 100 * DAY;
  for (let i = 0; i < 30; i++) {
    const company = `${COMPANIES[i % COMPANIES.length]}${i >= COMPANIES.length ? ` ${Math.floor(i / COMPANIES.length) + 1}` : ''}`;
    add(customers, {
      name: company, email: `ops${i + 1}@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`, seats: rng.int(5, 500),
      active: i % 4 !== 3, renewal_on: formatTime(SIM_NOW + rng.int(10, 300) * DAY).slice(0, 10),
    }, start + i * HOUR);
  }
  for (let i = 0; i < 5; i++) {
    add(orders, { order_no: `SO-${1000 + store.index * 100 + i}`, amount: rng.int(1000, 90000) / 100, customer: records[i]!.record.$record_id }, start + (40 + i) * HOUR);
  }
  return { tables: [customers, orders, vendors], records };
}

const seeds = new WeakMap<WorkspaceStore, ReturnType<typeof seed>>();
const seeded = (store: WorkspaceStore) => seeds.get(store) ?? seeds.set(store, seed(store)).get(store)!;

export const DATA_TABLES: TableSpec<Workato.DataTable, string> = { name: 'data_tables', idOf: (t) => t.id, seed: (s) => seeded(s).tables };

interface RecordRow {
  table_id: string;
  record: Workato.DataTableRecord;
}
export const DATA_TABLE_RECORDS: TableSpec<RecordRow, string> = { name: 'data_table_records', idOf: (r) => r.record.$record_id, seed: (s) => seeded(s).records };

/** The `schema` of a table write: an array of columns with unique, non-blank names and a known type. */
function readSchema(v: Validation, value: unknown, store: WorkspaceStore, rng: Rng): Column[] | undefined {
  if (!Array.isArray(value)) {
    v.add('schema', 'must be an Array of columns');
    return undefined;
  }
  const names = new Set<string>();
  const tables = rowsOf(store, DATA_TABLES);
  return value.map((raw: Record<string, unknown>, i) => {
    const at = `schema[${i}]`;
    if (!raw || typeof raw !== 'object') {
      v.add(at, 'must be an object');
      return undefined as unknown as Column;
    }
    if (blank(raw.name)) v.add(`${at}.name`, "can't be blank");
    else if (names.has(raw.name as string)) v.add(`${at}.name`, 'has already been taken');
    else names.add(raw.name as string);
    if (!TYPES.includes(raw.type as Workato.DataTableColumnType)) v.add(`${at}.type`, `must be one of ${TYPES.join(', ')}`);
    // [spec] DataTableColumnRequest: `type`, `name` and `optional` (a boolean) are required.
    const optional = bodyBool(raw.optional);
    if (raw.optional === undefined || raw.optional === null) v.add(`${at}.optional`, "can't be blank");
    else if (optional === undefined) v.add(`${at}.optional`, 'must be true or false');
    // [spec] DataTableRelation: `table_id` and `field_id` are required; the field must be a column of that table
    // [inferred].
    const relation = raw.relation as Column['relation'];
    if (raw.type === 'relation') {
      const target = relation?.table_id ? tables.get(relation.table_id) : undefined;
      if (!target) v.add(`${at}.relation.table_id`, 'must name an existing table');
      if (blank(relation?.field_id)) v.add(`${at}.relation.field_id`, "can't be blank");
      else if (target && !(target.schema ?? []).some((c) => c.field_id === relation!.field_id)) v.add(`${at}.relation.field_id`, 'must name a column of that table');
    }
    return {
      type: raw.type as Workato.DataTableColumnType, name: String(raw.name ?? '').trim(), optional: optional ?? true,
      field_id: typeof raw.field_id === 'string' ? raw.field_id : rng.uuid(), hint: typeof raw.hint === 'string' ? raw.hint : null,
      default_value: raw.default_value ?? null, metadata: (raw.metadata as Record<string, unknown>) ?? {}, multivalue: bodyBool(raw.multivalue) ?? false,
      relation: raw.type === 'relation' ? { table_id: relation?.table_id ?? null, field_id: relation?.field_id ?? null } : null,
    };
  });
}

function readTable(body: Record<string, unknown>, store: WorkspaceStore, creating: boolean, salt: number): Workato.DataTableWrite {
  const v = new Validation();
  const out: Workato.DataTableWrite = {};
  if (creating || 'name' in body) {
    if (blank(body.name)) v.add('name', "can't be blank");
    else if ((body.name as string).length > INFERRED_DATA_TABLES.maxName) v.add('name', `is too long (maximum is ${INFERRED_DATA_TABLES.maxName} characters)`);
    else out.name = (body.name as string).trim();
  }
  if (creating || 'folder_id' in body) {
    const folder = bodyId(body.folder_id);
    if (folder === undefined || !store.folders.has(folder)) v.add('folder_id', 'must be an existing folder');
    else out.folder_id = folder;
  }
  if (creating || 'schema' in body) out.schema = readSchema(v, body.schema, store, new Rng(hash32(store.index, salt, 25)));
  v.check();
  return out;
}

const spec: CrudSpec<Workato.DataTable, string> = {
  table: DATA_TABLES,
  path: '/api/data_tables',
  param: 'data_table_id',
  parseId: (raw) => raw,
  embedded: 'v2/managed_users',
  list: { envelope: (rows) => ({ data: rows }) },
  get: { envelope: (row) => ({ data: row }) },
  create: {
    build: (body, ctx) => {
      const write = readTable(body, ctx.store, true, ctx.nextId());
      const now = ctx.now();
      return { id: new Rng(hash32(ctx.store.index, ctx.nextId(), 2500)).uuid(), name: write.name!, folder_id: write.folder_id!, created_at: now, updated_at: now, schema: write.schema as Column[] };
    },
    envelope: (row) => ({ data: row }),
  },
  update: {
    apply: (table, body, ctx) => {
      Object.assign(table, readTable(body, ctx.store, false, ctx.nextId()), { updated_at: ctx.now() });
    },
    envelope: (row) => ({ data: row }),
  },
  remove: { check: (table, ctx) => dropRecords(ctx.store, table.id) },
  wire: (row) => ({ ...row, schema: row.schema?.map((c) => ({ ...c })) }),
};

function dropRecords(store: WorkspaceStore, tableId: string): void {
  const records = rowsOf(store, DATA_TABLE_RECORDS);
  for (const [id, row] of records) if (row.table_id === tableId) records.delete(id);
}

const tableOf = (ctx: RouteContext) => findRow({ table: DATA_TABLES, param: 'data_table_id', parseId: (raw: string) => raw }, ctx);

/** POST /api/data_tables/:id/truncate: every record goes, the table stays. */
const truncate: RouteDef = {
  method: 'POST',
  path: '/api/data_tables/:data_table_id/truncate',
  embedded: 'v2/managed_users',
  handler: (ctx) => {
    dropRecords(ctx.store, tableOf(ctx).id);
    return ok({ success: true });
  },
};

// ------------------------------------------------------------------ records host (/api/v1/tables/…)

const recordTable = (ctx: RouteContext) => findRow({ table: DATA_TABLES, param: 'table_id', parseId: (raw: string) => raw }, ctx);

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function matches(record: Workato.DataTableRecord, where: unknown, columns: Set<string>): boolean {
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw badRequest('where must be an object');
  return Object.entries(where as Record<string, unknown>).every(([key, cond]) => {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(cond)) throw badRequest(`${key} must be an array`);
      return key === '$and' ? cond.every((c) => matches(record, c, columns)) : cond.some((c) => matches(record, c, columns));
    }
    if (key !== '$record_id' && !columns.has(key)) throw badRequest(`Unknown column ${key}`);
    const value = record[key];
    const ops = cond && typeof cond === 'object' && !Array.isArray(cond) ? (cond as Record<string, unknown>) : { $eq: cond };
    return Object.entries(ops).every(([op, arg]) => {
      if (!INFERRED_DATA_TABLES.operators.includes(op)) throw badRequest(`Unknown operator ${op}`);
      if (op === '$eq') return value === arg;
      if (op === '$ne') return value !== arg;
      if (op === '$in') return Array.isArray(arg) && arg.includes(value);
      if (op === '$starts_with') return typeof value === 'string' && value.startsWith(String(arg));
      if (value === null || value === undefined) return false;
      const c = compare(value, arg);
      return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
    });
  });
}

const tokenOf = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function offsetOf(token: unknown): number {
  if (token === undefined || token === null) return 0;
  const m = typeof token === 'string' ? /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString()) : null;
  if (!m) throw badRequest('Invalid continuation_token');
  return Number(m[1]);
}

const recordsOf = (store: WorkspaceStore, tableId: string) => [...rowsOf(store, DATA_TABLE_RECORDS).values()].filter((r) => r.table_id === tableId);

const query: RouteDef = {
  method: 'POST',
  path: '/api/v1/tables/:table_id/query',
  embedded: 'v2/managed_users',
  handler: async (ctx) => {
    const table = recordTable(ctx);
    const body = await bodyOf(ctx);
    const columns = new Set((table.schema ?? []).map((c) => c.name));
    const limit = body.limit ?? INFERRED_DATA_TABLES.queryDefaultLimit;
    if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > INFERRED_DATA_TABLES.queryMaxLimit) {
      throw badRequest(`limit must be between 1 and ${INFERRED_DATA_TABLES.queryMaxLimit}`);
    }
    const select = body.select;
    if (select !== undefined && (!Array.isArray(select) || select.some((s) => typeof s !== 'string' || !columns.has(s)))) throw badRequest('select must name columns of the table');
    const all = recordsOf(ctx.store, table.id).filter((r) => body.where === undefined || matches(r.record, body.where, columns));
    const offset = offsetOf(body.continuation_token);
    const page = all.slice(offset, offset + (limit as number));
    const pick = (r: Workato.DataTableRecord) =>
      select ? Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('$') || (select as string[]).includes(k))) : { ...r };
    const next = offset + page.length < all.length ? { continuation_token: tokenOf(offset + page.length) } : {};
    return ok({ data: page.map((r) => pick(r.record)), ...next });
  },
};

function valueOk(column: Column, value: unknown): boolean {
  if (value === null) return true;
  if (column.multivalue) return Array.isArray(value) && value.every((v) => valueOk({ ...column, multivalue: false }, v));
  switch (column.type) {
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'date_time': return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    default: return typeof value === 'string';
  }
}

function readValues(body: Record<string, unknown>, table: Workato.DataTable, creating: boolean): Record<string, unknown> {
  const v = new Validation();
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    v.add('data', 'must be an object of column values');
    v.check();
  }
  const columns = new Map((table.schema ?? []).map((c) => [c.name, c]));
  const values = data as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const column = columns.get(name);
    if (!column) v.add(name, 'is not a column of this table');
    else if (!valueOk(column, value)) v.add(name, `must be a ${column.multivalue ? 'list of ' : ''}${column.type}`);
  }
  if (creating) for (const c of columns.values()) if (c.optional === false && (values[c.name] === undefined || values[c.name] === null)) v.add(c.name, "can't be blank");
  v.check();
  return values;
}

const recordRow = (ctx: RouteContext, table: Workato.DataTable): RecordRow => {
  const row = rowsOf(ctx.store, DATA_TABLE_RECORDS).get(ctx.params.record_id ?? '');
  if (!row || row.table_id !== table.id) throw notFound();
  return row;
};

const recordRoutes: RouteDef[] = [
  query,
  {
    method: 'POST',
    path: '/api/v1/tables/:table_id/records',
    embedded: 'v2/managed_users',
    handler: async (ctx) => {
      const table = recordTable(ctx);
      const values = readValues(await bodyOf(ctx), table, true);
      const now = formatTime(Date.now());
      const defaults = Object.fromEntries((table.schema ?? []).map((c) => [c.name, c.default_value ?? null]));
      const records = rowsOf(ctx.store, DATA_TABLE_RECORDS);
      const id = new Rng(hash32(ctx.store.index, ctx.store.allocateId(DATA_TABLE_RECORDS.name), 2501)).uuid();
      const record: Workato.DataTableRecord = { $record_id: id, $created_at: now, $updated_at: now, ...defaults, ...values };
      records.set(id, { table_id: table.id, record });
      return ok({ data: record });
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/tables/:table_id/records/:record_id',
    embedded: 'v2/managed_users',
    handler: async (ctx) => {
      const table = recordTable(ctx);
      const row = recordRow(ctx, table);
      Object.assign(row.record, readValues(await bodyOf(ctx), table, false), { $updated_at: formatTime(Date.now()) });
      return ok({ data: row.record });
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/tables/:table_id/records/:record_id',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      const table = recordTable(ctx);
      rowsOf(ctx.store, DATA_TABLE_RECORDS).delete(recordRow(ctx, table).record.$record_id);
      return ok({ success: true });
    },
  },
];

export const dataTableRoutes: RouteDef[] = [...crudRoutes(spec), truncate, ...recordRoutes];
