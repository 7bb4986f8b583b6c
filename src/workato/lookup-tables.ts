import type { WorkatoApi } from './http.js';
import { unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/**
 * GET /lookup_tables — one page (page/per_page ≤ 100): a bare array in a workspace (§18), `{"result": [...]}` for an
 * Embedded customer (§17.7). There is no get-by-id.
 */
export async function listLookupTables(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.LookupTable[]> {
  return unwrapList<Workato.LookupTable>(await api.get('/lookup_tables', params));
}
