/**
 * `npm run bench`: upstream calls and latency of the gateway, side by side with the direct-REST floor and with the
 * gateway's own batching switched off, at 0 ms and 20 ms of simulated Workato latency. Settings: bench/README.md.
 * Prints a markdown table and the targets; writes raw figures to bench/results/<timestamp>.json and the table to
 * bench/RESULTS.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { DEFAULT_BASELINE_REF, prepareBaseline, type Baseline } from './baseline.js';
import { GraphQLClient, HopClient, loadGateway, loadProxy, loadRest, sampleLatency, type LatencyStats, type SampleOptions } from './measure.js';
import { loadFixtures } from './fixtures.js';
import { OPERATIONS, type Fixtures, type Operation } from './operations.js';
import { cpuMsOf, memoryOf, ROOT, shippedNodeFlags, startChild, type Child } from './processes.js';
import { evaluateTargets, markdown, type AtLatency, type Calls, type OperationResult, type Settings } from './report.js';
import { RestClient, restPool } from './rest.js';
import { SimulatorControl } from './simulator.js';

const env = process.env;
const int = (name: string, fallback: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return n;
};

const settings: Settings = {
  latencies: (env.BENCH_LATENCIES ?? '0,20').split(',').map((s) => Number(s.trim())),
  connections: int('BENCH_CONNECTIONS', 8),
  durationS: int('BENCH_DURATION', 3),
  samples: int('BENCH_SAMPLES', 200),
  sampleMs: int('BENCH_SAMPLE_MS', 5_000),
  recipes: int('BENCH_RECIPES', 296) + 4, // the simulator adds Northwind's 4 fixture recipes
  gateway: ['node', ...gatewayArgs()].join(' '),
  node: `Node ${process.version}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
};
/**
 * The gateway's node arguments: the flags of `npm start`, then the shipped build, the source (`BENCH_GATEWAY=tsx`)
 * or another build's main.js (a copy of dist/ made before a change, next to it so schema/ is found).
 */
function gatewayArgs(): string[] {
  const entry = env.BENCH_GATEWAY === 'tsx' ? ['--import', 'tsx', 'src/main.ts'] : [env.BENCH_GATEWAY?.endsWith('.js') ? env.BENCH_GATEWAY : 'dist/main.js'];
  return [...shippedNodeFlags(), ...entry];
}
const only = env.BENCH_OPERATIONS ? new Set(env.BENCH_OPERATIONS.split(',').map((s) => s.trim())) : undefined;
const WARMUP = int('BENCH_WARMUP', 30);
const sampling = (minSamples: number): SampleOptions => ({ warmup: WARMUP, samples: settings.samples, maxMs: settings.sampleMs, minSamples });
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

let runNumber = 0;
const nextRun = () => runNumber++;

interface Stack {
  sim: Child;
  gateway: Child;
  unbatched: Child;
  proxy: Child;
  reportOn: Child;
  reportOff: Child;
  /** The baseline checkout's gateway (BENCH_BASELINE_REF); undefined with `none`. */
  baseline?: Child;
  /** Starts one more gateway like the main one (same flags, same env), fresh: for the cold and warm call counts. */
  freshGateway(): Promise<Child>;
}

const READY = /GraphiQL at (http:\/\/\S+)/;

