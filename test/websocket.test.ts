/**
 * GraphQL over WebSocket (src/server/websocket.ts), through the graphql-ws client a front-end uses: queries and
 * subscriptions run through the same pipeline as HTTP (same answers, cost report, codes), completing a subscription
 * or closing the socket stops its Workato polling, the HTTP side's client authentication and origin rules hold at the
 * socket, and shutting down closes every socket with 1001.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { EXPORT, manifest } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

const FOLLOW = `subscription($id: ID!) { packageStatus(id: $id) { workatoId status } }`;
const wsUrl = (stack: Stack) => stack.gateway.url.replace(/^http/, 'ws');
const clientOf = (stack: Stack, connectionParams: Record<string, unknown> = { authorization: `Bearer ${stack.sim.token}` }) =>
  createClient({ url: wsUrl(stack), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });

/** One result as a graphql-ws client receives it. */
type Received = Parameters<Parameters<Client['subscribe']>[1]['next']>[0];

/** Every result of one operation until the server completes it; rejects with what the socket or server sent. */
function results(client: Client, query: string, variables?: Record<string, unknown>): Promise<Received[]> {
  return new Promise((resolve, reject) => {
    const seen: Received[] = [];
    client.subscribe({ query, variables }, { next: (r) => void seen.push(r), error: reject, complete: () => resolve(seen) });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GraphQL over WebSocket', () => {
  let stack: Stack;
  let client: Client;
  beforeAll(async () => {
    // Packages settle at their third status read; a second kind never does (see the completion test).
    stack = await startStack({ simulator: { packages: { polls: 3 } }, env: { PACKAGE_POLL_INTERVAL_MS: '20', REFERENCE_CACHE: 'off' } });
    client = clientOf(stack);
  });
  afterAll(async () => {
    await client.dispose();
    await stack.close();
  });

  it('counts its open sockets in the metrics', async () => {
    const gauge = async () => Number(/^graphql_websocket_connections (\d+)$/m.exec(await (await fetch(`${stack.gateway.origin}/metrics`)).text())?.[1]);
    const before = await gauge();
    const held = createClient({ url: wsUrl(stack), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${stack.sim.token}` }, retryAttempts: 0, lazy: false });
    await new Promise<void>((resolve) => held.on('connected', () => resolve()));
    expect(await gauge()).toBe(before + 1);
    await held.dispose();
  });

  it('answers a query as HTTP does, with its cost report', async () => {
    const query = `{ me { name } recipes(first: 2) { nodes { id name } } }`;
    const overHttp = await stack.request(query);
    stack.sim.resetCounts();
    const [answer, ...more] = await results(client, query);
    expect(more).toEqual([]);
    expect(answer!.data).toEqual(overHttp.data);
    expect(answer!.extensions).toMatchObject({ workato: { calls: 2, roundTrips: 1 } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 1, 'GET /api/recipes': 1 });
  });

  it('sends the gateway\'s coded errors: a document that does not validate, a call without a token', async () => {
    const [invalid] = await results(client, `{ me { nope } }`);
    expect(invalid!.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: expect.any(String) });
    const anonymous = clientOf(stack, {});
    try {
      const [refused] = await results(anonymous, `{ me { name } }`);
      expect(refused!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await anonymous.dispose();
    }
  });

  it('follows a subscription to its end: each status change, then complete', async () => {
    const manifestId = await manifest(stack, { name: 'Over a socket', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    const events = await results(client, FOLLOW, { id: packageExport.package.id });
    expect(events.map((e) => (e.data as any).packageStatus.status)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(events.every((e) => typeof (e.extensions as any)?.workato?.calls === 'number')).toBe(true);
  });
});

describe('a subscription over a socket that goes away', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { packages: { polls: 1_000_000 } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
  });
  afterAll(() => stack.close());
  const polls = () => stack.sim.counts()['GET /api/packages/:id'] ?? 0;

  /** Waits until polling moves, stops it with `stop`, and checks the count then stays put. */
  async function expectPollingStops(stop: () => unknown): Promise<void> {
    const seen = polls();
    for (let i = 0; i < 50 && polls() <= seen; i++) await sleep(50);
    expect(polls()).toBeGreaterThan(seen);
    await stop();
    let last = -1;
    for (let i = 0; i < 50 && polls() !== last; i++) {
      last = polls();
      await sleep(100);
    }
    const stopped = polls();
    await sleep(300);
    expect(polls()).toBe(stopped);
  }

  const follow = async (client: Client) => {
    const manifestId = await manifest(stack, { name: 'Slow', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    const first = new Promise<void>((resolve) => {
      const unsubscribe = client.subscribe({ query: FOLLOW, variables: { id: packageExport.package.id } }, { next: () => resolve(), error: () => undefined, complete: () => undefined });
      follows.push(unsubscribe);
    });
    await first;
  };
  const follows: Array<() => void> = [];

  it('stops polling Workato when the client completes the subscription', async () => {
    const client = clientOf(stack);
    await follow(client);
    await expectPollingStops(() => follows.pop()!());
    await client.dispose();
  });

  it('stops polling Workato when the socket closes', async () => {
    const client = clientOf(stack);
    await follow(client);
    await expectPollingStops(() => client.dispose());
  });
});

describe('the socket under the HTTP side\'s rules', () => {
  const KEY = 'a-client-key-of-16+chars';
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { WORKATO_API_TOKEN: DEMO_TOKEN, GATEWAY_API_KEYS: KEY, CORS_ORIGINS: 'https://app.example.com' } });
  });
  afterAll(() => stack.close());

  const closeCodeOf = (client: Client) =>
    new Promise<number>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
      client.subscribe({ query: '{ me { name } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });

  it('refuses a connection without a client key (4403), and serves one with it', async () => {
    const without = clientOf(stack, {});
    expect(await closeCodeOf(without)).toBe(4403);
    await without.dispose();
    const withKey = clientOf(stack, { 'X-API-Key': KEY });
    try {
      const [answer] = await results(withKey, '{ me { name } }');
      expect((answer!.data as any).me.name).toBeTruthy();
    } finally {
      await withKey.dispose();
    }
  });

  it('closes a socket that sends a message over MAX_BODY_BYTES (1009)', async () => {
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(wsUrl(stack), 'graphql-transport-ws');
      socket.on('open', () => socket.send('x'.repeat(1_048_577)));
      socket.on('close', (closeCode) => resolve(closeCode));
      socket.on('error', () => undefined);
    });
    expect(code).toBe(1009);
  });

  it('refuses the upgrade from a browser origin the HTTP side refuses, and accepts an allowed one', async () => {
    const statusFrom = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(wsUrl(stack), 'graphql-transport-ws', { origin });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
      });
    expect(await statusFrom('https://evil.example.com')).toBe(403);
    expect(await statusFrom('https://app.example.com')).toBe(101);
  });
});

describe('shutting down with sockets open', () => {
  it('closes every socket with 1001 (going away) and stops their subscriptions', async () => {
    const stack = await startStack({ simulator: { packages: { polls: 1_000_000 } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
    const client = clientOf(stack);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    try {
      const manifestId = await manifest(stack, { name: 'Until shutdown', folderId: '1201101', autoGenerateAssets: true });
      const { packageExport } = await stack.gql(EXPORT, { manifestId });
      await new Promise<void>((resolve) => {
        client.subscribe({ query: FOLLOW, variables: { id: packageExport.package.id } }, { next: () => resolve(), error: () => undefined, complete: () => undefined });
      });
      await stack.gateway.close();
      expect(await closed).toBe(1001);
      const after = stack.sim.counts()['GET /api/packages/:id'] ?? 0;
      await sleep(200);
      expect(stack.sim.counts()['GET /api/packages/:id'] ?? 0).toBe(after);
    } finally {
      await client.dispose();
      await stack.sim.close();
    }
  });

  it('WEBSOCKETS=off: no upgrade on the GraphQL path', async () => {
    const stack = await startStack({ env: { WEBSOCKETS: 'off' } });
    try {
      const opened = await new Promise<boolean>((resolve) => {
        const socket = new WebSocket(wsUrl(stack), 'graphql-transport-ws');
        socket.on('open', () => resolve(true));
        socket.on('error', () => resolve(false));
      });
      expect(opened).toBe(false);
    } finally {
      await stack.close();
    }
  });
});
