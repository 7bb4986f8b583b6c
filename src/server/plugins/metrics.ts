/**
 * Prometheus endpoint (METRICS_PATH, default /metrics) with GraphQL operation metrics from yoga's Prometheus
 * plugin next to the upstream metrics of ../metrics.ts, in the gateway's own registry. The operation name is a
 * label only with trusted documents, where the set of names is fixed; otherwise any client could grow it.
 */
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { YogaOptions } from '../yoga.js';

export function useMetrics(options: YogaOptions): Plugin<Record<string, unknown>> {
  const metrics = options.metrics;
  if (!metrics) return {};
  return usePrometheus({
    endpoint: options.config.metrics.path,
    registry: metrics.registry,
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_yoga_http_duration: true,
    },
    labels: {
      operationName: options.config.trustedDocuments?.only === true,
      operationType: true,
      path: false,
      phase: true,
      url: false,
      method: true,
      statusCode: true,
    },
  }) as unknown as Plugin<Record<string, unknown>>;
}
