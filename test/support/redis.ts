/**
 * A real redis-server for a test: on a free loopback port, in a temp dir, no persistence; stopped by `stop()`.
 * `.ci/run` installs the Debian package. Without it, CI (CI=true) fails the test with this message; a developer's
 * machine skips it with the same message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { startGateway, type Gateway } from '../../src/server/gateway.js';
import type { Logger } from '../../src/server/logger.js';
import type { SimulatorOptions } from '../../src/simulator/index.js';
import { startStack, type Stack } from './stack.js';

export const REDIS_MISSING =
  'redis-server is not installed: the Redis response-cache tests need it (Debian: apt-get install -y redis-server; .ci/run installs it).';

export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Two replicas on one Redis: a stack (simulator + gateway A) and a second gateway B, with a Redis client to look in. */
export interface Replicas {
  redis: RedisServer;
  a: Stack;
  b: Gateway;
  client: Redis;
  /** POSTs a query to replica B as `token` (default: the simulator's first workspace token). */
  onB(query: string, token?: string): Promise<{ data?: any; errors?: any[]; extensions?: any }>;
  close(): Promise<void>;
}

export async function startReplicas(
  env: (redisUrl: string) => Record<string, string>,
  options: { simulator?: SimulatorOptions; logger?: Logger } = {},
): Promise<Replicas> {
  const redis = await startRedis();
  const a = await startStack({ env: env(redis.url), simulator: options.simulator });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: a.sim.url, LOG_LEVEL: 'silent', ...env(redis.url) });
  const b = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger: options.logger });
  const client = new Redis(redis.url);
  client.on('error', () => {}); // tests stop Redis under it
  return {
    redis,
    a,
    b,
    client,
    async onB(query, token = a.sim.token) {
      const response = await fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as never;
    },
    async close() {
      client.disconnect();
      await b.close();
      await a.close();
      await redis.stop();
    },
  };
}
