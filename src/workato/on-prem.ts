/**
 * REFERENCE §24: on-prem groups and agents, one function per endpoint. An Embedded customer's variant lives under
 * `/v2/managed_users/<id>/…` (§17.8), hence `embeddedV2` on every call. Lists are bare arrays in a workspace and
 * `{"data": [...]}` for a customer; single objects may come as one-element arrays (older pages): inferred.ts reads both.
 */
import type { WorkatoApi } from './http.js';
import { activationCodeOf, ON_PREM_AGENT_SEARCH_PARAM, onPremStatusOf, unwrapList, unwrapSingle } from './inferred.js';
import type { Workato } from './types.js';

const V2 = { embeddedV2: true } as const;

/** GET /on_prem_groups — every group at once (no paging documented). */
export async function listOnPremGroups(api: WorkatoApi): Promise<Workato.OnPremGroup[]> {
  return unwrapList<Workato.OnPremGroup>(await api.get('/on_prem_groups', undefined, V2));
}

/** GET /on_prem_groups/:id; 404 for an unknown id. */
export async function getOnPremGroup(api: WorkatoApi, id: number): Promise<Workato.OnPremGroup> {
  return unwrapSingle<Workato.OnPremGroup>(await api.get(`/on_prem_groups/${id}`, undefined, V2));
}

/** POST /on_prem_groups → the new group; 400 validation shape when `name` is missing. */
export async function createOnPremGroup(api: WorkatoApi, body: Workato.OnPremGroupWrite): Promise<Workato.OnPremGroup> {
  return unwrapSingle<Workato.OnPremGroup>(await api.send('POST', '/on_prem_groups', { body, ...V2 }));
}

/** PUT /on_prem_groups/:id → the group; omitted fields keep their values. */
export async function updateOnPremGroup(api: WorkatoApi, id: number, body: Workato.OnPremGroupWrite): Promise<Workato.OnPremGroup> {
  return unwrapSingle<Workato.OnPremGroup>(await api.send('PUT', `/on_prem_groups/${id}`, { body, ...V2 }));
}

/** DELETE /on_prem_groups/:id → `{"success": true}` [inferred], or a refusal for a group in use. */
export function deleteOnPremGroup(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send('DELETE', `/on_prem_groups/${id}`, V2);
}

/** GET /on_prem_groups/:id/status [inferred shape]. */
export async function getOnPremGroupStatus(api: WorkatoApi, id: number): Promise<Workato.OnPremGroupStatus> {
  return onPremStatusOf<Workato.OnPremGroupStatus>(await api.get(`/on_prem_groups/${id}/status`, undefined, V2));
}

/** GET /on_prem_agents — every agent of the workspace at once (no paging documented). */
export async function listOnPremAgents(api: WorkatoApi): Promise<Workato.OnPremAgent[]> {
  return unwrapList<Workato.OnPremAgent>(await api.get('/on_prem_agents', undefined, V2));
}

/** GET /on_prem_agents/search — agents whose common name matches (§24 "by common name"; parameter [inferred]). */
export async function searchOnPremAgents(api: WorkatoApi, commonName: string): Promise<Workato.OnPremAgent[]> {
  return unwrapList<Workato.OnPremAgent>(await api.get('/on_prem_agents/search', { [ON_PREM_AGENT_SEARCH_PARAM]: commonName }, V2));
}

/** GET /on_prem_agents/:id; 404 for an unknown id. */
export async function getOnPremAgent(api: WorkatoApi, id: number): Promise<Workato.OnPremAgent> {
  return unwrapSingle<Workato.OnPremAgent>(await api.get(`/on_prem_agents/${id}`, undefined, V2));
}

/** POST /on_prem_agents → the new agent (`id`, `name`, `os`, `on_prem_group_id`, `awaiting_setup`, `created_at`). */
export async function createOnPremAgent(api: WorkatoApi, body: Workato.OnPremAgentWrite): Promise<Workato.OnPremAgent> {
  return unwrapSingle<Workato.OnPremAgent>(await api.send('POST', '/on_prem_agents', { body, ...V2 }));
}

/** PUT /on_prem_agents/:id → the agent. */
export async function updateOnPremAgent(api: WorkatoApi, id: number, body: Workato.OnPremAgentWrite): Promise<Workato.OnPremAgent> {
  return unwrapSingle<Workato.OnPremAgent>(await api.send('PUT', `/on_prem_agents/${id}`, { body, ...V2 }));
}

/** DELETE /on_prem_agents/:id → `{"success": true}` [inferred]. */
export function deleteOnPremAgent(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send('DELETE', `/on_prem_agents/${id}`, V2);
}

/** GET /on_prem_agents/:id/status [inferred shape]. */
export async function getOnPremAgentStatus(api: WorkatoApi, id: number): Promise<Workato.OnPremAgentStatus> {
  return onPremStatusOf<Workato.OnPremAgentStatus>(await api.get(`/on_prem_agents/${id}/status`, undefined, V2));
}

/**
 * GET /on_prem_agents/:id/activation_code — a SECRET (src/server/secrets.ts): returned to the one caller who asked,
 * never logged, never cached, never shared with another request's read in flight. §17.8 does not list a customer
 * variant; like its siblings it is asked under /v2 [inferred].
 */
export async function getOnPremAgentActivationCode(api: WorkatoApi, id: number): Promise<string | null> {
  return activationCodeOf(await api.get(`/on_prem_agents/${id}/activation_code`, undefined, { ...V2, secret: true }));
}
