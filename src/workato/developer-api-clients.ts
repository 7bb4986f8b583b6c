/**
 * Developer API clients and client roles, REFERENCE §21. Every call takes the scope's API: in an Embedded customer
 * workspace they live under `/v2/managed_users/<id>/…` (§17.8), hence `embeddedV2` on each.
 */
import type { WorkatoApi } from './http.js';
import { resultCountedList, unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

const V2 = { embeddedV2: true } as const;

/** GET /developer_api_clients — one page (page/per_page ≤ 100), `{"result": {"count", "items"}}` (§6). */
export async function listDeveloperApiClients(
  api: WorkatoApi,
  params: { page?: number; per_page?: number } = {},
): Promise<Workato.DeveloperApiClientList> {
  return resultCountedList<Workato.DeveloperApiClient>(await api.get('/developer_api_clients', params, V2));
}

/** GET /developer_api_clients/:id — the token as metadata only (`{"updated_at"}`). */
export async function getDeveloperApiClient(api: WorkatoApi, id: number): Promise<Workato.DeveloperApiClient> {
  return unwrapObject<Workato.DeveloperApiClient>(await api.get(`/developer_api_clients/${id}`, undefined, V2));
}

/** POST /developer_api_clients — `name`, `api_privilege_group_id`, `all_folders` required; answers the token once. */
export async function createDeveloperApiClient(api: WorkatoApi, body: Workato.DeveloperApiClientWrite): Promise<Workato.DeveloperApiClient> {
  return unwrapObject<Workato.DeveloperApiClient>(await api.send('POST', '/developer_api_clients', { body, ...V2 }));
}

/** PUT /developer_api_clients/:id — only the keys sent change. */
export async function updateDeveloperApiClient(api: WorkatoApi, id: number, body: Workato.DeveloperApiClientWrite): Promise<Workato.DeveloperApiClient> {
  return unwrapObject<Workato.DeveloperApiClient>(await api.send('PUT', `/developer_api_clients/${id}`, { body, ...V2 }));
}

/** DELETE /developer_api_clients/:id — its token stops working at once. */
export function deleteDeveloperApiClient(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/developer_api_clients/${id}`, V2);
}

/** POST /developer_api_clients/:id/regenerate — a new token (answered once); the old one stops working. */
export async function regenerateDeveloperApiClientToken(api: WorkatoApi, id: number): Promise<Workato.DeveloperApiClient> {
  return unwrapObject<Workato.DeveloperApiClient>(await api.send('POST', `/developer_api_clients/${id}/regenerate`, V2));
}

/** GET /developer_api_client_roles — the whole list ([inferred]: unpaged, `{"result": [...]}`). */
export async function listDeveloperApiClientRoles(api: WorkatoApi): Promise<Workato.DeveloperApiClientRole[]> {
  return unwrapList<Workato.DeveloperApiClientRole>(await api.get('/developer_api_client_roles', undefined, V2));
}

/** POST /v2/managed_users/:id/developer_api_client_roles/:id/copy — Embedded only (§17.8); answers the copy. */
export async function copyDeveloperApiClientRole(api: WorkatoApi, id: number): Promise<Workato.DeveloperApiClientRole> {
  return unwrapObject<Workato.DeveloperApiClientRole>(await api.send('POST', `/developer_api_client_roles/${id}/copy`, V2));
}
