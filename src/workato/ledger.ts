/**
 * What one GraphQL request cost upstream, kept as it runs: the calls sent to Workato (retries included, as Workato
 * counts them), the retries among them, the endpoint families touched, and the round
 * trips — the longest chain of calls that had to wait for each other. A call's round trip is one more than the
 * deepest call that had completed when it was issued: independent calls go out before any answer arrives and share
 * a round trip; a call made from an answer comes one later (bench/rest.ts counts the hand-written plan the same way).
 *
 * With tracing on, it also keeps every call (method, path, family, status, timing, the GraphQL fields it served, how
 * many loader keys it answered). Nothing here holds a token: paths and query strings only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { familyOf, type Family } from './families.js';

/** The GraphQL fields a call is made for, carried by AsyncLocalStorage while tracing (resolvers and loaders set it). */
export interface Attribution {
  /** Response paths of the fields (`recipes.nodes.0.folder`). */
  paths: string[];
  /** How many loader keys the call answers (a batch); absent for a call a resolver made directly. */
  keys?: number;
  /** For a batch that makes one call per key (loaders/util.ts `listLoader`): the fields that asked for one key. */
  byKey?(key: unknown): string[];
}

const attribution = new AsyncLocalStorage<Attribution>();

/**
 * Traced requests not yet answered. On Node 20 (and 22) an AsyncLocalStorage that has been entered hooks every promise
 * the process makes until it is disabled (request-scope.ts says what that costs), and GraphiQL asks for a trace on
 * every run: the store is disabled again when the last traced request is answered (`CallLedger.close`).
 */
let tracedInFlight = 0;

/** Traced requests of this process not yet answered (the store is off at 0). */
export function tracedRequestsInFlight(): number {
  return tracedInFlight;
}

/** Runs `fn` with calls it makes attributed to `who` (only while tracing: callers check `tracing` first). */
export function runAttributed<T>(who: Attribution, fn: () => T): T {
  return attribution.run(who, fn);
}

export function currentAttribution(): Attribution | undefined {
  return attribution.getStore();
}

export interface TracedCall {
  method: string;
  /** Path and query string below the API root (`/recipes?page=1`): ids, never a token. */
  path: string;
  family: string;
  /** HTTP status; 0 when no answer arrived (timeout, broken connection). */
  status: number;
  /** Milliseconds from the start of the request to the call's start, and the call's duration. */
  startMs: number;
  durationMs: number;
  roundTrip: number;
  /** 0 for a first try, 1… for retries. */
  attempt: number;
  fieldPaths: string[];
  batchedKeys: number | null;
  /** Answered without calling Workato (a cache, or a call of the same request already in flight). */
  cached: boolean;
}

/** One call in flight: what `end` needs. */
export interface CallTicket {
  depth: number;
  entry: TracedCall | undefined;
  started: number;
}

export class CallLedger {
  calls = 0;
  /** Reads answered by the reference cache (loaders/reference-cache.ts) instead of a Workato call. */
  cached = 0;
  retries = 0;
  roundTrips = 0;
  /** Families touched, by name, with their quotas (for the quota part of the report). */
  readonly families = new Map<string, Family>();
  /** Every call in start order, when the request asked for a trace. */
  readonly trace: TracedCall[] | undefined;
  /** The caller's keyed token hash (quota windows are kept under it); set by WorkatoApi, never reported. */
  caller: string | undefined;
  /** Explain: calls are recorded, never sent (http.ts refuses them), so the run shows its first round trip. */
  readonly planning: boolean;
  /** Explain: response paths (without list indices) of the fields whose resolvers ran. */
  readonly resolvedPaths: Set<string> | undefined;
  /** Explain: every field the operation selects, from its document (server/explain.ts). */
  planned: Array<{ path: string; coordinate: string }> | undefined;
  /** Deepest round trip whose call has completed. */
  private completedDepth = 0;
  private readonly origin = performance.now();
  private closed = false;

