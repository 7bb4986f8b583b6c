/**
 * Workato's documented rate limits (REFERENCE §5), enforced when the simulator is started with `rateLimits: true`
 * (off by default, so other tests are not throttled). Counted per workspace and endpoint family over a sliding
 * window; over the limit the answer is 429 `{"message": "Too many requests"}` with `Retry-After` in seconds.
 */
import { INFERRED } from './inferred.js';

interface Limit {
  family: string;
  limit: number;
  windowMs: number;
}

const perMinute = (family: string, limit: number): Limit => ({ family, limit, windowMs: 60_000 });
const perSecond = (family: string, limit: number): Limit => ({ family, limit, windowMs: 1_000 });

/** §5: roots documented under one quota (tag assignments with tags, client roles with API clients, …). */
const FAMILY_OF_ROOT: Record<string, string> = {
  tags_assignments: 'tags',
  developer_api_client_roles: 'developer_api_clients',
  api_collections: 'api platform', api_endpoints: 'api platform', api_clients: 'api platform', api_portals: 'api platform',
  api_access_profiles: 'api platform',
  on_prem_groups: 'on-prem', on_prem_agents: 'on-prem',
  members: 'collaborators', member_invitations: 'collaborators', roles: 'collaborators', iam: 'collaborators',
  // §16.3: the SDK's schema generators belong with the custom connectors.
  sdk: 'custom_connectors',
};

/** The documented number for a route key (`METHOD /api/path/:param`); 60 / min where the reference has none. */
export function limitFor(method: string, routePath: string): Limit {
  // Workato's "Manage customers" page: usage, customer create, environment provisioning and member removal 1,000 / min.
  if (routePath === '/api/managed_users/usage' || routePath.startsWith('/api/v2/managed_users/statistics/')) return perMinute('customer usage', 1000);
  if (method === 'POST' && routePath === '/api/managed_users') return perMinute('customer create', 1000);
  if (method === 'POST' && /^\/api\/managed_users\/:[^/]+\/environments$/.test(routePath)) return perMinute('customer environments', 1000);
  if (method === 'DELETE' && /^\/api\/managed_users\/:[^/]+\/members\/:[^/]+$/.test(routePath)) return perMinute('embedded member removal', 1000);
  const embedded = /^\/api\/(v2\/)?managed_users\/:/.test(routePath);
  const rest = (embedded ? routePath.replace(/^\/api\/(v2\/)?managed_users\/:[^/]+/, '') : routePath.replace(/^\/api/, '')).replace(/^\/v2\//, '/');
  const segments = rest.split('/').filter(Boolean);
  const root = FAMILY_OF_ROOT[segments[0] ?? ''] ?? segments[0] ?? 'root';
  // §26: event-stream messages (their own host, 60 / min); §25 data-table records.
  if (root === 'v1') return perMinute(segments[1] === 'tables' ? 'data table records' : 'event stream messages', 60);
  if (root === 'recipes' && method === 'POST' && segments[2] === 'repeat_jobs') return perSecond('repeat_jobs', 1);
  if (root === 'recipes' && method === 'POST' && segments[2] === 'cancel_jobs') return perSecond('cancel_jobs', 1);
  // Workato's Test Automation page: a recipe's test cases count with the run requests (60 / min, both scopes); its
  // Recipes page: starting a health analysis is 20 / min.
  if (root === 'recipes' && segments[2] === 'test_cases') return perMinute(embedded ? 'embedded test_cases' : 'test_cases', 60);
  if (!embedded && root === 'recipes' && method === 'POST' && segments[2] === 'health') return perMinute('recipe health check', 20);
  const jobs = (root === 'recipes' && segments[2] === 'jobs') || root === 'jobs' || root === 'job'; // POST /job/resume
  const connectionsList = root === 'connections' && method === 'GET' && segments.length === 1;
  if (embedded) {
    if (jobs) return perMinute('embedded jobs', 1000);
    if (connectionsList) return perMinute('embedded connections list', 1000);
    if (root === 'connections') return perMinute('embedded connections', 60);
    if (root === 'integrations' || root === 'connectors') return perMinute('embedded connectors', 1000);
    if (root === 'developer_api_clients' && method === 'GET' && segments.length === 1) return perMinute('embedded developer api clients list', 1000);
    if (root === 'api platform' && segments[0] !== 'api_portals') return perMinute('embedded api platform', 1000);
    return perMinute(`embedded ${root}`, 60);
  }
  if (jobs) return perMinute('jobs', 60);
  if (connectionsList) return perMinute('connections list', 60);
  if (root === 'connections') return perSecond('connections', 1);
  if (root === 'integrations') return perMinute('connectors', 60);
  // §5 Agent Studio: lists and gets of genies, knowledge bases and skills 1,000 / min; conversations 10 / s; else 60 / min.
  if (root === 'agentic' && segments.includes('conversations')) return perSecond('agent studio conversations', 10);
  if (root === 'agentic' && method === 'GET' && segments.length <= 3 && ['genies', 'knowledge_bases', 'skills'].includes(segments[1] ?? '')) {
    return perMinute('agent studio reads', 1000);
  }
  return perMinute(root, 60);
}

export class RateLimits {
  /**
   * Admitted request times per workspace and family, oldest first. Per workspace, not per token: REFERENCE §5 does
   * not say which for the Developer API (per workspace [inferred]), and says Embedded limits are shared by all the
   * partner's admin tokens [doc] — every API client token of a workspace draws on one count.
   */
  private windows = new WeakMap<object, Map<string, number[]>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts the request against `workspace` (the store the token opens); undefined when admitted, else the 429. */
  take(workspace: object, method: string, routePath: string): { status: 429; body: unknown; headers: Record<string, string> } | undefined {
    const { family, limit, windowMs } = limitFor(method, routePath);
    let families = this.windows.get(workspace);
    if (!families) this.windows.set(workspace, (families = new Map()));
    const now = this.now();
    const times = (families.get(family) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= limit) {
      families.set(family, times);
      const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
      return { status: 429, body: { message: INFERRED.rateLimitMessage }, headers: { 'retry-after': String(retryAfter) } };
    }
    times.push(now);
    families.set(family, times);
    return undefined;
  }

  reset(): void {
    this.windows = new WeakMap();
  }
}
