/**
 * Tags and tag assignments (REFERENCE §23). In an Embedded customer's scope every call goes to
 * `/v2/managed_users/<id>/…` (§17.8), hence `embeddedV2` on each.
 */
import type { WorkatoApi } from './http.js';
import { unwrapTag, unwrapTags } from './inferred.js';
import type { Workato } from './types.js';

const V2 = { embeddedV2: true } as const;

/** GET /tags — one page (page/per_page), optionally searched with `q` [wk]; envelope `{"data": {"tags"}}`. */
export async function listTags(api: WorkatoApi, params: { q?: string; page?: number; per_page?: number } = {}): Promise<Workato.Tag[]> {
  return unwrapTags(await api.get('/tags', params, V2));
}

/** POST /tags (`title` required) → the new Tag, or undefined when Workato answered something else. */
export async function createTag(api: WorkatoApi, body: Workato.TagWrite & { title: string }): Promise<Workato.Tag | undefined> {
  return unwrapTag(await api.send('POST', '/tags', { body, ...V2 }));
}

/** PUT /tags/:handle with the fields to change → the Tag, or undefined when Workato answered something else. */
export async function updateTag(api: WorkatoApi, handle: string, body: Workato.TagWrite): Promise<Workato.Tag | undefined> {
  return unwrapTag(await api.send('PUT', `/tags/${encodeURIComponent(handle)}`, { body, ...V2 }));
}

/** DELETE /tags/:handle. */
export function deleteTag(api: WorkatoApi, handle: string): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/tags/${encodeURIComponent(handle)}`, V2);
}

/** POST /tags_assignments: adds and removes tags on recipes and connections; success is 200 with an empty body. */
export function assignTags(api: WorkatoApi, body: Workato.TagsAssignment): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('POST', '/tags_assignments', { body, ...V2 });
}
