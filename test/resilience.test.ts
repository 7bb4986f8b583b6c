import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startSimulator, type SimulatorOptions } from '../src/simulator/index.js';
import { createTransport, WorkatoApi, WorkatoError } from '../src/workato/http.js';
import { startStack, type Stack } from './support/stack.js';

const OTHER = 'c'.repeat(64);
const stacks: Stack[] = [];
afterAll(async () => {
  for (const s of stacks) await s.close();
});
async function stackWith(env: Record<string, string>, simulator: SimulatorOptions = {}) {
  const s = await startStack({ env, simulator: { ...simulator } });
  stacks.push(s);
  return s;
}
const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;

describe('client-side quotas per token and endpoint family (REFERENCE §5)', () => {
  it('keeps a token inside 60 calls a minute against a simulator that enforces the limits, then answers RATE_LIMITED itself', async () => {
    const stack = await stackWith(
      { WORKATO_RATE_LIMIT: 'on', WORKATO_RATE_LIMIT_MAX_WAIT_MS: '200' },
      { rateLimits: true, workspaces: { [DEMO_TOKEN]: {}, [OTHER]: {} } },
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 62; i++) {
      const r = await stack.request(`{ recipe(id: "3307712") { name } }`);
      outcomes.push(r.data?.recipe?.name ? 'data' : code(r));
    }
    expect(outcomes.filter((o) => o === 'data')).toHaveLength(60);
    expect(outcomes.slice(60)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    const refused = await stack.request(`{ recipe(id: "3307712") { name } }`);
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.errors?.[0]?.message).toMatch(/quota for recipes calls \(60 per minute\)/);
    // Workato (simulated) never had to say 429: the gateway held the calls back.
    expect(stack.sim.log().filter((e) => e.status === 429)).toEqual([]);
    // Another family of the same token, and the same family of another token, are not affected.
    expect((await stack.gql(`{ me { name } }`)).me.name).toBeTruthy();
    expect((await stack.gql(`{ me { name } }`, {}, { token: OTHER })).me.name).toBeTruthy();
  });

  it('queues a call of a 1-per-second family for its slot instead of failing it', async () => {
    const sim = await startSimulator({ quiet: true, rateLimits: true });
    const transport = createTransport({ connections: 4, timeouts: { connectMs: 1000, headersMs: 5000, bodyMs: 5000 }, rateLimit: { maxWaitMs: 3000 } });
    const api = new WorkatoApi(transport, sim.url, sim.token);
    const write = () => api.send('POST', '/connections', { body: { name: 'x', provider: 'http' } }).catch((e: unknown) => e);
    const results = await Promise.all([write(), write()]);
    expect(results.filter((r) => r instanceof WorkatoError && r.status === 429)).toEqual([]);
    expect(sim.counts()['POST /api/connections']).toBe(2);

    const impatient = new WorkatoApi(
      createTransport({ connections: 4, timeouts: { connectMs: 1000, headersMs: 5000, bodyMs: 5000 }, rateLimit: { maxWaitMs: 100 } }),
      sim.url,
      sim.token,
    );
    await impatient.send('POST', '/connections', { body: { name: 'y', provider: 'http' } }).catch(() => undefined);
    const refused = await impatient.send('POST', '/connections', { body: { name: 'z', provider: 'http' } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'throttled', status: 429 });
    await transport.dispatcher.close();
    await sim.close();
  });
});

describe('circuit breaker per upstream origin and token', () => {
  it('stops calling a failing Workato after N failures in a row, fails fast, and closes again after a good probe', async () => {
    const stack = await stackWith({ WORKATO_BREAKER_THRESHOLD: '3', WORKATO_BREAKER_COOLDOWN_MS: '300' });
    stack.sim.inject({ status: 503, times: Infinity });
    for (let i = 0; i < 3; i++) expect(code(await stack.request(`{ me { name } }`))).toBe('UPSTREAM_ERROR');
    stack.sim.resetCounts();
    const fast = await stack.request(`{ me { name } }`);
    expect(code(fast)).toBe('UPSTREAM_UNAVAILABLE');
    expect(fast.errors?.[0]?.message).toMatch(/failed repeatedly/);
    expect(stack.sim.total()).toBe(0);
    const metrics = await (await fetch(`${stack.gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/workato_upstream_circuit_open\{origin="http:\/\/127\.0\.0\.1:\d+"\} 1/);
    expect(metrics).toMatch(/workato_upstream_refused_total\{family="users",reason="circuit_open"\} 1/);

    stack.sim.clearFaults();
    await new Promise((r) => setTimeout(r, 400));
    expect((await stack.gql(`{ me { name } }`)).me.name).toBeTruthy();
    expect((await stack.gql(`{ me { name } }`)).me.name).toBeTruthy();
  });

  it("opens only the failing token's circuit: another tenant's calls still go out", async () => {
    const stack = await stackWith({ WORKATO_BREAKER_THRESHOLD: '3', WORKATO_BREAKER_COOLDOWN_MS: '30000' }, { workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 2 } } });
    stack.sim.inject({ route: 'GET /api/recipes/:recipe_id/jobs', status: 500, times: 3 });
    // One request of one tenant: three jobs lists fail, and its circuit opens.
    await stack.request(`{ recipes(first: 3) { nodes { jobs(first: 1) { nodes { id } } } } }`);
    expect(code(await stack.request(`{ me { name } }`))).toBe('UPSTREAM_UNAVAILABLE');
    const other = await stack.request(`{ me { name } }`, {}, { token: OTHER });
    expect(other.errors).toBeUndefined();
    expect(other.data?.me?.name).toBeTruthy();
  });
});

describe('concurrency cap per GraphQL request', () => {
  it('never has more upstream calls of one request in flight than WORKATO_MAX_CONCURRENCY', async () => {
    const stack = await stackWith({ WORKATO_MAX_CONCURRENCY: '3' });
    stack.sim.setLatency(30);
    stack.sim.resetCounts();
    const data = await stack.gql(`{ recipes(first: 12) { nodes { name jobs(first: 1) { nodes { handle } } } } }`);
    stack.sim.setLatency(0);
    expect(data.recipes.nodes).toHaveLength(12);
    expect(stack.sim.counts()['GET /api/recipes/:recipe_id/jobs']).toBe(12);
    expect(stack.sim.maxInFlight()).toBeLessThanOrEqual(3);
  });
});
