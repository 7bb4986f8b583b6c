/**
 * REFERENCE §22 API platform: collections, endpoints, v2 API clients and their keys, portals. Plain CRUD goes
 * through crudRoutes; endpoint create, enable/disable and the key lifecycle are routes of their own over the same
 * tables. Embedded customers (§17.8) get collections, endpoints, clients and keys under /api/managed_users/:id.
 */
import { randomBytes } from 'node:crypto';
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, notFound, ok, pageParams, paginate, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_API_PLATFORM as INF } from '../inferred.js';
import { insertRecipe } from '../recipe-build.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { blank, bodyBool, bodyId, bodyOf, Validation } from '../writes.js';

export interface ApiKeyRow {
  key: Workato.ApiKey;
  api_client_id: number;
  /** The secret; sent only by create and refresh_secret (§22 #11). */
  auth_token: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const stamp = (store: WorkspaceStore, daysAgo: number) => formatTime(SIM_NOW - (daysAgo + (store.index % 7)) * DAY);
const workspaceSlug = (store: WorkspaceStore) => slug(store.workspace.name ?? `workspace-${store.index}`);

export const API_COLLECTIONS: TableSpec<Workato.ApiCollection> = {
  name: 'api_collections',
  idOf: (c) => c.id,
  seed: (store) => {
    const project = store.projectsByIdDesc().at(-1);
    return INF.seedCollections.map((name, k) => ({
      id: 1361 + store.index * 1000 + k,
      name,
      project_id: project ? String(project.id) : null,
      url: `${INF.gatewayOrigin}/${workspaceSlug(store)}/${slug(name)}-v1`,
      api_spec_url: `https://www.workato.com/doc/service/${slug(name)}-v1/swagger?token={token}`,
      version: '1.0',
      created_at: stamp(store, 120 - k * 30),
      updated_at: stamp(store, 20 - k * 5),
    }));
  },
};

export const API_ENDPOINTS: TableSpec<Workato.ApiEndpoint> = {
  name: 'api_endpoints',
  idOf: (e) => e.id,
  seed: (store) => {
    const [first, second] = [...rowsOf(store, API_COLLECTIONS).values()];
    const recipes = store.recipesByIdDesc().slice(0, 3);
    return recipes.map(({ recipe }, k) => {
      const collection = k < 2 ? first! : (second ?? first!);
      const [method, path] = INF.seedEndpoints[k]!;
      return endpointRow(store, collection, { id: 9903 + store.index * 1000 + k, name: recipe.name, method, path, flow_id: recipe.id, active: recipe.running === true }, stamp(store, 90 - k));
    });
  },
};

export const API_CLIENTS: TableSpec<Workato.ApiClient> = {
  name: 'api_clients',
  idOf: (c) => c.id,
  seed: (store) => {
    const collections = [...rowsOf(store, API_COLLECTIONS).values()];
    const project = store.projectsByIdDesc().at(-1);
    const domain = `${workspaceSlug(store)}.example`;
    return INF.seedClients.map(([name, auth], k) => ({
      id: 5101 + store.index * 1000 + k,
      name,
      description: `${name} integration`,
      project_id: project?.id ?? null,
      created_at: stamp(store, 100 - k * 10),
      updated_at: stamp(store, 10 - k),
      logo: null,
      logo_2x: null,
      is_legacy: false,
      email: `api-team@${slug(name)}.${domain}`,
      auth_type: auth,
      mtls_enabled: false,
      validation_formula: null,
      cert_bundle_ids: [],
      api_policies: [{ id: 2 + store.index * 1000, name: 'Internal – Admins' }],
      api_collections: collections.slice(0, k + 1).map((c) => ({ id: c.id, name: c.name })),
    }));
  },
};

export const API_KEYS: TableSpec<ApiKeyRow> = {
  name: 'api_keys',
  idOf: (r) => r.key.id,
  seed: (store) =>
    [...rowsOf(store, API_CLIENTS).values()].flatMap((client, c) =>
      INF.seedKeys.map((name, k) => ({
        api_client_id: client.id,
        auth_token: INF.seedTokenPrefix + String(store.index * 1000 + c * 10 + k).padStart(8, '0'),
        key: {
          id: 37326 + store.index * 1000 + c * 10 + k,
          name,
          auth_type: 'token',
          ip_allow_list: k === 0 ? ['192.0.2.0/24'] : [],
          ip_deny_list: [],
          active: k === 0,
          active_since: stamp(store, 60 - c * 5 - k),
        },
      })),
    ),
};

export const API_PORTALS: TableSpec<Workato.ApiPortal> = {
  name: 'api_portals',
  idOf: (p) => p.id,
  seed: (store) => [
    {
      id: 201 + store.index * 1000,
      name: `${store.workspace.name ?? 'Workspace'} developer portal`,
      url: `https://developer.${workspaceSlug(store)}.example`,
      created_at: stamp(store, 200),
      updated_at: stamp(store, 15),
    },
  ],
};

function endpointRow(
  store: WorkspaceStore,
  collection: Workato.ApiCollection,
  fields: { id: number; name: string; method: string; path: string; flow_id: number; active: boolean },
  at: string,
): Workato.ApiEndpoint {
  const base = `/${workspaceSlug(store)}/${slug(collection.name)}-v1/${fields.path}`;
  return { ...fields, api_collection_id: collection.id, url: INF.gatewayOrigin + base, legacy_url: null, base_path: base, legacy: false, created_at: at, updated_at: at };
}

// ------------------------------------------------------------------ collections (§22 #1–#3)

/** The paths and methods of an OpenAPI document; [inferred] YAML is read only as far as `paths:` needs. */
function operationsOf(content: string, format: 'json' | 'yaml'): Array<[method: string, path: string]> | undefined {
  let paths: Record<string, Record<string, unknown>> | undefined;
  if (format === 'json') {
    try {
      const doc = JSON.parse(content) as { paths?: Record<string, Record<string, unknown>> };
      paths = doc && typeof doc === 'object' && doc.paths && typeof doc.paths === 'object' ? doc.paths : undefined;
    } catch {
      return undefined;
    }
  } else {
    if (!/^(openapi|swagger):/m.test(content)) return undefined;
    paths = {};
    let current: string | undefined;
    let inPaths = false;
    for (const line of content.split(/\r?\n/)) {
      if (/^\S/.test(line)) inPaths = /^paths:\s*$/.test(line);
      else if (inPaths && /^ {2}\S.*:\s*$/.test(line)) paths[(current = line.trim().replace(/:$/, '').replace(/^['"]|['"]$/g, ''))] = {};
      else if (inPaths && current && /^ {4}\w+:/.test(line)) paths[current]![line.trim().split(':')[0]!] = {};
    }
  }
  if (!paths) return undefined;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.keys(ops ?? {})
      .filter((m) => INF.methods.includes(m.toUpperCase()))
      .map((m): [string, string] => [m.toUpperCase(), path.replace(/^\//, '')]),
  );
}

function buildCollection(body: Record<string, unknown>, ctx: RouteContext & { nextId(): number; now(): string }): Workato.ApiCollection {
  const v = new Validation();
  if (blank(body.name)) v.add('name', "can't be blank");
  const projectId = body.project_id == null ? undefined : bodyId(body.project_id);
  const project = projectId === undefined ? undefined : ctx.store.projects.get(projectId);
  if (body.project_id != null && !project) v.add('project_id', 'is invalid');
  if (body.proxy_connection_id != null && !ctx.store.connections.has(bodyId(body.proxy_connection_id) ?? -1)) v.add('proxy_connection_id', 'is invalid');
  const spec = (body.openapi_spec ?? undefined) as { content?: unknown; format?: unknown } | undefined;
  let operations: Array<[string, string]> = [];
  if (body.proxy_connection_id == null) {
    if (!spec || typeof spec !== 'object' || blank(spec.content)) v.add('openapi_spec', "can't be blank");
    else if (spec.format !== 'json' && spec.format !== 'yaml') v.add('openapi_spec', 'format is not included in the list');
    else operations = operationsOf(spec.content as string, spec.format) ?? (v.add('openapi_spec', INF.invalidSpec), []);
  }
  v.check();
  const name = (body.name as string).trim();
  const now = ctx.now();
  const collection: Workato.ApiCollection = {
    id: ctx.nextId(),
    name,
    project_id: project ? String(project.id) : null,
    url: `${INF.gatewayOrigin}/${workspaceSlug(ctx.store)}/${slug(name)}-v1`,
    api_spec_url: `https://www.workato.com/doc/service/${slug(name)}-v1/swagger?token={token}`,
    version: '1.0',
    created_at: now,
    updated_at: now,
  };
  // "Generates both recipes and endpoints from the provided spec" (§22 [spec]): one stopped recipe per operation.
  const endpoints = rowsOf(ctx.store, API_ENDPOINTS);
  for (const [method, path] of operations) {
    const recipe = insertRecipe(ctx.store, {
      name: `${method} /${path}`,
      code: JSON.stringify({ number: 0, provider: INF.recipeTrigger, name: 'receive_request', as: 'request', keyword: 'trigger', input: {}, block: [] }),
      config: [],
      folder_id: project?.folder_id ?? ctx.store.rootFolderId,
      description: `Serves ${method} /${path} of ${name}.`,
    }).recipe;
    const id = ctx.store.allocateRowId(API_ENDPOINTS);
    endpoints.set(id, endpointRow(ctx.store, collection, { id, name: `${method} /${path}`, method, path, flow_id: recipe.id, active: false }, now));
  }
  return { ...collection, message: INF.importMessage, import_results: { success: true, total_endpoints: operations.length, failed_endpoints: 0, failed_actions: [] } };
}

/** A deleted collection takes its endpoints with it (§22 #3 [inferred]); their recipes stay. */
function dropEndpoints(collection: Workato.ApiCollection, ctx: RouteContext): void {
  const endpoints = rowsOf(ctx.store, API_ENDPOINTS);
  for (const [id, e] of endpoints) if (e.api_collection_id === collection.id) endpoints.delete(id);
}

const COLLECTIONS: CrudSpec<Workato.ApiCollection> = {
  table: API_COLLECTIONS,
  path: '/api/api_collections',
  param: 'id',
  list: { envelope: (rows) => rows },
  create: { build: buildCollection },
  // `message`/`import_results` belong to the create answer only.
  wire: ({ message, import_results, ...c }, ctx) => (ctx.method === 'POST' ? { ...c, message, import_results } : c),
};

// ------------------------------------------------------------------ endpoints (§22 #4–#7)

const ENDPOINTS: CrudSpec<Workato.ApiEndpoint> = {
  table: API_ENDPOINTS,
  path: '/api/api_endpoints',
  param: 'api_endpoint_id',
  embedded: 'managed_users',
  list: {
    filter: (e, { query }) => {
      const id = query.int('api_collection_id', { min: 1 });
      return id === undefined || e.api_collection_id === id;
    },
    envelope: (rows) => rows,
  },
};

async function createEndpoint(ctx: RouteContext) {
  const collection = findRow({ table: API_COLLECTIONS, param: 'id' }, ctx);
  const body = await bodyOf(ctx);
  const v = new Validation();
  if (blank(body.name)) v.add('name', "can't be blank");
  const method = typeof body.method === 'string' ? body.method.toUpperCase() : '';
  if (!INF.methods.includes(method)) v.add('method', 'is not included in the list');
  if (blank(body.path)) v.add('path', "can't be blank");
  const recipe = ctx.store.recipes.get(bodyId(body.flow_id) ?? -1);
  if (!recipe) v.add('flow_id', 'is invalid');
  v.check();
  const id = ctx.store.allocateRowId(API_ENDPOINTS);
  const path = (body.path as string).trim().replace(/^\//, '');
  const row = endpointRow(ctx.store, collection, { id, name: (body.name as string).trim(), method, path, flow_id: recipe!.recipe.id, active: false }, formatTime(Date.now()));
  rowsOf(ctx.store, API_ENDPOINTS).set(id, row);
  return ok({ ...row });
}

function setEnabled(enabled: boolean) {
  return (ctx: RouteContext) => {
    const endpoint = findRow(ENDPOINTS, ctx);
    // §22 #6: "You must start the associated recipe to enable the API endpoint successfully."
    if (enabled && !ctx.store.recipes.get(endpoint.flow_id ?? -1)?.recipe.running) throw badRequest(INF.recipeNotRunning);
    endpoint.active = enabled;
    endpoint.updated_at = formatTime(Date.now());
    return ok({ success: true });
  };
}

// ------------------------------------------------------------------ v2 clients (§22 #8–#10)

const AUTH_TYPES = ['token', 'jwt', 'oauth2', 'oidc'];

/** Ids in a body list: integers (or decimal strings); anything else → undefined. */
function idList(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value.map(bodyId);
  return ids.every((id): id is number => id !== undefined) ? ids : undefined;
}

/** Applies a create/update body to a client; `create` requires what ApiClientCreateRequest requires. */
function applyClient(client: Workato.ApiClient, body: Record<string, unknown>, store: WorkspaceStore, create: boolean): void {
  const v = new Validation();
  if ((create || 'name' in body) && blank(body.name)) v.add('name', "can't be blank");
  let collections: Workato.ApiCollection[] | undefined;
  if (create || 'api_collection_ids' in body) {
    const ids = idList(body.api_collection_ids);
    const table = rowsOf(store, API_COLLECTIONS);
    if (!ids || ids.length === 0) v.add('api_collection_ids', "can't be blank");
    else if (ids.some((id) => !table.has(id))) v.add('api_collection_ids', 'is invalid');
    else collections = ids.map((id) => table.get(id)!);
  }
  const auth = body.auth_type;
  if (create && !AUTH_TYPES.includes(auth as string)) v.add('auth_type', 'is not included in the list');
  if (auth === 'jwt' && !['hmac', 'rsa'].includes(body.jwt_method as string)) v.add('jwt_method', 'is not included in the list');
  if (auth === 'jwt' && blank(body.jwt_secret)) v.add('jwt_secret', "can't be blank");
  if (body.api_portal_id != null && blank(body.email)) v.add('email', "can't be blank");
  if (body.project_id != null && !store.projects.has(bodyId(body.project_id) ?? -1)) v.add('project_id', 'is invalid');
  v.check();
  if (typeof body.name === 'string') client.name = body.name.trim();
  if ('description' in body) client.description = (body.description as string | null) ?? null;
  if ('email' in body) client.email = (body.email as string | null) ?? null;
  if (create) client.auth_type = auth as string;
  if (body.project_id != null) client.project_id = bodyId(body.project_id)!;
  if (collections) client.api_collections = collections.map((c) => ({ id: c.id, name: c.name }));
  const mtls = bodyBool(body.mtls_enabled);
  if (mtls !== undefined) client.mtls_enabled = mtls;
  if ('validation_formula' in body) client.validation_formula = (body.validation_formula as string | null) ?? null;
  if ('cert_bundle_ids' in body) client.cert_bundle_ids = idList(body.cert_bundle_ids) ?? [];
  if (body.api_policy_id != null) client.api_policies = [{ id: bodyId(body.api_policy_id), name: `Policy ${bodyId(body.api_policy_id)}` }];
  // jwt_secret and the OIDC settings are write-only: never stored, never echoed.
}

function clientWire(client: Workato.ApiClient, ctx: RouteContext): Workato.ApiClient {
  const keys = [...rowsOf(ctx.store, API_KEYS).values()].filter((k) => k.api_client_id === client.id);
  return { ...client, active_api_keys_count: keys.filter((k) => k.key.active).length, total_api_keys_count: keys.length };
}

const counted = (rows: unknown[], info: { all: unknown[]; window?: { page: number; perPage: number } }) => ({
  data: rows,
  count: info.all.length,
  page: info.window?.page ?? 1,
  per_page: info.window?.perPage ?? rows.length,
});

const CLIENTS: CrudSpec<Workato.ApiClient> = {
  table: API_CLIENTS,
  path: '/api/v2/api_clients',
  param: 'id',
  embedded: 'v2/managed_users',
  list: {
    filter: (c, { query }) => {
      const project = query.int('project_id', { min: 1 });
      const bundles = query.list('cert_bundle_ids').map(Number);
      return (project === undefined || c.project_id === project) && (bundles.length === 0 || bundles.some((b) => c.cert_bundle_ids?.includes(b)));
    },
    envelope: counted,
  },
  get: { envelope: (row) => ({ data: row }) },
  create: {
    build: (body, ctx) => {
      const now = ctx.now();
      const client: Workato.ApiClient = {
        id: 0, name: '', description: null, project_id: null, created_at: now, updated_at: now, logo: null, logo_2x: null,
        is_legacy: false, email: null, auth_type: 'token', mtls_enabled: false, validation_formula: null, cert_bundle_ids: [],
        api_policies: [], api_collections: [],
      };
      applyClient(client, body, ctx.store, true);
      client.id = ctx.nextId();
      return client;
    },
    envelope: (row) => ({ data: row }),
  },
  update: {
    apply: (client, body, ctx) => {
      applyClient(client, body, ctx.store, false);
      client.updated_at = ctx.now();
    },
    envelope: (row) => ({ data: row }),
  },
  remove: {
    check: (client, ctx) => {
      const keys = rowsOf(ctx.store, API_KEYS);
      for (const [id, k] of keys) if (k.api_client_id === client.id) keys.delete(id);
    },
  },
  wire: clientWire,
};

// ------------------------------------------------------------------ keys (§22 #11–#12)

const KEYS_PATH = '/api/v2/api_clients/:api_client_id/api_keys';

/** The key a path names, which must belong to the client the path names (else 404). */
function keyOf(ctx: RouteContext): ApiKeyRow {
  const client = findRow(CLIENTS, { ...ctx, params: { id: ctx.params.api_client_id! } });
  const row = rowsOf(ctx.store, API_KEYS).get(pathInt(ctx.params.key_id));
  if (!row || row.api_client_id !== client.id) throw notFound();
  return row;
}

const newToken = () => randomBytes(32).toString('hex');
/** The key as lists and most answers send it: never the token (§22 #11). */
const keyWire = (row: ApiKeyRow): Workato.ApiKey => ({ ...row.key });
const withSecret = (row: ApiKeyRow) => ok({ data: { ...row.key, auth_token: row.auth_token } });

function ipList(v: Validation, field: string, value: unknown): string[] | undefined {
  if (value == null) return undefined;
  if (!Array.isArray(value) || value.some((ip) => typeof ip !== 'string' || ip.trim() === '')) v.add(field, 'is invalid');
  return value as string[];
}

async function createKey(ctx: RouteContext) {
  const client = findRow(CLIENTS, { ...ctx, params: { id: ctx.params.api_client_id! } });
  const body = await bodyOf(ctx);
  const v = new Validation();
  if (blank(body.name)) v.add('name', "can't be blank");
  const active = bodyBool(body.active);
  if (active === undefined) v.add('active', 'is not included in the list');
  const allow = ipList(v, 'ip_allow_list', body.ip_allow_list);
  const deny = ipList(v, 'ip_deny_list', body.ip_deny_list);
  v.check();
  const id = ctx.store.allocateRowId(API_KEYS);
  const key: Workato.ApiKey = {
    id, name: (body.name as string).trim(), auth_type: client.auth_type ?? 'token', ip_allow_list: allow ?? [], ip_deny_list: deny ?? [],
    active, active_since: formatTime(Date.now()),
  };
  const row: ApiKeyRow = { key, api_client_id: client.id, auth_token: newToken() };
  rowsOf(ctx.store, API_KEYS).set(id, row);
  return withSecret(row);
}

function changeKey(action: 'enable' | 'disable' | 'refresh_secret') {
  return (ctx: RouteContext) => {
    const row = keyOf(ctx);
    if (action === 'refresh_secret') {
      row.auth_token = newToken();
      return withSecret(row);
    }
    row.key.active = action === 'enable';
    if (row.key.active) row.key.active_since = formatTime(Date.now());
    return ok({ data: keyWire(row) });
  };
}

const KEYS: CrudSpec<ApiKeyRow> = {
  table: API_KEYS,
  path: KEYS_PATH,
  param: 'key_id',
  embedded: 'v2/managed_users',
  list: {
    filter: (row, ctx) => row.api_client_id === findRow(CLIENTS, { ...ctx, params: { id: ctx.params.api_client_id! } }).id,
    envelope: counted,
  },
  remove: { check: (_row, ctx) => void keyOf(ctx) },
  wire: keyWire,
};

// ------------------------------------------------------------------ portals (§22 #13)

function listPortals(ctx: RouteContext) {
  const all = [...rowsOf(ctx.store, API_PORTALS).values()];
  const window = pageParams(ctx.query);
  return ok(counted(paginate(all, window).map((p) => ({ ...p })), { all, window }));
}

/** A route a customer has too: under /api/managed_users/:id, or /api/v2/managed_users/:id for a v2 path (embedded.ts). */
const mirrored = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({
  method,
  path,
  handler,
  embedded: path.startsWith('/api/v2/') ? 'v2/managed_users' : 'managed_users',
});

export const apiPlatformRoutes: RouteDef[] = [
  // §17.8: customers list and create collections; deleting one is documented for the workspace only.
  ...crudRoutes({ ...COLLECTIONS, embedded: 'managed_users' }),
  ...crudRoutes({ table: API_COLLECTIONS, path: COLLECTIONS.path, param: 'id', remove: { check: dropEndpoints } }),
  ...crudRoutes(ENDPOINTS),
  { method: 'POST', path: '/api/api_collections/:id/api_endpoints', handler: createEndpoint },
  mirrored('PUT', '/api/api_endpoints/:api_endpoint_id/enable', setEnabled(true)),
  mirrored('PUT', '/api/api_endpoints/:api_endpoint_id/disable', setEnabled(false)),
  ...crudRoutes(CLIENTS),
  ...crudRoutes(KEYS),
  mirrored('POST', KEYS_PATH, createKey),
  mirrored('PUT', `${KEYS_PATH}/:key_id/enable`, changeKey('enable')),
  mirrored('PUT', `${KEYS_PATH}/:key_id/disable`, changeKey('disable')),
  mirrored('PUT', `${KEYS_PATH}/:key_id/refresh_secret`, changeKey('refresh_secret')),
  { method: 'GET', path: '/api/v2/api_portals', handler: listPortals },
];
