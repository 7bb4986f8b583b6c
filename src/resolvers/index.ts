/** Every domain's resolver map; the server joins them with the SDL in one makeExecutableSchema call. */
import type { Resolvers } from '../generated/graphql.js';
import { connectionResolvers } from './connections.js';
import { connectorResolvers } from './connectors.js';
import { folderResolvers } from './folders.js';
import { jobResolvers } from './jobs.js';
import { nodeResolvers } from './node.js';
import { projectResolvers } from './projects.js';
import { recipeMutationResolvers } from './recipe-mutations.js';
import { recipeResolvers } from './recipes.js';
import { scalarResolvers } from './scalars.js';
import { workspaceResolvers } from './workspace.js';

export const resolvers: Resolvers[] = [
  scalarResolvers,
  nodeResolvers,
  workspaceResolvers,
  recipeResolvers,
  recipeMutationResolvers,
  jobResolvers,
  connectionResolvers,
  connectorResolvers,
  folderResolvers,
  projectResolvers,
];
