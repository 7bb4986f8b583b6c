/**
 * Prometheus metrics of one gateway: its own registry (several gateways may share a process in tests), process
 * metrics, and the upstream side — a histogram of Workato calls by endpoint family, method and status, calls the
 * gateway held back (quota, open circuit), reads it answered without a call of their own, and circuit state per
 * origin. Labels are bounded sets: never an id, a path or a token. The GraphQL side is plugins/metrics.ts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState } from '../workato/circuit-breaker.js';
import type { RefusedCall, SavedRead, UpstreamCall } from '../workato/http.js';
import type { FamilyStanding, QuotaLimiter } from '../workato/rate-limiter.js';

export interface GatewayMetrics {
  registry: Registry;
  upstreamCall(call: UpstreamCall): void;
  upstreamRefused(call: RefusedCall): void;
  /** A read answered without a Workato call of its own (reference cache, or a call of the same token in flight). */
  upstreamSaved(read: SavedRead): void;
  breakerChanged(origin: string, state: BreakerState): void;
  /** Quota gauges per family, read from the limiter at each scrape. */
  watchQuotas(limiter: QuotaLimiter): void;
  /** Open WebSocket connections (websocket.ts), read at each scrape. */
  watchSockets(count: () => number): void;
  /** The replicas' shared quota windows (REDIS_URL): in use, or this replica on its own share. */
  quotaModeChanged(mode: 'shared' | 'fallback'): void;
}

/** How often the event-loop lag histogram (`nodejs_eventloop_lag_*`) takes a sample. */
const EVENT_LOOP_SAMPLE_MS = 100;

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  // The event-loop lag histogram samples with a timer: prom-client's default of 10 ms woke an idle gateway 100 times
  // a second (2.3–2.8 ms of CPU a second, against 0–1.4 at 100 ms) and twice inside every 20 ms Workato call. At
  // 100 ms a block of the loop longer than that is always seen, a shorter one in proportion to its length.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
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
  const saved = new Counter({
    name: 'workato_upstream_saved_total',
    help: 'Reads answered without a Workato call of their own: by the reference cache (reference_cache) or by an identical call of the same token already in flight (shared_call).',
    labelNames: ['family', 'by'] as const,
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'workato_upstream_circuit_open',
    help: '1 while the circuit breaker of a Workato origin is open or half-open.',
    labelNames: ['origin'] as const,
    registers: [registry],
  });
  let limiter: QuotaLimiter | undefined;
  // The same figures as extensions.workato.quota and Query.workatoQuota, per family over every caller: no caller
  // or token in the labels. Read at scrape time.
  const quotaGauge = (name: string, help: string, pick: (f: FamilyStanding) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['family'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [family, f] of limiter?.families() ?? []) this.set({ family }, pick(f));
      },
    });
  quotaGauge('workato_quota_limit', 'Documented calls per window of a Workato endpoint family (REFERENCE §5), as the gateway counts it.', (f) => f.limit);
  quotaGauge('workato_quota_window_seconds', 'Length of the quota window of a family, in seconds.', (f) => f.windowMs / 1000);
  quotaGauge('workato_quota_used', 'Calls counted in the current window, summed over every caller (queued ones included).', (f) => f.used);
  quotaGauge('workato_quota_queued', 'Calls waiting for a quota slot right now, summed over every caller.', (f) => f.queued);
  quotaGauge('workato_quota_remaining_min', 'The least any caller has left in the current window of a family (0: someone is at the limit).', (f) => f.minRemaining);
  let sockets: (() => number) | undefined;
  new Gauge({
    name: 'graphql_websocket_connections',
    help: 'Open GraphQL-over-WebSocket connections (graphql-ws) on this replica.',
    registers: [registry],
    collect() {
      this.set(sockets?.() ?? 0);
    },
  });
  const quotaShared = new Gauge({
    name: 'workato_quota_shared',
    help: '1 while the quota windows are shared by the replicas through Redis; 0 while this replica keeps to its own share (Redis unreachable or slow). Absent without REDIS_URL.',
    registers: [registry],
  });
  const quotaFallbacks = new Counter({
    name: 'workato_quota_fallbacks_total',
    help: 'Times this replica fell back to its own share of the quotas because Redis did not answer in time.',
    registers: [registry],
  });
  return {
    registry,
    quotaModeChanged(mode) {
      quotaShared.set(mode === 'shared' ? 1 : 0);
      if (mode === 'fallback') quotaFallbacks.inc();
    },
    watchQuotas(value) {
      limiter = value;
    },
    watchSockets(count) {
      sockets = count;
    },
    upstreamCall(call) {
      const status = call.outcome === 'timeout' || call.outcome === 'network' ? call.outcome : String(call.status);
      duration.observe({ family: call.family ?? 'other', method: call.method, status }, call.durationMs / 1000);
    },
    upstreamRefused(call) {
      refused.inc({ family: call.family, reason: call.reason });
    },
    upstreamSaved(read) {
      saved.inc({ family: read.family, by: read.by });
    },
    breakerChanged(origin, state) {
      circuit.set({ origin }, state === 'closed' ? 0 : 1);
    },
  };
}
