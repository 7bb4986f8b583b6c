import type { WorkatoApi } from '../workato/http.js';
import { WorkatoError } from '../workato/http.js';
import { getCustomOAuthProfile, listCustomOAuthProfiles } from '../workato/custom-oauth-profiles.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, requestLoader } from './options.js';
import { listLoader, toError } from './util.js';

/** Custom OAuth profiles of the caller's workspace (REFERENCE §28): page-based list, get by id. */
export function createCustomOAuthProfileLoaders(api: WorkatoApi, _scope: string | undefined) {
  /** List pages asked for in this request, so a by-id read can wait for them instead of calling. */
  const pages: Promise<unknown>[] = [];

  /**
   * GET /custom_oauth_profiles/:id, one call per id no list page of this request holds. Sibling fields start their
   * loads in the same tick, so the batch first lets those list pages start, then waits for them.
   */
  const customOAuthProfileById = requestLoader<number, Workato.CustomOAuthProfile>(BATCHED, async (ids) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.allSettled(pages);
    return Promise.all(
      ids.map((id) =>
        listed.get(id) ??
        getCustomOAuthProfile(api, id).catch((e: unknown) =>
          e instanceof WorkatoError && e.status === 404 ? new NotFoundError('CustomOAuthProfile', String(id)) : toError(e),
        ),
      ),
    );
  });
  const listed = new Map<number, Workato.CustomOAuthProfile>();

  /** One page of GET /custom_oauth_profiles; every profile primes customOAuthProfileById. */
  const customOAuthProfilePage = listLoader((params: { page: number; per_page: number }) => {
    const page = listCustomOAuthProfiles(api, params).then((profiles) => {
      for (const p of profiles) {
        listed.set(p.id, p);
        customOAuthProfileById.prime(p.id, p);
      }
      return profiles;
    });
    pages.push(page);
    return page;
  });

  /** After a write: lists and the written id are read again. */
  const forgetCustomOAuthProfiles = (id?: number) => {
    customOAuthProfilePage.clearAll();
    pages.length = 0;
    listed.clear();
    if (id !== undefined) customOAuthProfileById.clear(id);
  };

  return { customOAuthProfileById, customOAuthProfilePage, forgetCustomOAuthProfiles };
}
