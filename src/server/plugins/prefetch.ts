/**
 * Prefetch (PREFETCH, on by default): a query the caller has run before, with the same document, operation name and
 * variables, sends the Workato reads of its first round trip as soon as its parameters are parsed — before the
 * document cache, validation, the context and the first resolvers — so that the gateway's own work before its first
 * call (0.7–0.9 ms at 20 ms upstream, `npm run bench:trace`) overlaps Workato's latency instead of preceding it. The
 * resolvers then take those answers (workato/http.ts `prefetch`) instead of calling.
 *
 * It must never cost a call the run would not make, so a plan is only what a run shows it would send:
 * - the shareable GETs of an earlier run's first round trip (ledger.ts `firstReads`): sent before any answer of the
 *   request arrived and before any reference-cache lookup began, so made from the arguments alone;
 * - of the same caller (the keyed token hash is part of the key: one caller's plan never sends another's reads);
 * - used once two runs in a row showed the same reads, and dropped for good the first time a run leaves a read sent
 *   ahead untaken (a plan that moves with time or with Workato's data);
 * - never for explain or traced requests, batched requests, mutations or subscriptions, and not at all with the
 *   response cache on (a repeat may then be answered whole, without a call) or with OpenTelemetry spans.
 * Plans live in this process only (a replica without one simply does not prefetch), at most MAX_PLANS, least recently
 * used first out; they hold paths and query strings, never a token or an answer.
 */
import { createHash } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { WorkatoApi } from '../../workato/http.js';
import type { FirstRead } from '../../workato/ledger.js';
import { reportRequestOf, requestApi } from '../context.js';
import { scopeOfRequest } from '../request-scope.js';
import { isAsyncIterable } from '../result-events.js';
import type { YogaOptions } from '../yoga.js';

const MAX_PLANS = 1_000;

type Plan = { reads: FirstRead[]; signature: string; confirmed: boolean } | { volatile: true };

/** The prefetch plans of one gateway, by run key (caller, document, operation name, variables). */
export class PrefetchPlans {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly max = MAX_PLANS) {}

  /** The reads to send ahead for a run of `key`: only a plan two runs in a row agreed on. */
  ahead(key: string): readonly FirstRead[] | undefined {
    const plan = this.plans.get(key);
    if (!plan || 'volatile' in plan || !plan.confirmed) return undefined;
    this.plans.delete(key); // most recently used last
    this.plans.set(key, plan);
    return plan.reads;
  }

  /** A run of `key` ended: the first-round-trip reads it sent or took, and how many reads sent ahead it left. */
  record(key: string, reads: readonly FirstRead[], untaken: number): void {
    const plan = this.plans.get(key);
    if (plan && 'volatile' in plan) return;
    if (untaken > 0) return this.keep(key, { volatile: true });
    if (!reads.length) {
      this.plans.delete(key);
      return;
    }
    const signature = reads.map((read) => `${read.baseUrl}${read.path}${read.search}`).sort().join('\n');
    if (plan && plan.signature === signature) plan.confirmed = true;
    else this.keep(key, { reads: [...reads], signature, confirmed: false });
  }

  get size(): number {
    return this.plans.size;
  }

  private keep(key: string, plan: Plan): void {
    this.plans.delete(key);
    this.plans.set(key, plan);
    if (this.plans.size > this.max) this.plans.delete(this.plans.keys().next().value!);
  }
}

/** One run the plugin follows from its parameters to its result. */
interface Run {
  key: string;
  api: WorkatoApi;
  query: boolean;
}

export function usePrefetch(options: YogaOptions, plans = new PrefetchPlans()): Plugin<Record<string, unknown>> {
  // Not with OpenTelemetry spans (OTEL_TRACING): a call sent before the operation's span exists would leave the
  // request's trace. Not with the response cache, nor without shared reads or a keyed token hash (tests, the bench).
  if (!options.config.prefetch || options.tracing || options.cacheStore || !options.transport.inflight || !options.transport.keyOf) return {};
  const batched = new WeakSet<Request>();
  const runs = new WeakMap<Request, Run>();
  return {
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult)) batched.add(request);
        },
      };
    },
    onParams({ request, params }) {
      if (batched.has(request) || typeof params.query !== 'string') return;
      const report = reportRequestOf(request, params.extensions);
      if (report.trace || report.explain) return;
      // The request's own client, made now rather than by the context (which takes it): the reads sent ahead are its.
      const api = requestApi(request, report, options);
      scopeOfRequest(request).earlyApi = api;
      if (api.callerKey === 'anonymous' || api.callerKey === 'caller') return;
      api.ledger.firstReads = [];
      const key = createHash('sha256')
        .update(`${api.callerKey}\u0000${params.operationName ?? ''}\u0000${params.query}\u0000${params.variables ? JSON.stringify(params.variables) : ''}`)
        .digest('base64url');
      runs.set(request, { key, api, query: false });
      const reads = plans.ahead(key);
      if (!reads) return;
      const sent = api.prefetch(reads);
      if (sent) options.metrics?.prefetched('sent', sent);
    },
    onExecute({ args }) {
      const run = runs.get((args.contextValue as { request: Request }).request);
      if (run) run.query = getOperationAST(args.document, args.operationName)?.operation === 'query';
    },
    onExecutionResult({ request, result }) {
      const run = runs.get(request);
      if (!run) return;
      runs.delete(request);
      if (!run.query || isAsyncIterable(result)) return;
      const untaken = run.api.untakenPrefetches();
      if (untaken) options.metrics?.prefetched('untaken', untaken);
      plans.record(run.key, run.api.ledger.firstReads ?? [], untaken);
    },
  };
}
