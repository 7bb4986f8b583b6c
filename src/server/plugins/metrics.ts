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
      // The plugin turns these on unless told otherwise. Off: the deprecated-field counter walks every document
      // with a TypeInfo per request (the schema deprecates nothing), the summary keeps a sliding quantile sketch
      // per label set (the duration histogram answers the same question), and context/subscribe/schema-change say
      // nothing about this gateway. The document walk alone was about 3 % of a small request's CPU (bench profile).
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
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
