/**
 * REFERENCE §20 workspace collaborators, roles and IAM users/groups, and the §17.2 #6–#9 customer variants (mirrored
 * through `embedded`). Members live in one table for both scopes: the customer member routes in managed-users.ts
 * read and write the same rows. Shapes the reference leaves open are listed in inferred.ts (INFERRED_COLLABORATORS).
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { CUSTOMER_INDEX_BASE } from '../embedded.js';
import { HttpError, ok, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_COLLABORATORS as I } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, parseTime, SIM_NOW } from '../time.js';
import { bodyId, bodyOf, blank, Validation } from '../writes.js';

const ENVIRONMENTS = ['dev', 'test', 'prod'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PEOPLE = ['Marcus Lee', 'Dana Whitfield', 'Kenji Watanabe', 'Sofia Alvarez', 'Amara Okafor', 'Lukas Brandt', 'Noor Haddad', 'Elena Petrova'];
const stamp = (ms: number) => formatTime(ms);
const domainOf = (store: WorkspaceStore) => (store.workspace.email ?? '').split('@')[1] || 'workspace.example';
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '.');

/** The workspace's own collaborators; a customer workspace (§17.2) starts with exactly the members it was given. */
export const MEMBERS: TableSpec<Workato.Member> = {
  name: 'member',
  idOf: (m) => m.id,
  seed(store) {
    if (store.members.size || store.index >= CUSTOMER_INDEX_BASE) return [...store.members.values()];
    const domain = domainOf(store);
    const base = 90017 + store.index * 1000;
    const names = store.index === 0 ? ['Priya Raman', ...PEOPLE.slice(0, 3)] : [0, 1, 2].map((k) => PEOPLE[(store.index + k * 3) % PEOPLE.length]!);
    const roles = ['Admin', 'Analyst', 'Operator', 'Integration developer'];
    return names.map((name, k): Workato.Member => ({
      id: base + k * 7, grant_type: 'team', name, email: `${slug(name)}@${domain}`, external_id: null, oauth_id: null,
      time_zone: 'Pacific Time (US & Canada)',
      created_at: k === 0 && store.index === 0 ? '2024-10-01T10:00:00.000-07:00' : stamp(SIM_NOW - (300 - k * 40 - store.index) * DAY),
      roles: [{ environment_type: 'dev', role_name: roles[k % roles.length]! }, ...(k === 0 ? [{ environment_type: 'prod', role_name: 'Admin' }] : [])],
      last_activity_log: { id: 551203 + store.index * 1000 + k, event_type: k % 2 ? 'job_repeated' : 'recipe_updated', created_at: stamp(SIM_NOW - (k + 1) * DAY / 3) },
    }));
  },
};

const ALL = ['read', 'create', 'update', 'delete'];
/** §20 #9 [baton]: system roles plus one custom role per workspace; privileges map a resource to its actions. */
export const ROLES: TableSpec<Workato.CollaboratorRole> = {
  name: 'collaborator_role',
  idOf: (r) => r.id,
  seed(store) {
    const base = 6101 + store.index * 1000;
    const created = parseTime(store.workspace.created_at ?? stamp(SIM_NOW - 400 * DAY));
    const folders = [...store.folders.values()].filter((f) => f.parent_id != null).map((f) => f.id).sort((a, b) => a - b);
    const role = (k: number, name: string, privileges: Record<string, string[]>, folderIds: number[] = [], inheritable = true): Workato.CollaboratorRole => ({
      id: base + k, name, inheritable, folder_ids: folderIds, privileges,
      created_at: stamp(created + k * DAY), updated_at: stamp(created + (k + 10 + (store.index % 7)) * DAY),
    });
    return [
      role(0, 'Admin', { Recipes: ALL, Connections: ALL, Folders: ALL, Projects: ALL, Collaborators: ALL, 'Lookup tables': ALL }, [], false),
      role(1, 'Analyst', { Recipes: ['read', 'update'], Connections: ['read'], Folders: ['read'], Projects: ['read'] }),
      role(2, 'Operator', { Recipes: ['read', 'start', 'stop'], Jobs: ['read', 'repeat'], Connections: ['read'] }),
      role(3, 'Integration developer', { Recipes: ALL, Connections: ['read', 'create', 'update'], Folders: ['read', 'create'] }, folders.slice(0, 2)),
    ];
  },
};

