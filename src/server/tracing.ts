/**
 * Optional OpenTelemetry tracing (OTEL_TRACING=true). The gateway does not ship OpenTelemetry: install
 * `@opentelemetry/api` plus an SDK and exporter of your choice, register the SDK before the gateway starts
 * (e.g. `node --import ./otel-setup.js dist/main.js`), and set OTEL_TRACING=true. The gateway then opens a span
 * per GraphQL execution (`graphql.execute <operation>`) and, inside it, one per Workato call
 * (`workato <METHOD> <family>`, with method, status and family attributes: never a token or an id).
 */
import type { Plugin } from 'graphql-yoga';
import { ConfigError } from '../config.js';
import type { UpstreamCall } from '../workato/http.js';

/** The part of `@opentelemetry/api` the gateway uses. */
interface OtelSpan {
  setAttribute(key: string, value: string | number): void;
  setStatus(status: { code: number; message?: string }): void;
  end(endTime?: number): void;
}
interface OtelApi {
  trace: {
    getTracer(name: string): { startSpan(name: string, options?: { startTime?: number; attributes?: Record<string, string | number> }): OtelSpan };
    setSpan(context: unknown, span: OtelSpan): unknown;
  };
  context: { active(): unknown; with<T>(context: unknown, fn: () => T): T };
}

export interface Tracing {
  plugin: Plugin<Record<string, unknown>>;
  upstreamCall(call: UpstreamCall): void;
}

const ERROR = 2; // SpanStatusCode.ERROR

export async function loadTracing(enabled: boolean): Promise<Tracing | undefined> {
  if (!enabled) return undefined;
  const name = '@opentelemetry/api'; // a variable: the package is optional and not a dependency
  let api: OtelApi;
  try {
    api = (await import(name)) as OtelApi;
  } catch {
    throw new ConfigError('OTEL_TRACING', 'needs @opentelemetry/api (and an SDK registered before start-up): npm install @opentelemetry/api @opentelemetry/sdk-node');
  }
  const tracer = api.trace.getTracer('workato-graphql-gateway');
  return {
    plugin: {
      instrumentation: {
        execute({ context }, wrapped) {
          const params = (context as { params?: { operationName?: string } }).params;
          const span = tracer.startSpan(`graphql.execute${params?.operationName ? ` ${params.operationName}` : ''}`);
          return api.context.with(api.trace.setSpan(api.context.active(), span), async () => {
            try {
              await wrapped();
            } catch (error) {
              span.setStatus({ code: ERROR, message: (error as Error).message });
              throw error;
            } finally {
              span.end();
            }
          });
        },
      },
    },
    upstreamCall(call) {
      const end = Date.now();
      const span = tracer.startSpan(`workato ${call.method} ${call.family ?? 'other'}`, {
        startTime: end - call.durationMs,
        attributes: { 'http.request.method': call.method, 'http.response.status_code': call.status, 'workato.family': call.family ?? 'other' },
      });
      if (call.outcome !== 'response' || call.status >= 500) span.setStatus({ code: ERROR, message: call.outcome ?? String(call.status) });
      span.end(end);
    },
  };
}
