/**
 * `npm run bench:trace`: where a request's time goes inside the gateway, one request at a time against the simulator
 * at BENCH_LATENCIES (default 20 ms). For each operation, medians of: the whole request as the gateway saw it (headers
 * in → response written); before its first Workato call is made (undici creates it) and before it is written on the
 * connection (undici's `client:sendHeaders`: on a reused keep-alive connection, in the event loop's check phase);
 * after its last answer; and "gateway only", the time with no Workato call in flight, which is what the gateway adds
 * to the critical path (bench/README "Where the time goes").
 * The gateway runs as shipped (`npm start`'s flags) with bench/trace-preload.mjs loaded; its code is not changed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtures } from './fixtures.js';
import { GraphQLClient } from './measure.js';
import { OPERATIONS } from './operations.js';
import { shippedNodeFlags, startChild } from './processes.js';
import { RestClient, restPool } from './rest.js';
import { SimulatorControl } from './simulator.js';

type Event = [number, 'in' | 'out' | 'call' | 'written' | 'answer', string?, string?];

const latency = Number((process.env.BENCH_LATENCIES ?? '20').split(',')[0]);
const runs = Number(process.env.BENCH_SAMPLES ?? 30);
const only = process.env.BENCH_OPERATIONS?.split(',').map((s) => s.trim());
const traceFile = join(tmpdir(), `gateway-trace-${process.pid}.json`);
/** Untimed requests per operation: at 0 ms to warm the code, then at the measured latency to settle connections. */
const WARM = 30;
const SETTLE = 3;

/**
 * Per request: [total, before the first call, before the first call is written, after the last answer, time with no
 * call in flight], in ms.
 */
function phases(events: Event[]): number[][] {
  const rows: number[][] = [];
  let start: number | undefined;
  let inFlight = 0;
  let idleSince = 0;
  let idle = 0;
  let firstCall: number | undefined;
  let firstWritten: number | undefined;
  let lastAnswer: number | undefined;
  for (const [t, kind] of events) {
    if (kind === 'in') [start, inFlight, idleSince, idle, firstCall, firstWritten, lastAnswer] = [t, 0, t, 0, undefined, undefined, undefined];
    if (start === undefined) continue;
    if (kind === 'written') firstWritten ??= t;
    else if (kind === 'call') {
      if (inFlight++ === 0) idle += t - idleSince;
      firstCall ??= t;
    } else if (kind === 'answer') {
      if (--inFlight === 0) idleSince = t;
      lastAnswer = t;
    } else if (kind === 'out') {
      if (inFlight === 0) idle += t - idleSince;
      rows.push([t - start, (firstCall ?? t) - start, (firstWritten ?? t) - start, t - (lastAnswer ?? start), idle]);
      start = undefined;
    }
  }
  return rows;
}

/** Prints the last request's events, one per line, in ms from its arrival (BENCH_TRACE_DUMP=1). */
function dumpLast(events: Event[]): void {
  let from = 0;
  events.forEach((e, i) => {
    if (e[1] === 'in') from = i;
  });
  const t0 = events[from]?.[0] ?? 0;
  for (const [t, kind, method, path] of events.slice(from)) console.log(`${(t - t0).toFixed(2).padStart(8)}  ${kind.padEnd(6)} ${method ?? ''} ${path ?? ''}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const token = randomBytes(16).toString('hex');
  const sim = await startChild('simulator', ['--import', 'tsx', 'src/simulator/main.ts'], {
    SIMULATOR_PORT: '0', SIMULATOR_TOKEN: token, SIMULATOR_RECIPES: '296', SIMULATOR_LATENCY_MS: '0',
  }, /API root\s*:\s*(http:\/\/\S+)/);
  const gateway = await startChild('gateway', [...shippedNodeFlags(), '--import', './bench/trace-preload.mjs', 'dist/main.js'], {
    PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: sim.url, WORKATO_RATE_LIMIT: 'off', NODE_ENV: 'production', BENCH_TRACE_FILE: traceFile,
  }, /GraphiQL at (http:\/\/\S+)/);
  const pool = restPool(new URL(sim.url).origin);
  const control = new SimulatorControl(new URL(sim.url).origin);
  const client = new GraphQLClient(gateway.url, { 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const rows: string[] = [];
  try {
    const fx = await loadFixtures(new RestClient(pool, '/api', token).fresh(), 3);
    let run = 0;
    const names: string[] = [];
    for (const op of OPERATIONS.filter((o) => !only || only.includes(o.name))) {
      await control.setLatency(0);
      for (let i = 0; i < WARM; i++) await client.post(op.query, op.variables(fx, run++));
      await control.setLatency(latency);
      for (let i = 0; i < SETTLE; i++) await client.post(op.query, op.variables(fx, run++));
      names.push(op.name);
      for (let i = 0; i < runs; i++) await client.post(op.query, op.variables(fx, run++));
    }
    await gateway.stop();
    const events = JSON.parse(readFileSync(traceFile, 'utf8')) as Event[];
    if (process.env.BENCH_TRACE_DUMP) dumpLast(events);
    const all = phases(events);
    // Each operation contributed WARM + SETTLE + runs requests, in order; keep its last `runs`.
    let offset = 0;
    for (const name of names) {
      offset += WARM + SETTLE + runs;
      const mine = all.slice(offset - runs, offset);
      const [total, before, written, after, own] = [0, 1, 2, 3, 4].map((k) => median(mine.map((r) => r[k]!)).toFixed(2));
      rows.push(`| ${name} | ${total} | ${before} | ${written} | ${after} | ${own} |`);
    }
  } finally {
    await client.close();
    await pool.close();
    await gateway.stop();
    await sim.stop();
    rmSync(traceFile, { force: true });
  }
  console.log(`\nGateway-side phases at ${latency} ms upstream latency, one request at a time, medians of ${runs} (ms):\n`);
  console.log('| operation | headers in → response written | before the first Workato call | before it is written | after the last answer | gateway only (no call in flight) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
