import DataLoader from 'dataloader';
import { WorkatoError, type WorkatoApi } from '../workato/http.js';
import { getRecipeHealth, getTestRun, listTestCases } from '../workato/test-automation.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { notFoundAs, toError } from './util.js';

export type TestCaseValue = Scoped<Workato.TestCase & { recipe_id: number }>;

const is404 = (e: unknown) => e instanceof WorkatoError && e.status === 404;

/**
 * Test automation and recipe health of one workspace scope (REFERENCE §28, §10 #15–16). No endpoint takes several
 * ids, so "batch" means one call per recipe or run per request, de-duplicated; a test case by key comes out of its
 * recipe's list, and a run the mutation answered is primed.
 */
export function createTestAutomationLoaders(api: WorkatoApi, scope: string | undefined) {
  /** GET /recipes/:recipe_id/test_cases, once per recipe and request; the recipe id is known from the path. */
  const testCasesByRecipeId = new DataLoader<number, TestCaseValue[]>((ids) =>
    Promise.all(
      ids.map((recipeId) =>
        listTestCases(api, recipeId).then(
          (cases) => tag(cases.map((c) => ({ ...c, recipe_id: recipeId })), scope),
          notFoundAs('Recipe', String(recipeId)),
        ),
      ),
    ),
  );

  /** A test case by recipe id + handle, from that recipe's one list. */
  async function testCase(recipeId: number, handle: string): Promise<TestCaseValue> {
    const found = (await testCasesByRecipeId.load(recipeId)).find((c) => c.id === handle);
    if (!found) throw new NotFoundError('TestCase', `${recipeId}/${handle}`);
    return found;
  }

  /** GET /test_cases/run_requests/:id. */
  const testRunById = new DataLoader<string, Scoped<Workato.TestRun>>((ids) =>
    Promise.all(
      ids.map((id) =>
        getTestRun(api, id).then(
          (run) => tagOne(run, scope),
          notFoundAs('TestRun', id),
        ),
      ),
    ),
  );

  /** GET /recipes/:recipe_id/health; null when the recipe has never been analysed (404, [inferred]). */
  const healthByRecipeId = new DataLoader<number, Workato.RecipeHealth | null>((ids) =>
    Promise.all(ids.map((id) => getRecipeHealth(api, id).catch((e: unknown) => (is404(e) ? null : toError(e))))),
  );

  return { testCasesByRecipeId, testCase, testRunById, healthByRecipeId };
}

export type TestAutomationLoaders = ReturnType<typeof createTestAutomationLoaders>;
