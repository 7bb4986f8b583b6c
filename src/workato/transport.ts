/**
 * What every WorkatoApi of the process shares: the undici pools (one per origin), timeouts, the retry policy, the
 * per-caller rate limiter, the circuit breaker per origin and caller, the keyed token hash, and hooks for metrics.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Agent, type Dispatcher } from 'undici';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import { RateLimiter, type QuotaLimiter } from './rate-limiter.js';
import type { RetryPolicy } from './resilience.js';

export interface UpstreamCall {
  method: string;
  path: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  durationMs: number;
  /** Endpoint family (REFERENCE §5), a bounded label. */
  family?: string;
  /** `response` (any status), or why none arrived. */
  outcome?: CallOutcome;
  /** 0 for the first try, 1… for retries. */
  attempt?: number;
}

/** `response` (any status), or why no answer arrived. */
export type CallOutcome = 'response' | 'timeout' | 'network';

/**
 * Live tracing of the calls that leave for Workato (server/tracing.ts makes OpenTelemetry spans of them), so this
 * folder needs no OpenTelemetry. `start` runs as the request is sent: the span is the active one's child, and
 * `headers` (`traceparent`, `tracestate`) travel with the call. Never given a token, a path or an id.
 */
export interface CallTracer {
  start(call: { method: string; family: string; attempt: number }): CallSpan;
}

export interface CallSpan {
  headers: Record<string, string>;
  /** The answer (status, or 0 with why none came) arrived. */
  end(status: number, outcome: CallOutcome): void;
}

/** A call the gateway did not send: over the caller's quota, or the origin's circuit is open. */
export interface RefusedCall {
  method: string;
  family: string;
  reason: 'throttled' | 'circuit_open';
}

/**
 * A read answered without a Workato call of its own: by the reference cache (folders, connections, connectors kept
 * per token), or by an identical call of the same token already in flight. Counted for metrics; never a path or id.
 */
export interface SavedRead {
  /** Endpoint family (REFERENCE §5), a bounded label. */
  family: string;
  by: 'reference_cache' | 'shared_call';
}

export interface Transport {
  dispatcher: Dispatcher;
  /** `totalMs`: deadline for a whole call, body included (a slow trickle of bytes cannot hold a socket forever). */
  timeouts: { headersMs: number; bodyMs: number; totalMs?: number };
  /** The largest JSON answer read (bytes); undefined = no limit (hand-made transports in tests). */
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  /**
   * Per-caller quota windows (REFERENCE §5). Always there, so the quota report has figures; it holds calls back only
   * when `enforcing` (WORKATO_RATE_LIMIT on). Undefined only in hand-made transports (tests).
   */
  limiter?: QuotaLimiter;
  breaker?: CircuitBreaker;
  /** Upstream calls in flight at once for one GraphQL request. */
  concurrencyPerRequest?: number;
  /** Keyed hash of a token: the only form of a token used as a map key, cache scope or log field. */
  keyOf?: (token: string) => string;
  /** Called after every upstream call, for metrics and benchmarks. */
  onCall?: (call: UpstreamCall) => void;
  onRefused?: (call: RefusedCall) => void;
  onSaved?: (read: SavedRead) => void;
  /** Undefined unless OTEL_TRACING: the call path then does no tracing work at all. */
  tracer?: CallTracer;
  /**
   * Reads in flight by caller and URL (http.ts): an identical read of the same token shares the call. Undefined: every
   * read is its own call.
   */
  inflight?: Map<string, Promise<unknown>>;
}

export interface TransportOptions {
  connections: number;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number; totalMs?: number };
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  /** Client-side quotas per (token, family), with the longest wait for a slot; undefined = off. */
  rateLimit?: { maxWaitMs: number };
  /** A limiter made elsewhere (the replicas' shared one in Redis, shared-rate-limiter.ts) instead of one per process. */
  limiter?: QuotaLimiter;
  breaker?: { threshold: number; cooldownMs: number; onChange?: (origin: string, state: BreakerState, requestId: string | undefined) => void };
  concurrencyPerRequest?: number;
  /** Identical reads of one token in flight share a call (default true). */
  shareReads?: boolean;
  /** Secret for the keyed token hash; a random one per process when absent. */
  tokenHashKey?: string;
  onCall?: (call: UpstreamCall) => void;
  onRefused?: (call: RefusedCall) => void;
  onSaved?: (read: SavedRead) => void;
  tracer?: CallTracer;
}

/** HMAC-SHA256 of the token under a secret, 32 hex characters: stable per secret, useless without it. */
export function tokenKeyer(secret: string | undefined): (token: string) => string {
  const key = secret ?? randomBytes(32).toString('hex');
  return (token) => createHmac('sha256', key).update(token).digest('hex').slice(0, 32);
}

/** One keep-alive pool per origin (undici's Agent keeps a Pool per origin), shared by all callers. */
export function createTransport(opts: TransportOptions): Transport {
  const dispatcher = new Agent({
    connections: opts.connections,
    keepAliveTimeout: 30_000,
    connect: { timeout: opts.timeouts.connectMs },
  });
  return {
    dispatcher,
    timeouts: opts.timeouts,
    maxResponseBytes: opts.maxResponseBytes,
    retry: opts.retry,
    limiter: opts.limiter ?? (opts.rateLimit ? new RateLimiter(opts.rateLimit.maxWaitMs) : new RateLimiter(0, Date.now, false)),
    breaker: opts.breaker
      ? new CircuitBreaker(opts.breaker.threshold, opts.breaker.cooldownMs, Date.now, opts.breaker.onChange)
      : undefined,
    concurrencyPerRequest: opts.concurrencyPerRequest,
    keyOf: tokenKeyer(opts.tokenHashKey),
    onCall: opts.onCall,
    onRefused: opts.onRefused,
    onSaved: opts.onSaved,
    tracer: opts.tracer,
    inflight: opts.shareReads === false ? undefined : new Map(),
  };
}
