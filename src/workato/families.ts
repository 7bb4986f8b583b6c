/**
 * Workato's rate limits are documented per endpoint family (REFERENCE §5). This file names the family of every
 * call and its quota, for the client-side rate limiter and for metrics labels (a small, fixed set of values:
 * never an id, never a token).
 */

export interface Quota {
  /** Calls allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

export interface Family {
  /** Metrics label and limiter key part, e.g. `connections_list`, `embedded_jobs`. */
  name: string;
  quota: Quota;
}

const perMinute = (limit: number): Quota => ({ limit, windowMs: 60_000 });
const perSecond = (limit: number): Quota => ({ limit, windowMs: 1_000 });

/** Families whose numbers REFERENCE §5 leaves out ("not captured"): the simulator's default, 60 / min. */
const DEFAULT_QUOTA = perMinute(60);

/** First path segments we know (REFERENCE §9–§28); anything else is reported as `other` so labels stay bounded. */
const KNOWN_ROOTS = new Set([
  'recipes', 'jobs', 'job', 'connections', 'integrations', 'custom_connectors', 'folders', 'projects', 'project_builds',
  'deployments', 'packages', 'export_manifests', 'users', 'managed_users', 'lookup_tables', 'tags', 'data_tables',
  'properties', 'api_clients', 'api_collections', 'api_endpoints', 'api_keys', 'api_portals', 'api_access_profiles',
  'developer_api_clients', 'roles', 'members', 'member_invitations', 'iam', 'on_prem_groups', 'on_prem_agents',
  'event_streams', 'activity_logs', 'secrets_management', 'custom_oauth_profiles', 'test_cases', 'agentic', 'mcp',
  'imports', 'exports', 'connectors',
]);

/** Roots that share one documented quota (§5): tag assignments are tags, client roles are API clients. */
const ROOT_ALIASES: Record<string, string> = {
  tags_assignments: 'tags',
  developer_api_client_roles: 'developer_api_clients',
  api_collections: 'api_platform', api_endpoints: 'api_platform', api_clients: 'api_platform', api_keys: 'api_platform',
  api_portals: 'api_platform', api_access_profiles: 'api_platform',
  on_prem_groups: 'on_prem', on_prem_agents: 'on_prem',
  members: 'collaborators', member_invitations: 'collaborators', roles: 'collaborators', iam: 'collaborators',
  // §16.3: the SDK's schema generators belong with the custom connectors.
  sdk: 'custom_connectors',
};

/**
 * The family of `method path` (path relative to the API root, query string excluded). Embedded calls
 * (`/managed_users/:id/...`, and `/v2/managed_users/:id/...` for the families of §17.8) have their own, mostly
 * larger, quotas that apply to the whole admin workspace. Paths of the other hosts (§25 data-table records, §26
 * event-stream messages: `/v1/tables/...`, `/v1/topics/...`) have families of their own.
 */
