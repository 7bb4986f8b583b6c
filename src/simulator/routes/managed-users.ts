/**
 * REFERENCE §17.1 customers (managed users) and §17.2 their members, with state. Every `:id` accepts the numeric id
 * or `E<external id>` (§17.0, resolved in embedded.ts). Choices the reference leaves open are listed in inferred.ts.
 */
import type { Workato } from '../../workato/types.js';
import { rowsOf } from '../crud.js';
import { EMPTY_WORKSPACE, addCustomer, customersOf, findCustomer, type ManagedUserRow } from '../embedded.js';
import { INFERRED } from '../inferred.js';
import { HttpError, notFound, ok, pageParams, paginate, pathInt, type RouteDef } from '../http-helpers.js';
import type { WorkspaceStore } from '../store.js';
import { formatTime, SIM_NOW } from '../time.js';
import { MEMBERS } from './collaborators.js';

type Body = Record<string, unknown>;

/**
 * What GET /managed_users/:id adds (api-docs "Get customer"), computed from the customer's workspace [inferred: the
 * figures' definitions]: tasks = its recipes' task counts; the billing period is the calendar month (from
 * `billing_start_date`'s day when set) around the simulator's clock; no connection limit; not fully embedded.
 */
function detailOf(row: ManagedUserRow): Partial<Workato.ManagedUserDetail> {
  const recipes = [...row.store.recipes.values()].map((r) => r.recipe);
  const connections = [...row.store.connections.values()].map((c) => c.connection);
  const now = new Date(SIM_NOW);
  const day = row.user.billing_start_date ? Number(row.user.billing_start_date.slice(8, 10)) : 1;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (now.getUTCDate() < day ? 1 : 0), day));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, day - 1));
  return {
    full_embedding: false,
    whitelisted_apps: [],
    team_name: row.user.name,
    current_billing_period_start: start.toISOString().slice(0, 10),
    current_billing_period_end: end.toISOString().slice(0, 10),
    task_count: taskCount(row),
    active_connection_limit: null,
    active_connection_count: connections.filter((c) => c.authorization_status === 'success').length,
    active_recipe_count: recipes.filter((r) => r.running).length,
  };
}

/** The customer's current task usage, as "Get customer" reports it in `task_count` [inferred: its definition]. */
function taskCount(row: ManagedUserRow): number {
  let sum = 0;
  for (const { recipe } of row.store.recipes.values()) sum += recipe.lifetime_task_count ?? 0;
  return sum;
}

/** §4.2 validation shape: `{"message": "Validation failed", "errors": {"field": ["message"]}}`. */
const invalid = (errors: Record<string, string[]>): HttpError => new HttpError(400, { message: 'Validation failed', errors });

async function objectBody(readJson: () => Promise<unknown>): Promise<Body> {
  const body = await readJson();
  if (body === undefined) return {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, { message: 'Request body must be a JSON object' });
  return body as Body;
}

const STRING_FIELDS = ['name', 'notification_email', 'plan_id', 'external_id', 'origin_url', 'frame_ancestors', 'oauth_id', 'time_zone',
  'admin_notification_emails', 'error_notification_emails', 'billing_start_date'] as const;
const INT_FIELDS = ['task_limit_adjustment', 'custom_task_limit'] as const;
/** §17.1: properties PUT may change; create also takes `oauth_id` and `time_zone`. */
const UPDATABLE = new Set<string>(['name', 'notification_email', 'plan_id', 'external_id', 'origin_url', 'frame_ancestors',
  'admin_notification_emails', 'error_notification_emails', 'billing_start_date', 'in_trial', ...INT_FIELDS]);
const REQUIRED = new Set(['name', 'notification_email']);

/** Reads the documented customer properties present in `body` (null clears), checking types and required values. */
function customerFields(body: Body, keys: Iterable<string>, others: Iterable<ManagedUserRow>, self?: ManagedUserRow): Partial<Workato.ManagedUser> {
  const errors: Record<string, string[]> = {};
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!(key in body)) continue;
    const value = body[key];
    if (REQUIRED.has(key) && (value === null || (typeof value === 'string' && value.trim() === ''))) {
      errors[key] = ["can't be blank"];
    } else if (value === null) {
      out[key] = null;
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') errors[key] = ['must be a String'];
      else if (key === 'billing_start_date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[key] = ['must be a date (YYYY-MM-DD)'];
      else if (key === 'notification_email' && !/^[^@\s]+@[^@\s]+$/.test(value)) errors[key] = ['is invalid'];
      else out[key] = value;
    } else if ((INT_FIELDS as readonly string[]).includes(key)) {
      // §17.1: `task_limit_adjustment` may arrive as a string ("-5000").
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) errors[key] = ['must be an integer'];
      else out[key] = n;
    } else if (key === 'in_trial') {
      if (typeof value !== 'boolean') errors[key] = ['must be true or false'];
      else out[key] = value;
    }
  }
  const external = out.external_id;
  if (typeof external === 'string') {
    for (const row of others) if (row !== self && row.user.external_id === external) errors.external_id = ['has already been taken'];
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return out as Partial<Workato.ManagedUser>;
}

