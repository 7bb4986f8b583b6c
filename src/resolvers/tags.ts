/**
 * Tags (REFERENCE §23; Embedded §17.8): the tag list, one tag by handle, a customer's tags, and the `tags` of
 * recipes and connections. Those carry only handles (`includes[]=tags`); the tags come from one walk of the tag
 * list per request and workspace (loaders/tags.ts), however many recipes or connections ask.
 */
import type { Resolvers } from '../generated/graphql.js';
import { scopeOf, type Scoped } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { found, prop, typed } from './helpers.js';
import type { TagMapper } from './mappers.js';
import { customerWorkatoKey } from './managed-users.js';
import { globalIdOf, pageOfPagedList, pageSize, workatoKey } from './relay.js';

/** A tag `id` (global) or bare handle → the handle and the scope a global id names. */
export function tagKey(value: string, argument: string): { key: string; scope?: string } {
  return workatoKey('Tag', value, argument);
}

const tagsOf = (ctx: GatewayContext, scope: string | undefined) => ctx.loaders.scope(scope).tags;

/** The tags behind a recipe's or connection's handles, in its order; a handle whose tag is gone is skipped. */
async function tagsOfHandles(value: Scoped<{ tags?: string[] | null }>, ctx: GatewayContext): Promise<TagMapper[]> {
  const handles = value.tags ?? [];
  if (handles.length === 0) return [];
  return found(await tagsOf(ctx, scopeOf(value)).tagByHandle.loadMany(handles));
}

const tagHandles = (value: { tags?: string[] | null }) => value.tags ?? [];

/** One page of a workspace's tags: `GET /tags` page/per_page, `q` passed through (§23), over the shared pages of 100. */
function tagPage(ctx: GatewayContext, scope: string | undefined, args: { q?: string | null; first?: number | null; after?: string | null }) {
  const q = args.q ?? undefined;
  return pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => tagsOf(ctx, scope).tagWindow(q, page, per_page));
}

/** `node(id)` / `_entities` for a Tag. */
export const tagNode: FamilyNodeLoader = async (parsed, ctx) =>
  typed(await tagsOf(ctx, parsed.scope).tagByHandle.load(parsed.keys[0]!), 'Tag');

export const tagResolvers: Resolvers = {
  Query: {
    tags: (_root, args, ctx) => tagPage(ctx, undefined, args),
    tag: (_root, args, ctx) => {
      const { key, scope } = tagKey(args.id, 'id');
      return tagsOf(ctx, scope).tagByHandle.load(key);
    },
  },
  ManagedUser: {
    tags: (u, args, ctx) => tagPage(ctx, String(u.id), args),
    tag: (u, args, ctx) => tagsOf(ctx, String(u.id)).tagByHandle.load(customerWorkatoKey('Tag', args.id, 'id', u)),
  },
  Recipe: {
    tags: (r, _args, ctx) => tagsOfHandles(r, ctx),
    tagHandles,
  },
  Connection: {
    tags: (c, _args, ctx) => tagsOfHandles(c, ctx),
    tagHandles,
  },
  Tag: {
    id: (t) => globalIdOf('Tag', t, t.handle),
    workatoId: (t) => t.handle,
    // §23: a title is required on create; an absent one reads as empty rather than failing the whole list.
    title: (t) => t.title ?? '',
    description: prop<Workato.Tag, 'description'>('description'),
    color: prop<Workato.Tag, 'color'>('color'),
    createdAt: prop<Workato.Tag, 'created_at'>('created_at'),
    updatedAt: prop<Workato.Tag, 'updated_at'>('updated_at'),
  },
};
