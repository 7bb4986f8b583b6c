/**
 * Links to another object by the id the parent holds (`recipe.folder_id`, `endpoint.flow_id`, …). A normalized client
 * cache asks such a link for its identity only (`folder { id __typename }`): that is settled by the id and the
 * parent's workspace, so it is answered without a call (REFERENCE §13 makes a folder cost a walk of the tree). Any
 * other field loads the object. A reference Workato no longer resolves then stays a reference: nothing was asked
 * that only the object could answer, and the call that would have found it missing is never made.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { scopeOf, tag } from '../loaders/scope.js';
import { selectsOnlyIdentity } from './lookahead.js';

export function linked<T, K extends number | string>(
  info: GraphQLResolveInfo,
  parent: object,
  id: K | null | undefined,
  load: (id: K) => Promise<T> | T,
): Promise<T> | T | null {
  if (id == null) return null;
  if (selectsOnlyIdentity(info)) return tag([{ id }], scopeOf(parent))[0] as unknown as T;
  return load(id);
}
