/** REFERENCE §14: projects (list only in this task; there is no GET /api/projects/:id). */
import type { Workato } from '../../workato/types.js';
import { inScope, ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';
import type { WorkspaceStore } from '../store.js';

/** A project named by a path's `:id`: its id, or `f<folder_id>` for the project's folder (§14.4 build and deploy). */
export function projectByRef(store: WorkspaceStore, raw: string | undefined): Workato.Project | undefined {
  const folder = raw?.match(/^f(\d+)$/);
  if (folder) return [...store.projects.values()].find((p) => p.folder_id === Number(folder[1]));
  return raw !== undefined && /^\d+$/.test(raw) ? store.projects.get(Number(raw)) : undefined;
}

export const projectRoutes: RouteDef[] = [
  {
    // §14.1 → bare array of Project {id, description, folder_id, name}; page default 1, per_page default/max 100.
    method: 'GET',
    path: '/api/projects',
    // A folder-scoped client (§2.1) sees the projects whose folder is in its scope, before paging.
    handler: ({ store, query, folderScope }) =>
      ok(paginate(store.projectsByIdDesc().filter((p) => inScope(folderScope, p.folder_id)), pageParams(query)).map((p) => ({ ...p }))),
  },
];
