import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** Query parameters of GET /recipes (REFERENCE §10.1), with Workato's names. */
export interface ListRecipesParams {
  adapter_names_all?: string;
  adapter_names_any?: string;
  folder_id?: number;
  order?: 'activity' | 'default';
  page?: number;
  per_page?: number;
  running?: boolean;
  since_id?: number;
  stopped_after?: string;
  stop_cause?: string;
  updated_after?: string;
  includes?: string[];
  exclude_code?: boolean;
}

/** GET /recipes — id-descending, `{"items": [...]}` (Embedded: `{"result": [...]}`). */
export async function listRecipes(api: WorkatoApi, params: ListRecipesParams = {}): Promise<Workato.Recipe[]> {
  const { includes, ...rest } = params;
  return unwrapList<Workato.Recipe>(await api.get('/recipes', { ...rest, includes }));
}

/** GET /recipes/:id */
export async function getRecipe(api: WorkatoApi, id: number): Promise<Workato.Recipe> {
  return unwrapObject<Workato.Recipe>(await api.get(`/recipes/${id}`, { includes: ['tags'] }));
}

/** GET /recipes/:recipe_id/versions — `{"data": [...]}` (REFERENCE §10.11). */
export async function listRecipeVersions(
  api: WorkatoApi,
  recipeId: number,
  params: { page?: number; per_page?: number } = {},
): Promise<Workato.RecipeVersion[]> {
  return unwrapList<Workato.RecipeVersion>(await api.get(`/recipes/${recipeId}/versions`, params));
}

/** GET /recipes/:recipe_id/versions/:id */
export async function getRecipeVersion(api: WorkatoApi, recipeId: number, versionId: number): Promise<Workato.RecipeVersion> {
  return unwrapObject<Workato.RecipeVersion>(await api.get(`/recipes/${recipeId}/versions/${versionId}`));
}

/**
 * PUT /recipes/:id/start. HTTP 200 is not success: a refusal arrives as `{"success": false, "code_errors",
 * "config_errors"}` (REFERENCE §4.3, §10.7). The caller reads the body.
 */
export function startRecipe(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse> {
  return api.send<Workato.SuccessResponse>('PUT', `/recipes/${id}/start`);
}

/** PUT /recipes/:id/stop → `{"success": true}`; 400 on an invalid transition (§10.7). */
export function stopRecipe(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse> {
  return api.send<Workato.SuccessResponse>('PUT', `/recipes/${id}/stop`);
}
