import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

/** Counts open TCP sockets of this process (undici's pool, the servers' accepted connections). */
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let baseline: number;
let stack: Stack;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  baseline = sockets();
  stack = await startStack({
    env: {
      WORKATO_TIMEOUT_MS: '500',
      WORKATO_RETRIES: '1',
      WORKATO_RETRY_BASE_MS: '10',
      WORKATO_RETRY_MAX_DELAY_MS: '2000',
    },
  });
});
afterAll(() => process.off('unhandledRejection', onRejection));

const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;
const ME = `{ me { name } }`;
const meCalls = () => stack.sim.counts()['GET /api/users/me'] ?? 0;

async function once(fault: Parameters<Stack['sim']['inject']>[0]) {
  stack.sim.clearFaults();
  stack.sim.resetCounts();
  stack.sim.inject({ route: 'GET /api/users/me', ...fault });
  return stack.request(ME);
}

describe('each simulator fault mode gets the right error code, and the gateway keeps serving', () => {
  it('added latency past the timeout: UPSTREAM_TIMEOUT, not retried', async () => {
    const r = await once({ delayMs: 1500 });
    expect(code(r)).toBe('UPSTREAM_TIMEOUT');
    expect(meCalls()).toBe(1);
  });

  it('a slow body that trickles past the deadline: UPSTREAM_TIMEOUT', async () => {
    const r = await once({ slowBodyMs: 200 });
    expect(code(r)).toBe('UPSTREAM_TIMEOUT');
  });

  it('an error rate: every answer is the data or UPSTREAM_ERROR, nothing else', async () => {
    stack.sim.clearFaults();
    stack.sim.inject({ route: 'GET /api/users/me', status: 500, rate: 0.5, times: Infinity });
    const results = await Promise.all(Array.from({ length: 30 }, () => stack.request(ME)));
    stack.sim.clearFaults();
    const outcomes = new Set(results.map((r) => (r.data?.me?.name ? 'data' : code(r))));
    expect([...outcomes].sort()).toEqual(['UPSTREAM_ERROR', 'data']);
  });

  it('429 with a short Retry-After is waited out and retried once', async () => {
    const r = await once({ status: 429, headers: { 'retry-after': '1' } });
    expect(r.errors).toBeUndefined();
    expect(meCalls()).toBe(2);
  });

  it('429 with a Retry-After longer than we may wait: RATE_LIMITED with retryAfter, no retry', async () => {
    const r = await once({ status: 429, headers: { 'retry-after': '30' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 30 });
    expect(meCalls()).toBe(1);
  });

  it('a connection reset mid-body is retried; a second one is UPSTREAM_UNAVAILABLE', async () => {
    expect((await once({ reset: 'mid-body' })).errors).toBeUndefined();
    expect(meCalls()).toBe(2);
    const r = await once({ reset: 'mid-body', times: 2 });
    expect(code(r)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('a reset before any header: retried, then UPSTREAM_UNAVAILABLE', async () => {
    expect((await once({ reset: 'before-headers' })).errors).toBeUndefined();
    const r = await once({ reset: 'before-headers', times: 2 });
    expect(code(r)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('a non-JSON 502 page: retried, then UPSTREAM_ERROR naming the status', async () => {
    expect((await once({ status: 502, rawBody: '<html><body>Bad gateway</body></html>' })).errors).toBeUndefined();
    const r = await once({ status: 502, rawBody: '<html><body>Bad gateway</body></html>', times: 2 });
    expect(code(r)).toBe('UPSTREAM_ERROR');
    expect(r.errors?.[0]?.message).toMatch(/502/);
    expect(meCalls()).toBe(2);
  });

  it('a write whose connection breaks after it was sent: UPSTREAM_UNAVAILABLE, writeOutcome UNKNOWN, check before retrying', async () => {
    const CREATE = `mutation($name: String!) { developerApiClientCreate(input: { name: $name, roleId: "26779", allFolders: true }) { developerApiClient { id } userErrors { code } } }`;
    const names = async () => (await stack.gql(`{ developerApiClients(first: 100) { nodes { name } } }`)).developerApiClients.nodes.map((n: { name: string }) => n.name);
    for (const reset of ['mid-body', 'before-headers'] as const) {
      stack.sim.clearFaults();
      stack.sim.resetCounts();
      stack.sim.inject({ route: 'POST /api/developer_api_clients', reset });
      const name = `Broken ${reset}`;
      const r = await stack.request(CREATE, { name });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', writeOutcome: 'UNKNOWN' });
      expect(r.errors?.[0]?.message).toMatch(/may have applied this change: check whether it did .* before retrying/);
      expect(r.errors?.[0]?.message).not.toMatch(/Try again later/);
      expect(stack.sim.counts()['POST /api/developer_api_clients']).toBe(1);
      // It was applied: following "try again later" would have made a second client.
      expect(await names()).toContain(name);
    }
    // A write past its deadline may have been applied too.
    stack.sim.clearFaults();
    stack.sim.inject({ route: 'POST /api/developer_api_clients', delayMs: 1500 });
    const late = await stack.request(CREATE, { name: 'Late' });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' });
    // A read that breaks the same way is only unavailable: no outcome to report.
    const read = await once({ reset: 'mid-body', times: 2 });
    expect(read.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(read.errors?.[0]?.extensions).not.toHaveProperty('writeOutcome');
    stack.sim.clearFaults();
  });

  it('never retries a mutation, whatever the failure', async () => {
    stack.sim.clearFaults();
    stack.sim.resetCounts();
    stack.sim.inject({ route: 'PUT /api/recipes/:id/stop', status: 503, times: 5 });
    const r = await stack.request(`mutation { recipeStop(input: { id: "3307712" }) { recipe { id } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(stack.sim.counts()['PUT /api/recipes/:id/stop']).toBe(1);
    stack.sim.clearFaults();
  });

  it('still answers normally afterwards, with no unhandled rejection and no leaked socket', async () => {
    stack.sim.clearFaults();
    expect((await stack.gql(`{ me { name } recipes(first: 3) { nodes { name } } }`)).me.name).toBeTruthy();
    await stack.close();
    for (let i = 0; i < 100 && sockets() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sockets()).toBe(baseline);
    expect(rejections).toEqual([]);
  });
});
