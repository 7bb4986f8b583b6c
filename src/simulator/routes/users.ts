/** REFERENCE §9: workspace details. */
import { ok, type RouteDef } from '../http-helpers.js';

export const userRoutes: RouteDef[] = [
  {
    // §9: no parameters; returns the Workspace of the token (§8.1) with live recipe counts.
    method: 'GET',
    path: '/api/users/me',
    handler: ({ store }) => ok(store.workspaceView()),
  },
];
