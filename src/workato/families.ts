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

/** First path segments we know; anything else is reported as `other` so labels stay bounded. */
const KNOWN_ROOTS = new Set([
  'recipes', 'jobs', 'job', 'connections', 'integrations', 'custom_connectors', 'folders', 'projects', 'project_builds',
  'deployments', 'packages', 'export_manifests', 'users', 'managed_users', 'lookup_tables', 'tags', 'data_tables',
  'properties', 'api_clients', 'api_collections', 'api_endpoints', 'developer_api_clients', 'roles', 'members',
  'member_invitations', 'on_prem_groups', 'on_prem_agents', 'event_streams', 'activity_logs',
]);

/**
 * The family of `method path` (path relative to the API root, query string excluded). Embedded calls
 * (`/managed_users/:id/...`) have their own, mostly larger, quotas that apply to the whole admin workspace.
 */
export function familyOf(method: string, path: string): Family {
  const embedded = /^\/managed_users\/[^/]+(\/.*)$/.exec(path);
  const rest = embedded ? embedded[1]! : path;
  const segments = rest.split('/').filter(Boolean);
  const root = segments[0] ?? '';
  const m = method.toUpperCase();

  // REFERENCE §5: repeat and cancel jobs are 1 / second, in both scopes.
  if (root === 'recipes' && m === 'POST' && segments[2] === 'repeat_jobs') return { name: 'jobs_repeat', quota: perSecond(1) };
  if (root === 'recipes' && m === 'POST' && segments[2] === 'cancel_jobs') return { name: 'jobs_cancel', quota: perSecond(1) };
  const jobs = (root === 'recipes' && segments[2] === 'jobs') || root === 'jobs' || root === 'job'; // POST /job/resume
  const connectionsList = root === 'connections' && m === 'GET' && segments.length === 1;

  if (embedded) {
    if (jobs) return { name: 'embedded_jobs', quota: perMinute(1000) };
    if (connectionsList) return { name: 'embedded_connections_list', quota: perMinute(1000) };
    if (root === 'connections') return { name: 'embedded_connections', quota: perMinute(60) };
    if (root === 'integrations') return { name: 'embedded_connectors', quota: perMinute(1000) };
    return { name: `embedded_${KNOWN_ROOTS.has(root) ? root : 'other'}`, quota: DEFAULT_QUOTA };
  }
  if (jobs) return { name: 'jobs', quota: perMinute(60) };
  if (connectionsList) return { name: 'connections_list', quota: perMinute(60) };
  if (root === 'connections') return { name: 'connections', quota: perSecond(1) };
  if (root === 'integrations') return { name: 'connectors', quota: perMinute(60) };
  if (root === 'managed_users') return { name: 'managed_users', quota: DEFAULT_QUOTA };
  return { name: KNOWN_ROOTS.has(root) ? root : 'other', quota: DEFAULT_QUOTA };
}
