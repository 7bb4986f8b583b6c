/**
 * `/readyz`: 200 while the gateway takes traffic, 503 once a shutdown has begun (so a load balancer stops sending
 * before connections close) or while a configured Redis cache is unreachable. Workato's own health is not part
 * of it: an upstream outage is answered per request (circuit breaker), not by taking every replica out.
 * `/healthz` (liveness) is yoga's own.
 */
import type { Plugin } from 'graphql-yoga';
import type { YogaOptions } from '../yoga.js';

const READY_PATH = '/readyz';

/** One exact path: yoga's useReadinessCheck also tests a URLPattern against every request (0.7 % of a small one's CPU in a profile). */
export function useReadiness(options: YogaOptions): Plugin<Record<string, unknown>> {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== READY_PATH) return;
      endResponse(new fetchAPI.Response(null, { status: (options.isReady?.() ?? true) ? 200 : 503 }));
    },
  };
}
