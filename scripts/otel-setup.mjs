/**
 * OpenTelemetry for a deployment, loaded before the gateway: `OTEL_TRACING=true node --import ./scripts/otel-setup.mjs
 * dist/main.js`. It registers what the gateway's spans need (src/server/tracing.ts): the async-hooks context manager
 * (a call span finds its execution span across awaits), the W3C propagator (`traceparent` in and out) and a tracer
 * provider exporting in batches over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * wins; default http://localhost:4318), as service OTEL_SERVICE_NAME (default `workato-graphql-gateway`).
 * The exporter and batch processor read their other standard OTEL_* variables themselves (headers, OTEL_BSP_*).
 * Needs the dev dependencies (or @opentelemetry/api, context-async-hooks, core, resources, sdk-trace-base and
 * exporter-trace-otlp-http installed alongside the gateway).
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'workato-graphql-gateway' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(provider);
