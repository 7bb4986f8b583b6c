/**
 * REFERENCE §18: lookup tables and their rows (Embedded customers get every route under
 * /api/managed_users/:managed_user_id too, §17.7). Tables and rows are two family tables: the list and create of
 * tables and the five row routes come from crudRoutes; batch delete and lookup are written out here.
 */
import type { Workato } from '../../workato/types.js';
import { columns as columnsJson } from '../embedded.js';
import { findRow, crudRoutes, rowsOf, type CrudContext, type CrudSpec } from '../crud.js';
import { badRequest, notFound, ok, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_LOOKUP_TABLES } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { blank, bodyId, bodyOf, Validation } from '../writes.js';

/** A row as kept: the wire row plus the table it belongs to (not sent, [inferred] row shape `{id, data}`). */
export interface LookupRow {
  id: number;
  table_id: number;
  /** Cells keyed by column label (§18 [inferred]). */
  data: Record<string, string | null>;
}

/** The column labels of a table, in order. */
export function labelsOf(table: Workato.LookupTable): string[] {
  try {
    const columns = JSON.parse(table.schema ?? '[]') as Array<{ label?: unknown }>;
    return columns.flatMap((c) => (typeof c.label === 'string' ? [c.label] : []));
  } catch {
    return [];
  }
}

/** Token workspaces other than the first get tables of their own (the first has the fixture ones, embedded.ts). */
const GENERATED_TABLES: Array<[string, string[]]> = [
  ['Currency codes', ['code', 'name']],
  ['Region routing', ['region', 'queue', 'owner_email']],
];

/** Customer workspaces have indexes from 100 (embedded.ts); their tables were seeded with the customer. */
const FIRST_CUSTOMER_INDEX = 100;

export const LOOKUP_TABLES: TableSpec<Workato.LookupTable> = {
  name: 'lookup_tables',
  idOf: (t) => t.id,
  // The fixture tables (first workspace) and the customers' ones are seeded by embedded.ts into
  // `store.lookupTables`; this table takes them over on first use and is the only one routes change.
  seed: (store) => {
    if (store.lookupTables.size || store.index === 0 || store.index >= FIRST_CUSTOMER_INDEX) return [...store.lookupTables.values()].map((t) => ({ ...t }));
    return GENERATED_TABLES.map(([name, labels], k) => {
      const created = SIM_NOW - (40 + 17 * store.index + 11 * k) * DAY;
      return { id: 1300 + store.index * 1000 + k + 1, name, schema: columnsJson(labels), created_at: formatTime(created), updated_at: formatTime(created + 3 * DAY), project_id: null };
    });
  },
};

/** Realistic cells for the seeded tables' column sets; other tables get numbered values. */
const SAMPLE_ROWS: Record<string, string[][]> = {
  'code,name': [
    ['DE', 'Germany'], ['FR', 'France'], ['US', 'United States'], ['GB', 'United Kingdom'], ['JP', 'Japan'], ['BR', 'Brazil'],
    ['IN', 'India'], ['AU', 'Australia'], ['CA', 'Canada'], ['NL', 'Netherlands'], ['ES', 'Spain'], ['IT', 'Italy'],
  ],
  'salesforce_region,netsuite_subsidiary_id': [['NA', '1'], ['EMEA', '3'], ['APAC', '5'], ['LATAM', '7']],
  'tier,task_limit': [['starter', '10000'], ['growth', '50000'], ['enterprise', '250000']],
  'region,queue,owner_email': [
    ['emea', 'support-emea', 'ana.lopez@northwind.example'], ['na', 'support-na', 'sam.ortiz@northwind.example'],
    ['apac', 'support-apac', 'mei.tanaka@northwind.example'],
  ],
};

export const LOOKUP_ROWS: TableSpec<LookupRow> = {
  name: 'lookup_table_rows',
  idOf: (r) => r.id,
  // Ids from index × 10,000 + 1 (`{"id": 1, …}` in §18 for the first workspace); how many rows differs per workspace.
  seed: (store) => {
    let next = store.index * 10_000 + 1;
    return [...rowsOf(store, LOOKUP_TABLES).values()].flatMap((table) => {
      const labels = labelsOf(table);
      const samples = SAMPLE_ROWS[labels.join(',')];
      const count = samples ? samples.length - ((store.index + table.id) % 2) : 3;
      return Array.from({ length: count }, (_, k): LookupRow => {
        const values = samples?.[(k + store.index) % samples.length] ?? labels.map((l) => `${l} ${k + 1}`);
        return { id: next++, table_id: table.id, data: Object.fromEntries(labels.map((l, i) => [l, values[i] ?? null])) };
      });
    });
  },
};

