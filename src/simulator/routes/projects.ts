/** REFERENCE §14: projects (list only in this task; there is no GET /api/projects/:id). */
import { ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';

export const projectRoutes: RouteDef[] = [
  {
    // §14.1 → bare array of Project {id, description, folder_id, name}; page default 1, per_page default/max 100.
    method: 'GET',
    path: '/api/projects',
    handler: ({ store, query }) => ok(paginate(store.projectsByIdDesc(), pageParams(query)).map((p) => ({ ...p }))),
  },
];
