import type { GraphQLResolveInfo } from 'graphql';
import type { QueryRecipesArgs, RecipeOrder, Resolvers } from '../generated/graphql.js';
import { badUserInput } from '../server/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { nullIfNotFound } from '../loaders/errors.js';
import { scopeOf, tag, tagOne } from '../loaders/scope.js';
import { connectionIdOf } from '../workato/inferred.js';
import type { ListRecipesParams } from '../workato/recipes.js';
import { decodeJson, flag, found, list, prop, workatoId } from './helpers.js';
import { jobPage, prefetchJobPage } from './jobs.js';
import { selectedArgs, selectsPath, settledById } from './lookahead.js';
import { HOME_LEVEL } from '../loaders/folders.js';
import type { RecipeConfigEntryMapper, RecipeMapper } from './mappers.js';
import { MAX_FIRST, decodeCursor, globalIdOf, makePage, pageOfPagedList, pageSize, workatoIntKey, workatoKey, type Page } from './relay.js';
import { linkTo } from './links.js';

export interface RecipePageArgs {
  first?: number | null;
  after?: string | null;
  order?: RecipeOrder | null;
  filters: Omit<ListRecipesParams, 'page' | 'per_page' | 'since_id' | 'order' | 'includes'>;
}

/**
 * A page of GET /recipes. Default order is id-descending, so the cursor is the `since_id` keyset (REFERENCE §6);
 * `order: ACTIVITY` has no keyset and pages by offset. One call per page, with a look-ahead item for `hasNextPage`.
 */
export async function recipePage(loaders: ScopedLoaders, args: RecipePageArgs): Promise<Page<RecipeMapper>> {
  const first = pageSize(args.first);
  if (args.order === 'ACTIVITY') {
    return pageOfPagedList(first, args.after, (page, per_page) =>
      loaders.recipeList.load({ ...args.filters, order: 'activity', page, per_page }),
    );
  }
  const cursor = decodeCursor(args.after, 'id');
  const perPage = Math.min(first + 1, MAX_FIRST);
  const items = await loaders.recipeList.load(keysetPageKey(args));
  // With no room for a look-ahead (first = 100), a full page means "maybe more" (§6 short-page rule).
  const hasNextPage = items.length > first || (perPage === first && items.length === perPage);
  return makePage(items.slice(0, first), (r) => ({ k: 'id', id: r.id }), hasNextPage, cursor !== undefined);
}

/** The recipeList key of a page in id order; recipePage and prefetchRecipePage share it. */
function keysetPageKey(args: RecipePageArgs): ListRecipesParams {
  const cursor = decodeCursor(args.after, 'id');
  return { ...args.filters, since_id: cursor?.id, per_page: Math.min(pageSize(args.first) + 1, MAX_FIRST) };
}

/**
 * Starts loading the page `recipePage(loaders, args)` will read, for a parent that knows the workspace before it has
 * loaded its own object (an Embedded customer by id: its recipes need only the path segment). Id order only; a bad
 * cursor is left for recipePage to report.
 */
export function prefetchRecipePage(loaders: ScopedLoaders, args: RecipePageArgs): void {
  if (args.order === 'ACTIVITY') return;
  try {
    loaders.recipeList.prefetch(keysetPageKey(args));
  } catch {
    // recipePage reports the bad argument.
  }
}

/**
 * A recipe page whose recipes will ask for their folder: the folder walk starts at the Home level, which needs
 * nothing from the page, so list it together with the page (one round trip less; REFERENCE §13 has no get-by-id).
 * The only call this can waste is on an empty page.
 */
export function prefetchFolderWalk(loaders: ScopedLoaders, info: GraphQLResolveInfo): void {
  if (selectsPath(info, ['nodes', 'folder'], 'beyondIdentity') || selectsPath(info, ['edges', 'node', 'folder'], 'beyondIdentity')) {
    loaders.foldersByParentId.prefetch(HOME_LEVEL);
  }
}

/** The connections a recipe uses, deduplicated, in config order; ones the token cannot see are left out. */
async function recipeConnections(recipe: RecipeMapper, loaders: ScopedLoaders) {
  const ids = [...new Set((recipe.config ?? []).map((c) => connectionIdOf(c.account_id)).filter((id): id is number => id !== null))];
  return found(await loaders.connectionById.loadMany(ids));
}

/** The filter arguments `recipes(...)` takes, wherever it appears, as a recipe page; `folderKey` reads the folder id. */
export function recipePageArgs(
  args: Omit<QueryRecipesArgs, 'folderId'> & { folderId?: string | null },
  folderKey: (folderId: string) => number,
): RecipePageArgs {
  return {
    first: args.first,
    after: args.after,
    order: args.order,
    filters: {
      folder_id: args.folderId ? folderKey(args.folderId) : undefined,
      running: args.running ?? undefined,
      adapter_names_all: args.adapterNamesAll?.join(','),
      adapter_names_any: args.adapterNamesAny?.join(','),
      updated_after: args.updatedAfter ?? undefined,
      stopped_after: args.stoppedAfter ?? undefined,
      stop_cause: args.stopCause ?? undefined,
    },
  };
}

/**
 * Recipe fields whose REST call needs only the recipe's id (and scope), and answers 404 for a recipe that does not
 * exist: jobs (§11.1), versions and a version (§10.11), test cases (§28). Selected with nothing but the identity and
 * RECIPE_ID_ONLY, they fetch no recipe: an unknown id ends as NOT_FOUND from their own call.
 */