/** §20 #10–#15 [inferred]: identity users and user groups, shapes guessed (INFERRED_COLLABORATORS). */
export const USER_GROUPS: TableSpec<Workato.IamUserGroup> = {
  name: 'iam_user_group',
  idOf: (g) => g.id,
  seed(store) {
    const base = 4301 + store.index * 1000;
    const created = stamp(SIM_NOW - (200 - store.index) * DAY);
    return [
      { id: base, name: 'Integration team', description: 'Builds and runs the workspace recipes', created_at: created, updated_at: created },
      { id: base + 1, name: 'Finance ops', description: 'Reads finance recipes and jobs', created_at: created, updated_at: created },
    ];
  },
};

export const IAM_USERS: TableSpec<Workato.IamUser> = {
  name: 'iam_user',
  idOf: (u) => u.id,
  seed(store) {
    const groups = [...rowsOf(store, USER_GROUPS).keys()];
    return [...rowsOf(store, MEMBERS).values()].map((m, k) => ({
      id: 71001 + store.index * 1000 + k, name: m.name, email: m.email ?? null, status: 'active',
      user_group_ids: groups.slice(0, (k % 2) + 1), created_at: m.created_at ?? null, updated_at: m.created_at ?? null,
    }));
  },
};

/** One row per invited (e-mail, workspace): when it was sent, for the 20-minute rule (§5). */
export const INVITATIONS: TableSpec<Workato.MemberInvitation & { sent_ms: number }, string> = { name: 'member_invitation', idOf: (i) => i.email };

/** `env_roles` (an array or one object, §20 #1/#4) or the deprecated `role_name` (a DEV role), checked against the roles. */
function envRoles(body: Record<string, unknown>, store: WorkspaceStore, v: Validation, required: boolean): Workato.MemberRole[] {
  const known = new Set([...rowsOf(store, ROLES).values()].map((r) => r.name));
  let list: unknown[];
  if (body.env_roles !== undefined && body.env_roles !== null) list = Array.isArray(body.env_roles) ? body.env_roles : [body.env_roles];
  else if (typeof body.role_name === 'string' && body.role_name.trim()) list = [{ environment_type: 'dev', name: body.role_name }];
  else list = [];
  if (!list.length && required) v.add('env_roles', "can't be blank");
  const seen = new Set<string>();
  return list.flatMap((entry) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const environment = String(e.environment_type ?? 'dev');
    if (!ENVIRONMENTS.includes(environment)) v.add('env_roles', 'environment_type must be one of: dev, test, prod');
    else if (seen.has(environment)) v.add('env_roles', `has more than one role for ${environment}`);
    seen.add(environment);
    if (blank(e.name)) v.add('env_roles', 'name is required');
    else if (!known.has(String(e.name))) v.add('env_roles', `role ${String(e.name)} does not exist`);
    return [{ environment_type: environment, role_name: String(e.name ?? '') }];
  });
}

const MEMBER_SPEC: CrudSpec<Workato.Member> = {
  table: MEMBERS,
  path: '/api/members',
  param: 'id',
  list: {
    // [wk]: `email` filters (exact, case-insensitive [inferred]); ids ascending; page/per_page as [baton] sends them.
    filter: (m, ctx) => {
      const email = ctx.query.string('email');
      return email === undefined || (m.email ?? '').toLowerCase() === email.toLowerCase();
    },
    order: (a, b) => a.id - b.id,
    envelope: (rows, { all }) => ({ data: rows, total: all.length }),
  },
  get: true,
  update: {
    apply(row, body, ctx) {
      const v = new Validation();
      const roles = envRoles(body, ctx.store, v, true);
      v.check();
      row.roles = roles;
    },
  },
  remove: true,
  wire: (m) => structuredClone(m),
};

const ROLE_SPEC: CrudSpec<Workato.CollaboratorRole> = {
  table: ROLES,
  path: '/api/roles',
  param: 'id',
  list: { order: (a, b) => a.id - b.id, envelope: (rows) => rows },
  wire: (r) => structuredClone(r),
};

/** A member's roles joined with the role table (§20 #6): one entry per environment. */
function privilegesOf(store: WorkspaceStore, member: Workato.Member): Workato.MemberPrivileges[] {
  const roles = new Map([...rowsOf(store, ROLES).values()].map((r) => [r.name, r]));
  return (member.roles ?? []).map((r) => {
    const role = roles.get(r.role_name ?? '');
    return { environment_type: r.environment_type ?? 'dev', name: r.role_name ?? null, privileges: structuredClone(role?.privileges ?? {}), folder_ids: [...(role?.folder_ids ?? [])] };
  });
}

