import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.setLatency(0);
  sim.resetCounts();
});

describe('fault injection', () => {
  it('500 with the documented body, consumed once', async () => {
    sim.inject({ route: 'GET /api/recipes/:id', status: 500 });
    const r = await api(sim, '/recipes/3307712');
    expect(r.status).toBe(500);
    expect(r.body.message).toBe('Server error');
    expect(r.body.id).toMatch(/^[a-z0-9]{10,}$/);
    expect((await api(sim, '/recipes/3307712')).status).toBe(200);
  });

  it('only matches its route; `times` and custom bodies/headers', async () => {
    sim.inject({ route: 'GET /api/connections', status: 429, headers: { 'retry-after': '2' }, times: 2 });
    expect((await api(sim, '/users/me')).status).toBe(200);
    const r1 = await api(sim, '/connections');
    expect(r1.status).toBe(429);
    expect(r1.headers.get('retry-after')).toBe('2');
    expect(r1.body).toHaveProperty('message');
    expect((await api(sim, '/connections')).status).toBe(429);
    expect((await api(sim, '/connections')).status).toBe(200);

    sim.inject({ status: 503, body: { error: 'maintenance' }, times: Infinity });
    expect((await api(sim, '/folders')).body).toEqual({ error: 'maintenance' });
    expect((await api(sim, '/projects')).status).toBe(503);
    sim.clearFaults();
    expect((await api(sim, '/projects')).status).toBe(200);

    sim.inject({ status: 429 });
    expect((await api(sim, '/projects')).headers.get('retry-after')).toBe('1');
  });

  it('delayMs hangs (clients time out) and then answers normally when no status is given', async () => {
    sim.inject({ route: 'GET /api/users/me', delayMs: 400 });
    await expect(api(sim, '/users/me', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    sim.inject({ route: 'GET /api/users/me', delayMs: 120 });
    const t0 = Date.now();
    const r = await api(sim, '/users/me');
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    // The abandoned request is still in flight on the server; wait until it has been answered and logged.
    while (sim.log().length < 2) await new Promise((r) => setTimeout(r, 20));
    expect(sim.log().map((e) => e.status)).toEqual([200, 200]);
  });
});

describe('counters, latency, maxInFlight, log', () => {
  it('counts by route key, including 404s and unauthenticated calls', async () => {
    await api(sim, '/recipes');
    await api(sim, '/recipes/3307712');
    await api(sim, '/recipes/3307698');
    await api(sim, '/recipes/3307712/jobs/j-AXk9Yb71-Qm3rT8');
    await api(sim, '/recipes/3307712/versions/99120');
    await api(sim, '/integrations/all');
    await api(sim, '/users/me', { token: null });
    await api(sim, '/nope');
    expect(sim.counts()).toEqual({
      'GET /api/recipes': 1,
      'GET /api/recipes/:id': 2,
      'GET /api/recipes/:recipe_id/jobs/:job_handle': 1,
      'GET /api/recipes/:recipe_id/versions/:id': 1,
      'GET /api/integrations/all': 1,
      'GET /api/users/me': 1,
      'GET (unmatched)': 1,
    });
    expect(sim.total()).toBe(8);
    const log = sim.log();
    expect(log).toHaveLength(8);
    expect(log[1]).toMatchObject({ method: 'GET', route: 'GET /api/recipes/:id', path: '/api/recipes/3307712', status: 200, token: sim.token });
    expect(log[6]).toMatchObject({ status: 401, token: '' });
    expect(log.every((e) => e.endedAt >= e.startedAt)).toBe(true);
    sim.resetCounts();
    expect(sim.total()).toBe(0);
    expect(sim.log()).toEqual([]);
  });

  it('latency applies to every request and maxInFlight sees parallel calls', async () => {
    sim.setLatency(80);
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => api(sim, `/recipes/${[3307712, 3307698, 3307650][i % 3]}`)));
    expect(Date.now() - t0).toBeLessThan(400); // parallel, not 6 × 80
    expect(sim.maxInFlight()).toBe(6);
    sim.resetCounts();
    await api(sim, '/users/me');
    await api(sim, '/users/me');
    expect(sim.maxInFlight()).toBe(1);
    const e = sim.log()[0];
    expect(e.endedAt - e.startedAt).toBeGreaterThanOrEqual(75);
    // The latency is a response time counted from arrival: never shorter, whatever the timer's rounding.
    for (let i = 0; i < 5; i++) {
      const sent = performance.now();
      await api(sim, '/recipes?per_page=100');
      expect(performance.now() - sent).toBeGreaterThanOrEqual(80);
    }
  });

  it('GET /__simulator/stats needs no auth and is not counted', async () => {
    await api(sim, '/users/me');
    const res = await fetch(`${sim.origin}/__simulator/stats`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.counts).toEqual({ 'GET /api/users/me': 1 });
    expect(body.total).toBe(1);
    expect(sim.total()).toBe(1);
  });
});

describe('the 40 s cut-off (REFERENCE §5, §29.8), with a small cap', () => {
  let short: Simulator;
  beforeAll(async () => {
    short = await startSimulator({ quiet: true, cutOffMs: 150 });
  });
  afterAll(() => short.close());

  it('answers 504 {"message"} at the cap instead of waiting out a longer injected delay or latency', async () => {
    short.inject({ route: 'GET /api/users/me', delayMs: 5_000 });
    let t0 = performance.now();
    const cut = await api(short, '/users/me');
    let took = performance.now() - t0;
    expect(cut.status).toBe(504);
    expect(cut.body).toEqual({ message: expect.stringMatching(/0\.15 seconds/) });
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2_000);

    short.setLatency(400);
    t0 = performance.now();
    expect((await api(short, '/recipes/3307712')).status).toBe(504);
    took = performance.now() - t0;
    expect(took).toBeLessThan(380);
    short.setLatency(0);
    expect(short.log().map((e) => e.status)).toEqual([504, 504]);

    // Under the cap the answer is the normal one.
    short.inject({ route: 'GET /api/users/me', delayMs: 50 });
    expect((await api(short, '/users/me')).status).toBe(200);
  });

  it("does not cut a handler's own long poll (event-streams consume, timeout_secs up to 60 by §26)", async () => {
    const topic = (await api(short, '/event_streams/topics', { method: 'POST', body: { name: 'cutoff-probe', schema: [{ name: 'n', type: 'integer' }] } })).body.data;
    const t0 = performance.now();
    const polled = await api(short, `/v1/topics/${topic.id}/consume`, { body: { timeout_secs: 1 } });
    expect(polled.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
  });
});
