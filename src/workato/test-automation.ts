/**
 * Test automation and recipe health (REFERENCE §28, §10 #15–16). Customer workspaces answer the test automation
 * paths under `/managed_users/<id>/…` (Workato's Embedded docs, not yet in §17.8); health there is [inferred].
 */
import type { WorkatoApi } from './http.js';
import { dataObject, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /recipes/:recipe_id/test_cases — every test case of the recipe (no paging documented). */
export async function listTestCases(api: WorkatoApi, recipeId: number): Promise<Workato.TestCase[]> {
  return unwrapList<Workato.TestCase>(await api.get(`/recipes/${recipeId}/test_cases`));
}

/** POST /test_cases/run_requests — starts a run (asynchronous) and answers it, `running`. */
export async function runTestCases(api: WorkatoApi, body: Workato.TestRunRequest): Promise<Workato.TestRun> {
  return dataObject<Workato.TestRun>(await api.send('POST', '/test_cases/run_requests', { body }));
}

/** GET /test_cases/run_requests/:id — the run's current state and results. */
export async function getTestRun(api: WorkatoApi, id: string): Promise<Workato.TestRun> {
  return dataObject<Workato.TestRun>(await api.get(`/test_cases/run_requests/${encodeURIComponent(id)}`));
}

/** GET /recipes/:recipe_id/health — the latest health report. */
export async function getRecipeHealth(api: WorkatoApi, recipeId: number): Promise<Workato.RecipeHealth> {
  return dataObject<Workato.RecipeHealth>(await api.get(`/recipes/${recipeId}/health`));
}

/** POST /recipes/:recipe_id/health — asks for a new analysis (20 / min, §28 docs). */
export async function requestRecipeHealth(api: WorkatoApi, recipeId: number): Promise<Workato.RecipeHealth> {
  return dataObject<Workato.RecipeHealth>(await api.send('POST', `/recipes/${recipeId}/health`, {}));
}
