/** A recipe's versions (REFERENCE §8.3, §10.11): a page/per_page list under `{"data": [...]}`, newest first. */
import type { Resolvers } from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import { badUserInput } from '../server/errors.js';
import { MAX_VERSION_COMMENT, updateRecipeVersionComment } from '../workato/recipes.js';
import { prop, workatoId } from './helpers.js';
import type { RecipeMapper, RecipeVersionMapper } from './mappers.js';
import { attempt, inputError, payload, refused } from './payload.js';
import { fromGlobalId, globalIdOf, pageOfPagedList, pageSize, WORKATO_INT_ID, workatoIntKey } from './relay.js';
import { linkTo } from './links.js';

interface VersionRef {
  scope?: string;
  recipeId: number;
  versionId: number;
}

/** A RecipeVersion global id (`RecipeVersion:<recipeId>:<versionId>`), or undefined when `value` is not one. */
function parseVersionId(value: string): VersionRef | undefined {
  const parsed = fromGlobalId(value);
  if (!parsed || parsed.type !== 'RecipeVersion' || parsed.keys.length !== 2 || !parsed.keys.every((k) => WORKATO_INT_ID.test(k))) return undefined;
  return { scope: parsed.scope, recipeId: Number(parsed.keys[0]), versionId: Number(parsed.keys[1]) };
}

/** `id` of a version: its global id, or a bare Workato id resolved against `recipe` (a global or bare recipe id). */
function versionRef(id: string, recipe: string | null | undefined, argument: string): VersionRef {
  const ref = parseVersionId(id);
  if (ref) return ref;
  if (!WORKATO_INT_ID.test(id)) throw badUserInput(`\`${argument}\` must be a RecipeVersion id (as returned in \`id\`) or its Workato id; got "${id}".`, argument);
  if (recipe == null) throw badUserInput(`\`${argument}\` is a bare Workato id: give the recipe too (\`recipeId\`).`, argument);
  const { id: recipeId, scope } = workatoIntKey('Recipe', recipe, 'input.recipeId');
  return { scope, recipeId, versionId: Number(id) };
}

const withRecipe = (version: RecipeVersionMapper | Omit<RecipeVersionMapper, 'recipe_id'>, recipeId: number): RecipeVersionMapper =>
  Object.assign(version, { recipe_id: recipeId });

export const recipeVersionResolvers: Resolvers = {
  Recipe: {
    versions: (r: RecipeMapper, args, ctx) => {
      const loaders = ctx.loaders.scope(scopeOf(r));
      return pageOfPagedList(pageSize(args.first), args.after, async (page, per_page) =>
        (await loaders.recipeVersionList.load({ recipeId: r.id, page, per_page })).map((v) => withRecipe(v, r.id)),
      );
    },
    version: async (r: RecipeMapper, args, ctx) => {
      const scope = scopeOf(r);
      const ref = WORKATO_INT_ID.test(args.id) ? { recipeId: r.id, versionId: Number(args.id), scope } : parseVersionId(args.id);
      if (!ref) throw badUserInput(`\`id\` must be a RecipeVersion id (as returned in \`id\`) or its Workato id; got "${args.id}".`, 'id');
      // A version of another recipe is not a version of this one.
      if (ref.recipeId !== r.id || ref.scope !== scope) throw new NotFoundError('RecipeVersion', `${r.id}/${ref.versionId}`);
      const version = await ctx.loaders.scope(scope).recipeVersionByKey.load({ recipeId: r.id, versionId: ref.versionId });
      return withRecipe(version, r.id);
    },
  },
  RecipeVersion: {
    id: (v) => globalIdOf('RecipeVersion', v, v.recipe_id, v.id),
    workatoId,
    versionNo: (v) => v.version_no,
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    authorName: prop('author_name'),
    authorEmail: prop('author_email'),
    comment: prop('comment'),
    recipe: linkTo((v) => v.recipe_id, (l) => l.recipeById),
  },
  Mutation: {
    recipeVersionCommentUpdate: async (_root, { input }, ctx) => {
      const { scope, recipeId, versionId } = versionRef(input.id, input.recipeId, 'input.id');
      if (input.comment.length > MAX_VERSION_COMMENT) {
        const message = `\`comment\` holds at most ${MAX_VERSION_COMMENT} characters; got ${input.comment.length}.`;
        return payload('recipeVersion', refused<RecipeVersionMapper>([inputError('INVALID', message, ['input', 'comment'])]));
      }
      const loaders = ctx.loaders.scope(scope);
      const updated = await attempt(() => updateRecipeVersionComment(loaders.api, recipeId, versionId, input.comment));
      if (!updated.ok) return payload('recipeVersion', refused<RecipeVersionMapper>(updated.userErrors));
      // The answer is the changed version (§10.11). The recipe's `versionComment` may be this one: forget it too.
      loaders.forgetRecipe(recipeId);
      const version = tagOne(updated.value, scope);
      loaders.recipeVersionByKey.prime({ recipeId, versionId }, version);
      return payload('recipeVersion', { ok: true, value: withRecipe(version, recipeId) });
    },
  },
};
