/**
 * Links to another object by the id the parent holds (`recipe.folder_id`, `endpoint.flow_id`, …). A normalized client
 * cache asks such a link for its identity only (`folder { id __typename }`): that is settled by the id and the
 * parent's workspace, so it is answered without a call (REFERENCE §13 makes a folder cost a walk of the tree). Any
 * other field loads the object. A reference Workato no longer resolves then stays a reference: nothing was asked
 * that only the object could answer, and the call that would have found it missing is never made.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { selectsOnlyIdentity } from './lookahead.js';

export function linked<T, K extends number | string>(
  info: GraphQLResolveInfo,
  parent: object,
  id: K | null | undefined,
  load: (id: K) => Promise<T> | T,
): Promise<T> | T | null {
  if (id == null) return null;
  if (selectsOnlyIdentity(info)) return tagOne({ id }, scopeOf(parent)) as unknown as T;
  return load(id);
}

/**
 * The resolver of a link whose object is loaded in the parent's own workspace: `folder: linkTo((r) => r.folder_id,
 * (loaders) => loaders.folderById)`.
 */
export function linkTo<P extends object, K extends number | string, T>(
  idOf: (parent: P) => K | null | undefined,
  loaderOf: (loaders: ScopedLoaders) => { load(id: K): Promise<T> },
) {
  return (parent: P, _args: unknown, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<T> | T | null =>
    linked(info, parent, idOf(parent), (id) => loaderOf(ctx.loaders.scope(scopeOf(parent))).load(id));
}
