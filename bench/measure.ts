/**
 * Measurements: latency of one request at a time (p50/p99, the figure the latency targets speak of), throughput
 * under concurrent load (autocannon for the gateway, the same closed loop by hand for the direct-REST client), and
 * the gateway's resident memory sampled during the load.
 */
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type { Fixtures, Operation } from './operations.js';
import { cpuMsOf, sampleMemory } from './processes.js';
import type { RestClient } from './rest.js';

export interface SampleOptions {
  /** Untimed rounds first: this many, or as many as fit in a second (at least one). */
  warmup: number;
  /** Stop after this many samples… */
  samples: number;
  /** …or after this long, whichever comes first (but never fewer than `minSamples`). */
  maxMs: number;
  minSamples: number;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  /** Every sample in ms, in the order taken. */
  samples: number[];
  /** Untimed rounds before the samples. */
  warmup: number;
  /** CPU time the gateway process spent per run (ms), warm-up included; gateway variants only. */
  serverCpuMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function stats(samples: number[], warmup = 0): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    n: samples.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(samples.reduce((a, b) => a + b, 0) / (samples.length || 1)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
    samples: samples.map(round),
    warmup,
  };
}

/**
 * Times one request at a time (ms) after `warmup` untimed rounds. With several variants, they take turns request by
 * request, so each sees the same machine (other processes, CPU frequency, JIT state of this process): compared
 * figures then differ by what the variants do, not by when each ran.
 */
export async function sampleLatency<K extends string>(runs: Record<K, () => Promise<void>>, options: SampleOptions): Promise<Record<K, LatencyStats>> {
  const variants = Object.keys(runs) as K[];
  const warmUntil = performance.now() + 1_000;
  let warmup = 0;
  for (; warmup < options.warmup && (warmup === 0 || performance.now() < warmUntil); warmup++) for (const v of variants) await runs[v]();
  const samples = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<K, number[]>;
  const deadline = performance.now() + options.maxMs;
  for (let n = 0; n < options.samples && (n < options.minSamples || performance.now() < deadline); n++) {
    for (const v of variants) {
      const started = performance.now();
      await runs[v]();
      samples[v].push(performance.now() - started);
    }
  }
  return Object.fromEntries(variants.map((v) => [v, stats(samples[v], warmup)])) as Record<K, LatencyStats>;
}

/** A GraphQL client for one-at-a-time runs: one keep-alive connection, like a browser tab or a router. */
export class GraphQLClient {
  private readonly pool: Pool;
  readonly path: string;

  constructor(
    readonly url: string,
    readonly headers: Record<string, string>,
  ) {
    const u = new URL(url);
    this.pool = new Pool(u.origin, { connections: 1 });
    this.path = u.pathname;
  }

  async post(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: Array<{ message: string }>; extensions?: any }> {
    const response = await this.pool.request({ method: 'POST', path: this.path, headers: this.headers, body: JSON.stringify({ query, variables }) });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`gateway answered ${response.statusCode}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The client of the hop proxy (bench/hop-proxy.ts): runs an operation's hand-written plan one hop away. */
export class HopClient {
  private readonly pool: Pool;

  constructor(
    readonly url: string,
    readonly token: string,
  ) {
    this.pool = new Pool(new URL(url).origin, { connections: 1 });
  }

  async setFixtures(fx: Fixtures): Promise<void> {
    const response = await this.pool.request({ method: 'PUT', path: '/fixtures', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fx) });
    await response.body.text();
    if (response.statusCode !== 204) throw new Error(`hop proxy answered ${response.statusCode} to its fixtures`);
  }

  async run(operation: string, run: number): Promise<void> {
    const response = await this.pool.request({ method: 'POST', path: `/${operation}?run=${run}`, headers: { authorization: `Bearer ${this.token}` } });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`hop proxy answered ${response.statusCode}: ${text.slice(0, 300)}`);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

export interface LoadResult {
  /** Completed operations per second (mean over the run). */
  perSecond: number;
  completed: number;
  /** Latency under load (ms), as the load generator saw it. */
  p50: number;
  p99: number;
  /** Non-2xx answers, transport errors, timeouts, and 200s that carried `errors` or `userErrors`. */
  errors: number;
  /** The gateway's highest resident memory during the run (bytes); undefined for the direct-REST client. */
  peakRss?: number;
  /** The gateway process's CPU time per completed operation during the run (ms); undefined for the direct client. */
  cpuMsPerOp?: number;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
}

/**
 * autocannon against the gateway, `connections` at once for `durationS`; memory of `pid` sampled meanwhile.
 * `nextRun` numbers runs across the whole benchmark, so operations that rotate over recipes never reuse one at once.
 */
export function loadGateway(client: GraphQLClient, op: Operation, fx: Fixtures, pid: number, options: LoadOptions, nextRun: () => number): Promise<LoadResult> {
  const fixed = JSON.stringify({ query: op.query, variables: op.variables(fx, 0) });
  return loadServer(pid, options, {
    url: client.url,
    headers: client.headers,
    setupRequest: (req) => (op.mutation ? { ...req, body: JSON.stringify({ query: op.query, variables: op.variables(fx, nextRun()) }) } : { ...req, body: fixed }),
    failed: (body) => body.includes('"errors":') || body.includes('"userErrors":[{'),
  });
}

/** The same load on the hop proxy (bench/hop-proxy.ts): what a bare process on the path reaches, and spends. */
export function loadProxy(proxy: HopClient, op: Operation, pid: number, options: LoadOptions, nextRun: () => number): Promise<LoadResult> {
  return loadServer(pid, options, {
    url: new URL(proxy.url).origin,
    headers: { authorization: `Bearer ${proxy.token}` },
    setupRequest: (req) => ({ ...req, path: `/${op.name}?run=${op.mutation ? nextRun() : 0}` }),
  });
}

/** autocannon on one server process: its answers (a 200 whose body `failed` counts as an error), CPU and memory. */
async function loadServer(
  pid: number,
  options: LoadOptions,
  target: { url: string; headers: Record<string, string>; setupRequest: autocannon.Request['setupRequest']; failed?: (body: string) => boolean },
): Promise<LoadResult> {
  let bodyErrors = 0;
  const memory = sampleMemory(pid);
  const cpuBefore = cpuMsOf(pid);
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.durationS,
    headers: target.headers,
    requests: [
      {
        method: 'POST',
        setupRequest: target.setupRequest,
        onResponse: (_status, body) => {
          if (target.failed?.(body)) bodyErrors++;
        },
      },
    ],
  });
  const peakRss = memory.stop();
  const cpuAfter = cpuMsOf(pid);
  const cpuMsPerOp = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 100) / 100 : undefined;
  return {
    perSecond: round1(result.requests.mean),
    completed: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts + bodyErrors,
    peakRss,
    cpuMsPerOp,
  };
}

/** The same closed loop for the direct-REST client: `connections` workers, each running the plan back to back. */
export async function loadRest(client: RestClient, op: Operation, fx: Fixtures, options: LoadOptions, nextRun: () => number): Promise<LoadResult> {
  let completed = 0;
  let errors = 0;
  const latencies: number[] = [];
  const end = performance.now() + options.durationS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op.floor(client.fresh(), fx, nextRun());
          completed++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const s = stats(latencies);
  return { perSecond: round1(completed / elapsed), completed, p50: s.p50, p99: s.p99, errors };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
