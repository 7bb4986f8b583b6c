/**
 * GraphQL over WebSocket on the GraphQL path: the graphql-ws protocol (`graphql-transport-ws`) that Apollo Client's
 * GraphQLWsLink and urql with graphql-ws speak, as does Apollo Router's passthrough mode for subgraph subscriptions.
 *
 * One pipeline, not two: each operation a socket sends runs as an ordinary HTTP request through yoga — client
 * authentication, origin rules, limits, persisted queries, the cost report, request ids, metrics, tracing — with the
 * connection's credentials as its headers (from `connection_init`'s payload, else the upgrade request), and the events
 * of its answer (read as server-sent events) go back as `next` messages. Completing an operation, or closing the
 * socket, aborts that request, so a subscription stops polling Workato as it does when an SSE client goes away.
 *
 * The upgrade is refused (403) for a browser origin the HTTP side would refuse, and (503) while draining; with client
 * authentication configured, `connection_init` is checked by running `{ __typename }` with its credentials (4403 when
 * refused). A message larger than MAX_BODY_BYTES closes the socket. graphql-ws pings every 12 s and drops a peer that
 * stops answering, so a dead connection does not keep a subscription polling.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import { originAllowed } from './plugins/origin-check.js';
import type { GatewayYoga } from './yoga.js';

/** What a connection sends each of its operations with: its credentials only (never its Origin or request id). */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-gateway-authorization'] as const;

/**
 * graphql-ws runs an operation through `execute` or `subscribe` by the type of the document it is handed; every
 * operation here runs through yoga instead, so it is handed this one, and the operation itself travels in rootValue.
 */
const THROUGH_YOGA = parse('query ThroughYoga { __typename }');

interface Operation {
  payload: { query?: string; variables?: unknown; operationName?: string | null; extensions?: unknown };
  headers: Record<string, string>;
  url: string;
}

export interface WebSockets {
  /** Sockets open right now. */
  open(): number;
  /** Closes every socket (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

export function attachWebSockets(server: Server, yoga: GatewayYoga, config: Config, draining: () => boolean): WebSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxBodyBytes });
  const allowed = new Set(config.corsOrigins);
  const authenticates = config.clientAuth.apiKeys.length > 0 || config.clientAuth.jwt !== undefined;
  let schema: GraphQLSchema | undefined;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== config.graphqlPath) return refuse(socket, 404, 'Not Found');
    if (draining()) return refuse(socket, 503, 'Service Unavailable');
    // The HTTP side's rule (plugins/origin-check.ts), this gateway's own origin being the host the upgrade named.
    const host = request.headers.host;
    const own = host ? [`http://${host}`, `https://${host}`] : [];
    if (!originAllowed(allowed, request.headers.origin, own)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const credentialsOf = (params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): Record<string, string> => {
    const given = new Map(Object.entries(params ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
    const headers: Record<string, string> = {};
    for (const name of CREDENTIAL_HEADERS) {
      const value = given.get(name) ?? request.headers[name];
      if (typeof value === 'string' && value) headers[name] = value;
    }
    return headers;
  };
  const urlOf = (request: IncomingMessage) => `http://${request.headers.host ?? 'localhost'}${config.graphqlPath}`;

  const disposable = useServer<Record<string, unknown>, { credentials?: Record<string, string> }>(
    {
      onConnect: async (ctx) => {
        const credentials = credentialsOf(ctx.connectionParams, ctx.extra.request);
        ctx.extra.credentials = credentials;
        if (!authenticates) return true;
        const check = await yoga.fetch(urlOf(ctx.extra.request), {
          method: 'POST',
          headers: { ...credentials, 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await check.body?.cancel();
        return check.status !== 401 && check.status !== 403;
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs => ({
        // Required by the type, unread: execute and subscribe below never look at it.
        schema: (schema ??= yoga.getEnveloped().schema),
        document: THROUGH_YOGA,
        rootValue: { payload, headers: ctx.extra.credentials ?? {}, url: urlOf(ctx.extra.request) } satisfies Operation,
      }),
      execute: (args) => throughYoga(yoga, args.rootValue as Operation),
      subscribe: (args) => throughYoga(yoga, args.rootValue as Operation),
      // Results come from yoga as JSON, already formatted (codes, request ids): sent as they are.
      onNext: (_ctx, _id, _payload, _args, result) => result as never,
    },
    wss,
  );

  return {
    open: () => wss.clients.size,
    // graphql-ws closes every socket with 1001 (going away), ends their operations and closes the server.
    close: async () => disposable.dispose(),
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Runs one operation as an HTTP request to yoga asking for server-sent events, and hands back its events as results.
 * `return()` (the client completed it, or the socket closed) aborts the request at once, even while no event is due.
 */
async function throughYoga(yoga: GatewayYoga, operation: Operation): Promise<AsyncIterableIterator<ExecutionResult>> {
  const controller = new AbortController();
  const response = await yoga.fetch(operation.url, {
    method: 'POST',
    headers: { ...operation.headers, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(operation.payload),
    signal: controller.signal,
  });
  // An answer that is not an event stream (a refusal before GraphQL ran: 401, 403, 413…) is one JSON result.
  const stream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  let single: Promise<ExecutionResult> | undefined = stream ? undefined : response.text().then((text) => JSON.parse(text) as ExecutionResult);
  const reader = stream ? response.body?.getReader() : undefined;
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (): IteratorResult<ExecutionResult> => {
    controller.abort();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      if (single) {
        const value = await single;
        single = undefined;
        controller.abort();
        return { done: false, value };
      }
      if (!reader || controller.signal.aborted) return done();
      for (;;) {
        const cut = buffer.indexOf('\n\n');
        if (cut !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event === 'complete') return done();
          if (event === 'next') return { done: false, value: JSON.parse(/^data: ?(.*)$/m.exec(block)?.[1] ?? 'null') as ExecutionResult };
          continue; // a keep-alive comment
        }
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return done();
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    async return() {
      reader?.cancel().catch(() => undefined);
      return done();
    },
  };
  return iterator;
}
