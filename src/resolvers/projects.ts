import type { Resolvers } from '../generated/graphql.js';
import { workatoId } from './helpers.js';
import { globalIdOf, pageOfList, pageSize, workatoIntKey } from './relay.js';
import { linkTo } from './links.js';

export const projectResolvers: Resolvers = {
  Query: {
    // Projects are read in full once per request (no get-by-id exists, REFERENCE §14), then paged in memory.
    projects: async (_root, args, ctx) => pageOfList(await ctx.loaders.scope().projects(), pageSize(args.first), args.after),
    project: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('Project', args.id, 'id');
      return ctx.loaders.scope(scope).projectById.load(id);
    },
  },
  Project: {
    id: (p) => globalIdOf('Project', p, p.id),
    workatoId,
    folder: linkTo((p) => p.folder_id, (l) => l.folderById),
  },
};
