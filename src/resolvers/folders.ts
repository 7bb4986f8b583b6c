import type { Resolvers } from '../generated/graphql.js';
import { HOME_LEVEL } from '../loaders/folders.js';
import { scopeOf } from '../loaders/scope.js';
import { flag, prop, workatoId } from './helpers.js';
import { recipePage } from './recipes.js';
import { globalIdOf, pageOfList, pageSize, workatoKey } from './relay.js';
import { linked, linkTo } from './links.js';

export const folderResolvers: Resolvers = {
  Query: {
    folders: async (_root, args, ctx) => {
      const parent = args.parentId ? Number(workatoKey('Folder', args.parentId, 'parentId').key) : HOME_LEVEL;
      const loaders = ctx.loaders.scope();
      return pageOfList(await loaders.foldersByParentId.load(parent), pageSize(args.first), args.after);
    },
    folder: (_root, args, ctx) => {
      const { key, scope } = workatoKey('Folder', args.id, 'id');
      return ctx.loaders.scope(scope).folderById.load(Number(key));
    },
  },
  Folder: {
    id: (f) => globalIdOf('Folder', f, f.id),
    workatoId,
    isHome: flag('is_home'),
    isProject: flag('is_project'),
    parent: linkTo((f) => f.parent_id, (l) => l.folderById),
    // Workato sends `project_id` on every folder of a project, the project folder and its subfolders alike (REFERENCE
    // §8.7, [spec] example `is_project: false, project_id: 4567`). Both loaders index the one project list of the
    // request (loaders/projects.ts), so the link costs no call once `projects` or another folder's project read it.
    project: (f, _args, ctx, info) => {
      const loaders = ctx.loaders.scope(scopeOf(f));
      if (f.project_id != null) return linked(info, f, f.project_id, (id) => loaders.projectById.load(id));
      // Older answers have no `project_id` (§8.7): a project folder is still found by its folder id.
      return f.is_project ? loaders.projectByFolderId.load(f.id) : null;
    },
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    children: async (f, args, ctx) => {
      // Home's children are the default (parent-less) listing, which the tree walk already reads.
      const children = await ctx.loaders.scope(scopeOf(f)).foldersByParentId.load(f.is_home ? HOME_LEVEL : f.id);
      return pageOfList(children, pageSize(args.first), args.after);
    },
    recipes: (f, args, ctx) =>
      recipePage(ctx.loaders.scope(scopeOf(f)), {
        first: args.first,
        after: args.after,
        filters: { folder_id: f.id, running: args.running ?? undefined },
      }),
    // One unpaginated list serves every folder of the request (REFERENCE §30), filtered here.
    connections: async (f, args, ctx) => {
      const list = args.includeRuntimeConnections ? { include_runtime_connections: true as const } : {};
      return (await ctx.loaders.scope(scopeOf(f)).connectionList.load(list)).filter((c) => c.folder_id === f.id);
    },
  },
};
