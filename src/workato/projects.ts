import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /projects — one page; no get-by-id exists (REFERENCE §14.1). */
export async function listProjects(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.Project[]> {
  return unwrapList<Workato.Project>(await api.get('/projects', params));
}

/** PUT /projects/:id with `name` and/or `description` → the Project [inferred, §14.2]; callers tolerate other bodies. */
export async function updateProject(api: WorkatoApi, id: number, body: { name?: string; description?: string }): Promise<unknown> {
  return unwrapObject<unknown>(await api.send('PUT', `/projects/${id}`, { body }));
}

/**
 * DELETE /projects/:id → `{"success": true}` (§14.3): the project with its folders, recipes and connections. The path
 * takes the project id, not its folder id. A role without the privilege gets 403 `Cannot destroy folder`.
 */
export function deleteProject(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/projects/${id}`);
}
