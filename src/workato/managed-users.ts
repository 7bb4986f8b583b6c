/**
 * Embedded (OEM) customers, REFERENCE §17.1, and their members, §17.2. Customer functions take the partner's own
 * API; member functions take the customer's scoped API (`api.forManagedUser(segment)`), so the same calls serve
 * `/managed_users/:id/members…` and, at workspace level, `/members…` (§20).
 */
import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** Which customer: Workato's numeric id, or the partner's own external id (§17.0). */
export type ManagedUserRef = { id: number } | { externalId: string };

/**
 * §17.0: the path segment of a customer — its id, or `E` followed by the URL-encoded external id
 * (`ACME-001` → `EACME-001`, `a/b c` → `Ea%2Fb%20c`).
 */
export function managedUserSegment(ref: ManagedUserRef): string {
  return 'id' in ref ? String(ref.id) : `E${encodeURIComponent(ref.externalId)}`;
}

/** GET /managed_users — one page, `{"result": [...]}` (§17.1; paging [inferred] like sibling lists, max 100). */
export async function listManagedUsers(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.ManagedUser[]> {
  return unwrapList<Workato.ManagedUser>(await api.get('/managed_users', params));
}

/** GET /managed_users/:id — 404 for an unknown id or external id. The one answer with the billing-period figures. */
export async function getManagedUser(api: WorkatoApi, segment: string): Promise<Workato.ManagedUserDetail> {
  return unwrapObject<Workato.ManagedUserDetail>(await api.get(`/managed_users/${segment}`));
}

/** POST /managed_users — `name` and `notification_email` are required; returns the new customer. */
export async function createManagedUser(api: WorkatoApi, body: Workato.ManagedUserCreate): Promise<Workato.ManagedUser> {
  return unwrapObject<Workato.ManagedUser>(await api.send('POST', '/managed_users', { body }));
}

/** PUT /managed_users/:id — only the properties sent change; `null` clears one (§17.1). */
export async function updateManagedUser(api: WorkatoApi, segment: string, body: Workato.ManagedUserUpdate): Promise<Workato.ManagedUser> {
  return unwrapObject<Workato.ManagedUser>(await api.send('PUT', `/managed_users/${segment}`, { body }));
}

/** DELETE /managed_users/:id — the customer and its workspace. */
export function deleteManagedUser(api: WorkatoApi, segment: string): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/managed_users/${segment}`);
}

/** GET /members — one page (`email` filters, §20 #2 [wk]); `{"result"}` for a customer (§17.2 [inferred]), `{"data", "total"}` at workspace level (§20). */
export async function listMembers(scoped: WorkatoApi, params: { page?: number; per_page?: number; email?: string } = {}): Promise<Workato.Member[]> {
  return unwrapList<Workato.Member>(await scoped.get('/members', params));
}

/** GET /members/:member_id */
export async function getMember(scoped: WorkatoApi, id: number): Promise<Workato.Member> {
  return unwrapObject<Workato.Member>(await scoped.get(`/members/${id}`));
}

/** POST /members — adds a collaborator directly (the current endpoint; `POST …/member` is deprecated, §17.2). */
export async function addMember(scoped: WorkatoApi, body: Workato.MemberWrite): Promise<Workato.Member> {
  return unwrapObject<Workato.Member>(await scoped.send('POST', '/members', { body }));
}

/** PUT /members/:member_id — sets the member's roles. */
export async function updateMember(scoped: WorkatoApi, id: number, body: Workato.MemberWrite): Promise<Workato.Member> {
  return unwrapObject<Workato.Member>(await scoped.send('PUT', `/members/${id}`, { body }));
}

/** DELETE /members/:member_id */
export function removeMember(scoped: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return scoped.send<Workato.SuccessResponse | undefined>('DELETE', `/members/${id}`);
}
