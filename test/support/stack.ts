/**
 * Starts the real parts for a test: the Workato simulator as an HTTP server on loopback and the gateway
 * (yoga over node:http, undici to the simulator) on port 0, and a `gql()` helper that talks HTTP to it.
 */
import { loadConfig } from '../../src/config.js';
import { startGateway, type Gateway } from '../../src/server/gateway.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export interface Stack {
  sim: Simulator;
  gateway: Gateway;
  /** POSTs a query; the token defaults to the simulator's first workspace token. */
  request<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Like request(), but throws when the response carries errors: the happy path reads as one line. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null }): Promise<T>;
  close(): Promise<void>;
}

/**
 * For test files that count each request's Workato calls across several requests on one stack: the reference cache
 * (on by default, as in production) would answer later requests' folder, connection and connector reads.
 * test/reference-cache*.test.ts test the cache itself.
 */
export const EACH_REQUEST_CALLS_WORKATO = Object.freeze({ REFERENCE_CACHE: 'off' });

export interface StackOptions {
  simulator?: SimulatorOptions;
  env?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sim = await startSimulator({ quiet: true, ...options.simulator });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    WORKATO_BASE_URL: sim.url,
    LOG_LEVEL: 'silent',
    // The simulator enforces no quotas by default, and a test's injected fault should reach the resolver as is:
    // tests of the limiter, retries and breaker (test/resilience*.test.ts, test/faults.test.ts) turn them on.
    WORKATO_RATE_LIMIT: 'off',
    WORKATO_RETRIES: '0',
    WORKATO_BREAKER_THRESHOLD: '0',
    // Most tests send a document once: compile it on its first run, so they test the compiled execution that serves
    // a document from its second run on (test/compiled-execution.test.ts keeps graphql-js and the compiled one equal).
    COMPILED_EXECUTION: 'eager',
    ...options.env,
  });
  const gateway = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: config.serverToken });

  const request: Stack['request'] = async (query, variables, opts = {}) => {
    const token = opts.token === undefined ? sim.token : opts.token;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { ...body, status: response.status, headers: response.headers } as never;
  };

  return {
    sim,
    gateway,
    request,
    async gql(query, variables, opts) {
      const result = await request(query, variables, opts);
      if (result.errors?.length) {
        throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      }
      return result.data as never;
    },
    async close() {
      await gateway.close();
      await sim.close();
    },
  };
}
