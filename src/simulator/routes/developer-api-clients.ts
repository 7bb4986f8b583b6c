/**
 * REFERENCE §21: developer API clients (CRUD from crud.ts, plus `regenerate`) and client roles (the list, plus the
 * Embedded-only `copy`); a customer's live under /api/v2/managed_users/:id (§17.8). [inferred] choices:
 * inferred.ts INFERRED_API_CLIENTS and its list.
 */
import { isIP } from 'node:net';
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudContext, type CrudSpec } from '../crud.js';
import { HttpError, inScope, ok, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED, INFERRED_API_CLIENTS } from '../inferred.js';
import { hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, HOUR, SIM_NOW } from '../time.js';
import { blank, bodyBool, bodyId, Validation } from '../writes.js';
import { projectByRef } from './projects.js';

export interface DeveloperApiClientRow {
  /** The wire object without its token (list and get send only `token: {"updated_at"}`). */
  client: Omit<Workato.DeveloperApiClient, 'token' | 'api_token'>;
  token: string;
  tokenUpdatedAt: string;
  /** Tokens issued so far, so each regenerated token differs (and stays deterministic). */
  issued: number;
}

const ROLE_NAMES = ['API gateway', 'Release pipeline', 'Read only', 'Customer onboarding', 'Audit export'];
const CLIENT_NAMES = ['Gateway', 'CI/CD deployer', 'Reporting export', 'Backoffice sync', 'Ops dashboard'];

const roleBase = (store: WorkspaceStore) => 26779 + store.index * 1000;
const environmentId = (store: WorkspaceStore, name: string) => 3218 + store.index * 1000 + INFERRED_API_CLIENTS.environments.indexOf(name);

/** A 64-hex token, deterministic per workspace, client and issue (no Math.random in the simulator). */
function issueToken(store: WorkspaceStore, row: Pick<DeveloperApiClientRow, 'issued'> & { client: { id: number } }): string {
  return new Rng(hash32(0x70ce, store.index, row.client.id, ++row.issued)).hex(INFERRED_API_CLIENTS.tokenLength);
}

export const ROLE_TABLE: TableSpec<Workato.DeveloperApiClientRole> = {
  name: 'developer_api_client_roles',
  idOf: (role) => role.id,
  seed: (store) => {
    const rng = new Rng(hash32(0x401e, store.index));
    const names = store.index === 0 ? ROLE_NAMES.slice(0, 3) : rng.sample(ROLE_NAMES, 3);
    return names.map((name, k) => {
      const created = SIM_NOW - rng.int(200, 700) * DAY;
      return { id: roleBase(store) + k, name, created_at: formatTime(created), updated_at: formatTime(created + rng.int(0, 90) * DAY) };
    });
  },
};

export const CLIENT_TABLE: TableSpec<DeveloperApiClientRow> = {
  name: 'developer_api_clients',
  idOf: (row) => row.client.id,
  seed: (store) => {
    const rng = new Rng(hash32(0xa91c, store.index));
    const roles = [...rowsOf(store, ROLE_TABLE).keys()];
    const folders = [...store.folders.keys()].filter((id) => id !== store.rootFolderId).sort((a, b) => a - b).slice(0, 2);
    const names = store.index === 0 ? CLIENT_NAMES.slice(0, 3) : rng.sample(CLIENT_NAMES, 3);
    return names.map((name, k) => {
      const created = SIM_NOW - rng.int(100, 500) * DAY;
      const scoped = k === 0 && folders.length > 0;
      const row: DeveloperApiClientRow = {
        client: {
          id: 40947 + store.index * 1000 + k,
          name,
          api_privilege_group_id: roles[k % roles.length]!,
          created_at: formatTime(created),
          updated_at: formatTime(created + rng.int(1, 60) * DAY),
          all_folders: !scoped,
          folder_ids: scoped ? folders : [],
          environment_name: INFERRED_API_CLIENTS.defaultEnvironment,
          environment_id: environmentId(store, INFERRED_API_CLIENTS.defaultEnvironment),
          ip_allow_list: k === 0 ? '192.0.2.10,198.51.100.5' : null,
        },
        token: '',
        tokenUpdatedAt: formatTime(created + rng.int(1, 40) * DAY + rng.int(0, 23) * HOUR),
        issued: 0,
      };
      row.token = issueToken(store, row);
      return row;
    });
  },
};

/** The row as Workato sends it: the token's value only in POST answers (create, regenerate), else its metadata. */
function wire(row: DeveloperApiClientRow, ctx: RouteContext): Workato.DeveloperApiClient {
  return { ...row.client, folder_ids: [...(row.client.folder_ids ?? [])], token: ctx.method === 'POST' ? row.token : { updated_at: row.tokenUpdatedAt } };
}

const result = (body: unknown) => ({ result: body });

