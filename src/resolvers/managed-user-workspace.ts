/**
 * A customer's workspace as fields of `ManagedUser` (REFERENCE §17.3–§17.7): the same types, pages and loaders as
 * the caller's own workspace, read through the customer's scope (`/managed_users/<id>/…`). Objects read here carry
 * the scope, so their relations (recipe.folder, recipe.jobs, folder.children, …) stay in the customer workspace.
 */
import type { ManagedUserRecipesArgs, Resolvers } from '../generated/graphql.js';
import { HOME_LEVEL } from '../loaders/folders.js';
import { tagOne } from '../loaders/scope.js';
import { customerKey, customerLoaders } from './managed-users.js';
import { tableOrItsId } from './lookup-tables.js';
import { prefetchFolderWalk, recipeOrItsId, recipePage, recipePageArgs, type RecipePageArgs } from './recipes.js';
import type { ManagedUserMapper } from './mappers.js';
import { pageOfList, pageOfPagedList, pageSize } from './relay.js';

/** `ManagedUser.recipes` arguments → the recipe page they read (shared with the prefetch in Query.managedUser). */
export function customerRecipePageArgs(u: Pick<ManagedUserMapper, 'id'>, args: ManagedUserRecipesArgs): RecipePageArgs {
  return recipePageArgs(args, (folderId) => customerKey('Folder', folderId, 'folderId', u));
}

export const managedUserWorkspaceResolvers: Resolvers = {
  ManagedUser: {
    recipes: (u, args, ctx, info) => {
      const loaders = customerLoaders(ctx, u);
      const page = recipePage(loaders, customerRecipePageArgs(u, args));
      prefetchFolderWalk(loaders, info);
      return page;
    },
    recipe: (u, args, ctx, info) => recipeOrItsId(customerLoaders(ctx, u), customerKey('Recipe', args.id, 'id', u), String(u.id), info),
    // §17.5: a job is found through its recipe, in the customer workspace.
    job: async (u, args, ctx) => {
      const recipeId = customerKey('Recipe', args.recipeId, 'recipeId', u);
      const job = await customerLoaders(ctx, u).jobByKey.load({ recipeId, handle: args.handle });
      return tagOne({ ...job, recipe_id: recipeId }, String(u.id));
    },
    // §17.3: the whole list in one answer, paged in memory, as at workspace level.
    connections: async (u, args, ctx) => {
      const all = await customerLoaders(ctx, u).connectionList.load({
        provider: args.application ?? undefined,
        folder_id: args.folderId ? customerKey('Folder', args.folderId, 'folderId', u) : undefined,
        parent_id: args.parentId ? customerKey('Connection', args.parentId, 'parentId', u) : undefined,
        external_id: args.externalId ?? undefined,
        include_runtime_connections: args.includeRuntimeConnections ? true : undefined,
      });
      return { ...pageOfList(all, pageSize(args.first), args.after), totalCount: all.length };
    },
    connection: (u, args, ctx) => customerLoaders(ctx, u).connectionById.load(customerKey('Connection', args.id, 'id', u)),
    // §17.6: one level at a time; the customer's Home is found without /users/me (loaders/folders.ts).
    folders: async (u, args, ctx) => {
      const parent = args.parentId ? customerKey('Folder', args.parentId, 'parentId', u) : HOME_LEVEL;
      return pageOfList(await customerLoaders(ctx, u).foldersByParentId.load(parent), pageSize(args.first), args.after);
    },
    folder: (u, args, ctx) => customerLoaders(ctx, u).folderById.load(customerKey('Folder', args.id, 'id', u)),
    projects: async (u, args, ctx) => pageOfList(await customerLoaders(ctx, u).projects(), pageSize(args.first), args.after),
    project: (u, args, ctx) => customerLoaders(ctx, u).projectById.load(customerKey('Project', args.id, 'id', u)),
    // §17.2: a short list, read whole once per request.
    members: async (u, _args, ctx) => [...(await customerLoaders(ctx, u).members())].sort((a, b) => a.id - b.id),
    member: (u, args, ctx) => customerLoaders(ctx, u).memberById.load(customerKey('Member', args.id, 'id', u)),
    // §17.7: page/per_page, `{"result": [...]}`.
    lookupTables: (u, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => customerLoaders(ctx, u).lookupTablePage.load({ page, per_page })),
    lookupTable: (u, args, ctx, info) => tableOrItsId(customerLoaders(ctx, u), customerKey('LookupTable', args.id, 'id', u), String(u.id), info),
  },
};
