import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { LoaderMode } from '../loaders/options.js';
import type { ReferenceCache } from '../loaders/reference-cache.js';
import type { Transport } from '../workato/http.js';
import type { CacheStore } from './cache-store.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { maskError } from './errors.js';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';
import type { PersistedQueryStore } from './persisted-query-store.js';
import type { Tracing } from './tracing.js';
import { gatewayPlugins } from './plugins/index.js';
import type { JwtSupport } from './plugins/client-auth.js';
import type { Readiness } from './plugins/readiness.js';

/**
 * Request headers a caller may send besides `content-type`: credentials, its request id, and the trace and explain
 * switches. Browsers may send them cross-origin (CORS below); a router in front forwards them
 * (deploy/router/gateway.config.ts, kept equal by test/deploy.test.ts).
 */
export const CALLER_HEADERS = ['authorization', 'x-api-key', 'x-gateway-authorization', 'x-request-id', 'x-workato-trace', 'x-workato-explain'] as const;

export interface YogaOptions {
  schema: GraphQLSchema;
  transport: Transport;
  baseUrl: string;
  serverToken: string | undefined;
  graphqlPath: string;
  graphiql: boolean;
  logger: Logger;
  /** Milliseconds between package status polls in subscriptions (default 2 s). */
  packagePollMs?: number;
  /** Batched unless the benchmark switches batching off (config `BENCH_DISABLE_BATCHING`). */
  loaderMode?: LoaderMode;
  /** Limits, client authentication, cache and metrics settings read by the plugins. */
  config: Config;
  /** `Authorization` holds the caller's JWT (server token + GATEWAY_JWKS_URL): never forward it to Workato. */
  authorizationIsGatewayCredential?: boolean;
  metrics?: GatewayMetrics;
  /** OpenTelemetry spans (OTEL_TRACING); undefined when off. */
  tracing?: Tracing;
  cacheStore?: CacheStore;
  /** Documents registered by automatic persisted queries (APQ); undefined when off. */
  persistedQueries?: PersistedQueryStore;
  /** Folder levels, connection lists and connector metadata across requests (REFERENCE_CACHE); undefined when off. */
  referenceCache?: ReferenceCache;
  /** The JWT plugin's module when GATEWAY_JWKS_URL is set (plugins/client-auth.ts loadJwtSupport). */
  jwtSupport?: JwtSupport;
  /** For /readyz (plugins/readiness.ts): not ready while draining; the state of Redis-backed parts as detail. */
  readiness?: () => Readiness;
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export function createGatewayYoga(options: YogaOptions): GatewayYoga {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema: options.schema,
    graphqlEndpoint: options.graphqlPath,
    context: createContextFactory({
      baseUrl: options.baseUrl,
      serverToken: options.serverToken,
      transport: options.transport,
      packagePollMs: options.packagePollMs,
      eventStreamPollSecs: options.config.eventStreamPollSecs,
      maxIds: options.config.limits.maxIds,
      loaderMode: options.loaderMode,
      referenceCache: options.referenceCache,
      authorizationIsGatewayCredential: options.authorizationIsGatewayCredential,
      hosts: {
        dataTables: options.config.hosts.dataTables ?? options.baseUrl,
        eventStreams: options.config.hosts.eventStreams ?? options.baseUrl,
      },
      publicUrl: options.config.publicUrl,
    }),
    // CORS headers for the allow-list; plugins/origin-check.ts refuses other browser origins outright.
    cors: options.config.corsOrigins.length
      ? {
          origin: options.config.corsOrigins.includes('*') ? '*' : [...options.config.corsOrigins],
          allowedHeaders: ['content-type', ...CALLER_HEADERS],
          exposedHeaders: ['x-request-id', 'retry-after'],
          credentials: false,
          maxAge: 600,
        }
      : false,
    // GraphiQL is served by plugins/graphiql-page.ts (a light page, cached assets, compression), not by yoga.
    graphiql: false,
    landingPage: false,
    healthCheckEndpoint: '/healthz',
    // http-handler.ts enforces MAX_BODY_BYTES before yoga sees the body; yoga's own check would pipe every body
    // through a TransformStream again (about a tenth of a trivial request's CPU, bench/RESULTS.md).
    maxRequestBodySize: false,
    // plugins/document-cache.ts keeps parsed and validated documents instead: the same cache without yoga's TTL,
    // whose clock set two 1 ms timers per request.
    parserAndValidationCache: false,
    logging: withoutRequestLines(options.logger),
    plugins: gatewayPlugins(options),
    maskedErrors: { maskError },
  });
}

/**
 * Yoga's own lines about a request carry no request id (yoga hands its logger none): its progress lines at `debug`
 * are dropped, and so is its `error` line for every error `maskError` rewrote — the request-id plugin logs each error
 * of a result (upstream trouble at `warn`, unexpected faults at `error` with their cause, caller mistakes at `debug`)
 * with the request's id. Anything else yoga says passes through.
 */
function withoutRequestLines(logger: Logger): Logger {
  return {
    ...logger,
    debug() {},
    error(...args: unknown[]) {
      if (args.length === 1 && args[0] instanceof Error) return;
      logger.error(...args);
    },
  };
}
