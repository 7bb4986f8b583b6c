/**
 * Configuration: read from the environment once, validated, frozen. Every error names the variable.
 * README.md has the table of variables; keep the two in step.
 */
import { readFileSync } from 'node:fs';
import type { TransportOptions } from './workato/transport.js';

/** Workato's API roots per data center (REFERENCE §1). Paths are appended to these. */
export const DATA_CENTERS = {
  us: 'https://www.workato.com/api',
  eu: 'https://app.eu.workato.com/api',
  jp: 'https://app.jp.workato.com/api',
  sg: 'https://app.sg.workato.com/api',
  au: 'https://app.au.workato.com/api',
  il: 'https://app.il.workato.com/api',
  trial: 'https://app.trial.workato.com/api',
} as const;

export type DataCenter = keyof typeof DATA_CENTERS;

/**
 * The other Workato hosts of a data center, with the same token: data-table records (REFERENCE §25; Workato's
 * data-tables page lists `data-tables.<dc>.workato.com`) and event-stream messages (§1, §26). Both end in `/api`
 * like the Developer API root; paths (`/v1/tables/…`, `/v1/topics/…`) are appended.
 */
export const OTHER_HOSTS: Record<DataCenter, { dataTables: string; eventStreams: string }> = {
  us: { dataTables: 'https://data-tables.workato.com/api', eventStreams: 'https://event-streams.workato.com/api' },
  eu: { dataTables: 'https://data-tables.eu.workato.com/api', eventStreams: 'https://event-streams.eu.workato.com/api' },
  jp: { dataTables: 'https://data-tables.jp.workato.com/api', eventStreams: 'https://event-streams.jp.workato.com/api' },
  sg: { dataTables: 'https://data-tables.sg.workato.com/api', eventStreams: 'https://event-streams.sg.workato.com/api' },
  au: { dataTables: 'https://data-tables.au.workato.com/api', eventStreams: 'https://event-streams.au.workato.com/api' },
  il: { dataTables: 'https://data-tables.il.workato.com/api', eventStreams: 'https://event-streams.il.workato.com/api' },
  trial: { dataTables: 'https://data-tables.trial.workato.com/api', eventStreams: 'https://event-streams.trial.workato.com/api' },
};

