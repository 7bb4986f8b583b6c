/** REFERENCE §14: projects (list only in this task; there is no GET /api/projects/:id). */
import { inScope, ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';

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
