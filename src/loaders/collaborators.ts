import DataLoader from 'dataloader';
import {
  getIamUser,
  listCollaboratorRoles,
  listIamUserGroups,
  listIamUsers,
  listMemberPrivileges,
  listMemberProjectGrants,
  listMemberProjectPrivileges,
} from '../workato/collaborators.js';
import type { WorkatoApi } from '../workato/http.js';
import { listMembers } from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { readAllMembers } from './managed-users.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { allPages, listedById, notFoundAs, itemsOfArray } from './util.js';

/** One call per key; a 404 is that key's NOT_FOUND (the member or user is gone), anything else the call's error. */
function perKey<K extends number | string, V>(entity: string, fetch: (key: K) => Promise<V>) {
  return new DataLoader<K, V>((keys) =>
    Promise.all(keys.map((key) => fetch(key).catch(notFoundAs(entity, String(key))))),
  );
}

/**
 * Collaborator reads of one workspace scope (REFERENCE §20; a customer's, §17.2 #6–#8). Members themselves load
 * through createMemberLoaders (managed-users.ts); these add the e-mail filter, a member's privileges and grants
 * (one call per member: no endpoint takes several ids, §30), the roles and the IAM users and groups.
 */
export function createCollaboratorLoaders(api: WorkatoApi, scope: string | undefined) {
  /** GET /members?email= (every page): the members with that address, tagged with the scope. */
  const membersByEmail = perKey<string, Scoped<Workato.Member>[]>('Member', async (email) =>
    tag(await readAllMembers((page, per_page) => listMembers(api, { page, per_page, email })), scope),
  );

  /** A member's privileges and grants, tagged so their folders and projects are read from the same workspace. */
  const privilegesByMemberId = perKey('Member', async (id: number) => tag(await listMemberPrivileges(api, id), scope));
  const projectGrantsByMemberId = perKey('Member', async (id: number) => tag(await listMemberProjectGrants(api, id), scope));
  const projectPrivilegesByMemberId = perKey('Member', async (id: number) => tag(await listMemberProjectPrivileges(api, id), scope));

  /** GET /roles, every page, once per request: workspaces have a handful of roles; also indexes them by id. */
  let roles: Promise<Scoped<Workato.CollaboratorRole>[]> | undefined;
  const collaboratorRoles = () => (roles ??= allPages((page, per_page) => listCollaboratorRoles(api, { page, per_page })).then((r) => tag(r, scope)));
  const collaboratorRoleById = new DataLoader<number, Scoped<Workato.CollaboratorRole>>(async (ids) => {
    const byId = new Map((await collaboratorRoles()).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('CollaboratorRole', String(id)));
  });

  /** GET /iam/users pages and GET /iam/users/:id (listedById: a user some page of the request holds costs no GET). */
  const iamUsers = listedById<Scoped<Workato.IamUser>, number, Scoped<Workato.IamUser>[]>({
    entity: 'IamUser',
    idOf: (u) => u.id,
    items: itemsOfArray,
    list: async (params) => tag(await listIamUsers(api, params), scope),
    get: async (id) => tagOne(await getIamUser(api, id), scope),
  });
  const iamUserPage = iamUsers.page;
  const iamUserById = iamUsers.byId;

  /** GET /iam/user_groups once per request, indexed by id. */
  let groups: Promise<Scoped<Workato.IamUserGroup>[]> | undefined;
  const iamUserGroups = () => (groups ??= listIamUserGroups(api).then((g) => tag(g, scope)));
  const iamUserGroupById = new DataLoader<number, Scoped<Workato.IamUserGroup>>(async (ids) => {
    const byId = new Map((await iamUserGroups()).map((g) => [g.id, g]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('IamUserGroup', String(id)));
  });

  /** After a member write: its privileges and grants may have changed. */
  function forgetMemberAccess(id: number): void {
    privilegesByMemberId.clear(id);
    projectGrantsByMemberId.clear(id);
    projectPrivilegesByMemberId.clear(id);
    membersByEmail.clearAll();
  }

  return {
    membersByEmail,
    privilegesByMemberId,
    projectGrantsByMemberId,
    projectPrivilegesByMemberId,
    collaboratorRoles,
    collaboratorRoleById,
    iamUserPage,
    iamUserById,
    iamUserGroups,
    iamUserGroupById,
    forgetMemberAccess,
  };
}

export type CollaboratorLoaders = ReturnType<typeof createCollaboratorLoaders>;