export interface Config {
  host: string;
  port: number;
  /** GraphQL endpoint path; GraphiQL is served on the same path. */
  graphqlPath: string;
  /** Workato API root ending in `/api`; undefined in demo mode until the simulator is started. */
  baseUrl: string | undefined;
  /** Server-side Workato token used when a request brings none. Never logged. */
  serverToken: string | undefined;
  /** No token and no base URL configured: run against the built-in simulator. */
  demo: boolean;
  /** Upstream timeouts in milliseconds (Workato itself cuts requests at 40 s, REFERENCE §5). */
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  /** Keep-alive connections per upstream origin. */
  upstreamConnections: number;
  /** The largest Workato answer read (JSON only; package downloads stream): a bigger one is UPSTREAM_ERROR, not held in memory. */
  maxResponseBytes: number;
  /** Latency the demo simulator adds to every request (for demos of batching). */
  demoLatencyMs: number;
  /** Show GraphiQL on GET of the GraphQL path. */
  graphiql: boolean;
  /** How often the `packageStatus` subscription polls Workato (its CLI polls every 2–3 s, REFERENCE §15.5). */
  packagePollMs: number;
  /**
   * Seconds one long poll of the `topicMessages` subscription may be held open by Workato (`timeout_secs`, at most
   * 60, REFERENCE §26); below the upstream timeout so a quiet topic never reads as a timeout.
   */
  eventStreamPollSecs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Benchmark only (BENCH_DISABLE_BATCHING): loaders neither batch nor cache, to measure the N+1 they remove. */
  benchDisableBatching: boolean;
  /** NODE_ENV=production: field suggestions are hidden unless FIELD_SUGGESTIONS says otherwise. */
  production: boolean;
  /** Who may call the gateway (README "Who may call"). Required with a server token. */
  clientAuth: {
    /** Keys callers send as `X-API-Key`. */
    apiKeys: readonly string[];
    /** JWTs verified against a JWKS; read from `Authorization` with a server token, else `X-Gateway-Authorization`. */
    jwt?: { jwksUrl: string; issuer?: string; audience?: string };
    /** The loud opt-out: a server token with no client authentication. */
    openWithServerToken: boolean;
  };
  /** What one request may ask (src/server/plugins/limits.ts, http-handler.ts). */
  limits: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    /** Deepest nesting of objects and lists in one variable's value (JSON scalars can be anything). */
    maxVariableDepth: number;
    /** Ids in one `nodes(ids:)`, representations in one `_entities`: each may cost a Workato call. */
    maxIds: number;
    maxBodyBytes: number;
    fieldSuggestions: boolean;
    introspection: boolean;
  };
  /** Origins allowed to call from a browser; `*` = any. Same-origin pages (GraphiQL) always may. */
  corsOrigins: readonly string[];
  /** Persisted operations: document id → query text, from a manifest file. */
  trustedDocuments?: { file: string; documents: ReadonlyMap<string, string>; only: boolean };
  /**
   * Automatic persisted queries (APQ): clients may send a document's SHA-256 instead of its text once they registered
   * it. Off with TRUSTED_DOCUMENTS, whose manifest the ids name instead.
   */
  automaticPersistedQueries: boolean;
  /** GraphQL over WebSocket (graphql-ws) on the GraphQL path, beside HTTP and server-sent events. */
  websockets: boolean;
  upstream: {
    retries: number;
    retryBaseMs: number;
    retryMaxDelayMs: number;
    /** Client-side quotas per token and endpoint family (REFERENCE §5). */
    rateLimit: boolean;
    rateLimitMaxWaitMs: number;
    /** Failures in a row that open an origin's circuit; 0 = no breaker. */
    breakerThreshold: number;
    breakerCooldownMs: number;
    /** Upstream calls in flight at once for one GraphQL request. */
    concurrencyPerRequest: number;
  };
  cache: { mode: 'off' | 'memory' | 'redis'; ttlMs: number };
  /**
   * REDIS_URL: what replicas share — the quota windows always, the response cache with RESPONSE_CACHE=redis. A Redis
   * fault never fails a request.
   */
  redisUrl?: string;
  /**
   * Quota windows in Redis (workato/shared-rate-limiter.ts): the longest one check may take before the replica keeps
   * to its own share (QUOTA_REDIS_DEADLINE_MS), and the replicas assumed for that share before a heartbeat has
   * counted them (QUOTA_FALLBACK_REPLICAS).
   */
  sharedQuotas: { deadlineMs: number; fallbackReplicas: number };
  /**
   * Folder levels, connection lists and connector metadata kept per caller and scope across requests
   * (REFERENCE_CACHE, REFERENCE_CACHE_TTL_MS): fresh for `ttlMs`, served stale and refreshed for as long again.
   * In Redis when REDIS_URL is set (`redisUrl`), else in process memory.
   */
  referenceCache: { enabled: boolean; ttlMs: number };
  /**
   * Documents compiled by graphql-jit (COMPILED_EXECUTION; plugins/compiled-execution.ts): `on` from a document's
   * second run, `eager` from its first (the test suite, so every test runs compiled), `off` never.
   */
  compiledExecution: 'on' | 'eager' | 'off';
  /**
   * Identical queries of the same token in flight share one run (OPERATION_SHARING; plugins/operation-sharing.ts):
   * on by default, `off` runs every request on its own.
   */
  operationSharing: boolean;
  /** Secret for the keyed token hash (cache scopes, quotas); random per process when unset. */
  tokenHashKey?: string;
  metrics: { enabled: boolean; path: string };
  /** How long a shutdown waits for in-flight requests before closing their connections. */
  shutdownTimeoutMs: number;
  /** Wrap operations and upstream calls in OpenTelemetry spans (needs @opentelemetry/api installed). */
  tracing: boolean;
  /**
   * API roots of the data-table records and event-stream message hosts (WORKATO_DATA_TABLES_URL,
   * WORKATO_EVENT_STREAMS_URL). Undefined: the Developer API root itself (WORKATO_BASE_URL: a private instance or
   * the simulator serves every host on one origin; demo mode: the simulator).
   */
  hosts: { dataTables?: string; eventStreams?: string };
  /** `extensions.workato` on every response: what the operation cost in Workato calls and quota (WORKATO_COST_REPORT). */
  costReport: boolean;
  /**
   * Where callers reach this gateway (PUBLIC_URL, no trailing slash), for the links it hands out (package
   * downloads); undefined: the URL of the request itself. Behind a router or an ingress the two differ.
   */
  publicUrl?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Every environment variable loadConfig reads. The readers below take only these names (`ConfigEnv`), so the
 * compiler refuses a read of a variable missing here; test/config.test.ts proves loadConfig reads each one, and
 * test/deploy.test.ts that the deployment manifests set no other.
 */
