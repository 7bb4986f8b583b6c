/** Recipe operations that are not edits: reset trigger, poll now, connection swap (REFERENCE §10.8–§10.10). */
import type { RecipePollNowOutcome, Resolvers } from '../generated/graphql.js';
import { WorkatoError } from '../workato/http.js';
import { pollNowOutcome, pollNowThrottle } from '../workato/inferred.js';
import { connectRecipe, pollRecipeNow, resetRecipeTrigger } from '../workato/recipes.js';
import type { Workato } from '../workato/types.js';
import { inputError, payload, refused, type Outcome } from './payload.js';
import { checkedWrite, recipeTarget, recipeWrite } from './recipe-mutations.js';
import { workatoIntId } from './relay.js';
import type { RecipeMapper } from './mappers.js';

/**
 * Poll now's 429 (§10.10) is two different answers under one status. A trigger in back-off ("… in trigger back off
 * mode till 2023-06-23T11:02") or an empty quota ("Not enough transaction credit" / "Not enough action quota") is
 * Workato's verdict on this recipe or workspace: retrying after `Retry-After` seconds does not help, and the caller
 * must act (wait for the stated time, buy credit) — so it is a userError, like any other business refusal.
 * Any other 429 is the per-endpoint rate limit: a client fault that a retry fixes, so it stays a top-level
 * RATE_LIMITED error with `retryAfter`, as everywhere else in the API.
 */
async function pollNow(run: () => Promise<Workato.SuccessResponse | undefined>): Promise<Outcome<Workato.SuccessResponse | undefined>> {
  try {
    return await checkedWrite(run);
  } catch (error) {
    const throttle = error instanceof WorkatoError && error.status === 429 ? pollNowThrottle(error.detail) : null;
    if (!throttle) throw error;
    const message = (error as WorkatoError).detail!;
    return refused([inputError(throttle === 'trigger_back_off' ? 'TRIGGER_BACK_OFF' : 'QUOTA_EXCEEDED', message)]);
  }
}

const OUTCOMES: Record<'started' | 'already_in_progress', RecipePollNowOutcome> = {
  started: 'STARTED',
  already_in_progress: 'ALREADY_IN_PROGRESS',
};

export const recipeOperationResolvers: Resolvers = {
  Mutation: {
    recipeResetTrigger: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      return payload('recipe', await recipeWrite(loaders, id, () => resetRecipeTrigger(loaders.api, id)));
    },
    recipePollNow: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      const polled = await pollNow(() => pollRecipeNow(loaders.api, id));
      if (!polled.ok) return { ...payload('recipe', refused<RecipeMapper>(polled.userErrors)), outcome: null, message: null };
      // A started job shows in `recipe.jobs`, and `lastRunAt` may move: forget both before reading back.
      loaders.forgetJobs(id);
      loaders.forgetRecipe(id);
      const recipe = await loaders.recipeById.load(id);
      const message = polled.value?.message ?? null;
      const outcome = pollNowOutcome(message ?? undefined);
      return { recipe, message, outcome: outcome ? OUTCOMES[outcome] : null, userErrors: [] };
    },
    recipeConnectionUpdate: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      const connectionId = workatoIntId('Connection', input.connectionId, 'input.connectionId');
      if (input.adapterName.trim() === '') {
        return payload('recipe', refused<RecipeMapper>([inputError('INVALID', '`adapterName` names a connector of the recipe, for example `salesforce`.', ['input', 'adapterName'])]));
      }
      return payload(
        'recipe',
        await recipeWrite(loaders, id, () => connectRecipe(loaders.api, id, { adapter_name: input.adapterName, connection_id: connectionId })),
      );
    },
  },
};
