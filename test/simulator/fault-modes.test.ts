import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(() => sim.close());
beforeEach(() => sim.clearFaults());

const raw = (path: string) => fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${sim.token}` } });

describe('fault modes of the simulator', () => {
  it('sends a non-JSON error page as is', async () => {
    sim.inject({ route: 'GET /api/users/me', status: 502, rawBody: '<html><body>Bad gateway</body></html>' });
    const res = await raw('/users/me');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe('<html><body>Bad gateway</body></html>');
  });

  it('resets the connection before the headers', async () => {
    sim.inject({ route: 'GET /api/users/me', reset: 'before-headers' });
    await expect(raw('/users/me')).rejects.toThrow();
    expect((await api(sim, '/users/me')).status).toBe(200);
  });

  it('resets the connection in the middle of the body', async () => {
    sim.inject({ route: 'GET /api/recipes', reset: 'mid-body' });
    const res = await raw('/recipes');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('trickles a body out slowly, and it is complete in the end', async () => {
    sim.inject({ route: 'GET /api/users/me', slowBodyMs: 10 });
    const res = await raw('/users/me');
    expect((await res.json()).id).toBeTruthy();
  });

  it('fails a share of requests with an error rate, deterministically seeded', async () => {
    sim.inject({ route: 'GET /api/users/me', status: 503, rate: 0.5, times: Infinity });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api(sim, '/users/me')).status);
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(statuses.filter((s) => s !== 503).every((s) => s === 200)).toBe(true);
  });
});
