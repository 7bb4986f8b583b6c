/**
 * Workspace collaborators, roles and IAM reads, REFERENCE §20; over a customer's scoped API (`forManagedUser`) the
 * same calls are the §17.2 #6–#9 customer variants. Member list/get/update/delete are in managed-users.ts.
 */
import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /members/:id/privileges — the member's roles with their privileges, per environment (§20 #6, §17.2 #6). */
export async function listMemberPrivileges(api: WorkatoApi, id: number): Promise<Workato.MemberPrivileges[]> {
  return unwrapList<Workato.MemberPrivileges>(await api.get(`/members/${id}/privileges`));
}

/** GET /members/:id/project_grants (§20 #7, §17.2 #7) [inferred shape]. */
export async function listMemberProjectGrants(api: WorkatoApi, id: number): Promise<Workato.MemberProjectGrant[]> {
  return unwrapList<Workato.MemberProjectGrant>(await api.get(`/members/${id}/project_grants`));
}

/** GET /members/:id/projects_privileges (§20 #8, §17.2 #8) [inferred shape]. */
export async function listMemberProjectPrivileges(api: WorkatoApi, id: number): Promise<Workato.MemberProjectPrivileges[]> {
  return unwrapList<Workato.MemberProjectPrivileges>(await api.get(`/members/${id}/projects_privileges`));
}

/** POST /member_invitations — invites by e-mail; Workato sends one invitation per e-mail and workspace per 20 min (§5). */
export async function inviteMember(api: WorkatoApi, body: Workato.MemberInvitationWrite): Promise<Partial<Workato.MemberInvitation> | undefined> {
  return unwrapObject<Partial<Workato.MemberInvitation> | undefined>(await api.send('POST', '/member_invitations', { body }));
}

/** GET /roles — one page of collaborator roles, a bare array (§20 #9 [baton]). */
export async function listCollaboratorRoles(api: WorkatoApi, params: { page: number; per_page: number }): Promise<Workato.CollaboratorRole[]> {
  return unwrapList<Workato.CollaboratorRole>(await api.get('/roles', params));
}

/** GET /iam/users — one page (§20 #10–#15, resource index only; envelope and paging [inferred]). */
export async function listIamUsers(api: WorkatoApi, params: { page: number; per_page: number }): Promise<Workato.IamUser[]> {
  return unwrapList<Workato.IamUser>(await api.get('/iam/users', params));
}

/** GET /iam/users/:id [inferred shape]. */
export async function getIamUser(api: WorkatoApi, id: number): Promise<Workato.IamUser> {
  return unwrapObject<Workato.IamUser>(await api.get(`/iam/users/${id}`));
}

/** GET /iam/user_groups — every group in one answer [inferred]. */
export async function listIamUserGroups(api: WorkatoApi): Promise<Workato.IamUserGroup[]> {
  return unwrapList<Workato.IamUserGroup>(await api.get('/iam/user_groups'));
}