/** [inferred] project grants: a non-admin member holds its DEV role on the first one or two projects (by id). */
function grantsOf(store: WorkspaceStore, member: Workato.Member): Workato.MemberProjectGrant[] {
  const dev = (member.roles ?? []).find((r) => r.environment_type === 'dev')?.role_name;
  if (!dev || dev === 'Admin') return [];
  const projects = [...store.projects.values()].sort((a, b) => a.id - b.id).slice(0, (member.id % 2) + 1);
  return projects.map((p) => ({ project_id: p.id, environment_type: 'dev', role_name: dev, created_at: member.created_at ?? null }));
}

const memberOf = (ctx: RouteContext) => findRow(MEMBER_SPEC, ctx);

/** POST /api/member_invitations (§20 #1, §17.2 #9): validation first, then one invitation per e-mail per 20 minutes (§5). */
async function invite(ctx: RouteContext) {
  const body = await bodyOf(ctx);
  const v = new Validation();
  if (blank(body.name)) v.add('name', "can't be blank");
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (!email) v.add('email', "can't be blank");
  else if (!EMAIL.test(email)) v.add('email', 'is invalid');
  else if ([...rowsOf(ctx.store, MEMBERS).values()].some((m) => (m.email ?? '').toLowerCase() === email.toLowerCase())) v.add('email', I.alreadyMemberMessage);
  const roles = envRoles(body, ctx.store, v, true);
  const groups = body.user_group_ids === undefined || body.user_group_ids === null ? [] : Array.isArray(body.user_group_ids) ? body.user_group_ids : [body.user_group_ids];
  const groupIds = groups.map(bodyId);
  const knownGroups = rowsOf(ctx.store, USER_GROUPS);
  if (groupIds.some((id) => id === undefined || !knownGroups.has(id))) v.add('user_group_ids', 'is invalid');
  v.check();
  const invitations = rowsOf(ctx.store, INVITATIONS);
  const key = email.toLowerCase();
  const previous = invitations.get(key);
  const now = Date.now();
  if (previous && now - previous.sent_ms < I.invitationWindowMs) {
    const retryAfter = Math.ceil((previous.sent_ms + I.invitationWindowMs - now) / 1000);
    throw new HttpError(429, { message: I.invitationThrottledMessage }, { 'retry-after': String(retryAfter) });
  }
  const invitation = {
    id: ctx.store.allocateId(INVITATIONS.name), email, name: String(body.name).trim(), env_roles: roles.map((r) => ({ environment_type: r.environment_type!, name: r.role_name! })),
    user_group_ids: groupIds as number[], created_at: formatTime(now), sent_ms: now,
  };
  invitations.set(key, invitation);
  const { sent_ms: _sent, ...wire } = invitation;
  return ok(wire);
}

export const collaboratorRoutes: RouteDef[] = [
  ...crudRoutes(MEMBER_SPEC),
  ...crudRoutes(ROLE_SPEC),
  // §17.2 #6–#8 mirror these under /api/managed_users/:id; the customer list/get/add/update/remove are in managed-users.ts.
  { method: 'GET', path: '/api/members/:id/privileges', embedded: 'managed_users', handler: (ctx) => ok({ data: privilegesOf(ctx.store, memberOf(ctx)) }) },
  { method: 'GET', path: '/api/members/:id/project_grants', embedded: 'managed_users', handler: (ctx) => ok({ data: grantsOf(ctx.store, memberOf(ctx)) }) },
  {
    method: 'GET',
    path: '/api/members/:id/projects_privileges',
    embedded: 'managed_users',
    handler: (ctx) => {
      const roles = new Map([...rowsOf(ctx.store, ROLES).values()].map((r) => [r.name, r]));
      const grants = grantsOf(ctx.store, memberOf(ctx));
      return ok({ data: grants.map((g) => ({ project_id: g.project_id, environment_type: g.environment_type, privileges: structuredClone(roles.get(g.role_name ?? '')?.privileges ?? {}) })) });
    },
  },
  { method: 'POST', path: '/api/member_invitations', embedded: 'managed_users', handler: invite },
  // §20 #10–#15: reads only, shapes [inferred].
  ...crudRoutes<Workato.IamUser>({ table: IAM_USERS, path: '/api/iam/users', param: 'id', list: { order: (a, b) => a.id - b.id, envelope: (rows, { all }) => ({ data: rows, total: all.length }) }, get: true }),
  ...crudRoutes<Workato.IamUserGroup>({ table: USER_GROUPS, path: '/api/iam/user_groups', param: 'id', list: { paging: false, order: (a, b) => a.id - b.id, envelope: (rows) => ({ data: rows, total: rows.length }) } }),
];
