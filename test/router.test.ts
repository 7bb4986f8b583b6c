import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouter, type Router } from '../scripts/cluster/router.js';
import { loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import { parentIdIn, registerTestTracing, traceparentOf, type TestTracing } from './support/otel.js';
import { startStack, type Stack } from './support/stack.js';

const GATEWAY_SCOPE = 'workato-graphql-gateway';
const ENV = { OTEL_TRACING: 'true' };

let tracing: TestTracing;
let stack: Stack;
let replicaB: Gateway;
let notReady: { server: Server; url: string; graphqlRequests: number };
let router: Router;
let replicaBClosed = false;
/** Which replica served each GraphQL request, in order. */
const served: string[] = [];

function countServed(gateway: Gateway, name: string): void {
  gateway.server.on('request', (req) => {
    if (req.url?.startsWith('/graphql')) served.push(name);
  });
}

/**
 * A stand-in replica answering every GraphQL request with 503: either not ready (/readyz 503, the router must send
 * it nothing) or draining as http-handler.ts does (/readyz still 200 a moment, GraphQL refused with SHUTTING_DOWN).
 */
async function startRefusingReplica(readyz: 200 | 503) {
  const replica = { server: createServer(), url: '', graphqlRequests: 0 };
  replica.server.on('request', (req, res) => {
    if (req.url === '/readyz') return res.writeHead(readyz).end();
    replica.graphqlRequests++;
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'draining', extensions: { code: 'SHUTTING_DOWN' } }] }));
  });
  replica.server.listen(0, '127.0.0.1');
  await once(replica.server, 'listening');
  replica.url = `http://127.0.0.1:${(replica.server.address() as AddressInfo).port}/graphql`;
  return replica;
}

/** A stand-in replica, ready, that drops the connection of every GraphQL request before answering (a replica
 * closing its idle keep-alive connections as it stops, the moment the router sends on one). */
async function startResettingReplica() {
  const replica = { server: createServer(), url: '', graphqlRequests: 0 };
  replica.server.on('request', (req, res) => {
    if (req.url === '/readyz') return res.writeHead(200).end();
    replica.graphqlRequests++;
    req.socket.destroy();
  });
  replica.server.listen(0, '127.0.0.1');
  await once(replica.server, 'listening');
  replica.url = `http://127.0.0.1:${(replica.server.address() as AddressInfo).port}/graphql`;
  return replica;
}

async function viaRouter(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
}

beforeAll(async () => {
  tracing = registerTestTracing();
  stack = await startStack({ env: ENV });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: stack.sim.url, LOG_LEVEL: 'silent', WORKATO_RATE_LIMIT: 'off', ...ENV });
  replicaB = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined });
  countServed(stack.gateway, 'A');
  countServed(replicaB, 'B');
  notReady = await startRefusingReplica(503);
  router = await startRouter({ replicas: [stack.gateway.url, replicaB.url, notReady.url] });
});

afterAll(async () => {
  await router?.close();
  if (!replicaBClosed) await replicaB?.close();
  await new Promise((resolve) => notReady?.server.close(resolve));
  await stack?.close();
  await tracing?.close();
});

