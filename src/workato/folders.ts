import type { WorkatoApi } from './http.js';
import { unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /folders — one level (children of `parent_id`, default Home), one page (REFERENCE §13.1). */
export async function listFolders(
  api: WorkatoApi,
  params: { parent_id?: number; page?: number; per_page?: number } = {},
): Promise<Workato.Folder[]> {
  return unwrapList<Workato.Folder>(await api.get('/folders', params));
}
