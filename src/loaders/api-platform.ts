import DataLoader from 'dataloader';
import {
  getApiClient,
  listApiClients,
  listApiCollections,
  listApiEndpoints,
  listApiKeys,
  listApiPortals,
} from '../workato/api-platform.js';
import type { WorkatoApi } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { allPages, listedById, listLoader, type PageKey, type Counted, itemsOfArray, itemsOfCounted } from './util.js';

/** A key with the client it belongs to (Workato's key objects do not carry it, §22 #11). */
export type ApiKeyOf = Scoped<Workato.ApiKey & { api_client_id: number }>;

const idOf = (item: { id: number }) => item.id;

/**
 * API platform reads of one workspace scope (REFERENCE §22; Embedded §17.8). Collections, endpoints, clients and
 * portals are each a listedById family: an object a list page of the request holds (filtered or not) costs no
 * second call, whichever field asks, and sibling fields' pages are waited for before anything is read by id.
 * Collections, endpoints and portals have no get-by-id: an id no page holds is looked for in every page of 100.
 */
export function createApiPlatformLoaders(api: WorkatoApi, scope: string | undefined) {
  // ---- collections: page/per_page, bare array, no get-by-id
  const collections = listedById<Scoped<Workato.ApiCollection>, number, Scoped<Workato.ApiCollection>[]>({
    entity: 'ApiCollection', idOf, items: itemsOfArray, list: async (params) => tag(await listApiCollections(api, params), scope),
  });

  // ---- endpoints: page/per_page, optionally of one collection; no get-by-id
  const endpoints = listedById<Scoped<Workato.ApiEndpoint>, number, Scoped<Workato.ApiEndpoint>[], { api_collection_id: number }>({
    entity: 'ApiEndpoint', idOf, items: itemsOfArray, list: async (params) => tag(await listApiEndpoints(api, params), scope),
  });
  const apiEndpointPage = endpoints.page;
  /**
   * How to read the endpoints of many collections, as a page reader for `pageOfPagedList` (offset cursors, Workato's
   * order). One collection asks Workato for its own pages (`api_collection_id`, `per_page` = what the page needs),
   * so `endpoints(first: 5)` costs one call however many endpoints it has; several read the unfiltered list once and
   * cut each one's pages from it, so a page of collections costs one call per 100 endpoints, not one per collection.
   */
  type EndpointPages = (page: number, per_page: number) => Promise<Scoped<Workato.ApiEndpoint>[]>;
  const apiEndpointsByCollectionId = new DataLoader<number, EndpointPages>(async (ids) => {
    if (ids.length === 1) return [(page, per_page) => apiEndpointPage.load({ page, per_page, api_collection_id: ids[0]! })];
    const all = allPages((page, per_page) => apiEndpointPage.load({ page, per_page }));
    return ids.map((id): EndpointPages => async (page, per_page) =>
      (await all).filter((e) => e.api_collection_id === id).slice((page - 1) * per_page, page * per_page),
    );
  });

  /** A `{"data", "count"}` answer with its items marked with this workspace, and `count` null when Workato left it out. */
  const scopedCounted = <T extends object>({ data, count }: { data: T[]; count?: number | null }): Counted<Scoped<T>> => ({
    data: tag(data, scope),
    count: count ?? null,
  });

  // ---- v2 clients: `{"data", "count"}`, get-by-id; filtered by project or certificate bundles
  const clients = listedById<Scoped<Workato.ApiClient>, number, Counted<Scoped<Workato.ApiClient>>, { project_id: number; cert_bundle_ids: number[] }>({
    entity: 'ApiPlatformClient',
    idOf,
    items: itemsOfCounted,
    list: async (params) => scopedCounted(await listApiClients(api, params)),
    get: async (id) => tagOne(await getApiClient(api, id), scope),
  });

  // ---- keys of a client: `{"data", "count"}`, page/per_page (§6), no get-by-id
  const apiKeyPage = listLoader(async ({ clientId, ...params }: PageKey & { clientId: number }) => {
    const { data, count } = await listApiKeys(api, clientId, params);
    const keys = scopedCounted({ data: data.map((k): Workato.ApiKey & { api_client_id: number } => ({ ...k, api_client_id: clientId })), count });
    for (const k of keys.data) apiKeyByKey.prime({ clientId, keyId: k.id }, k);
    return keys as Counted<ApiKeyOf>;
  });
  const apiKeyByKey = new DataLoader<{ clientId: number; keyId: number }, ApiKeyOf, string>(
    async (keys) => {
      const byClient = new Map<number, Promise<ApiKeyOf[]>>();
      for (const { clientId } of keys) {
        if (!byClient.has(clientId)) byClient.set(clientId, allPages(async (page, per_page) => (await apiKeyPage.load({ clientId, page, per_page })).data));
      }
      return Promise.all(
        keys.map(async ({ clientId, keyId }) => (await byClient.get(clientId)!).find((k) => k.id === keyId) ?? new NotFoundError('ApiKey', `${clientId}:${keyId}`)),
      );
    },
    { cacheKeyFn: ({ clientId, keyId }) => `${clientId}:${keyId}` },
  );

  // ---- portals: the v2 list envelope [inferred], no get-by-id
  const portals = listedById<Scoped<Workato.ApiPortal>, number, Counted<Scoped<Workato.ApiPortal>>>({
    entity: 'ApiPortal',
    idOf,
    items: itemsOfCounted,
    list: async (params) => scopedCounted(await listApiPortals(api, params)),
  });

  /** After a write: the lists may have changed, and a by-id answer too (a new object is no longer NOT_FOUND). */
  function forgetApiPlatform(): void {
    for (const family of [collections, endpoints, clients, portals]) family.forget();
    for (const loader of [apiKeyPage, apiEndpointsByCollectionId]) loader.clearAll();
    apiKeyByKey.clearAll();
  }

  return {
    apiCollectionPage: collections.page, apiCollectionById: collections.byId, apiEndpointPage, apiEndpointById: endpoints.byId,
    apiEndpointsByCollectionId, apiClientPage: clients.page, apiClientById: clients.byId, apiKeyPage, apiKeyByKey,
    apiPortalPage: portals.page, apiPortalById: portals.byId, forgetApiPlatform,
  };
}

export type ApiPlatformLoaders = ReturnType<typeof createApiPlatformLoaders>;
