import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { MAX_PER_PAGE } from '../workato/inferred.js';
import { listTags } from '../workato/tags.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { allPages, listLoader } from './util.js';

/** Workato's largest `per_page` (§6): the page size every tag read of a request shares. */
const FULL = MAX_PER_PAGE;

/**
 * Tags of one workspace scope (REFERENCE §23, Embedded §17.8): page-based, no get-by-id. Recipes and connections
 * carry only handles, so `Recipe.tags` of any number of recipes costs one walk of the tag list per request.
 */
export function createTagLoaders(api: WorkatoApi, scope: string | undefined) {
  /** One page of GET /tags (optionally searched with `q`); every tag primes tagByHandle. */
  const tagPage = listLoader(async (params: { q?: string; page: number; per_page: number }) => {
    const tags = tag(await listTags(api, params), scope);
    for (const t of tags) tagByHandle.prime(t.handle, t);
    return tags;
  });

  /** No get-by-id exists: every page of the unsearched list once per request, indexed by handle (§30). */
  let all: Promise<Scoped<Workato.Tag>[]> | undefined;
  const tagByHandle = new DataLoader<string, Scoped<Workato.Tag>>(async (handles) => {
    all ??= allPages((page, per_page) => tagPage.load({ page, per_page }), FULL);
    const byHandle = new Map((await all).map((t) => [t.handle, t]));
    return handles.map((h) => byHandle.get(h) ?? new NotFoundError('Tag', h));
  });

  /**
   * Any page/per_page window of the list, read from the pages of 100 that every tag read of the request shares: a
   * `tags(first: 25)` page, `tag(id)` and `Recipe.tags` in one request cost one call while a workspace has at most
   * 100 tags (at most 1,000 exist, §5).
   */
  async function tagWindow(q: string | undefined, page: number, perPage: number): Promise<Scoped<Workato.Tag>[]> {
    const start = (page - 1) * perPage;
    const end = start + perPage;
    const out: Scoped<Workato.Tag>[] = [];
    for (let p = Math.floor(start / FULL) + 1; (p - 1) * FULL < end; p++) {
      const items = await tagPage.load({ q, page: p, per_page: FULL });
      out.push(...items.slice(Math.max(0, start - (p - 1) * FULL), end - (p - 1) * FULL));
      if (items.length < FULL) break;
    }
    return out;
  }

  /** After a tag write: later fields of this request list again. */
  function forgetTags(): void {
    tagPage.clearAll();
    tagByHandle.clearAll();
    all = undefined;
  }

  return { tagPage, tagWindow, tagByHandle, forgetTags };
}

export type TagLoaders = ReturnType<typeof createTagLoaders>;
