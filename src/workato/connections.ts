import type { WorkatoApi } from './http.js';
import { disconnectAnswerOf, pickListItems, unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

export interface ListConnectionsParams {
  provider?: string;
  folder_id?: number;
  parent_id?: number;
  external_id?: string;
  include_runtime_connections?: boolean;
  includes?: string[];
}

/** GET /connections — every visible connection at once: Workato does not paginate it (REFERENCE §12.1). */
export async function listConnections(api: WorkatoApi, params: ListConnectionsParams = {}): Promise<Workato.Connection[]> {
  return unwrapList<Workato.Connection>(await api.get('/connections', { ...params }));
}

/** Body of POST /connections (REFERENCE §12.2). `input` holds credentials: never log or echo it. */
export interface CreateConnectionBody {
  name: string;
  provider: string;
  parent_id?: number;
  folder_id?: number;
  external_id?: string;
  shell_connection?: boolean;
  input?: Record<string, unknown>;
}

/** POST /connections → the new Connection (§12.2); 400 `{"message", "errors": {field: [...]}}` on validation. */
export async function createConnection(api: WorkatoApi, body: CreateConnectionBody): Promise<Workato.Connection> {
  return unwrapObject<Workato.Connection>(await api.send('POST', '/connections', { body }));
}

/** PUT /connections/:id → the updated Connection (§12.3). Omitted fields keep their values. */
export async function updateConnection(
  api: WorkatoApi,
  id: number,
  body: Partial<Omit<CreateConnectionBody, 'provider'>>,
): Promise<Workato.Connection> {
  return unwrapObject<Workato.Connection>(await api.send('PUT', `/connections/${id}`, { body }));
}

/**
 * POST /connections/:id/disconnect → `{"success": true, "status": …}` (§12.4), or for a customer `{"result": [...]}`
 * (§17.3 #4): both read as a DisconnectResponse (`disconnectAnswerOf`). `force` for connections in use.
 */
export async function disconnectConnection(api: WorkatoApi, id: number, force?: boolean): Promise<Workato.DisconnectResponse> {
  return disconnectAnswerOf(await api.send<unknown>('POST', `/connections/${id}/disconnect`, { body: force === undefined ? undefined : { force } }));
}

/** DELETE /connections/:id — only a disconnected connection no active recipe uses (§12.5). */
export function deleteConnection(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/connections/${id}`);
}

/** POST /connections/:id/pick_list (§12.6) → `[label, value]` pairs; 1 request/second like every connection endpoint (§5). */
export async function getConnectionPickList(
  api: WorkatoApi,
  id: number,
  body: { pick_list_name: string; pick_list_params?: Record<string, unknown> },
): Promise<Array<{ label: string; value: string }>> {
  return pickListItems(await api.send('POST', `/connections/${id}/pick_list`, { body }));
}

/** POST /connections/runtime_user_connections (§12.7) → the new child connection's id and the end user's OAuth URL. */
export async function createRuntimeUserConnection(api: WorkatoApi, body: Workato.RuntimeUserConnectionWrite): Promise<{ id: number; url: string }> {
  return (await api.send<Workato.RuntimeUserConnectionResponse>('POST', '/connections/runtime_user_connections', { body })).data;
}

/** GET /connections/runtime_user_connections/:id/get_oauth_url (§12.7) → the OAuth URL to (re)authorize it. */
export async function getRuntimeUserConnectionOauthUrl(api: WorkatoApi, id: number): Promise<string> {
  return (await api.get<Workato.OAuthUrlResponse>(`/connections/runtime_user_connections/${id}/get_oauth_url`)).data.url;
}