export const CONFIG_VARIABLES = [
  'PORT', 'HOST', 'GRAPHQL_PATH', 'NODE_ENV', 'LOG_LEVEL', 'GRAPHIQL',
  'WORKATO_DATA_CENTER', 'WORKATO_BASE_URL', 'WORKATO_API_TOKEN', 'WORKATO_DEMO', 'DEMO_LATENCY_MS',
  'WORKATO_DATA_TABLES_URL', 'WORKATO_EVENT_STREAMS_URL',
  'WORKATO_TIMEOUT_MS', 'WORKATO_CONNECT_TIMEOUT_MS', 'WORKATO_CONNECTIONS', 'WORKATO_MAX_RESPONSE_BYTES',
  'PACKAGE_POLL_INTERVAL_MS', 'EVENT_STREAM_POLL_SECONDS', 'BENCH_DISABLE_BATCHING',
  'GATEWAY_API_KEYS', 'GATEWAY_JWKS_URL', 'GATEWAY_JWT_ISSUER', 'GATEWAY_JWT_AUDIENCE',
  'DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN',
  'MAX_QUERY_DEPTH', 'MAX_QUERY_COST', 'MAX_ALIASES', 'MAX_DIRECTIVES', 'MAX_TOKENS', 'MAX_VARIABLE_DEPTH', 'MAX_IDS', 'MAX_BODY_BYTES',
  'FIELD_SUGGESTIONS', 'INTROSPECTION', 'CORS_ORIGINS', 'TRUSTED_DOCUMENTS', 'TRUSTED_DOCUMENTS_ONLY', 'APQ', 'WEBSOCKETS',
  'WORKATO_RETRIES', 'WORKATO_RETRY_BASE_MS', 'WORKATO_RETRY_MAX_DELAY_MS',
  'WORKATO_RATE_LIMIT', 'WORKATO_RATE_LIMIT_MAX_WAIT_MS',
  'WORKATO_BREAKER_THRESHOLD', 'WORKATO_BREAKER_COOLDOWN_MS', 'WORKATO_MAX_CONCURRENCY',
  'RESPONSE_CACHE', 'RESPONSE_CACHE_TTL_MS', 'REDIS_URL', 'TOKEN_HASH_KEY', 'QUOTA_REDIS_DEADLINE_MS', 'QUOTA_FALLBACK_REPLICAS',
  'REFERENCE_CACHE', 'REFERENCE_CACHE_TTL_MS', 'COMPILED_EXECUTION', 'OPERATION_SHARING',
  'METRICS', 'METRICS_PATH', 'SHUTDOWN_TIMEOUT_MS', 'OTEL_TRACING', 'WORKATO_COST_REPORT', 'PUBLIC_URL',
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

type Env = Readonly<Partial<Record<ConfigVariable, string>>>;

function integer(env: Env, name: ConfigVariable, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}–${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: ConfigVariable, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: ConfigVariable, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function apiRoot(env: Env, variable: ConfigVariable = 'WORKATO_BASE_URL'): string | undefined {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(variable, `expected an http(s) URL, got "${raw}"`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api')) {
    throw new ConfigError(variable, `expected the API root ending in /api (e.g. https://app.eu.workato.com/api), got "${raw}"`);
  }
  if (url.search || url.hash) throw new ConfigError(variable, 'must not carry a query string or fragment');
  return `${url.origin}${path}`;
}

/**
 * EVENT_STREAM_POLL_SECONDS: 0–60 (Workato's cap) and at least 5 s under WORKATO_TIMEOUT_MS, so a quiet topic's long
 * poll is never cut as a timeout; default 25, or less under a short timeout.
 */
function eventStreamPollSecs(env: Env): number {
  const timeoutMs = integer(env, 'WORKATO_TIMEOUT_MS', 40_000, 1, 600_000);
  const fitting = Math.max(0, Math.floor((timeoutMs - 5_000) / 1000));
  const secs = integer(env, 'EVENT_STREAM_POLL_SECONDS', Math.min(25, fitting), 0, 60);
  if (secs > fitting) {
    throw new ConfigError('EVENT_STREAM_POLL_SECONDS', `must leave 5 s under WORKATO_TIMEOUT_MS (${timeoutMs} ms), got ${secs}`);
  }
  return secs;
}

/**
 * The REST transport's settings that come from the config alone (pool size, timeouts, answer size, retries, calls in
 * flight per request): the gateway adds its quotas, breaker, hooks and tracer; bench/gateway-context.mjs uses them as is.
 */
export function transportSettingsOf(config: Config): Pick<TransportOptions, 'connections' | 'timeouts' | 'maxResponseBytes' | 'retry' | 'concurrencyPerRequest'> {
  const up = config.upstream;
  return {
    connections: config.upstreamConnections,
    timeouts: { ...config.timeouts, totalMs: config.timeouts.headersMs },
    maxResponseBytes: config.maxResponseBytes,
    retry: { retries: up.retries, baseDelayMs: up.retryBaseMs, maxDelayMs: up.retryMaxDelayMs },
    concurrencyPerRequest: up.concurrencyPerRequest,
  };
}

export function loadConfig(processEnv: Record<string, string | undefined> = process.env): Config {
  const env: Env = processEnv;
  const explicitBase = apiRoot(env);
  const dataCenterSet = Boolean(env.WORKATO_DATA_CENTER?.trim());
  const dataCenter = oneOf(env, 'WORKATO_DATA_CENTER', Object.keys(DATA_CENTERS) as DataCenter[], 'us');
  if (explicitBase && dataCenterSet) {
    throw new ConfigError('WORKATO_BASE_URL', 'set either WORKATO_BASE_URL or WORKATO_DATA_CENTER, not both');
  }
  const serverToken = env.WORKATO_API_TOKEN?.trim() || undefined;
  const demo = boolean(env, 'WORKATO_DEMO', !explicitBase && !dataCenterSet && !serverToken);
  if (demo && (explicitBase || serverToken || dataCenterSet)) {
    throw new ConfigError('WORKATO_DEMO', 'demo mode runs on the built-in simulator; unset WORKATO_BASE_URL, WORKATO_DATA_CENTER and WORKATO_API_TOKEN');
  }
  const graphqlPath = env.GRAPHQL_PATH?.trim() || '/graphql';
  if (!graphqlPath.startsWith('/')) throw new ConfigError('GRAPHQL_PATH', `must start with "/", got "${graphqlPath}"`);

  return Object.freeze({
    host: env.HOST?.trim() || (demo ? '127.0.0.1' : '0.0.0.0'),
    port: integer(env, 'PORT', 4000, 0, 65535),
    graphqlPath,
    baseUrl: demo ? undefined : (explicitBase ?? DATA_CENTERS[dataCenter]),
    serverToken,
    demo,
    timeouts: Object.freeze({
      connectMs: integer(env, 'WORKATO_CONNECT_TIMEOUT_MS', 5_000, 1, 120_000),
      headersMs: integer(env, 'WORKATO_TIMEOUT_MS', 40_000, 1, 600_000),
      bodyMs: integer(env, 'WORKATO_TIMEOUT_MS', 40_000, 1, 600_000),
    }),
    upstreamConnections: integer(env, 'WORKATO_CONNECTIONS', 32, 1, 1024),
    // At most 500 MiB: V8's longest string (2^29 − 24 characters) must hold the answer.
    maxResponseBytes: integer(env, 'WORKATO_MAX_RESPONSE_BYTES', 64 * 1_048_576, 1_024, 500 * 1_048_576),
    demoLatencyMs: integer(env, 'DEMO_LATENCY_MS', 0, 0, 60_000),
    graphiql: boolean(env, 'GRAPHIQL', true),
    packagePollMs: integer(env, 'PACKAGE_POLL_INTERVAL_MS', 2_000, 10, 60_000),
    eventStreamPollSecs: eventStreamPollSecs(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    benchDisableBatching: boolean(env, 'BENCH_DISABLE_BATCHING', false),
    hosts: Object.freeze({
      dataTables: apiRoot(env, 'WORKATO_DATA_TABLES_URL') ?? (explicitBase || demo ? undefined : OTHER_HOSTS[dataCenter].dataTables),
      eventStreams: apiRoot(env, 'WORKATO_EVENT_STREAMS_URL') ?? (explicitBase || demo ? undefined : OTHER_HOSTS[dataCenter].eventStreams),
    }),
    ...hardening(env, demo, serverToken, env.HOST?.trim() || (demo ? '127.0.0.1' : '0.0.0.0')),
  });
}

function list(env: Env, name: ConfigVariable): string[] {
  return (env[name] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

function httpUrl(env: Env, name: ConfigVariable, protocols = ['http:', 'https:']): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `not a URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got "${url.protocol}"`);
  return raw;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** Issue 5 settings: client authentication, request limits, upstream resilience, cache, operations. */
function hardening(env: Env, demo: boolean, serverToken: string | undefined, host: string) {
  if (demo && !LOOPBACK.test(host)) {
    throw new ConfigError(
      'HOST',
      `demo mode (no WORKATO_DATA_CENTER, WORKATO_BASE_URL or WORKATO_API_TOKEN set) serves made-up data with no authentication and listens on loopback only; got "${host}". To reach Workato, set WORKATO_DATA_CENTER (us, eu, …) or WORKATO_BASE_URL`,
    );
  }
  const apiKeys = list(env, 'GATEWAY_API_KEYS');
  for (const key of apiKeys) {
    if (key.length < 16) throw new ConfigError('GATEWAY_API_KEYS', 'each key must be at least 16 characters long');
  }
  const jwksUrl = httpUrl(env, 'GATEWAY_JWKS_URL');
  const openWithServerToken = boolean(env, 'DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN', false);
  if (serverToken && !apiKeys.length && !jwksUrl && !openWithServerToken) {
    throw new ConfigError(
      'WORKATO_API_TOKEN',
      'a server-side token lets anyone who reaches the gateway act with it, so it needs client authentication. Either ' +
        'set GATEWAY_API_KEYS (comma-separated keys that callers send as X-API-Key), or GATEWAY_JWKS_URL (callers send a ' +
        'JWT as Authorization: Bearer <jwt>), or unset WORKATO_API_TOKEN so that each caller sends its own Workato token. ' +
        'To run it open anyway (a private network only), set DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN=true.',
    );
  }
  const production = (env.NODE_ENV ?? '').trim() === 'production';
  const cacheMode = oneOf(env, 'RESPONSE_CACHE', ['off', 'memory', 'redis'] as const, 'off');
  const redisUrl = httpUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const trusted = trustedDocuments(env);
  if (cacheMode === 'redis' && !redisUrl) throw new ConfigError('REDIS_URL', 'required with RESPONSE_CACHE=redis (e.g. redis://127.0.0.1:6379)');
  const tokenHashKey = env.TOKEN_HASH_KEY?.trim() || undefined;
  if (tokenHashKey !== undefined && tokenHashKey.length < 32) throw new ConfigError('TOKEN_HASH_KEY', 'must be at least 32 characters long');
  if (redisUrl && !tokenHashKey) {
    throw new ConfigError('TOKEN_HASH_KEY', 'required with REDIS_URL, so that every replica keys quotas and cache entries to the same callers');
  }
  if (redisUrl && cacheMode === 'memory') {
    throw new ConfigError('RESPONSE_CACHE', 'memory keeps entries per replica, but REDIS_URL says replicas share state: a write through one would not evict what another cached. Use redis (or off)');
  }
  const corsOrigins = list(env, 'CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `expected origins like https://app.example.com (no path) or *, got "${origin}"`);
    }
  }
  const metricsPath = env.METRICS_PATH?.trim() || '/metrics';
  if (!metricsPath.startsWith('/')) throw new ConfigError('METRICS_PATH', `must start with "/", got "${metricsPath}"`);
  return {
    production,
    clientAuth: Object.freeze({
      apiKeys: Object.freeze(apiKeys),
      jwt: jwksUrl
        ? Object.freeze({ jwksUrl, issuer: env.GATEWAY_JWT_ISSUER?.trim() || undefined, audience: env.GATEWAY_JWT_AUDIENCE?.trim() || undefined })
        : undefined,
      openWithServerToken,
    }),
    limits: Object.freeze({
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1, 1000),
      maxCost: integer(env, 'MAX_QUERY_COST', 20_000, 1, 10_000_000),
      maxAliases: integer(env, 'MAX_ALIASES', 30, 0, 10_000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', 20, 0, 10_000),
      maxTokens: integer(env, 'MAX_TOKENS', 3_000, 10, 1_000_000),
      // Capped well below what a recursive reader of the value (graphql-js, JSON.stringify, the cache key) survives.
      maxVariableDepth: integer(env, 'MAX_VARIABLE_DEPTH', 64, 1, 1_000),
      maxIds: integer(env, 'MAX_IDS', 500, 1, 100_000),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1_048_576, 1_024, 1_073_741_824),
      fieldSuggestions: boolean(env, 'FIELD_SUGGESTIONS', !production),
      introspection: boolean(env, 'INTROSPECTION', true),
    }),
    corsOrigins: Object.freeze(corsOrigins),
    trustedDocuments: trusted,
    automaticPersistedQueries: automaticPersistedQueries(env, trusted),
    websockets: boolean(env, 'WEBSOCKETS', true),
    upstream: Object.freeze({
      retries: integer(env, 'WORKATO_RETRIES', 2, 0, 10),
      retryBaseMs: integer(env, 'WORKATO_RETRY_BASE_MS', 300, 1, 60_000),
      retryMaxDelayMs: integer(env, 'WORKATO_RETRY_MAX_DELAY_MS', 5_000, 1, 120_000),
      rateLimit: oneOf(env, 'WORKATO_RATE_LIMIT', ['on', 'off'] as const, demo ? 'off' : 'on') === 'on',
      rateLimitMaxWaitMs: integer(env, 'WORKATO_RATE_LIMIT_MAX_WAIT_MS', 2_000, 0, 60_000),
      breakerThreshold: integer(env, 'WORKATO_BREAKER_THRESHOLD', 5, 0, 1_000),
      breakerCooldownMs: integer(env, 'WORKATO_BREAKER_COOLDOWN_MS', 30_000, 100, 600_000),
      concurrencyPerRequest: integer(env, 'WORKATO_MAX_CONCURRENCY', 10, 1, 1_000),
    }),
    cache: Object.freeze({ mode: cacheMode, ttlMs: integer(env, 'RESPONSE_CACHE_TTL_MS', 30_000, 1, 86_400_000) }),
    redisUrl,
    sharedQuotas: Object.freeze({
      deadlineMs: integer(env, 'QUOTA_REDIS_DEADLINE_MS', 10, 1, 1_000),
      fallbackReplicas: integer(env, 'QUOTA_FALLBACK_REPLICAS', 2, 1, 1_000),
    }),
    referenceCache: Object.freeze({
      enabled: oneOf(env, 'REFERENCE_CACHE', ['on', 'off'] as const, 'on') === 'on',
      ttlMs: integer(env, 'REFERENCE_CACHE_TTL_MS', 30_000, 1, 3_600_000),
    }),
    compiledExecution: oneOf(env, 'COMPILED_EXECUTION', ['on', 'eager', 'off'] as const, 'on'),
    operationSharing: oneOf(env, 'OPERATION_SHARING', ['on', 'off'] as const, 'on') === 'on',
    tokenHashKey,
    metrics: Object.freeze({ enabled: boolean(env, 'METRICS', true), path: metricsPath }),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 20_000, 0, 600_000),
    tracing: boolean(env, 'OTEL_TRACING', false),
    costReport: boolean(env, 'WORKATO_COST_REPORT', true),
    publicUrl: httpUrl(env, 'PUBLIC_URL')?.replace(/\/+$/, ''),
  };
}

/** APQ is on by default; with a trusted-documents manifest the ids are the manifest's, so it cannot be on as well. */
function automaticPersistedQueries(env: Env, trusted: Config['trustedDocuments']): boolean {
  const on = boolean(env, 'APQ', !trusted);
  if (on && trusted) throw new ConfigError('APQ', 'cannot be on with TRUSTED_DOCUMENTS: persisted query ids then name the manifest\'s documents');
  return on;
}

/**
 * A persisted-operations manifest: `{ "<id>": "<document>" }` (graphql-codegen's persisted-documents.json) or
 * Apollo's `{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`.
 */
function trustedDocuments(env: Env): Config['trustedDocuments'] {
  const file = env.TRUSTED_DOCUMENTS?.trim();
  if (!file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('TRUSTED_DOCUMENTS', `cannot read a JSON manifest from "${file}": ${(error as Error).message}`);
  }
  const documents = new Map<string, string>();
  const operations = (parsed as { operations?: unknown })?.operations;
  const entries: Array<[unknown, unknown]> = Array.isArray(operations)
    ? operations.map((o: { id?: unknown; body?: unknown }) => [o?.id, o?.body])
    : parsed && typeof parsed === 'object'
      ? Object.entries(parsed)
      : [];
  for (const [id, body] of entries) {
    if (typeof id !== 'string' || typeof body !== 'string') {
      throw new ConfigError('TRUSTED_DOCUMENTS', `"${file}" must map operation ids to document strings`);
    }
    documents.set(id, body);
  }
  if (!documents.size) throw new ConfigError('TRUSTED_DOCUMENTS', `"${file}" holds no operations`);
  return Object.freeze({ file, documents, only: boolean(env, 'TRUSTED_DOCUMENTS_ONLY', true) });
}
