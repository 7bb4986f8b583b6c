import type { WorkatoApi } from '../workato/http.js';
import { getDataTable, listDataTables, queryRecords } from '../workato/data-tables.js';
import { MAX_PER_PAGE } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { BATCHED, requestLoader } from './options.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { allPages, listLoader, notFoundAs } from './util.js';

/** One record query: the records host's API root, the table and the body (select/where/limit/continuation_token). */
export interface RecordQueryKey {
  host: string;
  tableId: string;
  body: Workato.DataTableQuery;
}

/**
 * Data tables of one workspace scope (REFERENCE §25, Embedded §17.8). Every list page primes `dataTableById`, so a
 * table the list already brought costs no GET; `Folder.dataTables` filters the whole list, read once per request.
 * Record queries go to the records host (`host`, an API root) through the same transport, one call per distinct query.
 */
export function createDataTableLoaders(api: WorkatoApi, scope: string | undefined) {
  const dataTablePage = listLoader(async (params: { page: number; per_page: number }) => {
    const tables = tag(await listDataTables(api, params), scope);
    for (const t of tables) dataTableById.prime(t.id, t);
    return tables;
  });

  /** Pages asked for in this request, also those still in flight when a by-id batch starts (a sibling field's list). */
  let listed: Promise<Scoped<Workato.DataTable>[]>[] = [];
  const listPage = (params: { page: number; per_page: number }) => {
    const page = dataTablePage.load(params);
    listed.push(page);
    return page;
  };

  /** Answers from the pages this request lists, else GET /data_tables/:id per id; 404 → NotFoundError for that key. */
  const dataTableById = requestLoader<string, Scoped<Workato.DataTable>>(BATCHED, async (ids) => {
    const index = new Map((await Promise.all(listed.map((p) => p.catch(() => [])))).flat().map((t) => [t.id, t]));
    return Promise.all(
      ids.map((id) =>
        index.get(id) ??
        getDataTable(api, id).then(
          (t) => tagOne(t, scope),
          notFoundAs('DataTable', id),
        ),
      ),
    );
  });

  let all: Promise<Scoped<Workato.DataTable>[]> | undefined;
  /** Every table, in pages of 100, once per request (for `Folder.dataTables`). */
  const allDataTables = () => (all ??= allPages((page, per_page) => listPage({ page, per_page }), MAX_PER_PAGE));

  const recordQuery = listLoader((key: RecordQueryKey) => queryRecords(api.onHost(key.host), key.tableId, key.body));

  /** After a write: later fields of this request read again. */
  function forgetDataTables(): void {
    dataTablePage.clearAll();
    dataTableById.clearAll();
    recordQuery.clearAll();
    all = undefined;
    listed = [];
  }

  return { listPage, dataTableById, allDataTables, recordQuery, forgetDataTables };
}

export type DataTableLoaders = ReturnType<typeof createDataTableLoaders>;
