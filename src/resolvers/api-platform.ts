/**
 * The API platform (REFERENCE §22): collections, endpoints, v2 API clients ("API platform clients", not §21's
 * Developer API clients), their keys, and portals — in the caller's workspace and, for collections, endpoints and
 * clients, in an Embedded customer's (§17.8, `ManagedUser.api…`). Writes are in api-platform-mutations.ts.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiPlatformAuthType, Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf } from '../loaders/scope.js';
import { badUserInput } from '../server/errors.js';
import { apiPlatformMutationResolvers } from './api-platform-mutations.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { flag, found, fromWire, list, prop, typed, workatoId } from './helpers.js';
import { customerKey, customerLoaders } from './managed-users.js';
import type { ApiPlatformClientMapper } from './mappers.js';
import { globalIdOf, pageOfPagedList, pageSize, WORKATO_INT_ID, workatoKey, type NodeType } from './relay.js';
import { linkTo } from './links.js';
import { selectedArgs } from './lookahead.js';
import type { Workato } from '../workato/types.js';

type PageArgs = { first?: number | null; after?: string | null };
const AUTH_TYPES: readonly string[] = ['token', 'jwt', 'oauth2', 'oidc'];

/** A Workato id of a wire field that may be a string (collection `project_id`, §7), as a number; else null. */
const numericId = (value: string | number | null | undefined): number | null => (value != null && WORKATO_INT_ID.test(String(value)) ? Number(value) : null);

/** A list whose Workato answer has a `count`: the page, plus `totalCount` from the last call it made. */
async function countedPage<T>(args: PageArgs, load: (page: number, per_page: number) => Promise<{ data: T[]; count: number | null }>) {
  let totalCount: number | null = null;
  const page = await pageOfPagedList(pageSize(args.first), args.after, async (p, perPage) => {
    const answer = await load(p, perPage);
    totalCount = answer.count;
    return answer.data;
  });
  return { ...page, totalCount };
}

export const collectionPage = (loaders: ScopedLoaders, args: PageArgs) =>
  pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => loaders.apiPlatform.apiCollectionPage.load({ page, per_page }));

export const endpointPage = (loaders: ScopedLoaders, collectionId: number | undefined, args: PageArgs) =>
  pageOfPagedList(pageSize(args.first), args.after, (page, per_page) =>
    loaders.apiPlatform.apiEndpointPage.load({ page, per_page, ...(collectionId === undefined ? {} : { api_collection_id: collectionId }) }),
  );

/** A page of one collection's endpoints (ApiCollection.endpoints), from the pages apiEndpointsByCollectionId reads. */
const collectionEndpointPage = (pages: (page: number, per_page: number) => Promise<Workato.ApiEndpoint[]>, args: PageArgs) =>
  pageOfPagedList(pageSize(args.first), args.after, pages);

/**
 * `apiCollection(id) { endpoints { … } }`: the collection's endpoint page needs only its id, so it is asked for
 * together with the collection list (one round trip, not two). The page read is the one `endpoints` then makes.
 */
function prefetchEndpointPages(loaders: ScopedLoaders, collectionId: number, info: GraphQLResolveInfo): void {
  for (const args of selectedArgs(info, 'endpoints') as PageArgs[]) {
    collectionEndpointPage((page, per_page) => loaders.apiPlatform.apiEndpointPage.load({ page, per_page, api_collection_id: collectionId }), args).catch(
      () => undefined, // a bad argument or a failed call: `endpoints` reports it
    );
  }
}

export const clientPage = (loaders: ScopedLoaders, filters: { project_id?: number; cert_bundle_ids?: number[] }, args: PageArgs) =>
  countedPage(args, (page, per_page) => loaders.apiPlatform.apiClientPage.load({ page, per_page, ...filters }));

/** `certBundleIds` are Workato ids only (the gateway serves no certificate bundles). */
function bundleIds(ids: readonly string[] | null | undefined): number[] | undefined {
  if (!ids?.length) return undefined;
  return ids.map((id) => {
    if (!WORKATO_INT_ID.test(id)) throw badUserInput(`\`certBundleIds\` takes Workato ids; got "${id}".`, 'certBundleIds');
    return Number(id);
  });
}

