import { randomBytes } from 'node:crypto';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';
import { parentIdIn, registerTestTracing, traceparentOf, type TestTracing } from './support/otel.js';
import { EXPORT, manifest, settled } from './support/packages.js';

const DASHBOARD = `query Dashboard { me { name } recipes(first: 3) { nodes { name folder { name } } } }`;
const SERVER = 1;
const CLIENT = 2;
const ERROR = 2;

let tracing: TestTracing;
let stack: Stack;

beforeAll(async () => {
  tracing = registerTestTracing();
  // Each test reads the spans of its own request's calls: none may come from the reference cache.
  stack = await startStack({ env: { ...EACH_REQUEST_CALLS_WORKATO, OTEL_TRACING: 'true', WORKATO_RETRIES: '1', WORKATO_RETRY_BASE_MS: '1' } });
});

afterAll(async () => {
  await stack?.close();
  await tracing?.close();
});

/** POSTs an operation by name, as a router does, with extra headers (a `traceparent`). */
async function post(on: Stack, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(on.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${on.sim.token}`, ...headers },
    body: JSON.stringify({ query, operationName: /query (\w+)/.exec(query)?.[1] }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body;
}

const newTraceId = () => randomBytes(16).toString('hex');
const newSpanId = () => randomBytes(8).toString('hex');
const nanos = ([seconds, ns]: [number, number]) => BigInt(seconds) * 1_000_000_000n + BigInt(ns);
const executionOf = (spans: ReadableSpan[]) => spans.filter((s) => s.name.startsWith('graphql.execute'));
const callsOf = (spans: ReadableSpan[]) => spans.filter((s) => s.name.startsWith('workato '));

describe('OpenTelemetry spans from the router to Workato', () => {
  it("continues the caller's trace: Workato call spans are children of the execution span, a child of the incoming parent", async () => {
    const traceId = newTraceId();
    const routerSpanId = newSpanId();
    stack.sim.resetCounts();
    await post(stack, DASHBOARD, { traceparent: traceparentOf(traceId, routerSpanId), tracestate: 'router=on' });

    const spans = tracing.spansOf(traceId);
    const [execution] = executionOf(spans);
    expect(executionOf(spans)).toHaveLength(1);
    expect(execution).toMatchObject({ name: 'graphql.execute Dashboard', kind: SERVER });
    expect(execution!.parentSpanContext?.spanId).toBe(routerSpanId);

    const calls = callsOf(spans);
    const sent = stack.sim.log();
    expect(calls.length).toBe(sent.length);
    expect(calls.length).toBeGreaterThanOrEqual(3); // me, the recipe page, the folder walk
    for (const call of calls) {
      expect(call.kind).toBe(CLIENT);
      expect(call.parentSpanContext?.spanId).toBe(execution!.spanContext().spanId);
      expect(call.name).toMatch(/^workato (GET|POST|PUT|PATCH|DELETE) [a-z_]+$/); // no id, no path
      expect(call.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200, 'workato.retry.attempt': 0 });
      expect(call.attributes['workato.family']).toBe(call.name.split(' ')[2]);
      // HrTime is [seconds, nanoseconds], read as a number. The SDK clamps an end before the start to the start, so
      // the check is a real duration: a span that was clamped or never ended has none.
      expect(nanos(call.duration)).toBeGreaterThan(0n);
    }
    expect(calls.every((c) => c.spanContext().traceState?.serialize() === 'router=on')).toBe(true);
    // Each call carried its own span as the parent the simulator saw, with the caller's trace id.
    expect(sent.map((e) => e.traceparent?.split('-')[1])).toEqual(sent.map(() => traceId));
    expect(new Set(sent.map((e) => parentIdIn(e.traceparent)))).toEqual(new Set(calls.map((c) => c.spanContext().spanId)));

    // The folder walk answers every recipe's folder in one batch per level; `me` is no batch. Field paths cost a
    // run per resolver: only a request that asks for the cost report's trace has them.
    const folderKeys = calls.filter((c) => c.attributes['workato.family'] === 'folders').map((c) => c.attributes['workato.batch.keys']);
    expect(Math.max(...folderKeys.map(Number))).toBeGreaterThan(1);
    expect(calls.find((c) => c.attributes['workato.family'] === 'users')!.attributes['workato.batch.keys']).toBeUndefined();
    expect(calls.some((c) => 'graphql.field.paths' in c.attributes)).toBe(false);
  });

  it('names the fields each call served, without list indices, when the request also asks for a trace', async () => {
    const traceId = newTraceId();
    await post(stack, DASHBOARD, { traceparent: traceparentOf(traceId, newSpanId()), 'x-workato-trace': '1' });
    const calls = callsOf(tracing.spansOf(traceId));
    expect(calls.find((c) => c.attributes['workato.family'] === 'users')!.attributes['graphql.field.paths']).toEqual(['me']);
    const folderBatch = calls.find((c) => (c.attributes['graphql.field.paths'] as string[] | undefined)?.includes('recipes.nodes.folder'));
    expect(folderBatch!.attributes['workato.batch.keys']).toBeGreaterThan(1);
  });

  it('never puts a token in a span name or attribute', async () => {
    const traceId = newTraceId();
    await post(stack, DASHBOARD, { traceparent: traceparentOf(traceId, newSpanId()) });
    const spans = tracing.spansOf(traceId);
    expect(spans.length).toBeGreaterThan(0);
    const visible = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })));
    expect(visible).not.toContain(stack.sim.token);
    expect(visible.toLowerCase()).not.toContain('bearer');
  });

  it('makes each retry its own span, with its attempt and status, each sent with its own traceparent', async () => {
    const traceId = newTraceId();
    stack.sim.resetCounts();
    stack.sim.inject({ route: 'GET /api/users/me', status: 503, times: 1 });
    await post(stack, 'query Me { me { name } }', { traceparent: traceparentOf(traceId, newSpanId()) });

    const calls = callsOf(tracing.spansOf(traceId)).sort((a, b) => Number(a.attributes['workato.retry.attempt']) - Number(b.attributes['workato.retry.attempt']));
    expect(calls.map((c) => [c.name, c.attributes['workato.retry.attempt'], c.attributes['http.response.status_code']])).toEqual([
      ['workato GET users', 0, 503],
      ['workato GET users', 1, 200],
    ]);
    expect(calls[0]!.status.code).toBe(ERROR);
    expect(calls[1]!.status.code).not.toBe(ERROR);
    const [execution] = executionOf(tracing.spansOf(traceId));
    expect(calls.every((c) => c.parentSpanContext?.spanId === execution!.spanContext().spanId)).toBe(true);
    expect(stack.sim.log().map((e) => parentIdIn(e.traceparent))).toEqual(calls.map((c) => c.spanContext().spanId));
  });

  it.each([
    ['without a traceparent', {}],
    ['with a malformed traceparent', { traceparent: '00-not-a-trace-01' }],
  ])('starts a new trace for a request %s', async (_, headers: Record<string, string>) => {
    const before = new Set(tracing.all().map((s) => s.spanContext().traceId));
    stack.sim.resetCounts();
    await post(stack, 'query Me { me { name } }', headers);
    const fresh = tracing.all().filter((s) => !before.has(s.spanContext().traceId));
    const [execution] = executionOf(fresh);
    expect(executionOf(fresh)).toHaveLength(1);
    expect(execution!.parentSpanContext).toBeUndefined();
    const [call] = callsOf(fresh);
    expect(call!.spanContext().traceId).toBe(execution!.spanContext().traceId);
    expect(parentIdIn(stack.sim.log()[0]!.traceparent)).toBe(call!.spanContext().spanId);
  });
});

describe('without OTEL_TRACING', () => {
  it("keeps a subscription's Workato calls and a package download's in the caller's trace, under a span of their own", async () => {
    const own = await startStack({ simulator: { packages: { polls: 3 } }, env: { ...EACH_REQUEST_CALLS_WORKATO, OTEL_TRACING: 'true', PACKAGE_POLL_INTERVAL_MS: '20' } });
    try {
      const manifestId = await manifest(own, { name: 'Order to Cash', folderId: '1201101', autoGenerateAssets: true });
      const { packageExport } = await own.gql(EXPORT, { manifestId });
      const traceId = newTraceId();
      const routerSpanId = newSpanId();
      own.sim.resetCounts();
      const stream = await fetch(own.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${own.sim.token}`, traceparent: traceparentOf(traceId, routerSpanId) },
        body: JSON.stringify({ query: 'subscription Follow($id: ID!) { packageStatus(id: $id) { id status } }', variables: { id: packageExport.package.id }, operationName: 'Follow' }),
      });
      await stream.text(); // the stream ends when the package is done
      const polls = own.sim.log();
      expect(polls.length).toBeGreaterThanOrEqual(2);
      expect(polls.map((e) => e.traceparent?.split('-')[1])).toEqual(polls.map(() => traceId));
      const spans = tracing.spansOf(traceId);
      const subscription = spans.find((x) => x.name === 'graphql.subscribe Follow');
      expect(subscription).toMatchObject({ kind: SERVER, parentSpanContext: expect.objectContaining({ spanId: routerSpanId }) });
      expect(callsOf(spans).map((c) => c.parentSpanContext?.spanId)).toEqual(polls.map(() => subscription!.spanContext().spanId));

      const done = await settled(own, packageExport.package.id);
      const downloadTrace = newTraceId();
      own.sim.resetCounts();
      const zip = await fetch(done.downloadUrl, { headers: { authorization: `Bearer ${own.sim.token}`, traceparent: traceparentOf(downloadTrace, routerSpanId) } });
      expect(zip.status).toBe(200);
      await zip.arrayBuffer();
      const download = tracing.spansOf(downloadTrace);
      const served = download.find((x) => x.name === 'package.download');
      expect(served?.parentSpanContext?.spanId).toBe(routerSpanId);
      expect(callsOf(download).map((c) => [c.name, c.parentSpanContext?.spanId])).toEqual([['workato GET packages', served!.spanContext().spanId]]);
    } finally {
      await own.close();
    }
  });

  it('makes no span and sends no traceparent, even with a tracer provider registered and an incoming traceparent', async () => {
    const off = await startStack();
    try {
      expect(off.gateway.transport.tracer).toBeUndefined();
      const traceId = newTraceId();
      await post(off, DASHBOARD, { traceparent: traceparentOf(traceId, newSpanId()) });
      expect(off.sim.log().length).toBeGreaterThan(0);
      expect(off.sim.log().map((e) => e.traceparent)).toEqual(off.sim.log().map(() => undefined));
      expect(tracing.spansOf(traceId)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