export function familyOf(method: string, path: string): Family {
  const m = method.toUpperCase();
  const customers = (path.startsWith('/managed_users') || path.startsWith('/v2/managed_users/statistics/')) && manageCustomersFamily(m, path);
  if (customers) return customers;
  const embedded = /^(?:\/v2)?\/managed_users\/[^/]+(\/.*)$/.exec(path);
  const scoped = embedded ? embedded[1]! : path;
  // `/v2/api_clients`, `/v2/managed_users/…`: the version segment is not the family.
  const rest = scoped.startsWith('/v2/') ? scoped.slice(3) : scoped;
  const segments = rest.split('/').filter(Boolean);
  const first = segments[0] ?? '';

  // §26: messages on the event-streams host, 60 / min; §25: records of the data-tables API (not captured: 60 / min).
  if (first === 'v1' && (segments[1] === 'topics' || segments[1] === 'batch')) return { name: 'event_stream_messages', quota: perMinute(60) };
  if (first === 'v1' && segments[1] === 'tables') return { name: 'data_table_records', quota: DEFAULT_QUOTA };
  if (first === 'pubsub') return { name: 'event_stream_messages_legacy', quota: perMinute(1000) };

  // REFERENCE §5: repeat and cancel jobs are 1 / second, in both scopes.
  if (first === 'recipes' && m === 'POST' && segments[2] === 'repeat_jobs') return { name: 'jobs_repeat', quota: perSecond(1) };
  if (first === 'recipes' && m === 'POST' && segments[2] === 'cancel_jobs') return { name: 'jobs_cancel', quota: perSecond(1) };
  // Workato's Test Automation page: a recipe's test cases count with the run requests (60 / min, both scopes); its
  // Recipes page: starting a health analysis is 20 / min.
  if (first === 'recipes' && segments[2] === 'test_cases') return { name: embedded ? 'embedded_test_cases' : 'test_cases', quota: DEFAULT_QUOTA };
  if (!embedded && first === 'recipes' && m === 'POST' && segments[2] === 'health') return { name: 'recipe_health_check', quota: perMinute(20) };
  const jobs = (first === 'recipes' && segments[2] === 'jobs') || first === 'jobs' || first === 'job'; // POST /job/resume
  const connectionsList = first === 'connections' && m === 'GET' && segments.length === 1;
  const root = ROOT_ALIASES[first] ?? first;
  const known = KNOWN_ROOTS.has(first) || root !== first;

  if (embedded) {
    if (jobs) return { name: 'embedded_jobs', quota: perMinute(1000) };
    if (connectionsList) return { name: 'embedded_connections_list', quota: perMinute(1000) };
    if (first === 'connections') return { name: 'embedded_connections', quota: perMinute(60) };
    if (first === 'integrations' || first === 'connectors') return { name: 'embedded_connectors', quota: perMinute(1000) };
    // §5 Embedded: listing developer API clients and their roles 1,000 / min, their other calls 60 / min.
    if (root === 'developer_api_clients') {
      const listing = m === 'GET' && segments.length === 1;
      return listing ? { name: 'embedded_developer_api_clients_list', quota: perMinute(1000) } : { name: 'embedded_developer_api_clients', quota: DEFAULT_QUOTA };
    }
    // §5 Embedded API platform: collections, endpoints, clients and access policies 1,000 / min; portals 60 / min.
    if (root === 'api_platform') {
      return first === 'api_portals' ? { name: 'embedded_api_portals', quota: DEFAULT_QUOTA } : { name: 'embedded_api_platform', quota: perMinute(1000) };
    }
    return { name: `embedded_${known ? root : 'other'}`, quota: DEFAULT_QUOTA };
  }
  if (jobs) return { name: 'jobs', quota: perMinute(60) };
  if (connectionsList) return { name: 'connections_list', quota: perMinute(60) };
  if (first === 'connections') return { name: 'connections', quota: perSecond(1) };
  if (first === 'integrations') return { name: 'connectors', quota: perMinute(60) };
  if (first === 'managed_users') return { name: 'managed_users', quota: DEFAULT_QUOTA };
  // §5 Agent Studio: listing and reading genies, knowledge bases and skills 1,000 / min; genie conversations 10 / s;
  // the rest (writes, and reads below an object such as a knowledge base's data sources) 60 / min.
  if (first === 'agentic' && segments.includes('conversations')) return { name: 'agentic_conversations', quota: perSecond(10) };
  if (first === 'agentic' && m === 'GET' && segments.length <= 3 && ['genies', 'knowledge_bases', 'skills'].includes(segments[1] ?? '')) {
    return { name: 'agentic_reads', quota: perMinute(1000) };
  }
  return { name: known ? root : 'other', quota: DEFAULT_QUOTA };
}

/**
 * Workato's "Manage customers" page: the usage endpoints, creating a customer, provisioning its environments and
 * removing a member are 1,000 / min; the other customer and member endpoints 60 / min (the families below).
 */
function manageCustomersFamily(m: string, path: string): Family | undefined {
  if (path === '/managed_users/usage' || path.startsWith('/v2/managed_users/statistics/')) return { name: 'managed_users_usage', quota: perMinute(1000) };
  if (m === 'POST' && path === '/managed_users') return { name: 'managed_users_create', quota: perMinute(1000) };
  if (m === 'POST' && /^\/managed_users\/[^/]+\/environments$/.test(path)) return { name: 'managed_users_environments', quota: perMinute(1000) };
  if (m === 'DELETE' && /^\/managed_users\/[^/]+\/members\/[^/]+$/.test(path)) return { name: 'embedded_members_remove', quota: perMinute(1000) };
  return undefined;
}

/**
 * One call of each workspace-level family, so a quota listing can show families the caller has not used yet (with
 * their whole quota left). Embedded families appear once used.
 */
const SAMPLE_CALLS: Array<[string, string]> = [
  ['GET', '/users/me'], ['GET', '/recipes'], ['GET', '/recipes/1/jobs'], ['POST', '/recipes/1/repeat_jobs'],
  ['POST', '/recipes/1/cancel_jobs'], ['GET', '/connections'], ['POST', '/connections'], ['GET', '/integrations'],
  ['GET', '/folders'], ['GET', '/projects'], ['GET', '/deployments'], ['GET', '/packages/1'], ['GET', '/export_manifests/1'],
  ['GET', '/managed_users'], ['GET', '/lookup_tables'], ['GET', '/properties'], ['GET', '/members'], ['GET', '/tags'],
  ['GET', '/developer_api_clients'], ['GET', '/api_collections'], ['GET', '/on_prem_groups'], ['GET', '/data_tables'],
  ['GET', '/event_streams/topics'], ['GET', '/activity_logs'], ['GET', '/custom_connectors'], ['GET', '/custom_oauth_profiles'],
  ['GET', '/test_cases/run_requests/1'], ['GET', '/agentic/genies'], ['POST', '/agentic/genies/1/start'], ['GET', '/mcp/mcp_servers'],
  ['POST', '/v1/topics/1/consume'], ['POST', '/v1/tables/1/query'],
];

export const DOCUMENTED_FAMILIES: readonly Family[] = [
  ...new Map(SAMPLE_CALLS.map(([method, path]) => familyOf(method, path)).map((f) => [f.name, f])).values(),
];