/** `ip_allow_list`: a comma-separated string (or a list) of IPv4/IPv6 addresses or CIDR ranges; null/"" clears it. */
function ipAllowList(value: unknown, v: Validation): string | null | undefined {
  if (value === null || value === '') return null;
  const entries = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : Array.isArray(value) ? value : undefined;
  const valid = entries?.every((e) => {
    if (typeof e !== 'string') return false;
    const [address, bits, ...rest] = e.split('/');
    const family = isIP(address ?? '');
    return family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
  });
  if (!valid) {
    v.add('ip_allow_list', 'is invalid');
    return undefined;
  }
  return (entries as string[]).join(',');
}

/** Checks and applies the keys a create or update body sends (everything on create, only what is there on update). */
function applyBody(row: DeveloperApiClientRow, body: Record<string, unknown>, ctx: CrudContext<DeveloperApiClientRow, number>, creating: boolean): void {
  const v = new Validation();
  const next = { ...row.client };
  if (creating || 'name' in body) {
    if (blank(body.name)) v.add('name', "can't be blank");
    else next.name = String(body.name).trim();
  }
  if (creating || 'api_privilege_group_id' in body) {
    const role = bodyId(body.api_privilege_group_id);
    if (role === undefined || !rowsOf(ctx.store, ROLE_TABLE).has(role)) v.add('api_privilege_group_id', 'is invalid');
    else next.api_privilege_group_id = role;
  }
  if (creating || 'all_folders' in body) {
    const all = bodyBool(body.all_folders);
    if (all === undefined) v.add('all_folders', INFERRED_API_CLIENTS.notBoolean);
    else next.all_folders = all;
  }
  let foldersValid = true;
  if ('folder_ids' in body) {
    const ids = Array.isArray(body.folder_ids) ? body.folder_ids.map(bodyId) : undefined;
    foldersValid = !!ids && ids.every((id) => id !== undefined && id !== ctx.store.rootFolderId && ctx.store.folders.has(id));
    if (!foldersValid) v.add('folder_ids', 'is invalid');
    else next.folder_ids = [...new Set(ids as number[])];
  }
  if (next.all_folders === true) next.folder_ids = [];
  else if (next.all_folders === false && !next.folder_ids?.length && foldersValid) v.add('folder_ids', "can't be blank");
  if ('ip_allow_list' in body) {
    const list = ipAllowList(body.ip_allow_list, v);
    if (list !== undefined) next.ip_allow_list = list;
  }
  if ('environment_name' in body) {
    const name = INFERRED_API_CLIENTS.environments.find((e) => typeof body.environment_name === 'string' && e.toLowerCase() === body.environment_name.toLowerCase());
    if (!name) v.add('environment_name', 'is not included in the list');
    else Object.assign(next, { environment_name: name, environment_id: environmentId(ctx.store, name) });
  }
  v.check();
  row.client = { ...next, updated_at: ctx.now() };
}

const CLIENTS: CrudSpec<DeveloperApiClientRow> = {
  table: CLIENT_TABLE,
  path: '/api/developer_api_clients',
  param: 'id',
  embedded: 'v2/managed_users',
  list: {
    order: (a, b) => a.client.id - b.client.id,
    envelope: (items, { all }) => result({ count: all.length, items }),
  },
  get: { envelope: result },
  create: {
    build(body, ctx) {
      const now = ctx.now();
      const environment = INFERRED_API_CLIENTS.defaultEnvironment;
      const row: DeveloperApiClientRow = {
        client: {
          id: ctx.nextId(), name: '', api_privilege_group_id: null, created_at: now, updated_at: now, all_folders: null, folder_ids: [],
          environment_name: environment, environment_id: environmentId(ctx.store, environment), ip_allow_list: null,
        },
        token: '',
        tokenUpdatedAt: now,
        issued: 0,
      };
      applyBody(row, body, ctx, true);
      row.token = issueToken(ctx.store, row);
      return row;
    },
    envelope: result,
  },
  update: { apply: (row, body, ctx) => applyBody(row, body, ctx, false), envelope: result },
  remove: true,
  wire,
};

const ROLES: CrudSpec<Workato.DeveloperApiClientRole> = {
  table: ROLE_TABLE,
  path: '/api/developer_api_client_roles',
  param: 'id',
  embedded: 'v2/managed_users',
  list: { order: (a, b) => a.id - b.id, paging: false, envelope: result },
};

/**
 * The workspace a developer API client's token opens (§21: a client's token calls the API as its workspace) and the
 * client: the token workspace's own clients, then its customers'. Its role and environment are enforced where §2.1
 * says (`clientRefusal`), its folder scope for recipes, connections and folders (`folderScopeOf`, `outOfScope`). A
 * regenerated token replaces the old one; a deleted client's stops working.
 */
export function clientOfToken(stores: Iterable<WorkspaceStore>, token: string): { store: WorkspaceStore; client: DeveloperApiClientRow } | undefined {
  for (const partner of stores) {
    for (const store of [partner, ...[...(partner.managedUsers?.values() ?? [])].map((customer) => customer.store)]) {
      for (const client of rowsOf(store, CLIENT_TABLE).values()) if (client.token === token) return { store, client };
    }
  }
  return undefined;
}

