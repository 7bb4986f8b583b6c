import type { WorkatoApi } from './http.js';
import { VERSION_COMMENT_METHOD, pollNowThrottle, unwrapList, unwrapObject } from './inferred.js';
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

/** §5 [wk]: a version comment holds at most 255 characters. */
export const MAX_VERSION_COMMENT = 255;

/**
 * POST /recipes → `{"success": true, "id"}`. The body is nested under `recipe` (the documented form, §10.3); `code`
 * and `config` are JSON-encoded strings and `folder_id` a string ([wk] saw numbers refused with "Must be a String").
 */
export function createRecipe(api: WorkatoApi, recipe: Workato.RecipeWrite): Promise<Workato.CreateRecipeResponse> {
  return api.send<Workato.CreateRecipeResponse>('POST', '/recipes', { body: { recipe } });
}

/**
 * PUT /recipes/:id → `{"success": true}`; only the fields sent change (§10.4). A running recipe is refused with
 * HTTP 200 `{"success": false, "errors": {"running": [...]}}` (§4.3); the caller reads the body.
 */
export function updateRecipe(api: WorkatoApi, id: number, recipe: Workato.RecipeWrite): Promise<Workato.SuccessResponse> {
  return api.send<Workato.SuccessResponse>('PUT', `/recipes/${id}`, { body: { recipe } });
}

/** POST /recipes/:id/copy → `{"success": true, "new_flow_id"}` (200 per the docs, 201 seen by [wk]), §10.5. */
export function copyRecipe(api: WorkatoApi, id: number, folderId?: string): Promise<Workato.CopyRecipeResponse> {
  return api.send<Workato.CopyRecipeResponse>('POST', `/recipes/${id}/copy`, { body: folderId === undefined ? {} : { folder_id: folderId } });
}

/** DELETE /recipes/:id → `{"success": true}` or 204 ([wk]); a running recipe → HTTP 200 `success: false` (§10.6). */
export function deleteRecipe(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/recipes/${id}`);
}

/** POST /recipes/:recipe_id/reset_trigger → `{"success": true}` [inferred] (§10.8). */
export function resetRecipeTrigger(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('POST', `/recipes/${id}/reset_trigger`);
}

/**
 * POST /recipes/:recipe_id/poll_now → 200 with a message; 429 for back-off and quota refusals (§10.10), which are
 * about this recipe or the workspace's credit, not the caller's rate: they leave the recipes family's quota open.
 */
export function pollRecipeNow(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('POST', `/recipes/${id}/poll_now`, {
    objectThrottle: (message) => pollNowThrottle(message) !== null,
  });
}

/** PUT /recipes/:recipe_id/connect `{adapter_name, connection_id}` (integer) → `{"success": true}`; stopped recipes only (§10.9). */
export function connectRecipe(
  api: WorkatoApi,
  id: number,
  body: { adapter_name: string; connection_id: number },
): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('PUT', `/recipes/${id}/connect`, { body });
}

/** PATCH (or PUT) /recipes/:recipe_id/versions/:id `{comment}` → the RecipeVersion with its new comment (§10.11). */
export async function updateRecipeVersionComment(
  api: WorkatoApi,
  recipeId: number,
  versionId: number,
  comment: string,
): Promise<Workato.RecipeVersion> {
  const body = await api.send<unknown>(VERSION_COMMENT_METHOD, `/recipes/${recipeId}/versions/${versionId}`, { body: { comment } });
  return unwrapObject<Workato.RecipeVersion>(body);
}
