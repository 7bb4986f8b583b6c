import type { WorkatoApi } from './http.js';
import { WorkatoError } from './http.js';
import { lookupCriteria, lookupRowOf, unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** A row as the gateway keeps it: cells keyed by column label, as strings (REFERENCE §18 [inferred]). */
export type LookupRow = { id: number; data: Record<string, string | null> };
/** A column criterion or cell: the column's label and its value. */
export type Cell = { column: string; value: string };

/**
 * GET /lookup_tables — one page (page/per_page ≤ 100): a bare array in a workspace (§18), `{"result": [...]}` for an
 * Embedded customer (§17.7). There is no get-by-id.
 */
export async function listLookupTables(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.LookupTable[]> {
  return unwrapList<Workato.LookupTable>(await api.get('/lookup_tables', params));
}

/** POST /lookup_tables (§18 #2) → the created table [inferred: the answer was not captured]. */
export async function createLookupTable(api: WorkatoApi, body: Workato.LookupTableCreate): Promise<unknown> {
  return unwrapObject<unknown>(await api.send('POST', '/lookup_tables', { body }));
}

/** POST /lookup_tables/batch_delete `{"ids": [...]}` (§18 #3) → `{"success": true}` [inferred]. */
export function batchDeleteLookupTables(api: WorkatoApi, ids: number[]): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('POST', '/lookup_tables/batch_delete', { body: { ids } });
}

/** GET /lookup_tables/:id/rows (§18 #4): page/per_page (default 500, max 1,000), `by[<column>]` filters; a bare array. */
export async function listLookupTableRows(
  api: WorkatoApi,
  tableId: number,
  params: { page: number; per_page: number; by: readonly Cell[] },
): Promise<LookupRow[]> {
  const body = await api.get(`/lookup_tables/${tableId}/rows`, { page: params.page, per_page: params.per_page, ...lookupCriteria(params.by) });
  return unwrapList<unknown>(body).flatMap((row) => lookupRowOf(row) ?? []);
}

/** GET /lookup_tables/:id/lookup (§18 #5): the first row matching every criterion; Workato's 404 "no match" → null. */
export async function lookupLookupTableRow(api: WorkatoApi, tableId: number, by: readonly Cell[]): Promise<LookupRow | null> {
  try {
    return lookupRowOf(await api.get(`/lookup_tables/${tableId}/lookup`, lookupCriteria(by))) ?? null;
  } catch (error) {
    if (error instanceof WorkatoError && error.kind === 'http' && error.status === 404) return null;
    throw error;
  }
}

/** GET /lookup_tables/:id/rows/:row_id (§18 #6); undefined when the answer holds no row. */
export async function getLookupTableRow(api: WorkatoApi, tableId: number, rowId: number): Promise<LookupRow | undefined> {
  return lookupRowOf(await api.get(`/lookup_tables/${tableId}/rows/${rowId}`));
}

/** POST /lookup_tables/:id/rows `{"data": {...}}` (§18 #7) → the row [inferred]. */
export async function createLookupTableRow(api: WorkatoApi, tableId: number, body: Workato.LookupTableRowWrite): Promise<LookupRow | undefined> {
  return lookupRowOf(await api.send('POST', `/lookup_tables/${tableId}/rows`, { body }));
}

/** PUT /lookup_tables/:id/rows/:row_id `{"data": {...}}` (§18 #8): only the given columns change → the row [inferred]. */
export async function updateLookupTableRow(api: WorkatoApi, tableId: number, rowId: number, body: Workato.LookupTableRowWrite): Promise<LookupRow | undefined> {
  return lookupRowOf(await api.send('PUT', `/lookup_tables/${tableId}/rows/${rowId}`, { body }));
}

/** DELETE /lookup_tables/:id/rows/:row_id (§18 #9) → `{"success": true}` [inferred]. */
export function deleteLookupTableRow(api: WorkatoApi, tableId: number, rowId: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/lookup_tables/${tableId}/rows/${rowId}`);
}
