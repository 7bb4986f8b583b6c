/**
 * Prometheus endpoint (METRICS_PATH, default /metrics) and the GraphQL side of the metrics, in the gateway's own
 * registry next to the upstream metrics of ../metrics.ts. Four metrics with the names and labels of yoga's Prometheus
 * plugin, so dashboards built on that plugin keep working, and one of the gateway's own:
 * - `graphql_yoga_http_duration` (histogram, seconds): HTTP requests that carried a GraphQL document, by method,
 *   status and operation type;
 * - `graphql_envelop_request` (counter) and `graphql_envelop_request_duration` (histogram, seconds, from the request's
 *   arrival to the end of execution): executed operations, by operation type;
 * - `graphql_envelop_error_result` (counter): results with errors, by operation type and phase (parse, validate,
 *   execute);
 * - `graphql_reused_results_total` (counter): answers given without running the operation, by source (the response
 *   cache, or an identical run of the same token in flight: reused-results.ts).
 * Written here rather than with @graphql-yoga/plugin-prometheus, which hooks every phase and fills labels through
 * generic machinery: about a tenth of a small request's CPU (alternating A/B of the current-user query at 0 ms, CPU
 * per request with that plugin on/off: 1.36/1.24 and 1.23/1.07 ms; that plugin/this one: 1.29/1.26 and 1.17/1.03 ms).
 * Here a request costs one WeakMap entry and three observations.
 * The operation name is a label only with trusted documents, where the set of names is fixed; otherwise any client
 * could grow it.
 */
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram } from 'prom-client';
import { isAsyncIterable } from '../result-events.js';
import { reusedSourceOf } from '../reused-results.js';
import type { YogaOptions } from '../yoga.js';

type Phase = 'parse' | 'validate' | 'execute';

/** What one request has shown so far; keyed by its Request (yoga's onRequest/onResponse and the context share it). */
interface Seen {
  started: number;
  /** A GraphQL document arrived (not the GraphiQL page or another route). */
  graphql?: boolean;
  operationType?: string;
  operationName?: string;
  failed?: Phase;
}

const operations = new WeakMap<DocumentNode, Map<string, { type: string; name: string }>>();

const UNKNOWN_OPERATION = Object.freeze({ type: 'unknown', name: 'Anonymous' });

/**
 * Type and name of the operation a document runs, worked out once per document and operation (yoga caches parsed
 * documents). A name the document does not define is not kept: the caller chooses it, so it could grow the map.
 */
function operationOf(document: DocumentNode, operationName: string | null | undefined): { type: string; name: string } {
  const key = operationName ?? '';
  const known = operations.get(document)?.get(key);
  if (known) return known;
  const ast = getOperationAST(document, operationName);
  if (!ast) return UNKNOWN_OPERATION;
  const found = { type: ast.operation, name: ast.name?.value ?? 'Anonymous' };
  let byName = operations.get(document);
  if (!byName) operations.set(document, (byName = new Map()));
  byName.set(key, found);
  return found;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export function useMetrics(options: YogaOptions): Plugin<Record<string, unknown>> {
  const metrics = options.metrics;
  if (!metrics) return {};
  const endpoint = options.config.metrics.path;
  const registers = [metrics.registry];
  const named = options.config.trustedDocuments?.only === true;
  const operationLabels = named ? (['operationType', 'operationName'] as const) : (['operationType'] as const);
  const labelsOf = (seen: Seen): Record<string, string> =>
    named ? { operationType: seen.operationType ?? 'unknown', operationName: seen.operationName ?? 'Anonymous' } : { operationType: seen.operationType ?? 'unknown' };

  const http = new Histogram({
    name: 'graphql_yoga_http_duration',
    help: 'Time spent on HTTP connection',
    labelNames: [...operationLabels, 'method', 'statusCode'],
    registers,
  });
  const requests = new Counter({ name: 'graphql_envelop_request', help: 'Counts the amount of GraphQL requests executed through Envelop', labelNames: operationLabels, registers });
  const duration = new Histogram({
    name: 'graphql_envelop_request_duration',
    help: "Time from the request's arrival to the end of the GraphQL execution",
    labelNames: operationLabels,
    registers,
  });
  const errors = new Counter({
    name: 'graphql_envelop_error_result',
    help: 'Counts the amount of errors reported from all phases',
    labelNames: [...operationLabels, 'phase'],
    registers,
  });
  const reused = new Counter({
    name: 'graphql_reused_results_total',
    help: 'Answers given without running the operation: from the response cache (response_cache) or copied from an identical run of the same token in flight (shared_run).',
    labelNames: ['source'],
    registers,
  });

  const requestsSeen = new WeakMap<Request, Seen>();
  const seenIn = (context: unknown): Seen | undefined => {
    const request = (context as { request?: Request } | undefined)?.request;
    return request ? requestsSeen.get(request) : undefined;
  };

  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname === endpoint) {
        return metrics.registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'content-type': metrics.registry.contentType } })));
      }
      requestsSeen.set(request, { started: performance.now() });
    },
    onParse({ context }) {
      const seen = seenIn(context);
      if (!seen) return;
      seen.graphql = true;
      return ({ result }) => {
        if (result instanceof Error) seen.failed = 'parse';
      };
    },
    onValidate({ context }) {
      const seen = seenIn(context);
      if (!seen) return;
      return ({ valid }) => {
        if (!valid) seen.failed = 'validate';
      };
    },
    onExecute({ args }) {
      const seen = seenIn(args.contextValue);
      if (!seen) return;
      const operation = operationOf(args.document, args.operationName);
      seen.operationType = operation.type;
      seen.operationName = operation.name;
      const labels = labelsOf(seen);
      requests.inc(labels);
      return {
        onExecuteDone({ result }) {
          duration.observe(labels, seconds(seen.started));
          if ('errors' in result && result.errors?.length) errors.inc({ ...labels, phase: 'execute' });
        },
      };
    },
    onExecutionResult({ result }) {
      const source = result && !isAsyncIterable(result) ? reusedSourceOf(result) : undefined;
      if (source) reused.inc({ source });
    },
    onResponse({ request, response }) {
      const seen = requestsSeen.get(request);
      if (!seen?.graphql) return;
      const labels = labelsOf(seen);
      http.observe({ ...labels, method: request.method, statusCode: response.status }, seconds(seen.started));
      if (seen.failed) errors.inc({ ...labels, phase: seen.failed });
    },
  };
}
