/**
 * Test automation and recipe health writes (REFERENCE §28, §10 #16): start a run of a recipe's test cases, ask for a
 * health analysis. Both are asynchronous: the answer is the run or report as Workato started it. A recipe is named
 * by its global id (which carries a customer's scope) or by its Workato id plus `managedUser`. What the gateway can
 * check (an empty id list, a test case of another recipe) is refused before any call.
 */
import type { ManagedUserRefInput, Resolvers } from '../generated/graphql.js';
import { tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { requestRecipeHealth, runTestCases } from '../workato/test-automation.js';
import type { Workato } from '../workato/types.js';
import { customerId, write } from './managed-user-mutations.js';
import type { RecipeHealthCheckPayloadMapper, TestRunMapper } from './mappers.js';
import { inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { fromGlobalId, workatoKey } from './relay.js';
import { TEST_CASE_HANDLE } from './test-automation.js';

export { testAutomationResolvers } from './test-automation.js';

interface RecipeRef {
  scope: string | undefined;
  recipeId: number;
}

/** The recipe's workspace (a global id's scope, or `managedUser`'s) and Workato id; two different workspaces is a mistake. */
async function recipeRef(ctx: GatewayContext, value: string, managedUser: ManagedUserRefInput | null | undefined): Promise<Outcome<RecipeRef>> {
  const { key, scope } = workatoKey('Recipe', value, 'input.recipeId');
  if (!managedUser) return { ok: true, value: { scope, recipeId: Number(key) } };
  const customer = await customerId(ctx, managedUser, 'input.managedUser');
  if (!customer.ok) return customer;
  if (scope !== undefined && scope !== String(customer.value)) {
    throw badUserInput('`input.recipeId` is a recipe of another workspace than `input.managedUser`.', 'input.recipeId');
  }
  return { ok: true, value: { scope: String(customer.value), recipeId: Number(key) } };
}

/** Test case handles from bare handles or global ids; a global id of another recipe or workspace is refused. */
function testCaseHandles(values: readonly string[], ref: RecipeRef): Outcome<string[]> {
  if (values.length === 0) return refused([inputError('INVALID', 'Give at least one test case, or omit `testCaseIds` to run them all.', ['input', 'testCaseIds'])]);
  const errors: UserErrorValue[] = [];
  const handles = values.map((value, i) => {
    if (TEST_CASE_HANDLE.test(value)) return value;
    const parsed = fromGlobalId(value);
    const [recipe, handle] = parsed?.keys ?? [];
    if (parsed?.type !== 'TestCase' || parsed.keys.length !== 2 || !TEST_CASE_HANDLE.test(handle ?? '')) {
      throw badUserInput(`\`input.testCaseIds.${i}\` must be a TestCase id (as returned in \`id\`) or its Workato id; got "${value}".`, `input.testCaseIds.${i}`);
    }
    if (Number(recipe) !== ref.recipeId || parsed.scope !== ref.scope) {
      errors.push(inputError('INVALID', 'This test case belongs to another recipe than `recipeId`.', ['input', 'testCaseIds', String(i)]));
    }
    return handle!;
  });
  return errors.length ? refused(errors) : { ok: true, value: handles };
}

export const testAutomationMutationResolvers: Resolvers = {
  Mutation: {
    testCasesRun: async (_root, { input }, ctx) => {
      const ref = await recipeRef(ctx, input.recipeId, input.managedUser);
      if (!ref.ok) return payload<'testRun', TestRunMapper>('testRun', ref);
      const chosen = input.testCaseIds == null ? undefined : testCaseHandles(input.testCaseIds, ref.value);
      if (chosen && !chosen.ok) return payload<'testRun', TestRunMapper>('testRun', chosen);
      // §28: one way of choosing per request; named test cases are already of this recipe.
      const body: Workato.TestRunRequest = chosen ? { test_case_ids: chosen.value } : { recipe_id: ref.value.recipeId };
      const loaders = ctx.loaders.scope(ref.value.scope);
      const outcome = await write(() => runTestCases(loaders.api, body), ['input', 'recipeId']);
      if (!outcome.ok) return payload<'testRun', TestRunMapper>('testRun', outcome);
      const run = tagOne(outcome.value, ref.value.scope);
      loaders.testAutomation.testRunById.clear(run.id).prime(run.id, run);
      // The run started test jobs: this request's job pages of the recipe are stale.
      loaders.forgetJobs(ref.value.recipeId);
      return payload('testRun', { ok: true, value: run });
    },
    recipeHealthCheck: async (_root, { input }, ctx): Promise<RecipeHealthCheckPayloadMapper> => {
      const ref = await recipeRef(ctx, input.recipeId, input.managedUser);
      if (!ref.ok) return { ok: false, userErrors: ref.userErrors };
      const { scope, recipeId } = ref.value;
      const loaders = ctx.loaders.scope(scope);
      const outcome = await write(() => requestRecipeHealth(loaders.api, recipeId), ['input', 'recipeId']);
      if (!outcome.ok) return { ok: false, userErrors: outcome.userErrors };
      loaders.testAutomation.healthByRecipeId.clear(recipeId).prime(recipeId, outcome.value);
      return { ok: true, scope, recipeId, report: outcome.value, userErrors: [] };
    },
  },
  RecipeHealthCheckPayload: {
    // Read only when selected: Workato's answer is the report, not the recipe.
    recipe: (p, _args, ctx) => (p.ok ? ctx.loaders.scope(p.scope).recipeById.load(p.recipeId) : null),
    healthReport: (p) => (p.ok ? p.report : null),
    userErrors: (p) => p.userErrors,
  },
};
