/**
 * Configuration: read from the environment once, validated, frozen. Every error names the variable.
 * README.md has the table of variables; keep the two in step.
 */

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
  /** Latency the demo simulator adds to every request (for demos of batching). */
  demoLatencyMs: number;
  /** Show GraphiQL on GET of the GraphQL path. */
  graphiql: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}–${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function apiRoot(env: Env): string | undefined {
  const raw = env.WORKATO_BASE_URL?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('WORKATO_BASE_URL', `not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('WORKATO_BASE_URL', `expected an http(s) URL, got "${raw}"`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api')) {
    throw new ConfigError('WORKATO_BASE_URL', `expected the API root ending in /api (e.g. https://app.eu.workato.com/api), got "${raw}"`);
  }
  if (url.search || url.hash) throw new ConfigError('WORKATO_BASE_URL', 'must not carry a query string or fragment');
  return `${url.origin}${path}`;
}

export function loadConfig(env: Env = process.env): Config {
  const explicitBase = apiRoot(env);
  const dataCenterSet = Boolean(env.WORKATO_DATA_CENTER?.trim());
  const dataCenter = oneOf(env, 'WORKATO_DATA_CENTER', Object.keys(DATA_CENTERS) as DataCenter[], 'us');
  if (explicitBase && dataCenterSet) {
    throw new ConfigError('WORKATO_BASE_URL', 'set either WORKATO_BASE_URL or WORKATO_DATA_CENTER, not both');
  }
  const serverToken = env.WORKATO_API_TOKEN?.trim() || undefined;
  const demo = boolean(env, 'WORKATO_DEMO', !explicitBase && !dataCenterSet && !serverToken);
  if (demo && (explicitBase || serverToken)) {
    throw new ConfigError('WORKATO_DEMO', 'demo mode runs on the built-in simulator; unset WORKATO_BASE_URL and WORKATO_API_TOKEN');
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
    demoLatencyMs: integer(env, 'DEMO_LATENCY_MS', 0, 0, 60_000),
    graphiql: boolean(env, 'GRAPHIQL', true),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
  });
}
