/**
 * Lookup tables at workspace level and their rows (REFERENCE §18; a customer's through ManagedUser, §17.7). The
 * table type itself (columns, project) is resolved in managed-users.ts; this file adds rows, the `lookup` endpoint
 * and the Node loader of rows. Rows are keyed by column label ([inferred], behind workato/inferred.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { LookupTableCellInput, Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { LOOKUP_ROWS_MAX_PER_PAGE } from '../workato/inferred.js';
import type { Cell } from '../workato/lookup-tables.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { typed, workatoId } from './helpers.js';
import { selectedArgs, selectsPath, settledById } from './lookahead.js';
import { columns, customerKey, customerLoaders } from './managed-users.js';
import type { LookupTableMapper } from './mappers.js';
import { fromGlobalId, globalIdOf, pageOfPagedList, pageSize, WORKATO_INT_ID, workatoIntKey, type GlobalId } from './relay.js';

/** Criteria as plain objects: they are part of loader cache keys. */
export const cellsOf = (cells: readonly LookupTableCellInput[]): Cell[] => cells.map((c) => ({ column: c.column, value: c.value }));

/** The labels in `cells` that `table` has no column for. */
export function unknownColumns(table: LookupTableMapper, cells: readonly { column: string }[]): string[] {
  const labels = new Set(columns(table.schema).map((c) => c.label));
  return cells.map((c) => c.column).filter((label) => !labels.has(label));
}

/** A table id: a Workato id or a LookupTable global id, with the scope the global id carries. */
export function tableKey(value: string, argument: string): { tableId: number; scope: string | undefined } {
  const { id: tableId, scope } = workatoIntKey('LookupTable', value, argument);
  return { tableId, scope };
}

/** The parts of a LookupTableRow global id (`LookupTableRow[@scope]:<table id>:<row id>`), or undefined. */
export function rowIdParts(parsed: GlobalId | undefined): { tableId: number; rowId: number; scope: string | undefined } | undefined {
  if (parsed?.type !== 'LookupTableRow' || parsed.keys.length !== 2 || !parsed.keys.every((k) => WORKATO_INT_ID.test(k))) return undefined;
  return { tableId: Number(parsed.keys[0]), rowId: Number(parsed.keys[1]), scope: parsed.scope };
}

/**
 * `lookup` needs at least one criterion (§18 #5: `by[…]` is required). A row's cells and table come from the table
 * list: when the selection reads them, that list is asked for together with the lookup, not after it.
 */
function lookup(loaders: ScopedLoaders, tableId: number, match: readonly LookupTableCellInput[], info: GraphQLResolveInfo) {
  if (match.length === 0) throw badUserInput('`match` needs at least one column and value.', 'match');
  if (selectsPath(info, ['cells']) || selectsPath(info, ['table'])) loaders.lookupTableById.load(tableId).catch(() => undefined);
  return loaders.lookupTableRows.rowLookup.load({ tableId, by: cellsOf(match) });
}

/** node(id) for rows: one GET …/rows/:row_id unless a page or lookup of this request already read it. */
export const lookupTableRowNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const parts = rowIdParts(parsed);
  if (!parts) throw badUserInput(`"${id()}" is not a lookup table row id this API issued.`, 'id');
  const row = await ctx.loaders.scope(parts.scope).lookupTableRows.rowByKey.load({ tableId: parts.tableId, rowId: parts.rowId });
  return typed(row, 'LookupTableRow');
};

const tableOfScope = (ctx: GatewayContext, scope: string | undefined, tableId: number) => ctx.loaders.scope(scope).lookupTableById.load(tableId);

/** Table fields whose call needs only the table id and answers 404 for an unknown table: rows (§18 #4), a row (#6). */
const TABLE_ID_FINDS: ReadonlySet<string> = new Set(['rows', 'row']);

/**
 * `lookupTable(id:)`: the table, or its id alone when nothing selected needs the table itself — `{ id rows { … } }`
 * reads the rows only, not every page of the table list (no get-by-id, §18). A `rows(filter:)` needs the table:
 * its columns are checked first.
 */
export function tableOrItsId(loaders: ScopedLoaders, tableId: number, scope: string | undefined, info: GraphQLResolveInfo) {
  const filtered = selectedArgs(info, 'rows').some((args) => Array.isArray(args.filter) && args.filter.length > 0);
  if (!filtered && settledById(info, TABLE_ID_FINDS)) return tagOne({ id: tableId } as LookupTableMapper, scope);
  return loaders.lookupTableById.load(tableId);
}

/** The reads; lookup-table-mutations.ts adds the writes and exports the family's resolver map. */
export const lookupTableReadResolvers: Resolvers = {
  Query: {
    // §18 #1: page/per_page ≤ 100, a bare array, no count.
    lookupTables: (_root, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => ctx.loaders.scope().lookupTablePage.load({ page, per_page })),
    lookupTable: (_root, args, ctx, info) => {
      const { tableId, scope } = tableKey(args.id, 'id');
      return tableOrItsId(ctx.loaders.scope(scope), tableId, scope, info);
    },
    lookupTableRow: (_root, args, ctx, info) => {
      const { tableId, scope } = tableKey(args.tableId, 'tableId');
      return lookup(ctx.loaders.scope(scope), tableId, args.match, info);
    },
  },
  ManagedUser: {
    lookupTableRow: (u, args, ctx, info) => lookup(customerLoaders(ctx, u), customerKey('LookupTable', args.tableId, 'tableId', u), args.match, info),
  },
  LookupTable: {
    rows: (t, args, ctx) => {
      const filter = args.filter ?? [];
      const unknown = unknownColumns(t, filter);
      if (unknown.length) throw badUserInput(`Table "${t.name}" has no column ${unknown.map((l) => `"${l}"`).join(', ')}.`, 'filter');
      const loaders = ctx.loaders.scope(scopeOf(t)).lookupTableRows;
      const by = cellsOf(filter);
      // §18 #4: per_page default 500, max 1,000 — so a Relay page may be up to 1,000 rows, one call.
      return pageOfPagedList(
        pageSize(args.first, 25, LOOKUP_ROWS_MAX_PER_PAGE),
        args.after,
        (page, per_page) => loaders.rowPage.load({ tableId: t.id, page, per_page, by }),
        LOOKUP_ROWS_MAX_PER_PAGE,
      );
    },
    row: (t, args, ctx) => {
      const parts = WORKATO_INT_ID.test(args.id) ? { tableId: t.id, rowId: Number(args.id), scope: scopeOf(t) } : rowIdParts(fromGlobalId(args.id));
      if (!parts || parts.tableId !== t.id || parts.scope !== scopeOf(t)) {
        throw badUserInput(`\`id\` must be the \`id\` of a row of this table, or its \`workatoId\`; got "${args.id}".`, 'id');
      }
      return ctx.loaders.scope(parts.scope).lookupTableRows.rowByKey.load({ tableId: t.id, rowId: parts.rowId });
    },
  },
  LookupTableRow: {
    id: (r) => globalIdOf('LookupTableRow', r, r.table_id, r.id),
    workatoId,
    table: (r, _args, ctx) => tableOfScope(ctx, scopeOf(r), r.table_id),
    // Cells follow the table's columns, so a client needs no `schema` parsing; the table list is read once per request.
    cells: async (r, _args, ctx) => columns((await tableOfScope(ctx, scopeOf(r), r.table_id)).schema).map((column) => ({ column, value: r.data[column.label] ?? null })),
    value: (r, args) => r.data[args.column] ?? null,
  },
};
