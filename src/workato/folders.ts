import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /folders — one level (children of `parent_id`, default Home), one page (REFERENCE §13.1). */
export async function listFolders(
  api: WorkatoApi,
  params: { parent_id?: number; page?: number; per_page?: number } = {},
): Promise<Workato.Folder[]> {
  return unwrapList<Workato.Folder>(await api.get('/folders', params));
}

/**
 * POST /folders → the new Folder (§13.2). Without `parent_id` the folder is created under Home, i.e. as a project.
 * [spec] types `parent_id` as a string in this body: send decimal digits.
 */
export async function createFolder(api: WorkatoApi, body: { name: string; parent_id?: number }): Promise<Workato.Folder> {
  const { parent_id, ...rest } = body;
  return unwrapObject<Workato.Folder>(
    await api.send('POST', '/folders', { body: { ...rest, ...(parent_id === undefined ? {} : { parent_id: String(parent_id) }) } }),
  );
}

/** PUT /folders/:id with `name` and/or `parent_id` → the Folder [inferred, §13.3]; callers tolerate other bodies. */
export async function updateFolder(api: WorkatoApi, id: number, body: { name?: string; parent_id?: number }): Promise<unknown> {
  return unwrapObject<unknown>(await api.send('PUT', `/folders/${id}`, { body }));
}

/** DELETE /folders/:id; `force=true` also deletes its recipes and connections (§13.4). Not for project folders. */
export function deleteFolder(api: WorkatoApi, id: number, force?: boolean): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/folders/${id}`, { query: { force } });
}
