/**
 * The cluster's federation router: Hive Gateway over the supergraph composed from the gateway's subgraph SDL, with
 * its OpenTelemetry plugin (its own spans, and `traceparent` on every subgraph request, once a global tracer provider
 * is registered, e.g. by scripts/otel-setup.mjs). Each caller's `Authorization` travels to the replica, with the
 * router's own `headers` (the replicas' API key when they hold a server token).
 *
 * In production a Kubernetes Service stands between the router and the replicas. On one machine this module stands
 * for it: subgraph requests go round-robin over `replicas`, a replica whose `/readyz` is not 200 (polled every
 * READINESS_POLL_MS) is skipped, and a refused connection moves the request on to the next replica — as does a
 * connection reset before any answer, for a query (not a mutation, which may have run): a replica stopping closes
 * its idle keep-alive connections, and a request sent on one at that moment is lost in the race (production routers
 * have the same switch: Hive Gateway's `upstreamRetry`, Grafbase's `[gateway.retry]` with `retry_mutations = false`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { Kind, parse } from 'graphql';
import { isConnectionReset } from '../../src/workato/resilience.js';
import { composeSupergraph } from './supergraph.js';

export interface RouterOptions {
  /** The replicas' GraphQL URLs (`http://127.0.0.1:4001/graphql`). */
  replicas: string[];
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Sent with every subgraph request, e.g. the replicas' `X-API-Key` when they hold a server token. */
  headers?: Record<string, string>;
}

export interface Router {
  /** The router's GraphQL URL. */
  url: string;
  close(): Promise<void>;
}

const READINESS_POLL_MS = 500;

export async function startRouter(options: RouterOptions): Promise<Router> {
  if (options.replicas.length === 0) throw new Error('startRouter needs at least one replica URL');
  const replicas = new ReplicaSet(options.replicas);
  await replicas.poll();
  const supergraph = await replicas.first((url) => composeSupergraph([{ name: 'workato', url, headers: options.headers }]));
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return { ...options.headers, ...(authorization ? { authorization } : {}) };
      },
    },
    plugins: (context) => [
      useOpenTelemetry({ ...context, traces: true }),
      {
        onFetch({ setFetchFn, fetchFn }) {
          setFetchFn((_url, init, ...rest) => replicas.send(async (replica) => fetchFn(replica, init, ...rest), !isMutation(init?.body)));
        },
      },
    ],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const poller = setInterval(() => void replicas.poll(), READINESS_POLL_MS).unref();
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/graphql`,
    async close() {
      clearInterval(poller);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await runtime[Symbol.asyncDispose]();
    },
  };
}

/** The replicas, the ones that answered their last readiness probe, and whose turn is next. */
class ReplicaSet {
  private readonly ready: boolean[];
  private turn = 0;

  constructor(private readonly urls: string[]) {
    this.ready = urls.map(() => true);
  }

  async poll(): Promise<void> {
    await Promise.all(
      this.urls.map(async (url, i) => {
        try {
          const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(READINESS_POLL_MS) });
          await response.body?.cancel();
          this.ready[i] = response.status === 200;
        } catch {
          this.ready[i] = false;
        }
      }),
    );
  }

  /** The answer of the first replica (ready ones first) that gives one; the supergraph's URL is rewritten anyway. */
  async first<T>(ask: (url: string) => Promise<T>): Promise<T> {
    let failure: unknown;
    for (const url of [...this.urls.filter((_, i) => this.ready[i]), ...this.urls.filter((_, i) => !this.ready[i])]) {
      try {
        return await ask(url);
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }

  /**
   * Sends with the next ready replica in turn, moving on while connections are refused or a draining replica answers
   * `SHUTTING_DOWN` (neither ran anything, so a mutation is not repeated), and at a reset connection when `readOnly`.
   * With none ready it tries them all: a probe may be a moment behind.
   */
  async send(call: (replica: string) => Promise<Response>, readOnly: boolean): Promise<Response> {
    const all = this.urls.map((_, i) => i);
    const ready = all.filter((i) => this.ready[i]);
    const pool = ready.length ? ready : all;
    const start = this.turn++ % pool.length;
    let refusal: Response | undefined;
    let refused: unknown;
    for (let k = 0; k < pool.length; k++) {
      const i = pool[(start + k) % pool.length]!;
      try {
        const response = await call(this.urls[i]!);
        if (response.status !== 503 || !(await shuttingDown(response.clone()))) return response;
        this.ready[i] = false; // draining (http-handler.ts refused it before any work): the next one serves it
        refusal = response;
      } catch (error) {
        if (!isConnectionRefused(error) && !(readOnly && causes(error).some(isConnectionReset))) throw error;
        this.ready[i] = false;
        refused = error;
      }
    }
    if (refusal) return refusal;
    throw refused;
  }
}

async function shuttingDown(response: Response): Promise<boolean> {
  const body = (await response.json().catch(() => undefined)) as { errors?: Array<{ extensions?: { code?: string } }> } | undefined;
  return body?.errors?.[0]?.extensions?.code === 'SHUTTING_DOWN';
}

function isConnectionRefused(error: unknown): boolean {
  return causes(error).some((e) => e.code === 'ECONNREFUSED' || (typeof e.message === 'string' && e.message.includes('ECONNREFUSED')));
}

/** The error and its chain of causes. */
function causes(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const out: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
  for (let e = error as (typeof out)[number] | undefined; e && out.length < 10; e = e.cause as typeof e) out.push(e);
  return out;
}

/** A subgraph request whose document holds a mutation (an unreadable body counts as one: never sent twice). */
function isMutation(body: unknown): boolean {
  try {
    const { query } = JSON.parse(String(body)) as { query?: string };
    return parse(query ?? '').definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
  } catch {
    return true;
  }
}
