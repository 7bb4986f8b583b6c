/**
 * Prometheus metrics of one gateway: its own registry (several gateways may share a process in tests), process
 * metrics, and the upstream side — a histogram of Workato calls by endpoint family, method and status, calls the
 * gateway held back (quota, open circuit), and circuit state per origin. Labels are bounded sets: never an id,
 * a path or a token. The GraphQL side is plugins/metrics.ts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState } from '../workato/circuit-breaker.js';
import type { RefusedCall, UpstreamCall } from '../workato/http.js';

export interface GatewayMetrics {
  registry: Registry;
  upstreamCall(call: UpstreamCall): void;
  upstreamRefused(call: RefusedCall): void;
  breakerChanged(origin: string, state: BreakerState): void;
}

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'workato_upstream_request_duration_seconds',
    help: 'Calls to the Workato API, by endpoint family (REFERENCE §5), method and status (HTTP status, or timeout/network).',
    labelNames: ['family', 'method', 'status'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'workato_upstream_refused_total',
    help: 'Calls the gateway did not send: over the caller quota (throttled) or the origin circuit open (circuit_open).',
    labelNames: ['family', 'reason'] as const,
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'workato_upstream_circuit_open',
    help: '1 while the circuit breaker of a Workato origin is open or half-open.',
    labelNames: ['origin'] as const,
    registers: [registry],
  });
  return {
    registry,
    upstreamCall(call) {
      const status = call.outcome === 'timeout' || call.outcome === 'network' ? call.outcome : String(call.status);
      duration.observe({ family: call.family ?? 'other', method: call.method, status }, call.durationMs / 1000);
    },
    upstreamRefused(call) {
      refused.inc({ family: call.family, reason: call.reason });
    },
    breakerChanged(origin, state) {
      circuit.set({ origin }, state === 'closed' ? 0 : 1);
    },
  };
}