/** The table a path names (`:lookup_table_id`); 404 `Not found` when there is none (§4.1). */
function tableOf(ctx: RouteContext): Workato.LookupTable {
  const table = rowsOf(ctx.store, LOOKUP_TABLES).get(pathInt(ctx.params.lookup_table_id));
  if (!table) throw notFound();
  return table;
}

/** `by[<column>]=value` criteria (§18 #4, #5); an unknown column is a 400 [inferred]. */
function criteria(ctx: RouteContext, table: Workato.LookupTable): Array<[string, string]> {
  const labels = new Set(labelsOf(table));
  const by: Array<[string, string]> = [];
  for (const [key, value] of ctx.query.params) {
    const column = /^by\[(.+)\]$/.exec(key)?.[1];
    if (column === undefined) continue;
    if (!labels.has(column)) throw badRequest(INFERRED_LOOKUP_TABLES.unknownColumnMessage(column));
    by.push([column, value]);
  }
  return by;
}

const matches = (row: LookupRow, by: Array<[string, string]>) => by.every(([column, value]) => (row.data[column] ?? '') === value);

/** `data` of a row write: an object whose keys are the table's labels; values are kept as strings. */
function cellsOf(body: Record<string, unknown>, table: Workato.LookupTable, required: boolean): Record<string, string | null> {
  const v = new Validation();
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || (required && Object.keys(data).length === 0)) {
    v.add('data', "can't be blank");
    v.check();
  }
  const labels = new Set(labelsOf(table));
  const cells: Record<string, string | null> = {};
  for (const [column, value] of Object.entries(data as Record<string, unknown>)) {
    if (!labels.has(column)) v.add('data', INFERRED_LOOKUP_TABLES.unknownColumnError(column));
    else if (value !== null && typeof value === 'object') v.add('data', `${column} must be a string`);
    else cells[column] = value === null ? null : String(value);
  }
  v.check();
  return cells;
}

/** The row as §18 [inferred] sends it: `{"id", "data"}`, every column of the table keyed by label. */
function wireRow(row: LookupRow, store: WorkspaceStore): Workato.LookupTableRow {
  const table = rowsOf(store, LOOKUP_TABLES).get(row.table_id);
  const labels = table ? labelsOf(table) : Object.keys(row.data);
  return { id: row.id, data: Object.fromEntries(labels.map((l) => [l, row.data[l] ?? null])) };
}

function buildTable(body: Record<string, unknown>, ctx: CrudContext<Workato.LookupTable, number>): Workato.LookupTable {
  const v = new Validation();
  if (blank(body.name)) v.add('name', "can't be blank");
  else if ([...ctx.rows.values()].some((t) => t.name === String(body.name).trim())) v.add('name', 'has already been taken');
  const schema = Array.isArray(body.schema) ? (body.schema as unknown[]) : [];
  const labels = schema.map((c) => (c && typeof c === 'object' ? (c as { label?: unknown }).label : undefined));
  if (schema.length === 0) v.add('schema', "can't be blank");
  if (schema.length > INFERRED_LOOKUP_TABLES.maxColumns) v.add('schema', `is too long (maximum is ${INFERRED_LOOKUP_TABLES.maxColumns} columns)`);
  if (labels.some(blank)) v.add('schema', "label can't be blank");
  else if (new Set(labels).size !== labels.length) v.add('schema', 'has duplicate labels');
  let projectId: number | undefined;
  if (body.project_id != null) {
    projectId = bodyId(body.project_id);
    if (projectId === undefined || !ctx.store.projects.has(projectId)) v.add('project_id', 'is invalid');
  }
  v.check();
  const now = ctx.now();
  return {
    id: ctx.nextId(),
    name: String(body.name).trim(),
    schema: columnsJson(labels.map((l) => String(l).trim())),
    created_at: now,
    updated_at: now,
    // §7: a string on the table; null for a global table.
    project_id: projectId === undefined ? null : String(projectId),
  };
}