/** Node loaders: one-key types by their id, keys by `<clientId>:<keyId>` (their endpoints need the client). */
const nodeOf =
  (type: NodeType, load: (loaders: ScopedLoaders, id: number) => Promise<object>): FamilyNodeLoader =>
  async (parsed, ctx, id) => {
    const key = parsed.keys[0] ?? '';
    if (parsed.keys.length !== 1 || !WORKATO_INT_ID.test(key)) throw badUserInput(`"${id()}" is not a ${type} id this API issued.`, 'id');
    return typed(await load(ctx.loaders.scope(parsed.scope), Number(key)), type) as never;
  };

export const API_PLATFORM_NODES = {
  ApiCollection: nodeOf('ApiCollection', (l, id) => l.apiPlatform.apiCollectionById.load(id)),
  ApiEndpoint: nodeOf('ApiEndpoint', (l, id) => l.apiPlatform.apiEndpointById.load(id)),
  ApiPlatformClient: nodeOf('ApiPlatformClient', (l, id) => l.apiPlatform.apiClientById.load(id)),
  ApiPortal: nodeOf('ApiPortal', (l, id) => l.apiPlatform.apiPortalById.load(id)),
  ApiKey: (async (parsed, ctx, id) => {
    const [clientId, keyId] = parsed.keys;
    if (parsed.keys.length !== 2 || !WORKATO_INT_ID.test(clientId ?? '') || !WORKATO_INT_ID.test(keyId ?? '')) {
      throw badUserInput(`"${id()}" is not an ApiKey id this API issued.`, 'id');
    }
    const key = await ctx.loaders.scope(parsed.scope).apiPlatform.apiKeyByKey.load({ clientId: Number(clientId), keyId: Number(keyId) });
    return typed(key, 'ApiKey') as never;
  }) satisfies FamilyNodeLoader,
} satisfies Partial<Record<NodeType, FamilyNodeLoader>>;

const projectOf = linkTo((value: { project_id?: string | number | null }) => numericId(value.project_id), (l) => l.projectById);