/** §9, §20 #1–#15: workspace details and collaborators (members, invitations, roles, IAM users and groups). */
const DEV_ONLY = /^\/api\/(users\/me|members|member_invitations|roles|iam)(\/|$)/;

/**
 * Why this client's token may not call the route, or undefined when it may (§2.1):
 * - its role lacks the endpoint: a "Read only" role allows reads only (INFERRED_API_CLIENTS.readOnlyRole), 403;
 * - "Several endpoints (workspace details, collaborators) are only granted to DEV clients" when the workspace has
 *   environments (§9, §20): 403 for a TEST or PROD client's token there.
 */
export function clientRefusal(store: WorkspaceStore, client: DeveloperApiClientRow, method: string, routePath: string): HttpError | undefined {
  const role = client.client.api_privilege_group_id == null ? undefined : rowsOf(store, ROLE_TABLE).get(client.client.api_privilege_group_id);
  if (method !== 'GET' && role && INFERRED_API_CLIENTS.readOnlyRole.test(role.name)) {
    return new HttpError(403, { message: INFERRED_API_CLIENTS.roleLacksEndpointMessage });
  }
  if (!store.environments || !DEV_ONLY.test(routePath)) return undefined;
  if (client.client.environment_name === INFERRED_API_CLIENTS.defaultEnvironment) return undefined; // Development
  return new HttpError(403, { message: INFERRED.devEnvironmentOnlyMessage });
}

/**
 * §2.1 "optional project/folder scope (all folders or a list of folder ids) — assets outside the scope are
 * invisible": the folders a client with `all_folders: false` sees, its folders and every folder below them;
 * undefined for a client of all folders.
 */
export function folderScopeOf(store: WorkspaceStore, client: DeveloperApiClientRow): ReadonlySet<number> | undefined {
  if (client.client.all_folders !== false) return undefined;
  const scope = new Set<number>();
  for (const id of client.client.folder_ids ?? []) {
    if (!store.folders.has(id)) continue;
    scope.add(id);
    for (const f of store.descendantFolders(id)) scope.add(f.id);
  }
  return scope;
}

/**
 * The folder of the recipe, connection or folder a path names by id (`/api/recipes/:id/…`, `…/:recipe_id/…`,
 * `/api/connections/:id`, `/api/folders/:id`), for the scope check; undefined when the path names none of those.
 */
function folderOfPath(store: WorkspaceStore, routePath: string, params: Record<string, string>): number | null | undefined {
  const id = (raw: string | undefined) => (raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined);
  if (routePath.startsWith('/api/recipes/:')) {
    const recipe = store.recipes.get(id(params.id ?? params.recipe_id) ?? NaN);
    return recipe ? recipe.recipe.folder_id : undefined;
  }
  if (routePath.startsWith('/api/connections/:')) {
    const connection = store.connections.get(id(params.id ?? params.connection_id) ?? NaN);
    return connection ? connection.connection.folder_id : undefined;
  }
  if (routePath.startsWith('/api/folders/:')) return id(params.id ?? params.folder_id);
  if (routePath.startsWith('/api/projects/:')) return projectByRef(store, params.id ?? params.project_id)?.folder_id;
  return undefined;
}

/** A by-id call on an asset outside the client's folder scope: 404, as for an id that does not exist [inferred]. */
export function outOfScope(store: WorkspaceStore, scope: ReadonlySet<number> | undefined, routePath: string, params: Record<string, string>): boolean {
  if (!scope) return false;
  const folder = folderOfPath(store, routePath, params);
  return folder !== undefined && !inScope(scope, folder);
}

/** Customer workspaces are seeded at index 100 and above (embedded.ts `addCustomer`); token workspaces below. */
const isCustomerWorkspace = (store: WorkspaceStore) => store.index >= 100;

export const developerApiClientRoutes: RouteDef[] = [
  ...crudRoutes(CLIENTS),
  {
    // §21 #6: a new token, answered once; the old one is gone.
    method: 'POST',
    path: '/api/developer_api_clients/:id/regenerate',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      const row = findRow(CLIENTS, ctx);
      row.token = issueToken(ctx.store, row);
      row.tokenUpdatedAt = formatTime(Date.now());
      return ok(result(wire(row, ctx)));
    },
  },
  ...crudRoutes(ROLES),
  {
    // §17.8: only for a customer workspace; in the caller's own the route does not exist (§4.2 `API not found`).
    method: 'POST',
    path: '/api/developer_api_client_roles/:id/copy',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      if (!isCustomerWorkspace(ctx.store)) throw new HttpError(404, { message: 'API not found' });
      const role = findRow(ROLES, ctx);
      const now = formatTime(Date.now());
      const copy = { id: ctx.store.allocateId(ROLE_TABLE.name), name: `${role.name}${INFERRED_API_CLIENTS.copySuffix}`, created_at: now, updated_at: now };
      rowsOf(ctx.store, ROLE_TABLE).set(copy.id, copy);
      return ok(result({ ...copy }));
    },
  },
];