  /** The request this ledger counts for (its log lines carry it); undefined for calls of no request. */
  readonly requestId: string | undefined;

  constructor(options: { trace?: boolean; plan?: boolean; requestId?: string } = {}) {
    this.requestId = options.requestId;
    this.trace = options.trace || options.plan ? [] : undefined;
    this.planning = options.plan === true;
    this.resolvedPaths = options.plan ? new Set() : undefined;
    if (this.trace) tracedInFlight += 1;
  }

  get tracing(): boolean {
    return this.trace !== undefined;
  }

  /**
   * The request was answered (request-id plugin): the attribution store goes once no traced request is left. A traced
   * request that ends without an answer (the connection failed mid-way) leaves the store on, as it always was.
   */
  close(): void {
    if (!this.trace || this.closed) return;
    this.closed = true;
    tracedInFlight -= 1;
    if (tracedInFlight === 0) attribution.disable();
  }

  /** The round trip a call issued now belongs to (taken when the call is asked for, before any queueing). */
  issue(): number {
    return this.completedDepth + 1;
  }

  /** A request is being sent to Workato. */
  start(method: string, path: string, family: Family, depth: number, attempt: number): CallTicket {
    this.calls++;
    if (attempt > 0) this.retries++;
    if (depth > this.roundTrips) this.roundTrips = depth;
    if (!this.families.has(family.name)) this.families.set(family.name, family);
    const started = performance.now();
    let entry: TracedCall | undefined;
    if (this.trace) {
      const who = currentAttribution();
      entry = {
        method,
        path,
        family: family.name,
        status: 0,
        startMs: round(started - this.origin),
        durationMs: 0,
        roundTrip: depth,
        attempt,
        fieldPaths: who ? [...new Set(who.paths)] : [],
        batchedKeys: who?.keys ?? null,
        cached: false,
      };
      this.trace.push(entry);
    }
    return { depth, entry, started };
  }

  /** Its answer (or failure) arrived. */
  end(ticket: CallTicket, status: number): void {
    if (ticket.depth > this.completedDepth) this.completedDepth = ticket.depth;
    if (ticket.entry) {
      ticket.entry.status = status;
      ticket.entry.durationMs = round(performance.now() - ticket.started);
    }
  }

  /** A read answered by an identical call of the same token already in flight (http.ts): no call of this request. */
  shared(method: string, path: string, family: Family): CallTicket {
    if (!this.families.has(family.name)) this.families.set(family.name, family);
    const started = performance.now();
    const depth = this.completedDepth + 1;
    if (!this.trace) return { depth, entry: undefined, started };
    const who = currentAttribution();
    const entry: TracedCall = {
      method, path, family: family.name, status: 0, startMs: round(started - this.origin), durationMs: 0, roundTrip: depth, attempt: 0,
      fieldPaths: who ? [...new Set(who.paths)] : [], batchedKeys: who?.keys ?? null, cached: true,
    };
    this.trace.push(entry);
    return { depth, entry, started };
  }

  /** A read the reference cache answered: no call, no round trip; traced as `cached` with round trip 0. */
  cachedRead(method: string, path: string): void {
    this.cached++;
    if (!this.trace) return;
    const who = currentAttribution();
    this.trace.push({
      method, path, family: familyOf(method, path.split('?')[0]!).name, status: 200, startMs: round(performance.now() - this.origin), durationMs: 0, roundTrip: 0, attempt: 0,
      fieldPaths: who ? [...new Set(who.paths)] : [], batchedKeys: who?.keys ?? null, cached: true,
    });
  }

  /** Counts start again (a subscription reports per event). */
  reset(): void {
    this.calls = 0;
    this.cached = 0;
    this.retries = 0;
    this.roundTrips = 0;
    this.completedDepth = 0;
    this.families.clear();
    this.trace?.splice(0);
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
