import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { getLookupTableRow, listLookupTableRows, listLookupTables, lookupLookupTableRow, type Cell, type LookupRow } from '../workato/lookup-tables.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listedById, listLoader, itemsOfArray } from './util.js';

/**
 * Lookup tables of one workspace scope (REFERENCE §18, Embedded §17.7): page-based, no get-by-id. A listedById
 * family: a table some page of this request holds (a sibling `lookupTables` page included) costs no further call;
 * any other is looked for in every page of 100, read once per request (§30 "list once, index many").
 */
export function createLookupTableLoaders(api: WorkatoApi, scope: string | undefined) {
  const tables = listedById<Scoped<Workato.LookupTable>, number, Scoped<Workato.LookupTable>[]>({
    entity: 'LookupTable',
    idOf: (t) => t.id,
    items: itemsOfArray,
    list: async (params) => tag(await listLookupTables(api, params), scope),
  });

  /** After a table create or delete: the next read lists again. */
  function forgetLookupTables(): void {
    tables.forget();
  }

  return { lookupTablePage: tables.page, lookupTableById: tables.byId, forgetLookupTables };
}

export type LookupTableLoaders = ReturnType<typeof createLookupTableLoaders>;

/** A row with the table it belongs to (Workato's row carries neither, §18 [inferred]) and its scope. */
export type TableRow = Scoped<LookupRow & { table_id: number }>;
export interface RowKey {
  tableId: number;
  rowId: number;
}

/**
 * Rows of the lookup tables of one scope (§18 #4–#6): pages, the `lookup` endpoint and rows by id. Pages and
 * lookups prime rowByKey, so a row read again by id costs nothing.
 */
export function createLookupTableRowLoaders(api: WorkatoApi, scope: string | undefined) {
  const rows = (tableId: number, found: LookupRow[]): TableRow[] => tag(found.map((r) => ({ ...r, table_id: tableId })), scope);
  const prime = (row: TableRow) => rowByKey.clear({ tableId: row.table_id, rowId: row.id }).prime({ tableId: row.table_id, rowId: row.id }, row);

  /** One page of GET /lookup_tables/:id/rows with its `by[…]` filters. */
  const rowPage = listLoader(async (params: { tableId: number; page: number; per_page: number; by: Cell[] }) => {
    const page = rows(params.tableId, await listLookupTableRows(api, params.tableId, params));
    page.forEach(prime);
    return page;
  });

  /** GET …/lookup: the first row matching every criterion, or null (Workato's 404 "no match"). */
  const rowLookup = listLoader(async (params: { tableId: number; by: Cell[] }) => {
    const found = await lookupLookupTableRow(api, params.tableId, params.by);
    if (!found) return null;
    const [row] = rows(params.tableId, [found]);
    prime(row!);
    return row!;
  });

  /** GET …/rows/:row_id, one call per row not already read by a page or a lookup. */
  const rowByKey = new DataLoader<RowKey, TableRow, string>(
    (keys) =>
      Promise.all(
        keys.map(async ({ tableId, rowId }) => {
          const found = await getLookupTableRow(api, tableId, rowId).catch((e: unknown) => e as Error);
          if (found instanceof Error) return found;
          return found ? rows(tableId, [found])[0]! : new NotFoundError('LookupTableRow', `${tableId}/${rowId}`);
        }),
      ),
    { cacheKeyFn: (k) => `${k.tableId}:${k.rowId}` },
  );

  /** After a row write: pages and lookups list again; `row` is primed when the write answered it. */
  function forgetRows(row?: TableRow): void {
    rowPage.clearAll();
    rowLookup.clearAll();
    if (row) prime(row);
  }

  return { rowPage, rowLookup, rowByKey, forgetRows, forgetRow: (key: RowKey) => rowByKey.clear(key) };
}
