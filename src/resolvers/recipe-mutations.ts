import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { startRecipe, stopRecipe } from '../workato/recipes.js';
import type { Workato } from '../workato/types.js';
import type { GatewayContext } from '../server/context.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { workatoKey } from './relay.js';
import type { RecipeMapper } from './mappers.js';

/** Resolves `input.id` to the recipe's workspace loaders and its Workato id. */
export function recipeTarget(ctx: GatewayContext, id: string): { loaders: ScopedLoaders; id: number } {
  const { key, scope } = workatoKey('Recipe', id, 'input.id');
  return { loaders: ctx.loaders.scope(scope), id: Number(key) };
}

/** §10.7: an invalid state transition is a 400 whose message names the state. */
function stateErrors(errors: UserErrorValue[]): UserErrorValue[] {
  return errors.map((e) =>
    /invalid state running/i.test(e.message)
      ? inputError('RECIPE_RUNNING', e.message)
      : /invalid state stopped/i.test(e.message)
        ? inputError('RECIPE_STOPPED', e.message)
        : e,
  );
}

/**
 * A recipe write that answers `{"success": …}`: run it, read the body (200 is not success, §4.3), then forget the
 * recipe and read it back through the API, so the payload and later fields of this request see fresh data.
 */
export async function recipeWrite(
  loaders: ScopedLoaders,
  id: number,
  write: () => Promise<Workato.SuccessResponse | undefined>,
): Promise<Outcome<RecipeMapper>> {
  const outcome = await attempt(write);
  if (!outcome.ok) return refused(stateErrors(outcome.userErrors));
  const refusals = refusalErrors(outcome.value);
  if (refusals.length) return refused(stateErrors(refusals));
  loaders.forgetRecipe(id);
  return { ok: true, value: await loaders.recipeById.load(id) };
}

export const recipeMutationResolvers: Resolvers = {
  Mutation: {
    recipeStart: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      return payload('recipe', await recipeWrite(loaders, id, () => startRecipe(loaders.api, id)));
    },
    recipeStop: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      return payload('recipe', await recipeWrite(loaders, id, () => stopRecipe(loaders.api, id)));
    },
  },
  UserError: {
    __resolveType: (error) => error.__typename,
  },
};
