/**
 * REFERENCE §22 API platform: collections, endpoints, v2 API clients, their keys, portals. One function per
 * endpoint. In an Embedded customer's scope the same paths live under `/managed_users/<id>` (§17.8), where bare-array
 * lists come wrapped in `{"result": [...]}`; `unwrapList` reads both. The v2 clients and their keys are `/v2/…` in
 * both scopes (`V2`): `/v2/api_clients`, and for a customer `/v2/managed_users/<id>/api_clients` (Workato's Embedded
 * API platform page lists the clients there; its key pages give only the path parameters `id`, `api_client_id` and
 * `api_key_id`, so the keys' Embedded path under the client is [inferred]).
 */
import type { WorkatoApi } from './http.js';
import { countedList, dataObject, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

type PageParams = { page?: number; per_page?: number };

const V2 = { v2: true } as const;

/** §22 #1 GET /api_collections: one page, a bare array (no get-by-id). */
export async function listApiCollections(api: WorkatoApi, params: PageParams = {}): Promise<Workato.ApiCollection[]> {
  return unwrapList<Workato.ApiCollection>(await api.get('/api_collections', params));
}

/** §22 #2 POST /api_collections: the collection, with `import_results`. */
export function createApiCollection(api: WorkatoApi, body: Workato.ApiCollectionWrite): Promise<Workato.ApiCollection> {
  return api.send('POST', '/api_collections', { body });
}

/** §22 #3 DELETE /api_collections/:id. */
export function deleteApiCollection(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse> {
  return api.send('DELETE', `/api_collections/${id}`);
}

/** §22 #4 GET /api_endpoints: one page, a bare array; `api_collection_id` narrows it to one collection. */
export async function listApiEndpoints(api: WorkatoApi, params: PageParams & { api_collection_id?: number } = {}): Promise<Workato.ApiEndpoint[]> {
  return unwrapList<Workato.ApiEndpoint>(await api.get('/api_endpoints', params));
}

/** §22 #5 POST /api_collections/:id/api_endpoints. */
export function createApiEndpoint(api: WorkatoApi, collectionId: number, body: Workato.ApiEndpointWrite): Promise<Workato.ApiEndpoint> {
  return api.send('POST', `/api_collections/${collectionId}/api_endpoints`, { body });
}

/** §22 #6/#7 PUT /api_endpoints/:id/enable | disable → `{"success": true}`. */
export function setApiEndpointEnabled(api: WorkatoApi, id: number, enabled: boolean): Promise<Workato.SuccessResponse> {
  return api.send('PUT', `/api_endpoints/${id}/${enabled ? 'enable' : 'disable'}`);
}

/** §22 #8 GET /v2/api_clients: `{"data", "count", "page", "per_page"}`. */
export async function listApiClients(
  api: WorkatoApi,
  params: PageParams & { project_id?: number; cert_bundle_ids?: number[] } = {},
): Promise<Workato.CountedList<Workato.ApiClient>> {
  return countedList<Workato.ApiClient>(await api.get('/api_clients', params, V2));
}

/** §22 #10 GET /v2/api_clients/:id → `{"data": ApiClient}`. */
export async function getApiClient(api: WorkatoApi, id: number): Promise<Workato.ApiClient> {
  return dataObject<Workato.ApiClient>(await api.get(`/api_clients/${id}`, undefined, V2));
}

/** §22 #9 POST /v2/api_clients → `{"data": ApiClient}`. */
export async function createApiClient(api: WorkatoApi, body: Workato.ApiClientWrite): Promise<Workato.ApiClient> {
  return dataObject<Workato.ApiClient>(await api.send('POST', '/api_clients', { body, ...V2 }));
}

/** §22 #10 PUT /v2/api_clients/:id. */
export async function updateApiClient(api: WorkatoApi, id: number, body: Workato.ApiClientWrite): Promise<Workato.ApiClient> {
  return dataObject<Workato.ApiClient>(await api.send('PUT', `/api_clients/${id}`, { body, ...V2 }));
}

/** §22 #10 DELETE /v2/api_clients/:id. */
export function deleteApiClient(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse> {
  return api.send('DELETE', `/api_clients/${id}`, V2);
}

/** §22 #11 GET /v2/api_clients/:id/api_keys: `{"data", "count", …}`, never with `auth_token`. */
export async function listApiKeys(api: WorkatoApi, clientId: number, params: PageParams = {}): Promise<Workato.CountedList<Workato.ApiKey>> {
  return countedList<Workato.ApiKey>(await api.get(`/api_clients/${clientId}/api_keys`, params, V2));
}

/** §22 #11 POST /v2/api_clients/:id/api_keys → `{"data": ApiKey}` with the secret `auth_token`. */
export async function createApiKey(api: WorkatoApi, clientId: number, body: Workato.ApiKeyWrite): Promise<Workato.ApiKey> {
  return dataObject<Workato.ApiKey>(await api.send('POST', `/api_clients/${clientId}/api_keys`, { body, ...V2 }));
}

/** §22 #12 PUT …/api_keys/:key_id/enable | disable | refresh_secret → `{"data": ApiKey}` (refresh: with `auth_token`). */
export async function changeApiKey(
  api: WorkatoApi,
  clientId: number,
  keyId: number,
  action: 'enable' | 'disable' | 'refresh_secret',
): Promise<Workato.ApiKey | undefined> {
  const body = await api.send('PUT', `/api_clients/${clientId}/api_keys/${keyId}/${action}`, V2);
  const key = dataObject<Workato.ApiKey | Workato.SuccessResponse>(body);
  return key && typeof (key as Workato.ApiKey).id === 'number' ? (key as Workato.ApiKey) : undefined;
}

/** §22 #12 DELETE /v2/api_clients/:id/api_keys/:key_id. */
export function deleteApiKey(api: WorkatoApi, clientId: number, keyId: number): Promise<Workato.SuccessResponse> {
  return api.send('DELETE', `/api_clients/${clientId}/api_keys/${keyId}`, V2);
}

/** §22 #13 GET /v2/api_portals (envelope [inferred]: read like the v2 client list). */
export async function listApiPortals(api: WorkatoApi, params: PageParams = {}): Promise<Workato.CountedList<Workato.ApiPortal>> {
  return countedList<Workato.ApiPortal>(await api.get('/v2/api_portals', params));
}
