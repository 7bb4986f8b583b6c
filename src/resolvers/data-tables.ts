/**
 * Data tables (REFERENCE §25; Embedded §17.8): the table list, one table, a customer's tables, a folder's tables,
 * typed columns and relations, and records read from the data-tables host (`ctx.hosts.dataTables`) by query.
 */
import type { DataTableColumnType, Resolvers } from '../generated/graphql.js';
import { scopeOf } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput, ErrorCode, gatewayError } from '../server/errors.js';
import { DATA_TABLE_QUERY_MAX_LIMIT } from '../workato/inferred.js';
import { WorkatoError } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { fromWire, typed } from './helpers.js';
import type { DataTableColumnMapper, DataTableMapper, DataTableRecordMapper } from './mappers.js';
import { customerWorkatoKey } from './managed-users.js';
import { decodeCursor, fromGlobalId, globalIdOf, makePage, pageOfPagedList, pageSize, UUID, workatoKey } from './relay.js';
import { linkTo } from './links.js';

/** A table `id` (global) or bare UUID → the UUID and the scope a global id names. */
export const dataTableKey = (value: string, argument: string) => workatoKey('DataTable', value, argument);

/** A record `id` (global `DataTableRecord[@scope]:<table>:<record>`) → its parts; undefined when it is a bare id. */
export function recordKey(value: string, argument: string): { tableId: string; recordId: string; scope?: string } | undefined {
  if (UUID.test(value)) return undefined;
  const parsed = fromGlobalId(value);
  if (!parsed || parsed.type !== 'DataTableRecord' || parsed.keys.length !== 2 || !parsed.keys.every((k) => UUID.test(k))) {
    throw badUserInput(`\`${argument}\` must be a DataTableRecord id (as returned in \`id\`) or its Workato id; got "${value}".`, argument);
  }
  return { tableId: parsed.keys[0]!, recordId: parsed.keys[1]!, scope: parsed.scope };
}

export const dataTablesOf = (ctx: GatewayContext, scope: string | undefined) => ctx.loaders.scope(scope).dataTables;

/** The records host of a scope: the scoped API (its customer prefix kept) on `WORKATO_DATA_TABLES_URL`'s root. */
export const recordsApi = (ctx: GatewayContext, scope: string | undefined) => ctx.loaders.scope(scope).api.onHost(ctx.hosts.dataTables);

export const RECORDS_HOST_MESSAGE =
  'The data-tables records host answered 404, so it is not this workspace\'s. Set WORKATO_DATA_TABLES_URL to the data-tables API root of the workspace\'s data center (for example https://data-tables.eu.workato.com/api).';

/** A records-host read: its 404 means the host is wrong (the table itself was just read), not a missing record. */
async function onRecordsHost<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WorkatoError && error.kind === 'http' && error.status === 404) {
      throw gatewayError(ErrorCode.UPSTREAM_NOT_FOUND, RECORDS_HOST_MESSAGE, { setting: 'WORKATO_DATA_TABLES_URL', status: 404 });
    }
    throw error;
  }
}

const columnsOf = (t: DataTableMapper): DataTableColumnMapper[] => (t.schema ?? []).map((column) => ({ table: t, column }));

/** Checks a `where` filter's column names against the table (BAD_USER_INPUT before any call). */
function checkWhere(table: Workato.DataTable, where: unknown, path = 'where'): Record<string, unknown> {
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw badUserInput(`\`${path}\` must be an object such as {"name": {"$eq": "Acme"}}.`, 'where');
  const names = new Set((table.schema ?? []).map((c) => c.name));
  for (const [key, cond] of Object.entries(where)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(cond)) throw badUserInput(`\`${path}.${key}\` must be a list of filters.`, 'where');
      cond.forEach((c, i) => checkWhere(table, c, `${path}.${key}.${i}`));
    } else if (key !== '$record_id' && !names.has(key)) {
      throw badUserInput(`\`${path}\` names "${key}", which is no column of table "${table.name}" (columns: ${[...names].join(', ')}).`, 'where');
    }
  }
  return where as Record<string, unknown>;
}

/**
 * One page of records. Cursors carry the continuation token of the page they were read from and how many of its
 * records came before, so `after` any edge resumes exactly there (the last edge of a page carries the next token).
 */
async function recordPage(ctx: GatewayContext, table: DataTableMapper, args: { where?: unknown; first?: number | null; after?: string | null }) {
  const first = pageSize(args.first);
  const where = args.where == null ? undefined : checkWhere(table, args.where);
  const cursor = decodeCursor(args.after, 'tok');
  const token = cursor?.t ?? null;
  const skip = cursor?.s ?? 0;
  const limit = skip + first;
  if (limit > DATA_TABLE_QUERY_MAX_LIMIT) throw badUserInput('`after` is too far inside its page; continue from the `endCursor` of a page.', 'after');
  const body: Workato.DataTableQuery = { ...(where ? { where } : {}), limit, ...(token ? { continuation_token: token } : {}) };
  const scope = scopeOf(table);
  const { records, next } = await onRecordsHost(() => dataTablesOf(ctx, scope).recordQuery.load({ host: ctx.hosts.dataTables, tableId: table.id, body }));
  const nodes: DataTableRecordMapper[] = records.slice(skip, limit).map((record) => ({ table, record }));
  return makePage(
    nodes,
    (_n, i) => (skip + i === records.length - 1 && next ? { k: 'tok', t: next, s: 0 } : { k: 'tok', t: token, s: skip + i + 1 }),
    records.length > limit || next !== null,
    token !== null || skip > 0,
  );
}

