import type { WorkatoApi } from '../workato/http.js';
import { WorkatoError } from '../workato/http.js';
import { getCustomOAuthProfile, listCustomOAuthProfiles } from '../workato/custom-oauth-profiles.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, requestLoader } from './options.js';
import { listLoader, toError } from './util.js';

/** Custom OAuth profiles of the caller's workspace (REFERENCE §28): page-based list, get by id. */
export function createCustomOAuthProfileLoaders(api: WorkatoApi, _scope: string | undefined) {
  /** GET /custom_oauth_profiles/:id, one call per id not already seen in a list page of this request. */
  const customOAuthProfileById = requestLoader<number, Workato.CustomOAuthProfile>(BATCHED, (ids) =>
    Promise.all(
      ids.map((id) =>
        getCustomOAuthProfile(api, id).catch((e: unknown) =>
          e instanceof WorkatoError && e.status === 404 ? new NotFoundError('CustomOAuthProfile', String(id)) : toError(e),
        ),
      ),
    ),
  );

  /** One page of GET /custom_oauth_profiles; every profile primes customOAuthProfileById. */
  const customOAuthProfilePage = listLoader(async (params: { page: number; per_page: number }) => {
    const profiles = await listCustomOAuthProfiles(api, params);
    for (const p of profiles) customOAuthProfileById.prime(p.id, p);
    return profiles;
  });

  /** After a write: lists and the written id are read again. */
  const forgetCustomOAuthProfiles = (id?: number) => {
    customOAuthProfilePage.clearAll();
    if (id !== undefined) customOAuthProfileById.clear(id);
  };

  return { customOAuthProfileById, customOAuthProfilePage, forgetCustomOAuthProfiles };
}
