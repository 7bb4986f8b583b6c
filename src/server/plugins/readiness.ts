/**
 * `/readyz`: 200 while the gateway takes traffic, 503 once a shutdown has begun (so a load balancer stops sending
 * before connections close) or while a configured Redis cache is unreachable. Workato's own health is not part
 * of it: an upstream outage is answered per request (circuit breaker), not by taking every replica out.
 * `/healthz` (liveness) is yoga's own.
 */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { YogaOptions } from '../yoga.js';

export function useReadiness(options: YogaOptions): Plugin<Record<string, unknown>> {
  return useReadinessCheck({ endpoint: '/readyz', check: () => options.isReady?.() ?? true }) as unknown as Plugin<Record<string, unknown>>;
}
