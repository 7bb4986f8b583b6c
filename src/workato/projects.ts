import type { WorkatoApi } from './http.js';
import { unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /projects — one page; no get-by-id exists (REFERENCE §14.1). */
export async function listProjects(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.Project[]> {
  return unwrapList<Workato.Project>(await api.get('/projects', params));
}
