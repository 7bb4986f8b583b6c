/**
 * REFERENCE §17.3–§17.7: a customer workspace answers the workspace endpoints under
 * `/api/managed_users/:managed_user_id/…`. Rather than copies, each mirrored route resolves the customer's own store
 * (numeric id or `E<external id>`, §17.0) and re-enters the workspace handler, then reshapes the answer the way
 * Embedded answers differ: lists in `{"result": [...]}` (§6). Workspace routes added later are mirrored as well
 * when their path is in MIRRORED. A route whose Embedded twin behaves differently names that handler (`customer`).
 */
import { findCustomer, type ManagedUserRow } from '../embedded.js';
import type { Reply, RouteDef } from '../http-helpers.js';

const PREFIX = '/api/managed_users/:managed_user_id';
/** §17.8: tags, on-prem, developer API clients and v2 API platform clients of a customer live under /api/v2/managed_users/:id. */
const V2_PREFIX = '/api/v2/managed_users/:managed_user_id';

/** Route keys (`METHOD /api/path`) that exist for customers: §17.3 connections, §17.4/§17.5 recipes and jobs, §17.6, §17.7, §17.9. */
const MIRRORED: RegExp[] = [
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/recipes(\/(?!.*cancel_jobs$).*)?$/,
  /^(GET|POST) \/api\/connections$/,
  /^(PUT|DELETE) \/api\/connections\/:\w+$/,
  /^POST \/api\/connections\/:\w+\/disconnect$/,
  /^(GET|POST) \/api\/folders$/,
  /^(PUT|DELETE) \/api\/folders\/:\w+$/,
  /^GET \/api\/projects$/,
  /^(PUT|DELETE) \/api\/projects\/:\w+$/,
  /^(GET|POST|PUT|DELETE) \/api\/lookup_tables(\/.*)?$/,
  // §17.9 #1–#5: manifests and folder assets; the packages themselves have other paths (routes/packages.ts).
  /^(GET|POST|PUT|DELETE) \/api\/export_manifests(\/.*)?$/,
];

/**
 * §6/§17: these lists come as `{"result": [...]}` for a customer. Jobs keep their counters envelope and versions
 * their `{"data"}` (§17.5 "shapes as §11" — see inferred.ts); single objects are not wrapped.
 */
const RESULT_LISTS = new Set(['GET /api/recipes', 'GET /api/connections', 'GET /api/folders', 'GET /api/projects', 'GET /api/lookup_tables']);

function reshape(key: string, reply: Reply, customer: ManagedUserRow, declared: boolean): Reply {
  if (reply.status < 200 || reply.status >= 300) return reply;
  // §6 "every Embedded list {"result"}": a declared family's bare-array list is wrapped; other envelopes are kept
  // as the workspace sends them [inferred: §17.8 gives paths only].
  if (declared && key.startsWith('GET ') && Array.isArray(reply.body)) return { ...reply, body: { result: reply.body } };
  if (!RESULT_LISTS.has(key)) return reply;
  const body = reply.body as unknown[] | { items?: unknown[] };
  let list = (Array.isArray(body) ? body : body.items ?? []) as Array<Record<string, unknown>>;
  if (key === 'GET /api/connections' && customer.legacyConnectionShape) {
    // fixtures/managed-user-connections-list.json: the 2019 items name the connector `provider`.
    list = list.map(({ application, ...c }) => ({ ...c, provider: c.provider ?? application }));
  }
  return { ...reply, body: { result: list } };
}

/** The customer-scope twin of every mirrored workspace route. */
export function embeddedRoutes(workspaceRoutes: readonly RouteDef[]): RouteDef[] {
  return workspaceRoutes
    .filter((route) => route.embedded !== undefined || MIRRORED.some((pattern) => pattern.test(`${route.method} ${route.path}`)))
    .map((route) => {
      const key = `${route.method} ${route.path}`;
      // A v2 workspace path (`/api/v2/api_clients`) has its twin under the v2 prefix with the rest of its path.
      const v2Path = route.path.startsWith('/api/v2/');
      const prefix = route.embedded === 'v2/managed_users' || v2Path ? V2_PREFIX : PREFIX;
      return {
        method: route.method,
        path: prefix + route.path.slice(v2Path ? '/api/v2'.length : '/api'.length),
        handler: async (ctx) => {
          const customer = findCustomer(ctx.store, ctx.params.managed_user_id);
          const { managed_user_id: _segment, ...params } = ctx.params;
          const handler = route.customer ?? route.handler;
          return reshape(key, await handler({ ...ctx, store: customer.store, params }), customer, route.embedded !== undefined);
        },
      };
    });
}
