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

  it('logs a Workato failure without what Workato said, which may repeat the credentials the request sent; downloads too', async () => {
    const credential = 'Pa55-w0rd-of-the-jira-user';
    sim.inject({ route: 'POST /api/connections', status: 500, times: 1, body: { message: `Could not test connection with {"apitoken":"${credential}"}` } });
    lines.length = 0;
    const answer = (await (
      await post(
        { query: 'mutation($i: JSON) { connectionCreate(input: { name: "J", application: "jira", input: $i }) { connection { id } } }', variables: { i: { apitoken: credential } } },
        { 'x-request-id': 'req-echo-1' },
      )
    ).json()) as any;
    // The caller sees what Workato said about its own request…
    expect(answer.errors[0]).toMatchObject({ extensions: { code: 'UPSTREAM_ERROR', requestId: 'req-echo-1' } });
    expect(answer.errors[0].message).toContain(credential);
    // …the log, read by others, has the failure without it.
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.find((l) => l.reqId === 'req-echo-1' && String(l.msg).startsWith('UPSTREAM_ERROR'))).toMatchObject({
      level: 40,
      msg: 'UPSTREAM_ERROR: Workato failed with HTTP 500 on POST /connections.',
    });
    await new Promise((r) => setTimeout(r, 150)); // the breaker (threshold 1 here) opened on that 500: let it cool down
    sim.inject({ route: 'GET /api/packages/:id/download', status: 500, times: 1, body: { message: `storage said ${credential}` } });
    await fetch(`${gateway.origin}/packages/5521/download`, { headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'x-request-id': 'req-dl-1' } });
    const download = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === 'req-dl-1' && String(l.msg).startsWith('UPSTREAM'));
    expect(download).toEqual([expect.objectContaining({ level: 40, msg: 'UPSTREAM_ERROR: Workato failed with HTTP 500 on GET /packages/5521/download.' })]);
    expect(lines.join('\n')).not.toContain(credential);
  });

  it('redacts secret fields at any depth of a logged object, and tokens in URLs', () => {
    const written: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void written.push(line) });
    logger.info('created', { data: { developerApiClientCreate: { payload: { token: 'DEEP-SECRET-1' } } }, list: [{ activation_code: 'CODE-2' }] });
    logger.info('server at https://mcp.example.com/s/1?wkt_token=URL-SECRET-3&x=1');
    const text = written.join('');
    for (const secret of ['DEEP-SECRET-1', 'CODE-2', 'URL-SECRET-3']) expect(text).not.toContain(secret);
    expect(JSON.parse(written[0]!).data.developerApiClientCreate.payload.token).toBe('[redacted]');
  });

  it('never echoes a rejected variable value, not even in the reason graphql-js gives, into the answer or the log', async () => {
    lines.length = 0;
    const answer = (await (
      await post({
        query: 'mutation($i: CustomOAuthProfileCreateInput!) { customOAuthProfileCreate(input: $i) { userErrors { code } } }',
        variables: { i: { name: 'x', provider: 'hubspot', clientId: 'a', clientSecret: 918273645 } },
      })
    ).json()) as any;
    expect(answer.errors[0]).toMatchObject({
      message: 'Variable "$i" got an invalid value at "i.clientSecret"; String cannot represent a non string value.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(lines.join('\n')).not.toContain('918273645');
    const enumValue = (await (await post({ query: 'query($o: RecipeOrder) { recipes(first: 1, order: $o) { nodes { id } } }', variables: { o: 'sk_live_enum_secret' } })).json()) as any;
    expect(enumValue.errors[0].message).toBe('Variable "$o" got an invalid value; The value is not one of the "RecipeOrder" enum.');
    expect(lines.join('\n')).not.toContain('sk_live_enum_secret');
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