const RECIPE_ID_FINDS: ReadonlySet<string> = new Set(['jobs', 'versions', 'version', 'testCases']);
/**
 * Recipe fields whose call needs only the id but cannot tell a missing recipe: the audit log (filtered here by id,
 * §27; an unknown recipe has no entries) and health (404 = never analysed, [inferred]). They skip the recipe read
 * only beside a RECIPE_ID_FINDS field. `tags` needs the recipe's own handles; everything else is the recipe's.
 */
const RECIPE_ID_ONLY: ReadonlySet<string> = new Set(['auditLog', 'health']);

/**
 * `recipe(id:)` of a workspace: the recipe, or its id alone when nothing selected needs the recipe itself
 * (`recipe(id:) { id jobs { … } versions { … } }`: no GET /recipes/:id at all).
 */
export function recipeOrItsId(loaders: ScopedLoaders, id: number, scope: string | undefined, info: GraphQLResolveInfo): RecipeMapper | Promise<RecipeMapper> {
  // The jobs list needs only the recipe id: ask for it together with the recipe, one round trip instead of two.
  for (const jobArgs of selectedArgs(info, 'jobs')) prefetchJobPage(loaders, id, jobArgs);
  if (settledById(info, RECIPE_ID_FINDS, RECIPE_ID_ONLY)) return tagOne({ id } as RecipeMapper, scope);
  return loaders.recipeById.load(id);
}

export const recipeResolvers: Resolvers = {
  Query: {
    recipes: (_root, args, ctx, info) => {
      const loaders = ctx.loaders.scope();
      const page = recipePage(
        loaders,
        recipePageArgs(args, (folderId) => {
          const { key, scope } = workatoKey('Folder', folderId, 'folderId');
          if (scope !== undefined) {
            throw badUserInput('`folderId` is a folder of an Embedded customer: ask `managedUser { recipes(folderId:) }`.', 'folderId');
          }
          return Number(key);
        }),
      );
      prefetchFolderWalk(loaders, info);
      return page;
    },
    recipe: (_root, args, ctx, info) => {
      const { id, scope } = workatoIntKey('Recipe', args.id, 'id');
      return recipeOrItsId(ctx.loaders.scope(scope), id, scope, info);
    },
  },
  Recipe: {
    id: (r) => globalIdOf('Recipe', r, r.id),
    workatoId,
    running: flag('running'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    lastRunAt: prop('last_run_at'),
    stoppedAt: prop('stopped_at'),
    stopCause: prop('stop_cause'),
    versionNo: prop('version_no'),
    copyCount: prop('copy_count'),
    jobSucceededCount: prop('job_succeeded_count'),
    jobFailedCount: prop('job_failed_count'),
    lifetimeTaskCount: prop('lifetime_task_count'),
    webhookUrl: prop('webhook_url'),
    triggerApplication: prop('trigger_application'),
    actionApplications: list<RecipeMapper, 'action_applications'>('action_applications'),
    applications: list<RecipeMapper, 'applications'>('applications'),
    triggerConnector: (r, _args, ctx) => (r.trigger_application ? ctx.loaders.connectors.connectorByName.load(r.trigger_application) : null),
    actionConnectors: async (r, _args, ctx) =>
      (await ctx.loaders.connectors.connectorByName.loadMany(r.action_applications ?? [])).map((c) => {
        if (c instanceof Error) throw c;
        return c;
      }).filter((c) => c !== null),
    // Entries carry the recipe's scope so `connection` reads the same workspace.
    config: (r): RecipeConfigEntryMapper[] => tag(r.config ?? [], scopeOf(r)),
    connections: (r, _args, ctx) => recipeConnections(r, ctx.loaders.scope(scopeOf(r))),
    folder: linkTo((r) => r.folder_id, (l) => l.folderById),
    // List items may leave `code` out (§8.2): read the full recipe only then.
    code: async (r, _args, ctx) => {
      if (r.code !== undefined && r.code !== null && r.code !== '') return decodeJson(r.code);
      const full = await ctx.loaders.scope(scopeOf(r)).recipeDetailById.load(r.id);
      return decodeJson(full.code);
    },
    parameters: prop('parameters'),
    parametersSchema: prop('parameters_schema'),
    triggerClosure: prop('trigger_closure'),
    userId: prop('user_id'),
    authorName: prop('author_name'),
    versionAuthorName: prop('version_author_name'),
    versionAuthorEmail: prop('version_author_email'),
    versionComment: prop('version_comment'),
    jobs: (r, args, ctx) => jobPage(ctx.loaders.scope(scopeOf(r)), r, args),
  },
  RecipeConfigEntry: {
    skipValidation: prop('skip_validation'),
    connectionId: (c) => connectionIdOf(c.account_id),
    connection: async (c, _args, ctx) => {
      const id = connectionIdOf(c.account_id);
      if (id === null) return null;
      // As documented: null when the connection is gone or outside the token's scope (Recipe.connections skips it).
      return ctx.loaders.scope(scopeOf(c)).connectionById.load(id).catch(nullIfNotFound);
    },
    connector: (c, _args, ctx) => {
      const name = c.provider ?? c.name;
      return name ? ctx.loaders.connectors.connectorByName.load(name) : null;
    },
  },
};
