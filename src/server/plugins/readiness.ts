/**
 * `/readyz`: 200 while the gateway takes traffic, 503 once a shutdown has begun (so a load balancer stops sending
 * before connections close). The body says what the replica depends on and how each stands —
 * `{"status": "ready", "checks": {"quotas": "shared", "responseCache": "up"}}` — but only draining makes it 503:
 * a Redis outage is shared by every replica, and taking them all out of service for it would turn a slower pace
 * into an outage (each falls back: quotas to its own share, the cache to misses). Workato's own health is not part
 * of it either: an upstream outage is answered per request (circuit breaker). `/healthz` (liveness) is yoga's own.
 */
import type { Plugin } from 'graphql-yoga';
import type { YogaOptions } from '../yoga.js';

const READY_PATH = '/readyz';

/** What /readyz reports: whether to send traffic here, and the state of each shared dependency. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/** One exact path: yoga's useReadinessCheck also tests a URLPattern against every request (0.7 % of a small one's CPU in a profile). */
export function useReadiness(options: YogaOptions): Plugin<Record<string, unknown>> {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== READY_PATH) return;
      const { ready, checks } = options.readiness?.() ?? { ready: true, checks: {} };
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ready ? 'ready' : 'draining', checks }), {
          status: ready ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
