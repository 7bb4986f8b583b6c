import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import { createLogger } from '../src/server/logger.js';
import { DEMO_TOKEN, startSimulator, type Simulator } from '../src/simulator/index.js';

const lines: string[] = [];
let sim: Simulator;
let gateway: Gateway;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: sim.url, LOG_LEVEL: 'debug',
    WORKATO_RETRIES: '0', WORKATO_BREAKER_THRESHOLD: '1', WORKATO_BREAKER_COOLDOWN_MS: '100',
  });
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  gateway = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger });
});
afterAll(async () => {
  await gateway.close();
  await sim.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

describe('operating the gateway', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${gateway.origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.origin}/readyz`)).status).toBe(200);
  });

  it('echoes the caller\'s request id in the header and in every error, and makes one when there is none or it is unsafe', async () => {
    const mine = await post({ query: '{ recipe(id: "999999999") { name } }' }, { 'x-request-id': 'req-abc.123' });
    expect(mine.headers.get('x-request-id')).toBe('req-abc.123');
    const body = (await mine.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'req-abc.123' });
    const made = await post({ query: '{ me { nope } }' });
    const id = made.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await made.json()) as any).errors[0].extensions.requestId).toBe(id);
    const unsafe = await post({ query: '{ __typename }' }, { 'x-request-id': 'a b"c' });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics: GraphQL operations and upstream calls by family and status, no token anywhere', async () => {
    await post({ query: '{ me { name } }' });
    await post({ query: '{ me { nope } }' });
    await post({ query: '{ me { name ' });
    await post({ query: '{ recipe(id: "999999999") { name } }' });
    const text = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(text).toMatch(/graphql_envelop_request\{operationType="query"\} [2-9]/);
    expect(text).toMatch(/graphql_envelop_request_duration_bucket\{le="[^"]+",operationType="query"\} \d+/);
    expect(text).toMatch(/graphql_yoga_http_duration_count\{operationType="query",method="POST",statusCode="200"\} [2-9]/);
    for (const phase of ['parse', 'validate', 'execute']) expect(text).toMatch(new RegExp(`graphql_envelop_error_result\\{[^}]*phase="${phase}"\\} [1-9]`));
    expect(text).toMatch(/workato_upstream_request_duration_seconds_count\{family="users",method="GET",status="200"\} \d+/);
    expect(text).toMatch(/workato_upstream_request_duration_seconds_count\{family="recipes",method="GET",status="404"\} \d+/);
    expect(text).not.toContain(DEMO_TOKEN);
  });

  it('writes structured logs with the request id, and never a token', async () => {
    sim.inject({ route: 'GET /api/folders', status: 503 });
    lines.length = 0;
    await post({ query: '{ folders { nodes { name } } }' }, { 'x-request-id': 'req-breaker-1' });
    await post({ query: '{ me { nope } }' }, { 'x-request-id': 'req-mistake-1' });
    await post({ query: '{ me { name } }' }, { authorization: `Bearer ${'f'.repeat(64)}` });
    await post({ query: '{ me { name } }' }, { authorization: 'Bearer not-even-hex-but-secret', 'x-user-token': 'legacy-secret-token' });
    await new Promise((r) => setTimeout(r, 150)); // let the breaker's cooldown pass for the tests after this one
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const breaker = parsed.find((l) => String(l.msg).includes('Circuit breaker'));
    expect(breaker).toMatchObject({ level: 40, reqId: 'req-breaker-1' });
    // The error the 503 became is logged too, with the request it belongs to (request-id plugin, not yoga).
    const upstream = parsed.find((l) => String(l.msg).startsWith('UPSTREAM_ERROR'));
    expect(upstream).toMatchObject({ level: 40, reqId: 'req-breaker-1' });
    const mistake = parsed.find((l) => String(l.msg).startsWith('GRAPHQL_VALIDATION_FAILED') && String(l.msg).includes('nope'));
    expect(mistake).toMatchObject({ level: 20, reqId: 'req-mistake-1' });
    // Every line written while a request was served names it; yoga's own progress lines are not written.
    expect(parsed.filter((l) => !l.reqId)).toEqual([]);
    const all = lines.join('\n');
    for (const secret of [DEMO_TOKEN, 'f'.repeat(64), 'not-even-hex-but-secret', 'legacy-secret-token']) expect(all).not.toContain(secret);
  });

  it('drains in-flight requests on close, then refuses new ones', async () => {
    const own = await startSimulator({ quiet: true, latencyMs: 300 });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: own.url, LOG_LEVEL: 'silent' });
    const g = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });
    const inFlight = fetch(g.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${own.token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    while (g.inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    const closing = g.close();
    const response = await inFlight;
    // Its connection closes with the answer: nothing more is sent on a connection about to be closed.
    expect(response.headers.get('connection')).toBe('close');
    const answer = (await response.json()) as any;
    expect(answer.data.me.name).toBeTruthy();
    await closing;
    await expect(fetch(`${g.origin}/healthz`)).rejects.toThrow();
    expect((g.transport.dispatcher as unknown as { closed: boolean }).closed).toBe(true);
    await own.close();
  });

  const otelInstalled = (() => {
    try {
      createRequire(import.meta.url).resolve('@opentelemetry/api');
      return true;
    } catch {
      return false;
    }
  })();

  // With the package installed, test/tracing.test.ts follows the spans with the real SDK.
  it.skipIf(otelInstalled)('refuses OTEL_TRACING=true with a clear message while @opentelemetry/api is not installed', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: sim.url, LOG_LEVEL: 'silent', OTEL_TRACING: 'true' });
    await expect(startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined })).rejects.toMatchObject({
      variable: 'OTEL_TRACING',
      message: expect.stringMatching(/@opentelemetry\/api/),
    });
  });
});
