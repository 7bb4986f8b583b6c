/**
 * The deployment of several replicas, on one machine (`npm run cluster`, and test/cluster.test.ts): one
 * redis-server, the Workato simulator with Workato's documented quotas switched on, gateway replicas as separate
 * processes sharing one server token (and Redis: quotas, response cache), and Hive Gateway as the router over the
 * composed supergraph, spreading requests over the replicas as a Kubernetes Service would. deploy/ describes the
 * same topology for compose and Kubernetes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { freePort, startRedis, type RedisServer } from './redis.js';
import { startRouter } from './router.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ClusterOptions {
  /** Gateway replicas (default 2). */
  replicas?: number;
  /** The router's port (default: a free one). */
  routerPort?: number;
  /** OTLP/HTTP endpoint (`…/v1/traces`'s origin) the replicas export spans to; unset: replicas do not trace. */
  otlpEndpoint?: string;
  simulator?: SimulatorOptions;
  /** More environment for every replica (README "Configuration"). */
  env?: Record<string, string>;
  /** Where the replicas' output goes (default: dropped). */
  log?: (line: string) => void;
}

export interface Replica {
  name: string;
  /** GraphQL endpoint. */
  url: string;
  origin: string;
  process: ChildProcess;
  /** Sends `signal` and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Cluster {
  /** Replaceable: a test stops Redis and starts it again on the same port. */
  redis: RedisServer;
  sim: Simulator;
  replicas: Replica[];
  /** The router's GraphQL endpoint: where clients go. */
  routerUrl: string;
  /** The key the router sends the replicas as `X-API-Key` (a server token needs client authentication). */
  apiKey: string;
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const redis = await startRedis();
  const sim = await startSimulator({ quiet: true, rateLimits: true, ...options.simulator });
  const apiKey = randomBytes(16).toString('hex');
  const shared = {
    WORKATO_BASE_URL: sim.url,
    WORKATO_API_TOKEN: sim.token,
    GATEWAY_API_KEYS: apiKey,
    REDIS_URL: redis.url,
    TOKEN_HASH_KEY: randomBytes(24).toString('hex'),
    RESPONSE_CACHE: 'redis',
    WORKATO_RATE_LIMIT: 'on',
    LOG_LEVEL: 'warn',
    ...(options.otlpEndpoint ? { OTEL_TRACING: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint } : {}),
    ...options.env,
  };
  const replicas: Replica[] = [];
  let router: Awaited<ReturnType<typeof startRouter>> | undefined;
  try {
    for (let i = 0; i < (options.replicas ?? 2); i++) replicas.push(await startReplica(`replica-${i + 1}`, shared, options, log));
    router = await startRouter({ replicas: replicas.map((r) => r.url), port: options.routerPort ?? 0, host: '127.0.0.1', headers: { 'x-api-key': apiKey } });
  } catch (error) {
    for (const r of replicas) await r.stop('SIGKILL');
    await sim.close();
    await redis.stop();
    throw error;
  }
  const cluster: Cluster = {
    redis,
    sim,
    replicas,
    routerUrl: router.url,
    apiKey,
    async close() {
      await router?.close();
      await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
      await sim.close();
      await cluster.redis.stop(); // the Redis of now: a test may have restarted it
    },
  };
  return cluster;
}

/** One gateway process, from the TypeScript sources (tsx), on a free port; resolves once /readyz answers 200. */
async function startReplica(name: string, env: Record<string, string>, options: ClusterOptions, log: (line: string) => void): Promise<Replica> {
  const port = await freePort();
  const preload = options.otlpEndpoint ? ['--import', './scripts/otel-setup.mjs'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', OTEL_SERVICE_NAME: `workato-graphql-gateway ${name}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) log(`[${name}] ${line}`);
    });
  }
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${origin}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url: `${origin}/graphql`,
    origin,
    process: child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
