/**
 * Bounded soak: `npm run soak`. Starts the simulator and the gateway on loopback (nothing else is ever called), sends
 * mixed load for a fixed time (SOAK_SECONDS, default 180) with SOAK_CONCURRENCY clients (default 8), and prints
 * the process memory after a warm-up and at the end, both after a forced GC. Load: dashboards, lookups by id, jobs,
 * connections, cached repeats, mutations, a second user, unknown tokens, malformed requests, and upstream faults
 * (503s, resets, slow answers). Gateway, simulator and load run in this one process; the simulator's request log is
 * cleared as it goes so it does not count as growth.
 */
import { loadConfig } from '../src/config.js';
import { startGateway } from '../src/server/gateway.js';
import { DEMO_TOKEN, startSimulator } from '../src/simulator/index.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 180);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 8);
const warmupSeconds = Math.min(15, Math.max(1, Math.floor(seconds / 10)));
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new Error('SOAK_SECONDS must be 1–3600');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('Run with node --expose-gc (npm run soak does) for comparable memory numbers.');

const OTHER = '0ther'.padEnd(64, '0');
const sim = await startSimulator({ host: '127.0.0.1', quiet: true, workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 40 } } });
const config = loadConfig({
  PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: sim.url, LOG_LEVEL: 'silent',
  RESPONSE_CACHE: 'memory', RESPONSE_CACHE_TTL_MS: '2000',
  WORKATO_RATE_LIMIT: process.env.SOAK_RATE_LIMIT ?? 'off', WORKATO_TIMEOUT_MS: '2000', WORKATO_RETRY_BASE_MS: '20',
  COMPILED_EXECUTION: process.env.COMPILED_EXECUTION ?? 'on',
});
const gateway = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });

const recipeIds: string[] = ((await (await fetch(`${sim.url}/recipes?per_page=50`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } })).json()) as { items: Array<{ id: number }> }).items.map((r) => String(r.id));
let n = 0;
const pick = <T>(items: T[]): T => items[n++ % items.length]!;
let turn = 0;

type Shot = { body: string; token?: string | null; contentType?: string };
const gql = (query: string, variables?: unknown, token?: string | null): Shot => ({ body: JSON.stringify({ query, variables }), token });
const shots: Array<() => Shot> = [
  () => gql(`{ me { name } recipes(first: 25) { nodes { name running folder { name } connections { name } triggerConnector { title } } } }`),
  () => gql(`query($id: ID!) { recipe(id: $id) { name running jobs(first: 5) { nodes { handle status } } } }`, { id: pick(recipeIds) }),
  () => gql(`{ connections { nodes { name application connected } } projects { nodes { name } } }`),
  () => gql(`{ me { name } recipes(first: 10) { nodes { name } } }`, undefined, OTHER),
  () => gql(`{ recipes(first: 5, running: true) { nodes { name } } }`), // a repeat: answered from the cache
  () => gql(`mutation($id: ID!) { recipeStop(input: { id: $id }) { recipe { running } userErrors { code } } }`, { id: pick(recipeIds) }),
  () => gql(`mutation($id: ID!) { recipeStart(input: { id: $id }) { recipe { running } userErrors { code } } }`, { id: pick(recipeIds) }),
  () => gql(`{ me { name } }`, undefined, `unknown${n++}`.padEnd(64, 'x')), // many distinct callers: limiter and cache keys
  () => gql(`{ recipe(id: "not-an-id") { name } }`),
  () => ({ body: '{"query": "{ me { name }' }), // broken JSON
  () => gql(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: me { name }`).join(' ')} }`), // alias bomb
];

const outcomes = new Map<string, number>();
const latencies: number[] = [];
let sent = 0;
let stop = false;

async function client(): Promise<void> {
  while (!stop) {
    const shot = shots[turn++ % shots.length]!();
    const started = performance.now();
    let outcome: string;
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': shot.contentType ?? 'application/json',
          ...(shot.token === null ? {} : { authorization: `Bearer ${shot.token ?? DEMO_TOKEN}` }),
        },
        body: shot.body,
      });
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      outcome = `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'ok'}`;
    } catch (error) {
      outcome = `no answer: ${(error as Error).message}`;
    }
    latencies.push(performance.now() - started);
    if (latencies.length > 50_000) latencies.splice(0, 25_000);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    sent++;
  }
}

/** Upstream weather: a few 503s, a reset, a slow answer, every second; the simulator's log is dropped as we go. */
const weather = setInterval(() => {
  sim.inject({ status: 503, rate: 0.05, times: 20 });
  sim.inject({ route: 'GET /api/connections', reset: 'mid-body' });
  sim.inject({ route: 'GET /api/projects', delayMs: 300 });
  sim.resetCounts();
}, 1000);

function memory(): Record<string, string> {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB`;
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
}

console.log(`Soak: ${seconds} s, ${concurrency} clients, gateway ${gateway.url} (loopback), simulator ${sim.url}`);
const clients = Array.from({ length: concurrency }, client);
await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
const before = memory();
const sentBefore = sent;
console.log(`after ${warmupSeconds} s warm-up (${sentBefore} requests):`, before);
await new Promise((r) => setTimeout(r, (seconds - warmupSeconds) * 1000));
stop = true;
await Promise.all(clients);
clearInterval(weather);
sim.clearFaults();
await new Promise((r) => setTimeout(r, 2500)); // cache TTL and idle sockets settle
const after = memory();
console.log(`after ${seconds} s (${sent} requests, ${sent - sentBefore} since warm-up):`, after);
const sorted = [...latencies].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
console.log(`latency ms: p50 ${q(0.5)}, p95 ${q(0.95)}, p99 ${q(0.99)}; in flight at the end: ${gateway.inFlight()}`);
console.log('answers:', Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])));
await gateway.close();
await sim.close();