async function startStack(token: string, baseline: Baseline | undefined): Promise<Stack> {
  const sim = await startChild('simulator', ['--import', 'tsx', 'src/simulator/main.ts'], {
    SIMULATOR_PORT: '0',
    SIMULATOR_TOKEN: token,
    SIMULATOR_RECIPES: String(settings.recipes - 4),
    SIMULATOR_LATENCY_MS: '0',
  }, /API root\s*:\s*(http:\/\/\S+)/);
  const profile = env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', `${ROOT}bench/results/profiles`] : [];
  const entry = gatewayArgs();
  const gatewayEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    WORKATO_BASE_URL: sim.url,
    // The simulator is not Workato: the gateway's own per-minute quotas (REFERENCE §5) would only measure themselves.
    WORKATO_RATE_LIMIT: 'off',
    NODE_ENV: 'production',
    ...(env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: env.BENCH_NODE_OPTIONS } : {}),
  };
  const ready = READY;
  const started: Child[] = [sim];
  try {
    const gateway = await startChild('gateway', [...profile, ...entry], gatewayEnv, ready);
    started.push(gateway);
    const unbatched = await startChild('gateway (batching off)', [...entry], { ...gatewayEnv, BENCH_DISABLE_BATCHING: '1' }, ready);
    started.push(unbatched);
    // Same node flags as the gateway, so the two differ only by what they do per request.
    const proxy = await startChild('hop proxy', [...shippedNodeFlags(), '--import', 'tsx', 'bench/hop-proxy.ts'], { WORKATO_BASE_URL: sim.url }, /hop proxy at (http:\/\/\S+)/);
    started.push(proxy);
    // The report's own cost: two fresh gateways that differ only in WORKATO_COST_REPORT, with the same history (the
    // main gateway, which has served every operation and the schema's introspection, runs measurably slower than a
    // fresh one: an A/A comparison against it showed 0.36 ms).
    const reportOn = await startChild('gateway (cost report on)', [...entry], gatewayEnv, ready);
    started.push(reportOn);
    const reportOff = await startChild('gateway (cost report off)', [...entry], { ...gatewayEnv, WORKATO_COST_REPORT: 'false' }, ready);
    started.push(reportOff);
    // The baseline runs in its own checkout (its schema/ and dist/), with the same node flags and environment.
    const base = baseline ? await startChild(`baseline gateway (${baseline.ref})`, [...shippedNodeFlags(), baseline.entry], gatewayEnv, ready, 60_000, baseline.dir) : undefined;
    const freshGateway = () => startChild('gateway (fresh, for cold calls)', [...entry], gatewayEnv, ready);
    return { sim, gateway, unbatched, proxy, reportOn, reportOff, baseline: base, freshGateway };
  } catch (error) {
    await Promise.all(started.map((child) => child.stop()));
    throw error;
  }
}