const TABLES_SPEC: CrudSpec<Workato.LookupTable> = {
  table: LOOKUP_TABLES,
  path: '/api/lookup_tables',
  param: 'lookup_table_id',
  embedded: 'managed_users',
  // §18 #1 → bare array, page/per_page ≤ 100; [inferred] id-descending, as in fixtures/lookup-tables-list.json.
  list: { order: (a, b) => b.id - a.id, envelope: (rows) => rows },
  // §18 #2 → the created table [inferred: the answer was not captured].
  create: { build: buildTable },
};

const ROWS_SPEC: CrudSpec<LookupRow> = {
  table: LOOKUP_ROWS,
  path: '/api/lookup_tables/:lookup_table_id/rows',
  param: 'row_id',
  embedded: 'managed_users',
  list: {
    filter: (row, ctx) => row.table_id === Number(ctx.params.lookup_table_id) && matches(row, criteria(ctx, tableOf(ctx))),
    order: (a, b) => a.id - b.id,
    // §18 #4: page/per_page default 500, max 1,000; a bare array ({"result"} for a customer, routes/embedded.ts).
    paging: { perPage: INFERRED_LOOKUP_TABLES.rowsDefaultPerPage, maxPerPage: INFERRED_LOOKUP_TABLES.rowsMaxPerPage },
    envelope: (rows) => rows,
  },
  get: true,
  create: {
    build: (body, ctx) => {
      const table = tableOf(ctx);
      return { id: ctx.nextId(), table_id: table.id, data: cellsOf(body, table, true) };
    },
  },
  // §18 #8: only the given columns change.
  update: { apply: (row, body, ctx) => Object.assign(row.data, cellsOf(body, tableOf(ctx), false)) },
  remove: true,
  wire: (row, ctx) => wireRow(row, ctx.store),
};

/** Every row route first checks its table (404), its `by[…]` columns (400), and that the row is of that table. */
function inTable(route: RouteDef): RouteDef {
  return {
    ...route,
    handler: (ctx) => {
      const table = tableOf(ctx);
      criteria(ctx, table);
      if (ctx.params.row_id !== undefined && findRow(ROWS_SPEC, ctx).table_id !== table.id) throw notFound();
      return route.handler(ctx);
    },
  };
}

export const lookupTableRoutes: RouteDef[] = [
  ...crudRoutes(TABLES_SPEC),
  ...crudRoutes(ROWS_SPEC).map(inTable),
  {
    // §18 #3: `{"ids": [...]}` → `{"success": true}`; [inferred] all or nothing: any unknown id → 404, none deleted.
    method: 'POST',
    path: '/api/lookup_tables/batch_delete',
    embedded: 'managed_users',
    handler: async (ctx) => {
      const body = await bodyOf(ctx);
      const ids = Array.isArray(body.ids) ? body.ids.map(bodyId) : [];
      if (ids.length === 0 || ids.includes(undefined)) throw badRequest(INFERRED_LOOKUP_TABLES.batchDeleteIdsMessage);
      const tables = rowsOf(ctx.store, LOOKUP_TABLES);
      if (ids.some((id) => !tables.has(id!))) throw notFound();
      const gone = new Set(ids as number[]);
      for (const id of gone) tables.delete(id);
      const rows = rowsOf(ctx.store, LOOKUP_ROWS);
      for (const [id, row] of rows) if (gone.has(row.table_id)) rows.delete(id);
      return ok({ success: true });
    },
  },
  {
    // §18 #5: the first row (lowest id) matching every `by[<column>]`; 404 when none does; no criteria → 400 [inferred].
    method: 'GET',
    path: '/api/lookup_tables/:lookup_table_id/lookup',
    embedded: 'managed_users',
    handler: (ctx) => {
      const table = tableOf(ctx);
      const by = criteria(ctx, table);
      if (by.length === 0) throw badRequest(INFERRED_LOOKUP_TABLES.lookupWithoutCriteriaMessage);
      const rows = [...rowsOf(ctx.store, LOOKUP_ROWS).values()].filter((r) => r.table_id === table.id).sort((a, b) => a.id - b.id);
      const row = rows.find((r) => matches(r, by));
      if (!row) throw notFound();
      return ok(wireRow(row, ctx.store));
    },
  },
];
