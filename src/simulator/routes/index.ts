/** Every route the simulator serves. Later tasks add families (mutations, packages, Embedded) as new files here. */
import type { RouteDef } from '../http-helpers.js';
import { connectionRoutes } from './connections.js';
import { connectorRoutes } from './connectors.js';
import { folderRoutes } from './folders.js';
import { jobRoutes } from './jobs.js';
import { projectRoutes } from './projects.js';
import { recipeActionRoutes } from './recipe-actions.js';
import { recipeRoutes } from './recipes.js';
import { userRoutes } from './users.js';

export const ALL_ROUTES: RouteDef[] = [
  ...userRoutes,
  ...recipeRoutes,
  ...recipeActionRoutes,
  ...jobRoutes,
  ...connectionRoutes,
  ...connectorRoutes,
  ...folderRoutes,
  ...projectRoutes,
];
