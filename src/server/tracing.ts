/**
 * Optional OpenTelemetry tracing (OTEL_TRACING=true). The gateway does not ship OpenTelemetry: install
 * `@opentelemetry/api` plus an SDK and exporter, register them before the gateway starts (scripts/otel-setup.mjs:
 * `node --import ./scripts/otel-setup.mjs dist/main.js`), and set OTEL_TRACING=true.
 *
 * A W3C `traceparent`/`tracestate` on the incoming request (a federation router sends one) is the parent of the
 * GraphQL execution span (`graphql.execute <operation>`); each Workato call is a live child of it
 * (`workato <METHOD> <family>`, one per attempt) and carries its own `traceparent` upstream. Never a token or an id
 * in a span: names hold a method and a family, attributes counts and response paths without list indices.
 *
 * No span per resolver: DataLoader batches the loads of many resolvers into one call, issued after all of them
 * have returned, so a resolver span would end before "its" call started and would own a call it shares with its
 * siblings. The call span says how many keys it batched (`workato.batch.keys`) instead and, in a request that also
 * asks for the cost report's trace (`X-Workato-Trace: 1`), which fields it served (`graphql.field.paths`): naming
 * them costs an AsyncLocalStorage run per resolver, about a quarter more CPU on a 40-call request.
 */
import type * as Otel from '@opentelemetry/api';
import type { Plugin, PromiseOrValue } from 'graphql-yoga';
import { ConfigError } from '../config.js';
import type { CallTracer } from '../workato/http.js';
import { currentAttribution } from '../workato/ledger.js';
import { PACKAGE_DOWNLOAD_ROUTE } from './plugins/package-download.js';
import { isAsyncIterable, withinEachStep } from './result-events.js';

export interface Tracing {
  plugin: Plugin<Record<string, unknown>>;
  /** For the transport (workato/transport.ts `tracer`): a span per call sent to Workato. */
  calls: CallTracer;
  /** Sends the spans the registered provider still holds (a batch exporter's), at most FLUSH_LIMIT_MS; never throws. */
  flush(): Promise<void>;
}

const FLUSH_LIMIT_MS = 5_000;

// The enums' values, not imports: the package is optional and loaded at run time only.
const SPAN_KIND_SERVER = 1;
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** Reads W3C trace headers from a fetch `Headers` (OpenTelemetry's default getter reads plain objects). */
const headersGetter: Otel.TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

export async function loadTracing(enabled: boolean): Promise<Tracing | undefined> {
  if (!enabled) return undefined;
  const name = '@opentelemetry/api'; // a variable: the package is optional and not a dependency
  let api: typeof Otel;
  try {
    api = (await import(name)) as typeof Otel;
  } catch {
    throw new ConfigError('OTEL_TRACING', 'needs @opentelemetry/api (and an SDK registered before start-up): npm install @opentelemetry/api @opentelemetry/sdk-node');
  }
  const tracer = api.trace.getTracer('workato-graphql-gateway');
  const parentOf = (request: Request | undefined) =>
    request ? api.propagation.extract(api.context.active(), request.headers, headersGetter) : api.context.active();
  /** A server span for `name`, child of the request's `traceparent`, with `run` inside it. */
  const serve = async (name: string, request: Request | undefined, attributes: Otel.Attributes, run: () => PromiseOrValue<void>) => {
    const parent = parentOf(request);
    const span = tracer.startSpan(name, { kind: SPAN_KIND_SERVER, attributes }, parent);
    return api.context.with(api.trace.setSpan(parent, span), async () => {
      try {
        await run();
      } catch (error) {
        span.setStatus({ code: STATUS_ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    });
  };
  const operationOf = (graphqlContext: unknown) => {
    const { request, params } = graphqlContext as { request?: Request; params?: { operationName?: string | null } };
    const operation = params?.operationName ?? undefined;
    return { request, operation, attributes: operation ? { 'graphql.operation.name': operation } : {} };
  };
  return {
    plugin: {
      instrumentation: {
        execute({ context: graphqlContext }, wrapped) {
          const { request, operation, attributes } = operationOf(graphqlContext);
          return serve(`graphql.execute${operation ? ` ${operation}` : ''}`, request, attributes, wrapped);
        },
        // A package download (plugins/package-download.ts) answers before GraphQL runs: its Workato calls need a
        // parent of their own, in the caller's trace.
        request({ request }, wrapped) {
          // A substring test first: no URL is parsed for the GraphQL requests that make up nearly all traffic.
          if (!request.url.includes('/packages/') || !PACKAGE_DOWNLOAD_ROUTE.test(new URL(request.url).pathname)) return wrapped();
          return serve('package.download', request, {}, wrapped);
        },
      },
      // A subscription's Workato calls happen while its events are read, long after `subscribe` returned: each read
      // of the next event runs inside the subscription's span, which ends with the stream.
      onSubscribe({ args }) {
        const { request, operation, attributes } = operationOf(args.contextValue);
        return {
          onSubscribeResult({ result, setResult }) {
            if (!isAsyncIterable(result)) return;
            const parent = parentOf(request);
            const span = tracer.startSpan(`graphql.subscribe${operation ? ` ${operation}` : ''}`, { kind: SPAN_KIND_SERVER, attributes }, parent);
            const inSpan = api.trace.setSpan(parent, span);
            setResult(withinEachStep(result, (step) => api.context.with(inSpan, step), () => span.end()));
          },
        };
      },
    },
    calls: {
      start({ method, family, attempt }) {
        const attributes: Otel.Attributes = { 'http.request.method': method, 'workato.family': family, 'workato.retry.attempt': attempt };
        if (attempt > 0) attributes['http.request.resend_count'] = attempt; // the semantic conventions' name for it
        const served = currentAttribution();
        if (served?.keys !== undefined) attributes['workato.batch.keys'] = served.keys;
        if (served?.paths.length) attributes['graphql.field.paths'] = withoutIndices(served.paths);
        const span = tracer.startSpan(`workato ${method} ${family}`, { kind: SPAN_KIND_CLIENT, attributes });
        const headers: Record<string, string> = {};
        api.propagation.inject(api.trace.setSpan(api.context.active(), span), headers);
        return {
          headers,
          end(status, outcome) {
            if (status) span.setAttribute('http.response.status_code', status);
            if (outcome !== 'response') span.setAttribute('error.type', outcome);
            if (outcome !== 'response' || status >= 400) span.setStatus({ code: STATUS_ERROR, message: outcome === 'response' ? String(status) : outcome });
            span.end();
          },
        };
      },
    },
    async flush() {
      // Behind the API's proxy sits the provider the preload registered; its batch would be lost at process exit.
      const registered = api.trace.getTracerProvider() as Otel.TracerProvider & { getDelegate?(): Otel.TracerProvider };
      const provider = (registered.getDelegate?.() ?? registered) as { forceFlush?(): Promise<void> };
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_LIMIT_MS).unref()));
      await Promise.race([provider.forceFlush?.().catch(() => undefined), limit]);
      clearTimeout(timer);
    },
  };
}

/** `recipes.nodes.3.folder` → `recipes.nodes.folder`, once: a batch of 100 folders is one path, not 100. */
function withoutIndices(paths: string[]): string[] {
  return [...new Set(paths.map((path) => path.replace(/\.\d+(?=\.|$)/g, '')))];
}
