/**
 * `npm run bench:instructions`: the CPU work of an operation as instructions, counted by valgrind's callgrind.
 *
 * CPU time on a shared virtual machine moves by tens of percent between runs of the same build (bench/README,
 * "Reading the results"); an instruction count does not: the same build, inputs and warm-up give the same count
 * within about a percent, whatever else the machine is doing. So a change of a few percent, invisible in
 * `npm run bench`, shows here. For each operation (BENCH_OPERATIONS; reads only) the gateway as built and the
 * baseline (BENCH_BASELINE_REF, bench/baseline.ts) each run under callgrind, one request at a time at 0 ms upstream
 * latency: BENCH_INSTRUCTIONS_WARMUP (300) requests, then the counters are zeroed, BENCH_INSTRUCTIONS_N (200)
 * requests, and the counters are read. Printed per request: the main thread's instructions (JavaScript, GC, I/O — what
 * a request waits for) and all threads' (V8 compiles optimized code on helper threads).
 *
 * Not a target, and not time: a cache miss costs the same as an instruction here. Under valgrind a request takes
 * about two hundred times longer, so after the same warm-up more code is still unoptimized than in a real run; compare
 * the two builds of one run with each other, not with milliseconds. Needs valgrind (`apt-get install valgrind`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env } from 'node:process';
import { DEFAULT_BASELINE_REF, prepareBaseline } from './baseline.js';
import { loadFixtures } from './fixtures.js';
import { GraphQLClient } from './measure.js';
import { readOperations, type Fixtures, type Operation } from './operations.js';
import { ROOT, runScript, shippedNodeFlags, startQuietSimulator } from './processes.js';
import { RestClient, restPool } from './rest.js';
import { SimulatorControl } from './simulator.js';

const warmup = Number(env.BENCH_INSTRUCTIONS_WARMUP ?? 300);
const measured = Number(env.BENCH_INSTRUCTIONS_N ?? 200);
const log = (message: string) => console.error(`[bench:instructions] ${message}`);
// valgrind names its control pipes after $HOST, which the gateway reads as its listen address: callgrind_control
// must see the same value to find them.
const HOST = '127.0.0.1';

interface Counted {
  /** Instructions per request, every thread. */
  all: number;
  /** Instructions per request on the main thread. */
  main: number;
}

interface Build {
  name: string;
  entry: string;
  cwd: string;
}

/** Gateways under valgrind still running: killed when this process exits, however it exits (an idle one still polls). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A gateway under callgrind; resolves once it prints its GraphiQL URL (start-up takes half a minute or more). */
function startUnderCallgrind(build: Build, outFile: string, gatewayEnv: Record<string, string>): Promise<{ pid: number; url: string; kill(): void }> {
  const args = ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${outFile}`, '--dump-instr=no', process.execPath, ...shippedNodeFlags(), build.entry];
  const child = spawn('valgrind', args, { cwd: build.cwd, env: { ...process.env, ...gatewayEnv, HOST }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${build.name} did not start under valgrind in 5 minutes:\n${output.slice(-2000)}`));
    }, 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.on('data', () => undefined);
      resolve({ pid: child.pid!, url: match[1]!, kill: () => child.kill('SIGKILL') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${build.name} exited (${code}) under valgrind:\n${output.slice(-2000)}`));
    });
  });
}

const control = (command: '-z' | '-d', pid: number) =>
  execFileSync('callgrind_control', [command, String(pid)], { env: { ...process.env, HOST }, stdio: ['ignore', 'pipe', 'pipe'] });

/** Instructions in a dump: all threads (`summary:`), and those of threads other than the main one (`start_thread`). */
function countsOf(file: string): { all: number; helpers: number } | undefined {
  const summary = /^summary: (\d+)/m.exec(readFileSync(file, 'utf8'));
  if (!summary) return undefined;
  const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const helpers = /^\s*([\d,]+) \([^)]*\)\s+\S*:start_thread /m.exec(annotated);
  return { all: Number(summary[1]), helpers: helpers ? Number(helpers[1]!.replace(/,/g, '')) : 0 };
}

async function count(build: Build, op: Operation, fx: Fixtures, gatewayEnv: Record<string, string>, token: string, dir: string): Promise<Counted> {
  const outFile = join(dir, `${build.name.replace(/\W+/g, '-')}.${op.name}.out`);
  const gateway = await startUnderCallgrind(build, outFile, gatewayEnv);
  const client = new GraphQLClient(gateway.url, { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` });
  try {
    log(`${op.name} · ${build.name}: ${warmup} requests of warm-up, then ${measured} counted`);
    for (let i = 0; i < warmup; i++) await client.post(op.query, op.variables(fx, i));
    // valgrind acts on a command when the process next runs: the first counted request, and the wake-ups below.
    control('-z', gateway.pid);
    for (let i = 0; i < measured; i++) {
      const result = await client.post(op.query, op.variables(fx, i));
      if (result.errors?.length) throw new Error(`${build.name}: ${result.errors[0]!.message}`);
    }
    control('-d', gateway.pid);
    const prefix = `${outFile.split('/').pop()!}.`;
    for (let tries = 0; tries < 200; tries++) {
      await fetch(new URL('/healthz', gateway.url)).then((r) => r.arrayBuffer(), () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const dump = readdirSync(dir).find((f) => f.startsWith(prefix));
      const counts = dump ? countsOf(join(dir, dump)) : undefined;
      if (counts) return { all: counts.all / measured, main: (counts.all - counts.helpers) / measured };
    }
    throw new Error(`${build.name}: callgrind wrote no dump`);
  } finally {
    gateway.kill();
    await client.close();
  }
}