describe('the cluster router (Hive Gateway over the composed supergraph)', () => {
  it('spreads requests round-robin over the ready replicas and sends none to a replica that is not ready', async () => {
    served.length = 0;
    for (let i = 0; i < 6; i++) {
      const result = await viaRouter('{ me { name } }');
      expect(result.errors).toBeUndefined();
      expect(result.data.me.name).toBeTruthy();
    }
    expect(served).toHaveLength(6);
    expect(served.slice(1).every((name, i) => name !== served[i])).toBe(true); // A, B, A, … or B, A, B, …
    expect(notReady.graphqlRequests).toBe(0);
  });

  it('carries one trace from the client through the router and the replica to Workato', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    stack.sim.resetCounts();
    const result = await viaRouter('query Me { me { name } }', { traceparent: traceparentOf(traceId, clientSpanId) });
    expect(result.errors).toBeUndefined();

    const spans = tracing.spansOf(traceId);
    const routerSpans = spans.filter((s) => s.instrumentationScope.name !== GATEWAY_SCOPE);
    const routerIds = new Set(routerSpans.map((s) => s.spanContext().spanId));
    expect(routerSpans.some((s) => s.parentSpanContext?.spanId === clientSpanId)).toBe(true);
    const executions = spans.filter((s) => s.instrumentationScope.name === GATEWAY_SCOPE && s.name.startsWith('graphql.execute'));
    expect(executions).toHaveLength(1);
    expect(routerIds.has(executions[0]!.parentSpanContext!.spanId)).toBe(true);
    const calls = spans.filter((s) => s.name.startsWith('workato '));
    expect(calls.map((c) => c.name)).toEqual(['workato GET users']);
    expect(calls[0]!.parentSpanContext?.spanId).toBe(executions[0]!.spanContext().spanId);
    const sent = stack.sim.log();
    expect(sent.map((e) => e.traceparent?.split('-')[1])).toEqual([traceId]);
    expect(parentIdIn(sent[0]!.traceparent)).toBe(calls[0]!.spanContext().spanId);
  });

  it('moves a request refused with SHUTTING_DOWN on to the next replica', async () => {
    const draining = await startRefusingReplica(200);
    const second = await startRouter({ replicas: [draining.url, stack.gateway.url] });
    try {
      const results = await Promise.all([1, 2, 3].map(async () => (await fetch(second.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: '{ me { name } }' }),
      })).json() as Promise<{ errors?: unknown }>));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      expect(draining.graphqlRequests).toBeGreaterThan(0);
    } finally {
      await second.close();
      await new Promise((resolve) => draining.server.close(resolve));
    }
  });

  it('moves a query whose connection was reset before any answer on to the next replica, but never a mutation', async () => {
    const resetting = await startResettingReplica();
    const post = (url: string, query: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` }, body: JSON.stringify({ query }) })
        .then((r) => r.json() as Promise<{ data?: any; errors?: Array<{ message: string }> }>);
    // A fresh router sends its first request to the first replica: the resetting one.
    const forQuery = await startRouter({ replicas: [resetting.url, stack.gateway.url] });
    const forMutation = await startRouter({ replicas: [resetting.url, stack.gateway.url] });
    const before = resetting.graphqlRequests; // each router asked it for the SDL first
    try {
      const query = await post(forQuery.url, '{ me { name } }');
      expect(query.errors).toBeUndefined();
      expect(query.data.me.name).toBeTruthy();
      expect(resetting.graphqlRequests).toBe(before + 1);
      // A mutation may have run before its connection broke: the client hears of the failure, no replica runs it twice.
      served.length = 0;
      const mutation = await post(forMutation.url, 'mutation { recipeStart(input: { id: "1" }) { userErrors { message } } }');
      expect(mutation.errors?.length).toBeGreaterThan(0);
      expect(resetting.graphqlRequests).toBe(before + 2);
      expect(served).toEqual([]);
    } finally {
      await forQuery.close();
      await forMutation.close();
      await new Promise((resolve) => resetting.server.close(resolve));
    }
  });

  it('moves requests to the other replica while one drains, and sends it everything once that one is closed', async () => {
    // A slow request keeps replica B draining: B refuses new requests with SHUTTING_DOWN until it has answered.
    stack.sim.inject({ route: 'GET /api/users/me', delayMs: 300, times: 1 });
    stack.sim.resetCounts();
    const slow = fetch(replicaB.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    // In flight in B once its call has reached Workato (another request in B, a readiness probe, would not do).
    while (replicaB.inFlight() === 0 || !stack.sim.counts()['GET /api/users/me']) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = replicaB.close();
    replicaBClosed = true;
    const whileDraining = await Promise.all([1, 2, 3, 4].map(() => viaRouter('{ me { name } }')));
    expect(whileDraining.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(((await (await slow).json()) as { data: { me: { name: string } } }).data.me.name).toBeTruthy();
    await closing;

    served.length = 0;
    for (let i = 0; i < 4; i++) {
      const result = await viaRouter('{ me { name } }');
      expect(result.errors).toBeUndefined();
    }
    expect(served).toEqual(['A', 'A', 'A', 'A']);
  });
});
