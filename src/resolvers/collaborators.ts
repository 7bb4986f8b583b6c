/**
 * Workspace collaborators, roles and IAM users/groups (REFERENCE §20). `Member` itself is managed-users.ts's type;
 * its privileges and grants are read from the workspace the member came from, so a customer's members (§17.2
 * #6–#8) answer them too.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { projectIdOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { collaboratorMutations } from './collaborator-mutations.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { found, list, prop, typed, workatoId } from './helpers.js';
import type { FolderMapper, MemberMapper, PrivilegeMapper } from './mappers.js';
import { decodeCursor, globalIdOf, pageOfList, pageOfPagedList, pageSize, WORKATO_INT_ID, workatoIntKey, type NodeType } from './relay.js';
import { linkTo } from './links.js';

/** `{"Recipes": ["read", "write"]}` → `[{resource: "Recipes", actions: ["read", "write"]}]`, in Workato's order. */
function privilegeList(map: Workato.PrivilegeMap | null | undefined): PrivilegeMapper[] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map).map(([resource, actions]) => ({ resource, actions: Array.isArray(actions) ? actions.map(String) : [] }));
}

/** Folders by id from the object's own workspace; a folder that is gone is left out, any other failure fails the list. */
async function foldersOf(ctx: GatewayContext, value: object & { folder_ids?: number[] | null }): Promise<FolderMapper[]> {
  return found(await ctx.loaders.scope(scopeOf(value)).folderById.loadMany(value.folder_ids ?? []));
}

/** A grant's project from the member's workspace; null when the item names none. */
const projectOf = linkTo((value: { project_id: number | string }) => projectIdOf(value.project_id), (l) => l.projectById);

const withProject = <T extends { project_id: number | string }>(items: T[]) => items.filter((i) => projectIdOf(i.project_id) !== null);

const access = (ctx: GatewayContext, m: MemberMapper) => ctx.loaders.scope(scopeOf(m)).collaborators;

/** The workspace's members, or those with one e-mail (Workato's filter); either way every member primes memberById. */
async function membersOf(loaders: ScopedLoaders, email: string | null | undefined): Promise<MemberMapper[]> {
  if (email == null) return loaders.members();
  const found = await loaders.collaborators.membersByEmail.load(email);
  for (const m of found) loaders.memberById.prime(m.id, m);
  return found;
}

/** A family node loader over a numeric Workato id. */
const byNumericId =
  (type: NodeType, load: (loaders: ScopedLoaders, id: number) => Promise<object>): FamilyNodeLoader =>
  async (parsed, ctx, id) => {
    if (parsed.keys.length !== 1 || !WORKATO_INT_ID.test(parsed.keys[0]!)) throw badUserInput(`"${id()}" is not an id this API issued.`, 'id');
    return typed(await load(ctx.loaders.scope(parsed.scope), Number(parsed.keys[0])), type) as never;
  };

export const collaboratorRoleNode = byNumericId('CollaboratorRole', (l, id) => l.collaborators.collaboratorRoleById.load(id));
export const iamUserNode = byNumericId('IamUser', (l, id) => l.collaborators.iamUserById.load(id));
export const iamUserGroupNode = byNumericId('IamUserGroup', (l, id) => l.collaborators.iamUserGroupById.load(id));

export const collaboratorResolvers: Resolvers = {
  Query: {
    // §20 #2: paging undocumented → the whole list, paged here by id (like connections, §6).
    members: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      decodeCursor(args.after, 'id');
      const all = await membersOf(ctx.loaders.scope(), args.email);
      return { ...pageOfList(all, first, args.after), totalCount: all.length };
    },
    member: async (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('Member', args.id, 'id');
      const loaders = ctx.loaders.scope(scope);
      // A list this request already started primes memberById: wait for it rather than GET /members/:id.
      await loaders.membersStarted()?.catch(() => undefined);
      return loaders.memberById.load(id);
    },
    collaboratorRoles: async (_root, _args, ctx) => [...(await ctx.loaders.scope().collaborators.collaboratorRoles())].sort((a, b) => a.id - b.id),
    iamUsers: (_root, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => ctx.loaders.scope().collaborators.iamUserPage.load({ page, per_page })),
    iamUser: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('IamUser', args.id, 'id');
      return ctx.loaders.scope(scope).collaborators.iamUserById.load(id);
    },
    iamUserGroups: async (_root, _args, ctx) => [...(await ctx.loaders.scope().collaborators.iamUserGroups())].sort((a, b) => a.id - b.id),
  },
  Mutation: collaboratorMutations,
  Member: {
    lastActivityAt: (m) => m.last_activity_log?.created_at ?? null,
    lastActivityEventType: (m) => m.last_activity_log?.event_type ?? null,
    privileges: (m, _args, ctx) => access(ctx, m).privilegesByMemberId.load(m.id),
    projectGrants: async (m, _args, ctx) => withProject(await access(ctx, m).projectGrantsByMemberId.load(m.id)),
    projectPrivileges: async (m, _args, ctx) => withProject(await access(ctx, m).projectPrivilegesByMemberId.load(m.id)),
  },
  CollaboratorRole: {
    id: (r) => globalIdOf('CollaboratorRole', r, r.id),
    workatoId,
    inheritable: prop('inheritable'),
    folderIds: list('folder_ids'),
    folders: (r, _args, ctx) => foldersOf(ctx, r),
    privileges: (r) => privilegeList(r.privileges),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  MemberEnvironmentPrivileges: {
    environmentType: prop('environment_type'),
    roleName: prop('name'),
    privileges: (p) => privilegeList(p.privileges),
    folderIds: list('folder_ids'),
    folders: (p, _args, ctx) => foldersOf(ctx, p),
  },
  MemberProjectGrant: {
    projectId: (g) => projectIdOf(g.project_id)!,
    project: projectOf,
    environmentType: prop('environment_type'),
    roleName: prop('role_name'),
    createdAt: prop('created_at'),
  },
  MemberProjectPrivileges: {
    projectId: (g) => projectIdOf(g.project_id)!,
    project: projectOf,
    environmentType: prop('environment_type'),
    privileges: (p) => privilegeList(p.privileges),
  },
  IamUser: {
    id: (u) => globalIdOf('IamUser', u, u.id),
    workatoId,
    name: prop('name'),
    email: prop('email'),
    status: prop('status'),
    userGroups: async (u, _args, ctx) => found(await ctx.loaders.scope(scopeOf(u)).collaborators.iamUserGroupById.loadMany(u.user_group_ids ?? [])) as never,
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  IamUserGroup: {
    id: (g) => globalIdOf('IamUserGroup', g, g.id),
    workatoId,
    description: prop('description'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  MemberInvitation: {
    envRoles: (i) => (i.env_roles ?? []).map((r) => ({ environment_type: r.environment_type ?? null, role_name: r.name ?? null })),
    userGroupIds: list('user_group_ids'),
    sentAt: prop('created_at'),
  },
};