/** §17.1 create: `auth_settings[type]` is one of these. */
const AUTH_TYPES = ['workato_auth', 'two_fa_auth', 'saml_sso'];
/** §17.1 create: the SAML set-up fields REFERENCE names (the JIT, role-sync and enforce flags are kept unchecked). */
const SAML_FIELDS = ['provider', 'metadata_url', 'sso_url', 'saml_issuer', 'x509_cert'];

/**
 * Checks §17.1 create's `auth_settings` (§3: a nested JSON object), when given, for what REFERENCE documents (the
 * type's values; the SAML fields are strings): 400 otherwise.
 */
function checkAuthSettings(body: Body): void {
  const value = body.auth_settings;
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid({ auth_settings: ['must be an object'] });
  const settings = value as Body;
  const errors: string[] = [];
  if (settings.type !== undefined && !AUTH_TYPES.includes(settings.type as string)) errors.push('type is not included in the list');
  for (const key of SAML_FIELDS) {
    if (settings[key] !== undefined && settings[key] !== null && typeof settings[key] !== 'string') errors.push(`${key} must be a String`);
  }
  if (errors.length) throw invalid({ auth_settings: errors });
}

/** §17.1 `environments[...]`: what an entry may set (checked, neither kept nor echoed: no read of them is documented). */
const ENVIRONMENT_TYPES = ['dev', 'test', 'prod'];
const ENVIRONMENT_FIELDS = ['external_id', 'error_notification_emails'];

/** Checks §17.1's `environments[...]`, when given: an array of objects of a known type, with string settings; 400 otherwise. */
function checkEnvironments(body: Body): void {
  const value = body.environments;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw invalid({ environments: ['must be an array'] });
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) { errors.push('each environment must be an object'); continue; }
    const e = entry as Body;
    const type = String(e.environment_type);
    if (!ENVIRONMENT_TYPES.includes(type)) { errors.push('environment_type is not included in the list'); continue; }
    if (seen.has(type)) errors.push(INFERRED.environmentTwice(type));
    seen.add(type);
    for (const key of ENVIRONMENT_FIELDS) {
      if (e[key] !== undefined && e[key] !== null && typeof e[key] !== 'string') errors.push(`${key} must be a String`);
      if (type === 'dev' && e[key] !== undefined && body[key] !== undefined) errors.push(INFERRED.environmentRepeatsDev(key));
    }
  }
  if (errors.length) throw invalid({ environments: errors });
}

/** The customer's members: the same table as its /members routes (routes/collaborators.ts, §17.2 #6–#9). */
function member(store: WorkspaceStore, raw: string | undefined): Workato.Member {
  const found = rowsOf(store, MEMBERS).get(pathInt(raw));
  if (!found) throw notFound();
  return found;
}

/** Roles from `role_name` (one DEV role) or `env_roles` (`[{environment_type, name, role_type}]` or one object), §17.2. */
function roles(body: Body): Workato.MemberRole[] | undefined {
  if (typeof body.role_name === 'string' && body.role_name.trim()) return [{ environment_type: 'dev', role_name: body.role_name }];
  if (body.env_roles === undefined || body.env_roles === null) return undefined;
  const list = Array.isArray(body.env_roles) ? body.env_roles : [body.env_roles];
  return list.map((entry) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Body;
    const environment = e.environment_type ?? 'dev';
    if (!['dev', 'test', 'prod'].includes(String(environment))) throw invalid({ env_roles: ['environment_type must be one of: dev, test, prod'] });
    if (typeof e.name !== 'string' || !e.name.trim()) throw invalid({ env_roles: ['name is required'] });
    return { environment_type: String(environment), role_name: e.name };
  });
}