const tablePage = (ctx: GatewayContext, scope: string | undefined, args: { first?: number | null; after?: string | null }) =>
  pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => dataTablesOf(ctx, scope).listPage({ page, per_page }));

/** `node(id)` / `_entities` for a DataTable. */
export const dataTableNode: FamilyNodeLoader = async (parsed, ctx) =>
  typed(await dataTablesOf(ctx, parsed.scope).dataTableById.load(parsed.keys[0]!), 'DataTable');

/** `node(id)` for a record: its table, then one query by `$record_id`. */
export const dataTableRecordNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [tableId, recordId] = parsed.keys;
  const table = await dataTablesOf(ctx, parsed.scope).dataTableById.load(tableId!);
  const body = { where: { $record_id: { $eq: recordId } }, limit: 1 };
  const { records } = await onRecordsHost(() => dataTablesOf(ctx, parsed.scope).recordQuery.load({ host: ctx.hosts.dataTables, tableId: table.id, body }));
  if (!records[0]) throw gatewayError(ErrorCode.NOT_FOUND, `DataTableRecord ${id()} was not found, or the token cannot see it.`);
  return typed({ table, record: records[0] }, 'DataTableRecord');
};

const cell = (record: DataTableRecordMapper, name: string): unknown => record.record[name] ?? null;

/** The reads; data-table-mutations.ts adds the writes and exports the family's one resolver map. */
export const dataTableReadResolvers: Resolvers = {
  Query: {
    dataTables: (_root, args, ctx) => tablePage(ctx, undefined, args),
    dataTable: (_root, args, ctx) => {
      const { key, scope } = dataTableKey(args.id, 'id');
      return dataTablesOf(ctx, scope).dataTableById.load(key);
    },
  },
  ManagedUser: {
    dataTables: (u, args, ctx) => tablePage(ctx, String(u.id), args),
    dataTable: (u, args, ctx) => dataTablesOf(ctx, String(u.id)).dataTableById.load(customerWorkatoKey('DataTable', args.id, 'id', u)),
  },
  Folder: {
    dataTables: async (f, _args, ctx) => (await dataTablesOf(ctx, scopeOf(f)).allDataTables()).filter((t) => t.folder_id === f.id),
  },
  DataTable: {
    id: (t) => globalIdOf('DataTable', t, t.id),
    workatoId: (t) => t.id,
    name: (t) => t.name ?? '',
    folderId: (t) => (t.folder_id == null ? null : String(t.folder_id)),
    folder: linkTo((t) => t.folder_id, (l) => l.folderById),
    columns: (t) => columnsOf(t),
    column: (t, args) => columnsOf(t).find((c) => c.column.name === args.name) ?? null,
    createdAt: (t) => t.created_at ?? null,
    updatedAt: (t) => t.updated_at ?? null,
    records: (t, args, ctx) => recordPage(ctx, t, args),
  },
  DataTableColumn: {
    fieldId: (c) => c.column.field_id,
    name: (c) => c.column.name,
    type: (c) => fromWire<DataTableColumnType>(c.column.type),
    optional: (c) => c.column.optional ?? true,
    multivalue: (c) => c.column.multivalue ?? false,
    hint: (c) => c.column.hint ?? null,
    defaultValue: (c) => c.column.default_value ?? null,
    metadata: (c) => c.column.metadata ?? null,
    relation: (c) => (c.column.relation ? { table: c.table, relation: c.column.relation } : null),
  },
  DataTableColumnRelation: {
    tableId: (r) => r.relation.table_id ?? null,
    columnId: (r) => r.relation.field_id ?? null,
    table: (r, _args, ctx) => (r.relation.table_id ? dataTablesOf(ctx, scopeOf(r.table)).dataTableById.load(r.relation.table_id) : null),
    column: async (r, _args, ctx) => {
      if (!r.relation.table_id) return null;
      const linked = await dataTablesOf(ctx, scopeOf(r.table)).dataTableById.load(r.relation.table_id);
      return columnsOf(linked).find((c) => c.column.field_id === r.relation.field_id) ?? null;
    },
  },
  DataTableRecord: {
    id: (r) => globalIdOf('DataTableRecord', r.table, r.table.id, r.record.$record_id),
    workatoId: (r) => r.record.$record_id,
    table: (r) => r.table,
    cells: (r) => columnsOf(r.table).map((column) => ({ column, value: cell(r, column.column.name) })),
    value: (r, args) => {
      if (!(r.table.schema ?? []).some((c) => c.name === args.column)) {
        throw badUserInput(`"${args.column}" is no column of table "${r.table.name}".`, 'column');
      }
      return cell(r, args.column);
    },
    createdAt: (r) => r.record.$created_at ?? null,
    updatedAt: (r) => r.record.$updated_at ?? null,
  },
};
