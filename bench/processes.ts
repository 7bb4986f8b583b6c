/**
 * The simulator and the gateways run as child processes of the benchmark, so their CPU and memory are their own:
 * the load generator (this process) never shares a heap or an event loop with the gateway it measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The node flags the gateway ships with: those of `npm start` (package.json, the same as the Dockerfile's CMD), so
 * the benchmark measures the gateway as it runs in production, V8 heap settings included.
 */
export function shippedNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const match = /^node\s+(.*?)\s*dist\/main\.js$/.exec(start.trim());
  if (!match) throw new Error(`package.json "start" is not \`node [flags] dist/main.js\`: ${start}`);
  return match[1] ? match[1].split(/\s+/) : [];
}

/** Children still running: killed when the benchmark exits, however it exits (Ctrl-C, a timeout, a crash). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The URL the child printed when it became ready. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `node args…` in `cwd` (the repository root unless another checkout is measured) and waits for a line
 * matching `ready` (its first group is the URL). The child's output is kept for the error message if it exits before
 * that.
 */
export function startChild(name: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 60_000, cwd = ROOT): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready in ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- ${name} output ---\n${output.slice(-4000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      // Keep draining the pipes so a chatty child never blocks on a full pipe.
      child.stdout!.on('data', () => undefined);
      resolve({ name, process: child, pid: child.pid!, url: match[1]!, stop: () => stopChild(child) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => fail(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
    child.once('error', fail);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface Memory {
  /** Resident set size now, in bytes. */
  rss: number;
  /** Highest resident set size since the process started ("high water mark"), in bytes. */
  hwm: number;
}

/** Linux: VmRSS and VmHWM from /proc/<pid>/status; undefined elsewhere or once the process is gone. */
export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const memory = { rss: kb('VmRSS'), hwm: kb('VmHWM') };
    return Number.isFinite(memory.rss) ? memory : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time a process has used so far (user + system), in ms; Linux only (/proc/<pid>/stat, 100 ticks/s). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Samples a child's memory every `everyMs` until stopped; returns the highest RSS seen. */
export function sampleMemory(pid: number, everyMs = 20): { stop(): number } {
  let peak = memoryOf(pid)?.rss ?? 0;
  const timer = setInterval(() => {
    const m = memoryOf(pid);
    if (m && m.rss > peak) peak = m.rss;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, memoryOf(pid)?.rss ?? 0);
    },
  };
}

/** Runs a benchmark script's `main`: exit 0 when it resolves, print the error and exit 1 when it fails. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The simulator as bench:steady and bench:instructions use it: its own process, 296 generated recipes, 0 ms latency. */
export function startQuietSimulator(token: string): Promise<Child> {
  return startChild('simulator', ['--import', 'tsx', 'src/simulator/main.ts'], {
    SIMULATOR_PORT: '0',
    SIMULATOR_TOKEN: token,
    SIMULATOR_RECIPES: '296',
    SIMULATOR_LATENCY_MS: '0',
  }, /API root\s*:\s*(http:\/\/\S+)/);
}
