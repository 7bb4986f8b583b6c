/**
 * The node:http side in front of yoga: the request's scope (its id, request-scope.ts), the request body size limit
 * (an oversized body never reaches a parser: a Content-Length over it is refused up front, a chunked body is counted
 * here before yoga sees a byte), in-flight accounting, and refusing new requests while draining for shutdown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import { bindRequestScope, requestIdFrom, type RequestScope } from './request-scope.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface HttpHandler {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  inFlight(): number;
  /** New requests get 503 `SHUTTING_DOWN` from now on. */
  drain(): void;
  draining(): boolean;
  /** Resolves when no request is in flight, or after `timeoutMs` (false then). */
  idle(timeoutMs: number): Promise<boolean>;
}

/** Past this many bytes an oversized body is no longer read to the end before answering: the socket is closed. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

function reply(res: ServerResponse, status: number, code: ErrorCode, message: string, requestId: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * A body whose Content-Length is within the limit: node's HTTP parser delivers no more bytes than that, so yoga may
 * read the request stream itself (no copy and replay here: about 5 % of a small request's latency, scratch A/B).
 */
function declaredWithin(req: IncomingMessage, max: number): boolean {
  const raw = req.headers['content-length'];
  if (raw === undefined || req.headers['transfer-encoding'] !== undefined) return false;
  const declared = Number(raw);
  return Number.isInteger(declared) && declared >= 0 && declared <= max;
}

export function createHttpHandler(yoga: NodeHandler, options: { maxBodyBytes: number; logger: Logger }): HttpHandler {
  let active = 0;
  let draining = false;
  /** Responses not yet finished: told to close their connection when the drain begins. */
  const open = new Set<ServerResponse>();
  const idleWaiters = new Set<() => void>();
  const tooLarge = `The request body is larger than this gateway accepts (${options.maxBodyBytes} bytes, MAX_BODY_BYTES).`;

  const pass = (req: IncomingMessage, res: ServerResponse, scope: RequestScope, body?: Buffer): void => {
    let request: IncomingMessage = req;
    if (body) {
      // yoga reads the body from the request stream: hand it one over the bytes already read (and counted).
      const replay = Readable.from(body.length ? [body] : [], { objectMode: false });
      request = Object.assign(replay, {
        headers: req.headers,
        method: req.method,
        url: req.url,
        socket: req.socket,
        httpVersion: req.httpVersion,
      }) as unknown as IncomingMessage;
    }
    bindRequestScope(request, scope);
    Promise.resolve(yoga(request, res)).catch((error: unknown) => {
      options.logger.error('The GraphQL server failed to answer a request', error, { reqId: scope.requestId });
      if (!res.headersSent) reply(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.', scope.requestId);
      else res.destroy();
    });
  };

  const readBody = (req: IncomingMessage, res: ServerResponse, scope: RequestScope): void => {
    const { requestId } = scope;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBodyBytes && declared > DISCARD_LIMIT) {
      reply(res, 413, ErrorCode.REQUEST_TOO_LARGE, tooLarge, requestId, true);
      res.once('finish', () => req.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let over = Number.isFinite(declared) && declared > options.maxBodyBytes;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBodyBytes) over = true;
      if (!over) chunks.push(chunk);
      else chunks.length = 0;
      if (received > DISCARD_LIMIT) {
        reply(res, 413, ErrorCode.REQUEST_TOO_LARGE, tooLarge, requestId, true);
        req.destroy();
      }
    });
    req.once('end', () => {
      // Read to the end before answering 413, so the client sees the answer rather than a reset while sending.
      if (over) reply(res, 413, ErrorCode.REQUEST_TOO_LARGE, tooLarge, requestId, true);
      else pass(req, res, scope, Buffer.concat(chunks));
    });
    req.once('error', () => res.destroy()); // the client went away mid-body: nothing to answer
  };

  const done = (res: ServerResponse): void => {
    open.delete(res);
    active -= 1;
    if (active === 0) for (const wake of idleWaiters) wake();
  };

  return {
    listener(req, res) {
      const requestId = requestIdFrom(req.headers['x-request-id'] as string | undefined);
      active += 1;
      open.add(res);
      res.once('close', () => done(res));
      res.setHeader('x-request-id', requestId);
      if (draining) {
        reply(res, 503, ErrorCode.SHUTTING_DOWN, 'The gateway is shutting down; retry on another replica.', requestId, true);
        return;
      }
      const scope: RequestScope = { requestId };
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') pass(req, res, scope);
      else if (declaredWithin(req, options.maxBodyBytes)) pass(req, res, scope);
      else readBody(req, res, scope);
    },
    inFlight: () => active,
    drain() {
      draining = true;
      // Answers still to come end their connection: a router must not send its next request on one that is about to
      // be closed (it would be reset), but open a new one, to a replica that is not stopping.
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
    },
    draining: () => draining,
    idle(timeoutMs) {
      if (active === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        idleWaiters.add(wake);
      });
    },
  };
}
