/**
 * Quota windows shared by replicas through a real redis-server (workato/shared-rate-limiter.ts): two limiters, and
 * two gateways, on one Redis must together stay inside one quota; a Retry-After seen by one holds back the other;
 * with Redis gone each keeps to its share, and the shared windows take over again (knowing the calls sent
 * meanwhile) when it is back.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { SharedRateLimiter, type QuotaMode } from '../src/workato/shared-rate-limiter.js';
import { REDIS_MISSING, redisServerAvailable, startRedis, type RedisServer } from './support/redis.js';
import { startStack, type Stack } from './support/stack.js';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);
const skipped = available ? '' : ` (skipped: ${REDIS_MISSING})`;

const until = async (what: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.skipIf(!available)(`shared quota windows in Redis${skipped}`, () => {
  let redis: RedisServer;
  const connections: Redis[] = [];
  const limiters: SharedRateLimiter[] = [];
  const modes: QuotaMode[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const l of limiters) await l.close();
    for (const c of connections) c.disconnect();
    await redis?.stop();
  });

  const connect = (timeout = 200) => {
    const c = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: timeout, retryStrategy: () => 50 });
    c.on('error', () => undefined); // Redis is stopped on purpose; the gateway's own connections log at debug (server/redis.ts)
    connections.push(c);
    return c;
  };
  const limiter = async (maxWaitMs: number, probeMs = 50) => {
    const c = connect();
    await until(() => c.status === 'ready');
    const l = new SharedRateLimiter({ redis: c, maxWaitMs, enforcing: true, fallbackReplicas: 2, probeMs, heartbeatMs: 200, onModeChange: (m) => modes.push(m) });
    await l.start();
    limiters.push(l);
    return l;
  };

  it('admits no more than the limit per window over both replicas, refusing the rest with Retry-After', async () => {
    const [a, b] = [await limiter(0), await limiter(0)];
    const quota = { limit: 5, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).acquire('caller-1|recipes', quota)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, retryAfterSeconds: expect.any(Number), quota });
    expect(Math.min(...results.flatMap((r) => (r.ok ? [] : [r.retryAfterSeconds])))).toBeGreaterThanOrEqual(59);
    // Both replicas report the shared figure, not their own half.
    expect(a.usage('caller-1|recipes', quota)).toMatchObject({ used: 5, remaining: 0 });
    await b.refresh('caller-1', [{ name: 'recipes', quota }]);
    expect(b.usage('caller-1|recipes', quota)).toMatchObject({ used: 5, remaining: 0, queued: 0 });
    // Another caller's window is its own.
    expect(await a.acquire('caller-2|recipes', quota)).toEqual({ ok: true, waitMs: 0 });
  });

  it('queues calls for the shared slots: the sixth call of a 5-per-second family waits a window, on whichever replica', async () => {
    const [a, b] = [await limiter(5_000), await limiter(5_000)];
    const quota = { limit: 5, windowMs: 1_000 };
    const slots = await Promise.all(Array.from({ length: 7 }, (_, i) => (i % 2 ? a : b).acquire('caller-3|connections', quota)));
    const waits = slots.map((s) => (s.ok ? s.waitMs : -1)).sort((x, y) => x - y);
    expect(waits.slice(0, 5).every((w) => w >= 0 && w < 100)).toBe(true);
    expect(waits[5]).toBeGreaterThanOrEqual(900);
    expect(waits[6]).toBeGreaterThanOrEqual(900);
  });

  it("a Retry-After seen by one replica holds back the other's calls of that family and token", async () => {
    const [a, b] = [await limiter(100), await limiter(100)];
    const quota = { limit: 60, windowMs: 60_000 };
    a.block('caller-4|jobs', quota, Date.now() + 30_000);
    await until(async () => !(await b.acquire('caller-4|jobs', quota)).ok);
    expect(await b.acquire('caller-4|jobs', quota)).toEqual({ ok: false, retryAfterSeconds: expect.any(Number), quota });
    expect(await b.acquire('caller-4|folders', quota)).toEqual({ ok: true, waitMs: 0 });
  });

  it('keeps no token in Redis: keys are keyed hashes, and every key expires', async () => {
    const c = connect();
    await until(() => c.status === 'ready');
    const keys = await c.keys('wgw:*');
    expect(keys).toContain('wgw:q:{caller-1|recipes}');
    expect(keys).toContain('wgw:{meta}:replicas');
    const ttls = await Promise.all(keys.filter((k) => k.startsWith('wgw:q:')).map((k) => c.pttl(k)));
    expect(ttls.every((t) => t > 0)).toBe(true);
  });

  it('with Redis gone each replica keeps to its share; back, the shared window knows what was sent meanwhile', async () => {
    const [a, b] = [await limiter(0), await limiter(0)];
    expect(a.replicas()).toBeGreaterThanOrEqual(2);
    for (const l of limiters.slice(0, -2)) await l.close(); // only a and b stay registered
    await until(async () => {
      await new Promise((r) => setTimeout(r, 250));
      return a.replicas() === 2 && b.replicas() === 2;
    });
    const quota = { limit: 10, windowMs: 60_000 };
    // Before the outage, a has sent 2 calls of this window.
    expect((await a.acquire('caller-5|recipes', quota)).ok).toBe(true);
    expect((await a.acquire('caller-5|recipes', quota)).ok).toBe(true);
    modes.length = 0;
    await redis.stop();
    const fromA = await Promise.all(Array.from({ length: 8 }, () => a.acquire('caller-5|recipes', quota)));
    const fromB = await Promise.all(Array.from({ length: 8 }, () => b.acquire('caller-5|recipes', quota)));
    expect(a.mode()).toBe('fallback');
    expect(b.mode()).toBe('fallback');
    expect(modes).toEqual(['fallback', 'fallback']);
    // Share: 10 ÷ 2 replicas = 5 each, and a's 2 earlier calls count against its share.
    expect(fromA.filter((r) => r.ok)).toHaveLength(3);
    expect(fromB.filter((r) => r.ok)).toHaveLength(5);

    redis = await startRedis({ port: redis.port });
    await until(() => a.mode() === 'shared' && b.mode() === 'shared');
    expect(modes.slice(2).sort()).toEqual(['shared', 'shared']);
    // Redis came back empty (no persistence): the shared window relearns a's 2 calls before the outage and the 8
    // both sent on their shares, so the quota is spent.
    expect(await a.acquire('caller-5|recipes', quota)).toEqual({ ok: false, retryAfterSeconds: expect.any(Number), quota });
    await b.refresh('caller-5', [{ name: 'recipes', quota }]);
    expect(b.usage('caller-5|recipes', quota)).toMatchObject({ used: 10, remaining: 0 });
  });

  it('a replica that sent less than its share does not add the difference to a window the other filled', async () => {
    const [a, b] = limiters.slice(-2) as [SharedRateLimiter, SharedRateLimiter];
    await until(() => a.replicas() === 2 && b.replicas() === 2);
    const quota = { limit: 10, windowMs: 60_000 };
    for (let i = 0; i < 6; i++) expect((await a.acquire('caller-6|jobs', quota)).ok).toBe(true);
    expect((await b.acquire('caller-6|jobs', quota)).ok).toBe(true); // b last heard: 7 of 10 used, 1 of them its own
    await redis.stop();
    const fallback = await Promise.all([a, b, a, b, a, b, a, b].map((l) => l.acquire('caller-6|jobs', quota)));
    expect(a.mode()).toBe('fallback');
    // Shares of 5 each: a has sent 6, and b knows the window holds 7 — neither may send more, so 7 + 0 ≤ 10.
    // (Counting its own call alone, b would have sent 4 more: 11.)
    expect(fallback.filter((r) => r.ok)).toHaveLength(0);
    redis = await startRedis({ port: redis.port });
    await until(() => a.mode() === 'shared' && b.mode() === 'shared');
  });

  it('a reply that arrived while the event loop was busy beats the deadline: no fallback beside a healthy Redis', async () => {
    const c = connect(2_000);
    await until(() => c.status === 'ready');
    const l = new SharedRateLimiter({ redis: c, deadlineMs: 10, maxWaitMs: 0, enforcing: true, fallbackReplicas: 2, heartbeatMs: 60_000 });
    await l.start();
    limiters.push(l);
    for (let i = 0; i < 5; i++) {
      const slot = l.acquire('caller-busy|recipes', { limit: 60, windowMs: 60_000 });
      // 30 ms of work on the loop right after the call: Redis has answered long before the loop reads it.
      const end = performance.now() + 30;
      while (performance.now() < end);
      expect((await slot).ok).toBe(true);
    }
    expect(l.mode()).toBe('shared');
  });

  it('calls one replica sends on its share while Redis is only slow still reach the shared window the others use', async () => {
    for (const l of limiters) await l.close();
    // a asks whether Redis is back only every 10 s: b's calls below come while a is still on its share.
    const [a, b] = [await limiter(0, 10_000), await limiter(0)];
    await until(() => a.replicas() === 2 && b.replicas() === 2);
    const quota = { limit: 10, windowMs: 60_000 };
    expect((await a.acquire('caller-7|jobs', quota)).ok).toBe(true);
    expect((await a.acquire('caller-7|jobs', quota)).ok).toBe(true);
    // Redis holds every command for longer than the limiters' deadline (200 ms): a falls back, and sends 3 more on
    // its share of 5.
    const admin = connect(2_000);
    await until(() => admin.status === 'ready');
    await admin.call('CLIENT', 'PAUSE', '600', 'ALL');
    // The first call's check misses the deadline (its reservation reaches Redis late); the next two go straight to
    // the share, and only their unawaited copies tell Redis.
    const slow = [];
    for (let i = 0; i < 3; i++) slow.push(await a.acquire('caller-7|jobs', quota));
    expect(a.mode()).toBe('fallback');
    expect(slow.filter((r) => r.ok)).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 700)); // the pause is over; a is still on its share
    expect(a.mode()).toBe('fallback');
    // b never left the shared window, and it counts a's 5 calls (the late reservation once more, on the safe side):
    // at most 5 of 10 left for b, where counting only what a checked in Redis would have left it 7.
    const fromB = await Promise.all(Array.from({ length: 10 }, () => b.acquire('caller-7|jobs', quota)));
    expect(fromB.filter((r) => r.ok).length).toBeLessThanOrEqual(5);
    expect(fromB.filter((r) => r.ok).length).toBeGreaterThanOrEqual(4);
  });

  it('back from a Redis that restarted empty, the first replica keeps to its share until the other gave back its calls', async () => {
    for (const l of limiters) await l.close();
    // b asks whether Redis is back only every 1.5 s: a is back long before b has given back its calls.
    const [a, b] = [await limiter(0), await limiter(0, 1_500)];
    await until(() => a.replicas() === 2 && b.replicas() === 2);
    const quota = { limit: 10, windowMs: 60_000 };
    for (let i = 0; i < 5; i++) expect((await a.acquire('caller-8|jobs', quota)).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect((await b.acquire('caller-8|jobs', quota)).ok).toBe(true);
    await redis.stop();
    await until(() => a.mode() === 'fallback' && b.mode() === 'fallback'); // their heartbeats fail
    redis = await startRedis({ port: redis.port });
    const c = connect();
    await until(() => c.status === 'ready');
    // a has given back its 5 calls; the window Redis holds has room for 5 more, which b already sent.
    await until(async () => Number(await c.zcard('wgw:q:{caller-8|jobs}')) === 5);
    expect(b.mode()).toBe('fallback');
    expect(a.mode()).toBe('fallback');
    // Refused by its share (10 ÷ 2), which the refusal names.
    expect(await a.acquire('caller-8|jobs', quota)).toEqual({ ok: false, retryAfterSeconds: expect.any(Number), quota: { limit: 5, windowMs: 60_000 } });
    await until(() => a.mode() === 'shared' && b.mode() === 'shared', 5_000);
    expect(await a.acquire('caller-8|jobs', quota)).toEqual({ ok: false, retryAfterSeconds: expect.any(Number), quota });
    expect(Number(await c.zcard('wgw:q:{caller-8|jobs}'))).toBe(10);
  });
});

describe.skipIf(!available)(`two gateways sharing a token and one Redis${skipped}`, () => {
  let redis: RedisServer;
  let a: Stack;
  let b: Gateway;
  const env = (url: string) => ({
    REDIS_URL: url,
    TOKEN_HASH_KEY: 'q'.repeat(40),
    WORKATO_RATE_LIMIT: 'on',
    WORKATO_RATE_LIMIT_MAX_WAIT_MS: '200',
    QUOTA_REDIS_DEADLINE_MS: '200', // a loaded test machine; the default is 10 ms
  });

  beforeAll(async () => {
    redis = await startRedis();
    a = await startStack({ env: env(redis.url), simulator: { rateLimits: true, workspaces: { [DEMO_TOKEN]: { recipes: 80 } } } });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: a.sim.url, LOG_LEVEL: 'silent', WORKATO_RETRIES: '0', ...env(redis.url) });
    b = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const on = async (gateway: Gateway, query: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, any> }> };
  };

  it('together send Workato no more than one quota: data or RATE_LIMITED with retryAfter, and no 429 from Workato', async () => {
    // 70 different recipes (identical reads in flight would share one call), one listing spent to find them.
    const ids: string[] = (await a.gql(`{ recipes(first: 70) { nodes { workatoId } } }`)).recipes.nodes.map((n: { workatoId: string }) => n.workatoId);
    expect(ids).toHaveLength(70);
    const outcomes: string[] = [];
    for (let round = 0; round < 7; round++) {
      const batch = await Promise.all(
        ids.slice(round * 10, round * 10 + 10).map((id, i) => on(i % 2 ? a.gateway : b, `{ recipe(id: "${id}") { name } }`)),
      );
      for (const r of batch) {
        if (r.data?.recipe?.name) outcomes.push('data');
        else {
          expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
          outcomes.push('RATE_LIMITED');
        }
      }
    }
    expect(outcomes.filter((o) => o === 'data')).toHaveLength(59);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(11);
    expect(a.sim.log().filter((e) => e.status === 429)).toEqual([]);
    // Either replica's workatoQuota reads the shared window.
    const quota = await on(b, `{ workatoQuota { families { family used remaining } } }`);
    expect(quota.data.workatoQuota.families.find((f: { family: string }) => f.family === 'recipes')).toEqual({ family: 'recipes', used: 60, remaining: 0 });
  });

  it('reports the shared windows in /readyz and /metrics, and keeps answering on its share when Redis goes away', async () => {
    expect(await (await fetch(`${b.origin}/readyz`)).json()).toEqual({ status: 'ready', checks: { quotas: 'shared' } });
    expect(await (await fetch(`${b.origin}/metrics`)).text()).toMatch(/^workato_quota_shared 1$/m);
    await redis.stop();
    const r = await on(b, `{ me { name } }`);
    expect(r.data?.me?.name).toBeTruthy();
    const ready = await fetch(`${b.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { quotas: 'fallback' } });
    const metrics = await (await fetch(`${b.origin}/metrics`)).text();
    expect(metrics).toMatch(/^workato_quota_shared 0$/m);
    expect(metrics).toMatch(/^workato_quota_fallbacks_total 1$/m);
  });
});
