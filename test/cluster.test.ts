/**
 * The topology of README "Running several replicas", run for real on loopback (scripts/cluster/index.ts): a
 * redis-server, the simulator enforcing Workato's documented quotas, two gateway processes sharing one server token,
 * and Hive Gateway routing over both. One token's load runs for longer than a 60/min quota window while Redis is
 * stopped and started again and a replica is stopped with SIGTERM: Workato (simulated) must never count more than
 * its quota nor answer 429, and every client must get data or RATE_LIMITED with retryAfter. Before that: one trace
 * runs from the router through a replica to the simulator, and a cache entry crosses replicas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { startCluster, type Cluster } from '../scripts/cluster/index.js';
import { registerTestTracing, startOtlpCollector, type TestTracing } from './support/otel.js';
import { REDIS_MISSING, redisServerAvailable, startRedis } from './support/redis.js';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);

const WINDOW_MS = 60_000;
const RECIPES = 300;

describe.skipIf(!available)(`several replicas behind a router${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let cluster: Cluster;
  let otlp: Awaited<ReturnType<typeof startOtlpCollector>>;
  let routerTracing: TestTracing;
  let ids: string[];
  /** What the replicas printed (LOG_LEVEL warn): a failure below quotes their errors. */
  const printed: string[] = [];
  const errorsPrinted = () => {
    const errors = printed.filter((line) => /"level":(50|60)/.test(line));
    return errors.length === 0 ? 'the replicas printed no error' : errors.slice(0, 5).join('\n');
  };

  beforeAll(async () => {
    otlp = await startOtlpCollector();
    // The router runs in this process: its spans go to an in-memory exporter, the replicas' by OTLP.
    routerTracing = registerTestTracing();
    cluster = await startCluster({
      otlpEndpoint: otlp.url,
      simulator: { workspaces: { [DEMO_TOKEN]: { recipes: RECIPES } } },
      // Spans leave the replicas at once, so the test need not wait for a batch.
      env: { OTEL_BSP_SCHEDULE_DELAY: '100' },
      log: (line) => printed.push(line),
    });
    const listed = await routed(`{ recipes(first: 100) { nodes { workatoId } } }`);
    ids = listed.body.data.recipes.nodes.map((n: { workatoId: string }) => n.workatoId);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
    await routerTracing?.close();
    await otlp?.close();
  });

  const routed = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(cluster.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> } };
  };
  const direct = async (replica: number, query: string) => {
    const response = await fetch(cluster.replicas[replica]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': cluster.apiKey },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
  const quotaMode = async (replica: number) =>
    ((await (await fetch(`${cluster.replicas[replica]!.origin}/readyz`)).json()) as { checks: { quotas: string } }).checks.quotas;

  it('carries one trace from the router through a replica to Workato', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    cluster.sim.resetCounts();
    const r = await routed(`{ me { name } }`, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(r.body.data?.me?.name).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const upstream = cluster.sim.log().filter((e) => e.route === 'GET /api/users/me');
    expect(upstream).toHaveLength(1);
    const [, upstreamTrace, upstreamParent] = upstream[0]!.traceparent!.split('-');
    expect(upstreamTrace).toBe(traceId);
    // The replica's spans arrive by OTLP: the call span the simulator saw as its parent, under the execution span,
    // under the router's span for its subgraph request, which is under the client's parent.
    const deadline = Date.now() + 10_000;
    while (!otlp.spans().some((s) => s.spanId === upstreamParent) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const byId = new Map(otlp.spans().filter((s) => s.traceId === traceId).map((s) => [s.spanId, s]));
    const call = byId.get(upstreamParent!);
    expect(call?.name).toBe('workato GET users');
    const execution = byId.get(call!.parentSpanId!);
    expect(execution?.name).toMatch(/^graphql\.execute/);
    expect(execution?.service).toMatch(/^workato-graphql-gateway replica-/);
    // …whose parent is one of the router's spans, which descend from the client's span.
    const routerSpans = new Map(routerTracing.spansOf(traceId).map((s) => [s.spanContext().spanId, s]));
    let hop = routerSpans.get(execution!.parentSpanId!);
    expect(hop).toBeDefined();
    while (hop?.parentSpanContext && routerSpans.has(hop.parentSpanContext.spanId)) hop = routerSpans.get(hop.parentSpanContext.spanId);
    expect(hop?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('serves on one replica what the other cached, and a mutation through one evicts it for the other', async () => {
    const RECIPE = `{ recipe(id: "${ids[0]}") { name running } }`;
    const first = await direct(0, RECIPE);
    expect(first.data?.recipe?.running).toBe(true);
    cluster.sim.resetCounts();
    expect((await direct(1, RECIPE)).data).toEqual(first.data);
    expect(cluster.sim.total()).toBe(0);
    const stopped = await direct(1, `mutation { recipeStop(input: { id: "${ids[0]}" }) { recipe { running } userErrors { message } } }`);
    expect(stopped.data?.recipeStop?.recipe?.running).toBe(false);
    expect((await direct(0, RECIPE)).data?.recipe?.running).toBe(false);
  });

  it(
    'keeps one token inside its quota for longer than a window, through a Redis outage and a replica stopped with SIGTERM',
    async () => {
      cluster.sim.resetCounts();
      const started = Date.now();
      const runFor = WINDOW_MS + 10_000;
      const outcomes: Array<{ at: number; outcome: string; detail?: unknown }> = [];
      const modes = new Set<string>();
      let next = 0;
      const worker = async () => {
        while (Date.now() - started < runFor) {
          const id = ids[next++ % ids.length]!;
          try {
            const r = await routed(`{ recipe(id: "${id}") { name } }`);
            const error = r.body.errors?.[0];
            if (r.body.data?.recipe?.name) outcomes.push({ at: Date.now(), outcome: 'data' });
            else if (error?.extensions?.code === 'RATE_LIMITED' && typeof error.extensions.retryAfter === 'number') outcomes.push({ at: Date.now(), outcome: 'RATE_LIMITED' });
            else outcomes.push({ at: Date.now(), outcome: 'other', detail: { status: r.status, error } });
          } catch (error) {
            outcomes.push({ at: Date.now(), outcome: 'lost', detail: String(error) });
          }
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      };
      const events = (async () => {
        const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, started + ms - Date.now())));
        // Redis away from 10 s to 20 s: each replica keeps to its share; then the shared windows again.
        await at(10_000);
        await cluster.redis.stop();
        await at(13_000);
        modes.add(await quotaMode(0));
        modes.add(await quotaMode(1));
        await at(20_000);
        cluster.redis = await startRedis({ port: cluster.redis.port });
        await at(25_000);
        modes.add(`after:${await quotaMode(0)}`);
        modes.add(`after:${await quotaMode(1)}`);
        // A replica stopped as Kubernetes stops one: SIGTERM, drain, exit 0.
        await at(32_000);
        return cluster.replicas[1]!.stop('SIGTERM');
      })();
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(await events).toBe(0);

      expect(
        outcomes.filter((o) => o.outcome === 'other' || o.outcome === 'lost').map((o) => ({ ...o, atMs: o.at - started })),
        errorsPrinted(),
      ).toEqual([]);
      expect(modes).toEqual(new Set(['fallback', 'after:shared']));
      const log = cluster.sim.log().filter((e) => e.route === 'GET /api/recipes/:id');
      // (When, counted from the start, so a failure says which phase sent them.)
      expect(cluster.sim.log().filter((e) => e.status === 429).map((e) => ({ atMs: e.startedAt - started, path: e.path }))).toEqual([]);
      // No window of a minute holds more than the documented 60 calls of the recipes family.
      const times = log.map((e) => e.startedAt).sort((a, b) => a - b);
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= WINDOW_MS) j++;
        most = Math.max(most, i - j + 1);
      }
      expect(most).toBeLessThanOrEqual(60);
      // …and the quota was used: a full window's worth, and calls again once the first window had passed.
      expect(most).toBeGreaterThanOrEqual(50);
      expect(times.some((t) => t > started + WINDOW_MS)).toBe(true);
      expect(outcomes.filter((o) => o.outcome === 'data' && o.at > started + 33_000).length).toBeGreaterThan(0);
    },
    150_000,
  );
});
