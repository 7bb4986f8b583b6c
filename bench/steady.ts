/**
 * `npm run bench:steady`: CPU per operation once V8 has compiled the hot paths, each server alone on the machine.
 *
 * `npm run bench` measures CPU per op over short turn-taking runs, so its figures include V8 compiling code that is
 * still new and the cost of waking processes whose CPU caches the other turn-takers have used. Both weigh on the
 * gateway and the baseline alike, but they hide what a request costs a replica that has served traffic for a while.
 * Here each server gets a long warm-up (BENCH_STEADY_WARMUP_S, default 8 s of requests one at a time), then
 * BENCH_STEADY_S (default 4 s) of requests one at a time at 0 ms upstream latency, with no other server running
 * requests meanwhile. Measured, per operation (BENCH_OPERATIONS, default every read of bench/operations.ts):
 *
 * - the **gateway** as shipped (the flags of `npm start`), and the **baseline** (BENCH_BASELINE_REF, bench/baseline.ts);
 * - **graphql-js alone** (bench/graphql-alone.mjs): the gateway's schema, context and loaders executed by graphql-js
 *   behind a bare node:http server, no yoga and no plugins: what the GraphQL work itself costs;
 * - **yoga alone** (bench/yoga-alone.mjs): the same schema, context and loaders served by graphql-yoga with the
 *   gateway's yoga settings and none of its plugins: what yoga's request pipeline adds over graphql-js alone;
 * - the **hop proxy** (bench/hop-proxy.ts): the hand-written REST plan, no GraphQL: what any process on the path costs.
 *
 * It prints a markdown table. Nothing here is a target: it says where the CPU of `npm run bench` goes.
 */
import { randomBytes } from 'node:crypto';
import { env } from 'node:process';
import { DEFAULT_BASELINE_REF, prepareBaseline } from './baseline.js';
import { loadFixtures } from './fixtures.js';
import { GraphQLClient, HopClient } from './measure.js';
import { OPERATIONS, readOperations, type Fixtures, type Operation } from './operations.js';
import { cpuMsOf, runScript, shippedNodeFlags, startChild, startQuietSimulator, type Child } from './processes.js';
import { RestClient, restPool } from './rest.js';
import { SimulatorControl } from './simulator.js';

const warmupS = Number(env.BENCH_STEADY_WARMUP_S ?? 8);
const measureS = Number(env.BENCH_STEADY_S ?? 4);
const log = (message: string) => console.error(`[bench:steady] ${message}`);
const READY = /GraphiQL at (http:\/\/\S+)/;
const LISTENING = /GraphQL at (http:\/\/\S+)/; // bench/graphql-alone.mjs, bench/yoga-alone.mjs

interface Server {
  name: string;
  start(): Promise<Child>;
  /** One request of the operation. */
  client(child: Child): (op: Operation, fx: Fixtures, run: number) => Promise<void>;
}

/** Requests one at a time for `seconds`; the server process's CPU per request over them. */
async function cpuPerOp(pid: number, one: (run: number) => Promise<void>, seconds: number): Promise<{ ms: number; n: number }> {
  const before = cpuMsOf(pid)!;
  const until = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < until) await one(n++);
  return { ms: (cpuMsOf(pid)! - before) / n, n };
}

async function main(): Promise<void> {
  const token = randomBytes(32).toString('hex');
  const operations = readOperations('bench:steady', env.BENCH_OPERATIONS, OPERATIONS.filter((o) => !o.mutation).map((o) => o.name));
  const sim = await startQuietSimulator(token);
  const baseline = prepareBaseline(env.BENCH_BASELINE_REF ?? DEFAULT_BASELINE_REF, log);
  try {
    const control = new SimulatorControl(new URL(sim.url).origin);
    await control.setLatency(0);
    const fx = await loadFixtures(new RestClient(restPool(new URL(sim.url).origin), new URL(sim.url).pathname, token), 1);
    const gatewayEnv = { PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: sim.url, WORKATO_RATE_LIMIT: 'off', NODE_ENV: 'production' };
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` };
    const graphql = (child: Child) => {
      const client = new GraphQLClient(child.url, headers);
      return async (op: Operation, f: Fixtures, run: number) => {
        const result = await client.post(op.query, op.variables(f, run));
        if (result.errors?.length) throw new Error(`${child.name}: ${result.errors[0]!.message}`);
      };
    };
    const servers: Server[] = [
      { name: 'gateway', start: () => startChild('gateway', [...shippedNodeFlags(), 'dist/main.js'], gatewayEnv, READY), client: graphql },
      ...(baseline
        ? [{ name: `baseline (${baseline.ref})`, start: () => startChild('baseline', [...shippedNodeFlags(), baseline.entry], gatewayEnv, READY, 60_000, baseline.dir), client: graphql }]
        : []),
      { name: 'yoga alone', start: () => startChild('yoga alone', [...shippedNodeFlags(), 'bench/yoga-alone.mjs'], gatewayEnv, LISTENING), client: graphql },
      { name: 'graphql-js alone', start: () => startChild('graphql-js alone', [...shippedNodeFlags(), 'bench/graphql-alone.mjs'], gatewayEnv, LISTENING), client: graphql },
      {
        name: 'hop proxy',
        start: () => startChild('hop proxy', [...shippedNodeFlags(), '--import', 'tsx', 'bench/hop-proxy.ts'], { WORKATO_BASE_URL: sim.url }, /hop proxy at (http:\/\/\S+)/),
        client: (child) => {
          const client = new HopClient(child.url, token);
          let ready: Promise<void> | undefined;
          return async (op, f, run) => {
            await (ready ??= client.setFixtures(f));
            await client.run(op.name, run);
          };
        },
      },
    ];
    const rows: string[] = [];
    for (const op of operations) {
      const cells: Array<{ ms: number; n: number }> = [];
      for (const server of servers) {
        // A fresh process per operation: what one operation compiled never speeds up another's figure.
        const child = await server.start();
        try {
          const run = server.client(child);
          log(`${op.name} · ${server.name}: ${warmupS} s warm-up, then ${measureS} s`);
          await cpuPerOp(child.pid, (n) => run(op, fx, n), warmupS);
          cells.push(await cpuPerOp(child.pid, (n) => run(op, fx, n), measureS));
        } finally {
          await child.stop();
        }
      }
      const [gateway, base] = [cells[0]!, baseline ? cells[1] : undefined];
      const fmt = (c: { ms: number; n: number }) => `${c.ms.toFixed(2)} (${c.n})`;
      rows.push(`| ${op.title} | ${cells.map(fmt).join(' | ')} |${base ? ` ${(gateway.ms / base.ms).toFixed(2)} |` : ''}`);
    }
    const header = servers.map((s) => `${s.name} ms (requests)`);
    console.log(
      [
        `CPU per operation in ms (user + system, every thread), one request at a time at 0 ms upstream latency, after ${warmupS} s of warm-up, over ${measureS} s; each server alone, a fresh process per operation; node ${shippedNodeFlags().join(' ')}, Node ${process.version}.`,
        '',
        `| operation | ${header.join(' | ')} |${baseline ? ' gateway / baseline |' : ''}`,
        `|---|${servers.map(() => '---:|').join('')}${baseline ? '---:|' : ''}`,
        ...rows,
      ].join('\n'),
    );
  } finally {
    baseline?.remove();
    await sim.stop();
  }
}

runScript(main);
