/**
 * OpenTelemetry registered in the test process, as scripts/otel-setup.mjs does in a deployment but with an in-memory
 * exporter: the async-hooks context manager, the W3C propagator and a provider whose finished spans a test reads.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** A span as an OTLP/HTTP JSON export carries it, flattened, with its resource's service name. */
export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
}

/** An OTLP/HTTP collector on loopback: the bodies posted to /v1/traces, and the spans of the JSON ones. */
export async function startOtlpCollector() {
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    spans(): ExportedSpan[] {
      return bodies.flatMap((body) => {
        let parsed: { resourceSpans?: any[] };
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return []; // protobuf
        }
        return (parsed.resourceSpans ?? []).flatMap((rs) => {
          const service = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue ?? '';
          return (rs.scopeSpans ?? []).flatMap((ss: any) =>
            (ss.spans ?? []).map((sp: any) => ({ traceId: sp.traceId, spanId: sp.spanId, parentSpanId: sp.parentSpanId || undefined, name: sp.name, service })),
          );
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
