/**
 * OpenTelemetry registered in the test process, as scripts/otel-setup.mjs does in a deployment but with an in-memory
 * exporter: the async-hooks context manager, the W3C propagator and a provider whose finished spans a test reads.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

export interface TestTracing {
  /** Finished spans of one trace. */
  spansOf(traceId: string): ReadableSpan[];
  all(): ReadableSpan[];
  close(): Promise<void>;
}

export function registerTestTracing(): TestTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return {
    spansOf: (traceId) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId),
    all: () => exporter.getFinishedSpans(),
    async close() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** A W3C `traceparent` as a router sends it: version 00, sampled. */
export function traceparentOf(traceId: string, parentSpanId: string): string {
  return `00-${traceId}-${parentSpanId}-01`;
}

/** The parent span id a `traceparent` names. */
export function parentIdIn(traceparent: string | undefined): string | undefined {
  return traceparent?.split('-')[2];
}
