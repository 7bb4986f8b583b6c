import type { WorkatoApi } from './http.js';
import { unwrapList } from './inferred.js';
import type { Workato } from './types.js';

export interface ListConnectionsParams {
  provider?: string;
  folder_id?: number;
  parent_id?: number;
  external_id?: string;
  include_runtime_connections?: boolean;
  includes?: string[];
}

/** GET /connections — every visible connection at once: Workato does not paginate it (REFERENCE §12.1). */
export async function listConnections(api: WorkatoApi, params: ListConnectionsParams = {}): Promise<Workato.Connection[]> {
  return unwrapList<Workato.Connection>(await api.get('/connections', { ...params }));
}
