import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { tagOne } from '../loaders/scope.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { WorkatoError } from '../workato/http.js';
import { RECIPE_STATE_TEXT } from '../workato/inferred.js';
import { copyRecipe, createRecipe, deleteRecipe, startRecipe, stopRecipe, updateRecipe } from '../workato/recipes.js';
import type { Workato } from '../workato/types.js';
import type { GatewayContext } from '../server/context.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { selectedFieldNames } from './lookahead.js';
import { folderIdString, recipeCreateBody, recipeWriteBody } from './recipe-inputs.js';
import { toGlobalId, workatoIntKey } from './relay.js';
import type { RecipeMapper } from './mappers.js';

/** Resolves `input.id` to the recipe's workspace loaders and its Workato id. */
export function recipeTarget(ctx: GatewayContext, id: string): { loaders: ScopedLoaders; id: number; scope?: string } {
  const key = workatoIntKey('Recipe', id, 'input.id');
  return { loaders: ctx.loaders.scope(key.scope), ...key };
}

/**
 * A refusal about the recipe's state gets a stable code. Only the start/stop text is documented (§10.7); the
 * texts of other endpoints are matched by the state they name (inferred.ts).
 */
function stateErrors(errors: UserErrorValue[]): UserErrorValue[] {
  return errors.map((e) => {
    if (e.code === 'RECIPE_RUNNING' || e.code === 'RECIPE_STOPPED') return e;
    if (RECIPE_STATE_TEXT.running.test(e.message)) return inputError('RECIPE_RUNNING', e.message);
    if (RECIPE_STATE_TEXT.stopped.test(e.message)) return inputError('RECIPE_STOPPED', e.message);
    return e;
  });
}

/**
 * Runs a recipe write and reads its body: 400/404/409/422 and HTTP 200 `success: false` (§4.3: 200 is not success)
 * become userErrors; other failures stay top-level.
 */
export async function checkedWrite<T extends Workato.SuccessResponse | undefined>(
  write: () => Promise<T>,
  notFoundField?: string[],
): Promise<Outcome<T>> {
  const outcome = await attempt(write, notFoundField);
  if (!outcome.ok) return refused(stateErrors(outcome.userErrors));
  const refusals = refusalErrors(outcome.value);
  return refusals.length ? refused(stateErrors(refusals)) : outcome;
}

/** After a write, forget the recipe and read it back through the API, so later fields of this request see fresh data. */
async function readBack(loaders: ScopedLoaders, id: number): Promise<Outcome<RecipeMapper>> {
  loaders.forgetRecipe(id);
  return { ok: true, value: await loaders.recipeById.load(id) };
}

/** A recipe write that answers `{"success": …}`, followed by a read-back of the recipe. */
export async function recipeWrite(
  loaders: ScopedLoaders,
  id: number,
  write: () => Promise<Workato.SuccessResponse | undefined>,
): Promise<Outcome<RecipeMapper>> {
  const outcome = await checkedWrite(write);
  return outcome.ok ? readBack(loaders, id) : refused(outcome.userErrors);
}

/** An id Workato should have sent in a 2xx answer but did not: a protocol fault, not the caller's. */
function newIdOf(value: unknown, method: string, path: string): number {
  const id = Number(value);
  if (Number.isInteger(id) && id > 0) return id;
  throw new WorkatoError({ kind: 'protocol', status: 200, method, path, message: `Workato answered ${method} ${path} without the new recipe id.` });
}

/** Recipe fields that a successful start or stop settles by itself: its identity and the new `running`. */
const SETTLED_BY_START_STOP = new Set(['__typename', 'id', 'workatoId', 'running']);

/**
 * Start or stop (§10.7: Workato answers only `{"success": true}`). The payload's recipe is read back when the
 * caller asks for more than the write settles; a toggle asking `recipe { id running }` (or no recipe at all) costs
 * the one call a hand-written client makes. Either way, later fields of the request read the recipe afresh.
 */
async function startOrStop(ctx: GatewayContext, inputId: string, info: GraphQLResolveInfo, running: boolean) {
  const { loaders, id, scope } = recipeTarget(ctx, inputId);
  const write = () => (running ? startRecipe : stopRecipe)(loaders.api, id);
  const asked = selectedFieldNames(info, 'recipe');
  if (asked && ![...asked].every((field) => SETTLED_BY_START_STOP.has(field))) return payload('recipe', await recipeWrite(loaders, id, write));
  const outcome = await checkedWrite(write);
  if (!outcome.ok) return payload('recipe', refused<RecipeMapper>(outcome.userErrors));
  loaders.forgetRecipe(id);
  return payload('recipe', { ok: true, value: tagOne({ id, running } as RecipeMapper, scope) });
}

export const recipeMutationResolvers: Resolvers = {
  Mutation: {
    recipeStart: (_root, { input }, ctx, info) => startOrStop(ctx, input.id, info, true),
    recipeStop: (_root, { input }, ctx, info) => startOrStop(ctx, input.id, info, false),
    recipeCreate: async (_root, { input }, ctx) => {
      // A folder of an Embedded customer (its global id carries the scope) means: create in that workspace.
      const scope = input.folderId == null ? undefined : folderIdString(input.folderId, 'input.folderId').scope;
      const loaders = ctx.loaders.scope(scope);
      const body = recipeCreateBody(input);
      if (!body.ok) return payload('recipe', refused<RecipeMapper>(body.userErrors));
      const created = await checkedWrite(() => createRecipe(loaders.api, body.value));
      if (!created.ok) return payload('recipe', refused<RecipeMapper>(created.userErrors));
      return payload('recipe', await readBack(loaders, newIdOf(created.value.id, 'POST', '/recipes')));
    },
    recipeUpdate: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      const body = recipeWriteBody(input);
      if (!body.ok) return payload('recipe', refused<RecipeMapper>(body.userErrors));
      if (Object.keys(body.value).length === 0) {
        return payload('recipe', refused<RecipeMapper>([inputError('INVALID', 'Nothing to change: give at least one field besides `id`.', ['input'])]));
      }
      return payload('recipe', await recipeWrite(loaders, id, () => updateRecipe(loaders.api, id, body.value)));
    },
    recipeCopy: async (_root, { input }, ctx) => {
      const { loaders, id } = recipeTarget(ctx, input.id);
      const folderId = input.folderId == null ? undefined : folderIdString(input.folderId, 'input.folderId').folderId;
      const copied = await checkedWrite(() => copyRecipe(loaders.api, id, folderId));
      if (!copied.ok) return payload('recipe', refused<RecipeMapper>(copied.userErrors));
      const newId = newIdOf(copied.value.new_flow_id, 'POST', `/recipes/${id}/copy`);
      loaders.forgetRecipe(id); // the original's copy_count changed
      return payload('recipe', await readBack(loaders, newId));
    },
    recipeDelete: async (_root, { input }, ctx) => {
      const { loaders, id, scope } = recipeTarget(ctx, input.id);
      const deleted = await checkedWrite(() => deleteRecipe(loaders.api, id));
      if (!deleted.ok) return payload('deletedRecipeId', refused<string>(deleted.userErrors));
      loaders.forgetRecipe(id);
      loaders.forgetJobs(id);
      return payload('deletedRecipeId', { ok: true, value: toGlobalId('Recipe', [id], scope) });
    },
  },
  UserError: {
    __resolveType: (error) => error.__typename,
  },
};