async function main(): Promise<void> {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('bench:instructions needs valgrind (Debian: apt-get install valgrind)');
  }
  const operations = readOperations('bench:instructions', env.BENCH_OPERATIONS, ['me', 'recipes', 'recipes-relations', 'recipe-jobs']);
  const token = randomBytes(32).toString('hex');
  const sim = await startQuietSimulator(token);
  const baseline = prepareBaseline(env.BENCH_BASELINE_REF ?? DEFAULT_BASELINE_REF, log);
  const dir = mkdtempSync(join(tmpdir(), 'bench-instructions-'));
  try {
    await new SimulatorControl(new URL(sim.url).origin).setLatency(0);
    const fx = await loadFixtures(new RestClient(restPool(new URL(sim.url).origin), new URL(sim.url).pathname, token), 1);
    const gatewayEnv = { PORT: '0', WORKATO_BASE_URL: sim.url, WORKATO_RATE_LIMIT: 'off', NODE_ENV: 'production' };
    const builds: Build[] = [
      { name: 'gateway', entry: 'dist/main.js', cwd: ROOT },
      ...(baseline ? [{ name: `baseline (${baseline.ref})`, entry: baseline.entry, cwd: baseline.dir }] : []),
    ];
    const rows: string[] = [];
    for (const op of operations) {
      const cells: Counted[] = [];
      for (const build of builds) cells.push(await count(build, op, fx, gatewayEnv, token, dir));
      const m = (n: number) => (n / 1e6).toFixed(2);
      const [gateway, base] = [cells[0]!, cells[1]];
      rows.push(
        `| ${op.title} | ${m(gateway.main)} | ${base ? `${m(base.main)} | ${(gateway.main / base.main).toFixed(2)} | ` : ''}${m(gateway.all)} |${base ? ` ${m(base.all)} |` : ''}`,
      );
    }
    const ref = baseline ? `baseline (${baseline.ref})` : '';
    console.log(
      [
        `Instructions per request in millions (valgrind callgrind), one request at a time at 0 ms upstream latency, ${measured} requests after ${warmup} of warm-up; node ${shippedNodeFlags().join(' ')}, Node ${process.version}.`,
        '',
        `| operation | gateway, main thread |${ref ? ` ${ref}, main thread | gateway / baseline |` : ''} gateway, all threads |${ref ? ` ${ref}, all threads |` : ''}`,
        `|---|---:|${ref ? '---:|---:|' : ''}---:|${ref ? '---:|' : ''}`,
        ...rows,
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    baseline?.remove();
    await sim.stop();
  }
}

runScript(main);