async function rootFields(client: GraphQLClient): Promise<Set<string>> {
  const { data } = await client.post('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
  return new Set([...(data.__schema.queryType?.fields ?? []), ...(data.__schema.mutationType?.fields ?? [])].map((f: { name: string }) => f.name));
}

/** Adds the CPU time the gateway process spent per run (warm-up runs included) to its latency figures. */
function withCpu(stats: LatencyStats, before: number | undefined, after: number | undefined): LatencyStats {
  if (before !== undefined && after !== undefined) stats.serverCpuMs = Math.round(((after - before) / (stats.n + stats.warmup)) * 100) / 100;
  return stats;
}

interface Clients {
  gateway: GraphQLClient;
  unbatched: GraphQLClient;
  rest: RestClient;
  proxy: HopClient;
  baseline?: GraphQLClient;
}

async function measureOperation(
  op: Operation,
  fx: Fixtures,
  clients: Clients,
  stack: { sim: SimulatorControl; gatewayPid: number; unbatchedPid: number; proxyPid: number; baselinePid?: number },
): Promise<AtLatency> {
  const problems: string[] = [];
  const gql = (client: GraphQLClient, label: string, check: boolean) => async () => {
    const result = await client.post(op.query, op.variables(fx, nextRun()));
    const problem = result.errors?.length ? `${label}: ${result.errors[0]!.message}` : check ? op.check(result.data) : undefined;
    if (problem && !problems.includes(problem)) problems.push(check ? `${label}: ${problem}` : problem);
  };

  let report: AtLatency['report'];
  const countGateway = () =>
    stack.sim.count(async () => {
      const result = await clients.gateway.post(op.query, op.variables(fx, nextRun()));
      const problem = result.errors?.length ? `gateway: ${result.errors[0]!.message}` : op.check(result.data);
      if (problem) problems.push(`gateway: ${problem}`);
      const workato = result.extensions?.workato;
      report = workato ? { calls: workato.calls, roundTrips: workato.roundTrips } : undefined;
    });
  let gatewayCalls = await countGateway();
  // Reference data past its TTL is served and refreshed in the background, once per REFERENCE_CACHE_TTL_MS: calls of
  // no request, which the simulator counts when they fall in this window. The next run finds the data fresh.
  for (let again = 0; again < 2 && report && gatewayCalls.total > report.calls; again++) gatewayCalls = await countGateway();
  const unbatchedCalls = await stack.sim.count(gql(clients.unbatched, 'batching off', true));
  const baselineCalls = clients.baseline ? await stack.sim.count(gql(clients.baseline, 'baseline', true)) : undefined;
  const floorClient = clients.rest.fresh();
  const restCalls = await stack.sim.count(() => op.floor(floorClient, fx, nextRun()));
  if (restCalls.total !== floorClient.calls) problems.push(`direct REST counted ${floorClient.calls} calls, the simulator ${restCalls.total}`);

  const result: AtLatency = {
    calls: { gateway: gatewayCalls, unbatched: unbatchedCalls, rest: restCalls, baseline: baselineCalls },
    floor: { calls: floorClient.calls, criticalPath: floorClient.criticalPath },
    report,
    latency: {},
    load: {},
    problems,
  };
  // The gateway, the baseline gateway, the hop proxy and the direct-REST client take turns request by request: the
  // targets compare the gateway with the hop proxy (latency) and with the baseline (CPU of the same runs), so each
  // pair sees the same machine. Batching off, far slower, alone.
  const cpu = { gateway: cpuMsOf(stack.gatewayPid), baseline: stack.baselinePid ? cpuMsOf(stack.baselinePid) : undefined, proxy: cpuMsOf(stack.proxyPid) };
  const runs: Partial<Record<'gateway' | 'baseline' | 'proxy' | 'rest', () => Promise<void>>> = {
    gateway: gql(clients.gateway, 'gateway', false),
    ...(clients.baseline ? { baseline: gql(clients.baseline, 'baseline', false) } : {}),
    proxy: () => clients.proxy.run(op.name, nextRun()),
    rest: () => op.floor(clients.rest.fresh(), fx, nextRun()),
  };
  const turns: Partial<Record<keyof typeof runs, LatencyStats>> = await sampleLatency(runs as Record<keyof typeof runs, () => Promise<void>>, sampling(20));
  result.latency.gateway = withCpu(turns.gateway!, cpu.gateway, cpuMsOf(stack.gatewayPid));
  if (turns.baseline && stack.baselinePid) result.latency.baseline = withCpu(turns.baseline, cpu.baseline, cpuMsOf(stack.baselinePid));
  // The hop proxy's CPU of the same turns: what one process on the path spends with no GraphQL at all.
  result.latency.proxy = withCpu(turns.proxy!, cpu.proxy, cpuMsOf(stack.proxyPid));
  result.latency.rest = turns.rest;
  const unbatchedCpu = cpuMsOf(stack.unbatchedPid);
  const alone = await sampleLatency({ unbatched: gql(clients.unbatched, 'batching off', false) }, sampling(5));
  result.latency.unbatched = withCpu(alone.unbatched, unbatchedCpu, cpuMsOf(stack.unbatchedPid));
  if (settings.durationS > 0) {
    const load = { connections: settings.connections, durationS: settings.durationS };
    result.load.gateway = await loadGateway(clients.gateway, op, fx, stack.gatewayPid, load, nextRun);
    await stack.sim.quiet();
    result.load.rest = await loadRest(clients.rest, op, fx, load, nextRun);
    await stack.sim.quiet();
    result.load.proxy = await loadProxy(clients.proxy, op, stack.proxyPid, load, nextRun);
    await stack.sim.quiet();
    result.load.unbatched = await loadGateway(clients.unbatched, op, fx, stack.unbatchedPid, load, nextRun);
    await stack.sim.quiet();
  }
  return result;
}

/**
 * Upstream calls of each operation's first run on a fresh gateway process (cold: nothing cached, no warm-up) and of
 * the run right after it (warm: what the process kept from the first run, e.g. reference data, is used). One fresh
 * process per operation, so no operation warms another's caches.
 */
async function coldAndWarm(stack: Stack, ops: Operation[], fx: Fixtures, headers: Record<string, string>, sim: SimulatorControl): Promise<Map<string, { cold: Calls; warm: Calls }>> {
  const counts = new Map<string, { cold: Calls; warm: Calls }>();
  for (const op of ops) {
    const fresh = await stack.freshGateway();
    const client = new GraphQLClient(fresh.url, headers);
    try {
      const run = async () => {
        const result = await client.post(op.query, op.variables(fx, nextRun()));
        if (result.errors?.length) throw new Error(`${op.name} on a fresh gateway: ${result.errors[0]!.message}`);
      };
      counts.set(op.name, { cold: await sim.count(run), warm: await sim.count(run) });
    } finally {
      await client.close();
      await fresh.stop();
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const token = randomBytes(32).toString('hex');
  const baseline = prepareBaseline(env.BENCH_BASELINE_REF?.trim() || DEFAULT_BASELINE_REF, log);
  try {
    await measureAll(token, baseline);
  } finally {
    baseline?.remove();
  }
}

async function measureAll(token: string, baseline: Baseline | undefined): Promise<void> {
  if (baseline) settings.baseline = baseline.commit.startsWith(baseline.ref) ? baseline.ref : `${baseline.ref} (${baseline.commit.slice(0, 7)})`;
  log(
    `starting the simulator (${settings.recipes} recipes), four gateways (${settings.gateway}: batched, batching off, and a pair with the cost report on and off)` +
      `${baseline ? `, the baseline gateway (${settings.baseline})` : ''} and the hop proxy`,
  );
  const children = await startStack(token, baseline);
  // Resident memory of the gateway that has started and answered nothing yet: the floor under every load figure.
  settings.gatewayIdleRss = memoryOf(children.gateway.pid)?.rss;
  const close = () =>
    Promise.all([children.gateway, children.unbatched, children.proxy, children.reportOn, children.reportOff, children.baseline, children.sim].map((child) => child?.stop()));
  try {
    const simOrigin = new URL(children.sim.url).origin;
    const pool = restPool(simOrigin);
    const rest = new RestClient(pool, new URL(children.sim.url).pathname, token);
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` };
    const clients: Clients = {
      gateway: new GraphQLClient(children.gateway.url, headers),
      unbatched: new GraphQLClient(children.unbatched.url, headers),
      proxy: new HopClient(children.proxy.url, token),
      rest,
      baseline: children.baseline ? new GraphQLClient(children.baseline.url, headers) : undefined,
    };
    const reportOn = new GraphQLClient(children.reportOn.url, headers);
    const reportOff = new GraphQLClient(children.reportOff.url, headers);
    const sim = new SimulatorControl(simOrigin);
    const fx = await loadFixtures(rest.fresh(), 40);
    await clients.proxy.setFixtures(fx);
    const fields = await rootFields(clients.gateway);

    const results: OperationResult[] = OPERATIONS.filter((op) => !only || only.has(op.name)).map((op) => ({
      name: op.name,
      title: op.title,
      query: op.query,
      available: fields.has(op.needs) && (op.name !== 'customer-recipes' || fx.managedUserId > 0),
      byLatency: {},
    }));
    const measured = OPERATIONS.filter((o) => results.some((r) => r.name === o.name && r.available));
    await sim.setLatency(0);
    log('cold and warm upstream calls: each operation twice on a fresh gateway');
    const fresh = await coldAndWarm(children, measured, fx, headers, sim);
    for (const r of results) r.fresh = fresh.get(r.name);
    // Every operation through every client before anything is measured (at 0 ms). A gateway serves steady traffic,
    // so its figures are for warm code: V8 keeps optimising the request path for thousands of requests (the current
    // user alone, back to back: p50 1.75 ms over requests 500-1,500, 0.74 ms over 5,500-6,500 on a 2-vCPU VM).
    // The gateway, the baseline and the direct REST client take turns for up to BENCH_STARTUP_WARMUP runs or
    // BENCH_STARTUP_WARMUP_MS per operation; the batching-off gateway, a reference only, gets a tenth of the runs,
    // the hop proxy half.
    const warmRuns = int('BENCH_STARTUP_WARMUP', 2_000);
    const warmMs = int('BENCH_STARTUP_WARMUP_MS', 3_000);
    log(`warming up (each operation up to ${warmRuns} runs or ${warmMs} ms through the gateway, the baseline and the REST client, the hop proxy and the batching-off gateway less often)`);
    for (const op of measured) {
      const until = performance.now() + warmMs;
      for (let i = 0; i < warmRuns && (i < 20 || performance.now() < until); i++) {
        await clients.gateway.post(op.query, op.variables(fx, nextRun()));
        if (clients.baseline) await clients.baseline.post(op.query, op.variables(fx, nextRun()));
        await op.floor(rest.fresh(), fx, nextRun());
        if (i % 10 === 0) await clients.unbatched.post(op.query, op.variables(fx, nextRun()));
        if (i % 2 === 0) await clients.proxy.run(op.name, nextRun());
      }
    }
    const me = OPERATIONS.find((o) => o.name === 'me')!;
    if (results.some((r) => r.name === 'me' && r.available)) {
      // The cost report's price: the current user at 0 ms through the two gateways, taking turns, after a warm-up.
      log('0 ms · me with the cost report on and off');
      for (let i = 0; i < warmRuns; i++) {
        await reportOn.post(me.query);
        await reportOff.post(me.query);
      }
      const both = await sampleLatency(
        { on: () => reportOn.post(me.query).then(() => undefined), off: () => reportOff.post(me.query).then(() => undefined) },
        // A difference of a tenth of a millisecond: three times the usual samples, so that it is not noise.
        { ...sampling(50), samples: settings.samples * 3, maxMs: settings.sampleMs * 2 },
      );
      settings.reportOverhead = { on: both.on, off: both.off };
    }
    for (const latency of settings.latencies) {
      await sim.setLatency(latency);
      for (const r of results) {
        if (!r.available) continue;
        log(`${latency} ms · ${r.name}`);
        const op = OPERATIONS.find((o) => o.name === r.name)!;
        r.byLatency[String(latency)] = await measureOperation(op, fx, clients, {
          sim,
          gatewayPid: children.gateway.pid,
          unbatchedPid: children.unbatched.pid,
          proxyPid: children.proxy.pid,
          baselinePid: children.baseline?.pid,
        });
      }
    }
    const memory = { gateway: memoryOf(children.gateway.pid), unbatched: memoryOf(children.unbatched.pid) };
    const targets = evaluateTargets(results, settings);
    const table = markdown(results, targets, settings);
    console.log(table);

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(`${ROOT}bench/results`, { recursive: true });
    const file = `${ROOT}bench/results/${stamp}.json`;
    writeFileSync(file, JSON.stringify({ settings, fixtures: fx, memoryAtEnd: memory, targets, results }, null, 2));
    writeFileSync(
      `${ROOT}bench/RESULTS.md`,
      `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (bench/README.md says how to read ` +
        `and rerun it). Raw figures: bench/results/${stamp}.json (not committed).\n\n${table}\n`,
    );
    log(`raw figures: ${file}`);
    await Promise.all([clients.gateway.close(), clients.unbatched.close(), clients.proxy.close(), clients.baseline?.close(), reportOn.close(), reportOff.close(), pool.close()]);
    // BENCH_STRICT=1: a missed target fails the run (for CI); by default the table is the result.
    if (env.BENCH_STRICT === '1' && !targets.every((t) => t.pass)) process.exitCode = 1;
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
