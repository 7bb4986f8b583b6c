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
import { tag, type Scoped } from './scope.js';
import { allPages, listLoader } from './util.js';

type PageParams = { page: number; per_page: number };
/** A key with the client it belongs to (Workato's key objects do not carry it, §22 #11). */
export type ApiKeyOf = Scoped<Workato.ApiKey & { api_client_id: number }>;

/** One list-and-index per family list without a get-by-id: every page once per request (§30). */
function indexed<T extends { id: number }>(type: string, pages: (page: number, perPage: number) => Promise<T[]>) {
  let all: Promise<Map<number, T>> | undefined;
  const loader = new DataLoader<number, T>(async (ids) => {
    all ??= allPages(pages).then((items) => new Map(items.map((item) => [item.id, item])));
    const byId = await all;
    return ids.map((id) => byId.get(id) ?? new NotFoundError(type, String(id)));
  });
  return Object.assign(loader, {
    forget(): void {
      all = undefined;
      loader.clearAll();
    },
  });
}

/** API platform reads of one workspace scope (REFERENCE §22; Embedded §17.8). */
export function createApiPlatformLoaders(api: WorkatoApi, scope: string | undefined) {
  // ---- collections: page/per_page, bare array, no get-by-id
  const apiCollectionPage = listLoader(async (params: PageParams) => {
    const collections = tag(await listApiCollections(api, params), scope);
    for (const c of collections) apiCollectionById.prime(c.id, c);
    return collections;
  });
  const apiCollectionById = indexed<Scoped<Workato.ApiCollection>>('ApiCollection', (page, per_page) => apiCollectionPage.load({ page, per_page }));

  // ---- endpoints: page/per_page, optionally of one collection
  const apiEndpointPage = listLoader(async (params: PageParams & { api_collection_id?: number }) => {
    const endpoints = tag(await listApiEndpoints(api, params), scope);
    for (const e of endpoints) apiEndpointById.prime(e.id, e);
    return endpoints;
  });
  const allEndpoints = (api_collection_id?: number) => allPages((page, per_page) => apiEndpointPage.load({ page, per_page, api_collection_id }));
  const apiEndpointById = indexed<Scoped<Workato.ApiEndpoint>>('ApiEndpoint', (page, per_page) => apiEndpointPage.load({ page, per_page }));
  /**
   * The endpoints of many collections: one collection asks Workato for its own (`api_collection_id`); several read
   * the unfiltered list once and group it, so a page of collections costs one call, not one per collection.
   */
  const apiEndpointsByCollectionId = new DataLoader<number, Scoped<Workato.ApiEndpoint>[]>(async (ids) => {
    const endpoints = ids.length === 1 ? await allEndpoints(ids[0]) : await allEndpoints();
    return ids.map((id) => endpoints.filter((e) => e.api_collection_id === id));
  });

  // ---- v2 clients: `{"data", "count"}`, get-by-id
  const apiClientPage = listLoader(async (params: PageParams & { project_id?: number; cert_bundle_ids?: number[] }) => {
    const { data, count } = await listApiClients(api, params);
    for (const c of tag(data, scope)) apiClientById.prime(c.id, c);
    return { data: data as Scoped<Workato.ApiClient>[], count: count ?? null };
  });
  const apiClientById = new DataLoader<number, Scoped<Workato.ApiClient>>((ids) =>
    Promise.all(ids.map((id) => getApiClient(api, id).then((c) => tag([c], scope)[0]!, (e: unknown) => (e instanceof Error ? e : new Error(String(e)))))),
  );

  // ---- keys of a client: `{"data", "count"}`, page/per_page (§6), no get-by-id
  const apiKeyPage = listLoader(async ({ clientId, ...params }: PageParams & { clientId: number }) => {
    const { data, count } = await listApiKeys(api, clientId, params);
    const keys = tag(data.map((k): Workato.ApiKey & { api_client_id: number } => ({ ...k, api_client_id: clientId })), scope);
    for (const k of keys) apiKeyByKey.prime({ clientId, keyId: k.id }, k);
    return { data: keys as ApiKeyOf[], count: count ?? null };
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
  const apiPortalPage = listLoader(async (params: PageParams) => {
    const { data, count } = await listApiPortals(api, params);
    return { data: tag(data, scope) as Scoped<Workato.ApiPortal>[], count: count ?? null };
  });
  const apiPortalById = indexed<Scoped<Workato.ApiPortal>>('ApiPortal', async (page, per_page) => (await apiPortalPage.load({ page, per_page })).data);

  /** After a write: the lists may have changed; by-id entries of other objects stay valid. */
  function forgetApiPlatform(): void {
    for (const loader of [apiCollectionPage, apiEndpointPage, apiClientPage, apiKeyPage, apiPortalPage, apiEndpointsByCollectionId]) loader.clearAll();
    for (const loader of [apiCollectionById, apiEndpointById, apiPortalById]) loader.forget();
    apiClientById.clearAll();
    apiKeyByKey.clearAll();
  }

  return {
    apiCollectionPage, apiCollectionById, apiEndpointPage, apiEndpointById, apiEndpointsByCollectionId,
    apiClientPage, apiClientById, apiKeyPage, apiKeyByKey, apiPortalPage, apiPortalById, forgetApiPlatform,
  };
}

export type ApiPlatformLoaders = ReturnType<typeof createApiPlatformLoaders>;