export const apiPlatformResolvers: Resolvers = {
  // The writes live in api-platform-mutations.ts; one resolver map per family for resolvers/index.ts.
  Mutation: apiPlatformMutationResolvers.Mutation,
  Query: {
    apiCollections: (_root, args, ctx) => collectionPage(ctx.loaders.scope(), args),
    apiCollection: (_root, args, ctx, info) => {
      const { key, scope } = workatoKey('ApiCollection', args.id, 'id');
      const loaders = ctx.loaders.scope(scope);
      prefetchEndpointPages(loaders, Number(key), info);
      return loaders.apiPlatform.apiCollectionById.load(Number(key));
    },
    apiEndpoints: (_root, args, ctx) => {
      const collection = args.collectionId ? workatoKey('ApiCollection', args.collectionId, 'collectionId') : undefined;
      return endpointPage(ctx.loaders.scope(collection?.scope), collection && Number(collection.key), args);
    },
    apiEndpoint: (_root, args, ctx) => {
      const { key, scope } = workatoKey('ApiEndpoint', args.id, 'id');
      return ctx.loaders.scope(scope).apiPlatform.apiEndpointById.load(Number(key));
    },
    apiPlatformClients: (_root, args, ctx) => {
      const project = args.projectId ? Number(workatoKey('Project', args.projectId, 'projectId').key) : undefined;
      return clientPage(ctx.loaders.scope(), { project_id: project, cert_bundle_ids: bundleIds(args.certBundleIds) }, args);
    },
    apiPlatformClient: (_root, args, ctx) => {
      const { key, scope } = workatoKey('ApiPlatformClient', args.id, 'id');
      return ctx.loaders.scope(scope).apiPlatform.apiClientById.load(Number(key));
    },
    apiPortals: (_root, args, ctx) => countedPage(args, (page, per_page) => ctx.loaders.scope().apiPlatform.apiPortalPage.load({ page, per_page })),
    apiPortal: (_root, args, ctx) => ctx.loaders.scope().apiPlatform.apiPortalById.load(Number(workatoKey('ApiPortal', args.id, 'id').key)),
  },
  ManagedUser: {
    apiCollections: (u, args, ctx) => collectionPage(customerLoaders(ctx, u), args),
    apiEndpoints: (u, args, ctx) =>
      endpointPage(customerLoaders(ctx, u), args.collectionId ? customerKey('ApiCollection', args.collectionId, 'collectionId', u) : undefined, args),
    apiPlatformClients: (u, args, ctx) => {
      const project = args.projectId ? customerKey('Project', args.projectId, 'projectId', u) : undefined;
      return clientPage(customerLoaders(ctx, u), { project_id: project, cert_bundle_ids: bundleIds(args.certBundleIds) }, args);
    },
  },
  ApiCollection: {
    id: (c) => globalIdOf('ApiCollection', c, c.id),
    workatoId,
    projectId: prop('project_id'),
    project: projectOf,
    url: prop('url'),
    apiSpecUrl: prop('api_spec_url'),
    version: prop('version'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    endpoints: async (c, args, ctx) => collectionEndpointPage(await ctx.loaders.scope(scopeOf(c)).apiPlatform.apiEndpointsByCollectionId.load(c.id), args),
  },
  ApiEndpoint: {
    id: (e) => globalIdOf('ApiEndpoint', e, e.id),
    workatoId,
    method: prop('method'),
    url: prop('url'),
    legacyUrl: prop('legacy_url'),
    basePath: prop('base_path'),
    path: prop('path'),
    enabled: flag('active'),
    legacy: flag('legacy'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    collectionId: (e) => e.api_collection_id,
    collection: linkTo((e) => e.api_collection_id, (l) => l.apiPlatform.apiCollectionById),
    recipeId: prop('flow_id'),
    recipe: linkTo((e) => e.flow_id, (l) => l.recipeById),
  },
  ApiPlatformClient: {
    id: (c) => globalIdOf('ApiPlatformClient', c, c.id),
    workatoId,
    description: prop('description'),
    projectId: prop('project_id'),
    project: projectOf,
    authType: (c) => (AUTH_TYPES.includes(c.auth_type ?? '') ? fromWire<ApiPlatformAuthType>(c.auth_type!) : null),
    legacy: flag('is_legacy'),
    email: prop('email'),
    logoUrl: prop('logo'),
    logoUrl2x: prop('logo_2x'),
    mtlsEnabled: flag('mtls_enabled'),
    validationFormula: prop('validation_formula'),
    certBundleIds: list('cert_bundle_ids'),
    activeKeyCount: prop('active_api_keys_count'),
    keyCount: prop('total_api_keys_count'),
    apiPolicyIds: (c) => (c.api_policies ?? []).flatMap((p) => (p.id == null ? [] : [p.id])),
    apiPolicyNames: (c) => (c.api_policies ?? []).flatMap((p) => (p.id == null ? [] : [p.name ?? ''])),
    // The client names its collections (id and name); the full objects come from the collection list.
    apiCollections: async (c: ApiPlatformClientMapper, _args, ctx) => {
      const ids = (c.api_collections ?? []).flatMap((ref) => (typeof ref.id === 'number' ? [ref.id] : []));
      return found(await ctx.loaders.scope(scopeOf(c)).apiPlatform.apiCollectionById.loadMany(ids));
    },
    keys: (c, args, ctx) =>
      countedPage(args, (page, per_page) => ctx.loaders.scope(scopeOf(c)).apiPlatform.apiKeyPage.load({ clientId: c.id, page, per_page })),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  ApiKey: {
    id: (k) => globalIdOf('ApiKey', k, k.api_client_id, k.id),
    workatoId,
    authType: prop('auth_type'),
    enabled: flag('active'),
    activeSince: prop('active_since'),
    ipAllowList: list('ip_allow_list'),
    ipDenyList: list('ip_deny_list'),
    client: (k, _args, ctx) => ctx.loaders.scope(scopeOf(k)).apiPlatform.apiClientById.load(k.api_client_id),
  },
  ApiPortal: {
    id: (p) => globalIdOf('ApiPortal', p, p.id),
    workatoId,
    url: prop('url'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
};
