import type { WorkatoApi } from '../workato/http.js';
import { getCustomOAuthProfile, listCustomOAuthProfiles } from '../workato/custom-oauth-profiles.js';
import type { Workato } from '../workato/types.js';
import { listedById, itemsOfArray } from './util.js';

/**
 * Custom OAuth profiles of the caller's workspace (REFERENCE §28): page-based list, get by id (listedById: a listed
 * profile costs no GET /custom_oauth_profiles/:id; sibling fields' list pages are waited for first).
 */
export function createCustomOAuthProfileLoaders(api: WorkatoApi, _scope: string | undefined) {
  const profiles = listedById<Workato.CustomOAuthProfile, number, Workato.CustomOAuthProfile[]>({
    entity: 'CustomOAuthProfile',
    idOf: (p) => p.id,
    items: itemsOfArray,
    list: (params) => listCustomOAuthProfiles(api, params),
    get: (id) => getCustomOAuthProfile(api, id),
  });
  return { customOAuthProfileById: profiles.byId, customOAuthProfilePage: profiles.page, forgetCustomOAuthProfiles: profiles.forget };
}