export const managedUserRoutes: RouteDef[] = [
  {
    // §17.1 #1 → {"result": [ManagedUser]} (fixtures/managed-users-list.json); page/per_page ≤ 100 [inferred].
    method: 'GET',
    path: '/api/managed_users',
    handler: ({ store, query }) => {
      const window = pageParams(query);
      const all = [...customersOf(store).values()].sort((a, b) => a.user.id - b.user.id);
      return ok({ result: paginate(all, window).map((row) => ({ ...row.user })) });
    },
  },
  {
    // §17.1 #2 → ManagedUser. The new customer workspace is empty (Home folder only). `auth_settings` and
    // `environments` are checked, neither kept nor echoed: REFERENCE documents no read of them.
    method: 'POST',
    path: '/api/managed_users',
    handler: async ({ store, readJson }) => {
      const customers = customersOf(store);
      const body = await objectBody(readJson);
      const missing = [...REQUIRED].filter((k) => !(k in body));
      if (missing.length) throw invalid(Object.fromEntries(missing.map((k) => [k, ["can't be blank"]])));
      const fields = customerFields(body, [...UPDATABLE, 'oauth_id', 'time_zone'], customers.values());
      checkAuthSettings(body);
      checkEnvironments(body);
      const now = formatTime(Date.now());
      const user: Workato.ManagedUser = {
        id: store.allocateId('managed_user'), external_id: null, name: '', notification_email: null, plan_id: 'oem_plan',
        origin_url: null, in_trial: false, created_at: now, updated_at: now, ...fields,
      };
      addCustomer(store, user, EMPTY_WORKSPACE);
      return ok({ ...user });
    },
  },
  {
    // §17.1 #3 → ManagedUser (fixtures/managed-user-get.json); 404 for an unknown id or external id.
    method: 'GET',
    path: '/api/managed_users/:id',
    handler: ({ store, params }) => {
      const row = findCustomer(store, params.id);
      return ok({ ...row.user, ...detailOf(row) });
    },
  },
  {
    // §17.1 #4: only the properties present change; `null` clears one.
    method: 'PUT',
    path: '/api/managed_users/:id',
    handler: async ({ store, params, readJson }) => {
      const row = findCustomer(store, params.id);
      const body = await objectBody(readJson);
      const fields = customerFields(body, UPDATABLE, customersOf(store).values(), row);
      checkEnvironments(body);
      // §17.1: `custom_task_limit` "must exceed current usage" [doc]; `null` (clear) is always allowed. The refusal
      // takes the §4.2 validation shape; its text is [inferred].
      const usage = taskCount(row);
      if (typeof fields.custom_task_limit === 'number' && fields.custom_task_limit <= usage) {
        throw invalid({ custom_task_limit: [INFERRED.taskLimitBelowUsage(usage)] });
      }
      Object.assign(row.user, fields, { updated_at: formatTime(Date.now()) });
      if (typeof fields.name === 'string') row.store.workspace.name = fields.name; // the workspace is renamed with it
      return ok({ ...row.user });
    },
  },
  {
    // §17.1 #5 → {"success": true} [inferred]; the customer workspace goes with it.
    method: 'DELETE',
    path: '/api/managed_users/:id',
    handler: ({ store, params }) => {
      const row = findCustomer(store, params.id);
      customersOf(store).delete(row.user.id);
      return ok({ success: true });
    },
  },
  {
    // §17.2 #1 → {"result": [Member]} [inferred wrapper], id-ascending, page/per_page ≤ 100.
    method: 'GET',
    path: '/api/managed_users/:id/members',
    handler: ({ store, params, query }) => {
      const { store: customer } = findCustomer(store, params.id);
      const all = [...rowsOf(customer, MEMBERS).values()].sort((a, b) => a.id - b.id);
      return ok({ result: paginate(all, pageParams(query)).map((m) => structuredClone(m)) });
    },
  },
  {
    method: 'GET',
    path: '/api/managed_users/:id/members/:member_id',
    handler: ({ store, params }) => ok(structuredClone(member(findCustomer(store, params.id).store, params.member_id))),
  },
  {
    // §17.2 #3: add a collaborator directly → the Member.
    method: 'POST',
    path: '/api/managed_users/:id/members',
    handler: async ({ store, params, readJson }) => {
      const { store: customer, user } = findCustomer(store, params.id);
      const body = await objectBody(readJson);
      const errors: Record<string, string[]> = {};
      if (typeof body.name !== 'string' || !body.name.trim()) errors.name = ["can't be blank"];
      if (body.email !== undefined && body.email !== null && (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email))) {
        errors.email = ['is invalid'];
      }
      if (!body.email && !body.oauth_id) errors.email = [...(errors.email ?? []), "can't be blank without oauth_id"];
      const taken = typeof body.email === 'string' && [...rowsOf(customer, MEMBERS).values()].some((m) => m.email === body.email);
      if (taken) errors.email = ['has already been taken'];
      if (Object.keys(errors).length) throw invalid(errors);
      const id = customer.allocateId('member');
      const added: Workato.Member = {
        id, grant_type: 'team', name: String(body.name), email: (body.email as string | undefined) ?? null,
        external_id: typeof body.external_id === 'string' ? body.external_id : null,
        oauth_id: typeof body.oauth_id === 'string' ? body.oauth_id : null,
        time_zone: user.time_zone ?? 'Pacific Time (US & Canada)', created_at: formatTime(Date.now()),
        roles: roles(body) ?? [{ environment_type: 'dev', role_name: 'Operator' }],
      };
      rowsOf(customer, MEMBERS).set(id, added);
      return ok(structuredClone(added));
    },
  },
  {
    // §17.2 #4: set the member's roles → the Member.
    method: 'PUT',
    path: '/api/managed_users/:id/members/:member_id',
    handler: async ({ store, params, readJson }) => {
      const found = member(findCustomer(store, params.id).store, params.member_id);
      const next = roles(await objectBody(readJson));
      if (!next) throw invalid({ role_name: ['role_name or env_roles is required'] });
      found.roles = next;
      return ok(structuredClone(found));
    },
  },
  {
    // §17.2 #5 → {"success": true} [inferred].
    method: 'DELETE',
    path: '/api/managed_users/:id/members/:member_id',
    handler: ({ store, params }) => {
      const { store: customer } = findCustomer(store, params.id);
      rowsOf(customer, MEMBERS).delete(member(customer, params.member_id).id);
      return ok({ success: true });
    },
  },
];
