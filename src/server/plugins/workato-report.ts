/**
 * `extensions.workato` on every GraphQL response: what the operation cost upstream (REST calls, reads answered by
 * the reference cache, or a whole result by the response cache or another request's run, round trips, retries) and
 * where the caller stands in each Workato quota family it touched — as Shopify's `extensions.cost` does for its own
 * backend. On request it adds every call (`trace`), or answers with the plan instead of running the operation
 * (`explain`). Off with WORKATO_COST_REPORT=false.
 *
 * The figures come from the request's CallLedger (workato/ledger.ts) and the process's quota windows
 * (workato/rate-limiter.ts); nothing in them names the token or another caller.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CallLedger, TracedCall } from '../../workato/ledger.js';
import { standing, untouched, type QuotaStanding, type QuotaLimiter } from '../../workato/rate-limiter.js';
import { explainPlan, plannedFields, type ExplainPlan } from '../explain.js';
import { reportRequestOf } from '../context.js';
import { requestScopeOf } from '../request-scope.js';
import { eachEvent, isAsyncIterable } from '../result-events.js';
import type { YogaOptions } from '../yoga.js';
import { reusedSourceOf } from '../reused-results.js';

export interface WorkatoReport {
  calls: number;
  cached: number;
  roundTrips: number;
  retries: number;
  quota: QuotaStanding[];
  trace?: TracedCall[];
  explain?: ExplainPlan;
}

/** The report of a ledger as it stands (a subscription reports per event, then starts counting again). */
export function reportOf(ledger: CallLedger | undefined, limiter: QuotaLimiter | undefined): WorkatoReport {
  if (!ledger) return { calls: 0, cached: 0, roundTrips: 0, retries: 0, quota: [] };
  const caller = ledger.caller ?? 'anonymous';
  const quota = [...ledger.families.values()].map(({ name, quota }) =>
    standing(name, quota, limiter?.usage(`${caller}|${name}`, quota) ?? untouched(quota)),
  );
  // `cached`: reads the reference cache answered; a whole answer of the response cache or of a shared run counts 1
  // (onExecutionResult).
  const report: WorkatoReport = { calls: ledger.calls, cached: ledger.cached, roundTrips: ledger.roundTrips, retries: ledger.retries, quota };
  if (ledger.trace && !ledger.planning) report.trace = [...ledger.trace];
  return report;
}

type Result = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

const withReport = (result: Result, workato: WorkatoReport): Result => ({ ...result, extensions: { ...result.extensions, workato } });

/**
 * Requests that asked for `explain`, known from their parameters before the response cache looks (this plugin comes
 * before it): such a request is neither answered from the cache nor stored in it.
 */
export const explainRequests = new WeakSet<Request>();

export function useWorkatoReport(options: YogaOptions): Plugin<Record<string, unknown>> {
  if (!options.config.costReport) return {};
  const limiter = options.transport.limiter;
  return {
    onParams({ request, params }) {
      if (reportRequestOf(request, params.extensions).explain) explainRequests.add(request);
    },
    onExecute({ args }) {
      // Explain needs the document's fields to say which ones wait on the first round trip.
      const ledger = requestScopeOf((args.contextValue as { request?: Request } | undefined)?.request)?.ledger;
      if (ledger?.planning) ledger.planned = plannedFields(args.schema, args.document, args.operationName ?? undefined);
    },
    onExecutionResult({ request, result, setResult }) {
      const ledger = requestScopeOf(request)?.ledger;
      if (result === undefined) return;
      if (isAsyncIterable<Result>(result)) {
        // Subscriptions: each event reports what it cost since the one before.
        setResult(
          eachEvent(result, (event) => {
            const reported = withReport(event, reportOf(ledger, limiter));
            ledger?.reset();
            return reported;
          }),
        );
        return;
      }
      if (ledger?.planning) {
        // Nothing was sent: the figures are the plan's, under `explain`.
        const quota = reportOf(ledger, limiter).quota;
        setResult({ data: null, extensions: { workato: { calls: 0, cached: 0, roundTrips: 0, retries: 0, quota, explain: explainPlan(ledger) } } });
        return;
      }
      if (reusedSourceOf(result)) {
        // A whole result from the response cache, or of an identical query in flight: this request made no Workato call.
        setResult(withReport(result as Result, { calls: 0, cached: 1, roundTrips: 0, retries: 0, quota: [] }));
        return;
      }
      setResult(withReport(result as Result, reportOf(ledger, limiter)));
    },
  };
}
