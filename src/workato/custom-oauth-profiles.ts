import type { WorkatoApi } from './http.js';
import { deleteAnswerOf, unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /custom_oauth_profiles — one page (page/per_page, default and max 100), `{"result": [...]}` (§28 [doc]). */
export async function listCustomOAuthProfiles(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.CustomOAuthProfile[]> {
  return unwrapList<Workato.CustomOAuthProfile>(await api.get('/custom_oauth_profiles', params));
}

/** GET /custom_oauth_profiles/:id → `{"result": profile}`; 404 for an unknown id. */
export async function getCustomOAuthProfile(api: WorkatoApi, id: number): Promise<Workato.CustomOAuthProfile> {
  return unwrapObject<Workato.CustomOAuthProfile>(await api.get(`/custom_oauth_profiles/${id}`));
}

/** POST /custom_oauth_profiles → the new profile [inferred body and answer, see inferred.ts]. */
export async function createCustomOAuthProfile(api: WorkatoApi, body: Workato.CustomOAuthProfileWrite): Promise<Workato.CustomOAuthProfile> {
  return unwrapObject<Workato.CustomOAuthProfile>(await api.send('POST', '/custom_oauth_profiles', { body }));
}

/** PUT /custom_oauth_profiles/:id with the fields to change → the profile [inferred]. */
export async function updateCustomOAuthProfile(api: WorkatoApi, id: number, body: Workato.CustomOAuthProfileWrite): Promise<Workato.CustomOAuthProfile> {
  return unwrapObject<Workato.CustomOAuthProfile>(await api.send('PUT', `/custom_oauth_profiles/${id}`, { body }));
}

/** DELETE /custom_oauth_profiles/:id → `{"result": {"success": true}}` [inferred]. */
export async function deleteCustomOAuthProfile(api: WorkatoApi, id: number): Promise<{ success?: boolean; message?: string } | undefined> {
  return deleteAnswerOf(await api.send('DELETE', `/custom_oauth_profiles/${id}`));
}
