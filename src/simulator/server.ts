/**
 * The HTTP side: node:http on loopback, routing, bearer auth, latency, fault injection, counters and the request log.
 * Behaviour follows REFERENCE §2 (auth), §3 (content type), §4 (errors), §29 (simulator checklist).
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { badRequest, HttpError, Query, type Reply } from './http-helpers.js';
import { INFERRED } from './inferred.js';
import { hash32, Rng } from './random.js';
import { deliver, encode, type Delivery } from './faults.js';
import { RateLimits } from './rate-limits.js';
import { Router } from './router.js';
import { PackageStorage, STORAGE_PREFIX, STORAGE_ROUTE } from './storage.js';
import { clientOfToken, clientRefusal, folderScopeOf, outOfScope } from './routes/developer-api-clients.js';
import { ALL_ROUTES } from './routes/index.js';
import type { WorkspaceStore } from './store.js';

export interface Fault extends Delivery {
  route?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  times?: number;
  /** Share (0–1) of matching requests that take the fault, drawn from a seeded generator (an error rate); default 1. */
  rate?: number;
}

export interface LogEntry {
  method: string;
  route: string;
  path: string;
  status: number;
  startedAt: number;
  endedAt: number;
  token: string;
  /** The W3C `traceparent` the request carried (a traced gateway sends its call span's); undefined without one. */
  traceparent?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8'; // REFERENCE §3

/** Route key used for requests that match no route. */
export const UNMATCHED = (method: string): string => `${method} (unmatched)`;

export class SimulatorServer {
  readonly router = new Router(ALL_ROUTES);
  /** Where exported package zips are downloaded from (storage.ts). */
  readonly storage = new PackageStorage();
  private readonly server: Server;
  private counters = new Map<string, number>();
  private entries: LogEntry[] = [];
  private inFlight = 0;
  private peak = 0;
  private faults: Array<Fault & { left: number }> = [];
  private readonly faultRng = new Rng(hash32(0xfa17, 5));
  /** REFERENCE §5 quotas, enforced only when the simulator is started with `rateLimits: true`. */
  rateLimits: RateLimits | undefined;
  private sleepers = new Set<() => void>();
  private errorSeq = 0;
  private closed = false;

  /** REFERENCE §5: Workato cuts every request at 40 s; tests set a small cap (SimulatorOptions.cutOffMs). */
  cutOffMs: number = INFERRED.cutOffMs;

  constructor(
    private readonly workspaces: Map<string, WorkspaceStore>,
    public latencyMs: number,
    private readonly quiet: boolean,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(this.server.address() as AddressInfo));
    });
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }
  total(): number {
    let n = 0;
    for (const v of this.counters.values()) n += v;
    return n;
  }
  resetCounts(): void {
    this.counters.clear();
    this.entries = [];
    this.peak = this.inFlight;
  }
  maxInFlight(): number {
    return this.peak;
  }
  log(): LogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }
  clearFaults(): void {
    this.faults = [];
  }

  close(): Promise<void> {
    this.closed = true;
    for (const wake of this.sleepers) wake();
    this.sleepers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private sleep(ms: number): Promise<void> {
    return this.sleepUntil(performance.now() + ms);
  }

  /**
   * Resolves at `deadline` (a `performance.now()` time), never before it. libuv's timers
   * count whole milliseconds, so a timer alone lands up to a millisecond early or late: it is set to wake 1.5 ms
   * short, and the rest is waited out in `setImmediate` turns. That keeps a simulated 20 ms call at 20 ms (the
   * benchmark measures what a client adds on top), for at most 2 ms of busy event loop per call.
   */
  private sleepUntil(deadline: number): Promise<void> {
    if (this.closed || performance.now() >= deadline) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let turn: NodeJS.Immediate | undefined;
      const wake = (): void => {
        clearTimeout(timer);
        clearImmediate(turn);
        this.sleepers.delete(wake);
        resolve();
      };
      const check = (): void => {
        const left = deadline - performance.now();
        if (left <= 0 || this.closed) wake();
        else if (left > 2) timer = setTimeout(check, left - 1.5);
        else turn = setImmediate(check);
      };
      this.sleepers.add(wake);
      check();
    });
  }

  private takeFault(key: string): Fault | undefined {
    const i = this.faults.findIndex((f) => f.left > 0 && (f.route === undefined || f.route === key));
    if (i < 0) return undefined;
    if (this.faults[i].rate !== undefined && !this.faultRng.chance(this.faults[i].rate!)) return undefined;
    const fault = this.faults[i];
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(i, 1);
    return fault;
  }

  /** Documented bodies per status (REFERENCE §4.1/§4.2); 503 and the 429 text are [inferred]. */
  private faultReply(f: Fault & { status: number }): Reply {
    const headers: Record<string, string> = {};
    let body: unknown = f.body;
    if (body === undefined) {
      if (f.status === 500) {
        const rng = new Rng(hash32(0x5e44, ++this.errorSeq));
        body = { message: 'Server error', id: rng.chars(18, 'abcdefghijklmnopqrstuvwxyz0123456789') };
      } else if (f.status === 429) body = { message: INFERRED.rateLimitMessage };
      else if (f.status === 503) body = { message: INFERRED.serviceUnavailableMessage };
      else if (f.status === 401) body = { message: 'Unauthorized' };
      else if (f.status === 404) body = { message: 'Not found' };
      else body = { message: STATUS_CODES[f.status] ?? 'Error' };
    }
    // REFERENCE §5: 429 carries Retry-After (seconds).
    if (f.status === 429) headers['retry-after'] = INFERRED.defaultRetryAfterSeconds;
    for (const [k, v] of Object.entries(f.headers ?? {})) headers[k.toLowerCase()] = v;
    return { status: f.status, body, headers };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const arrivedAt = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    // Rails routing tolerates a trailing slash and a `.json` format suffix.
    const pathname = url.pathname.replace(/\/+$/, '').replace(/\.json$/, '') || '/';
    if (pathname === '/__simulator/stats' && method === 'GET') {
      this.send(res, { status: 200, body: this.stats() });
      return;
    }
    // Controls for a simulator in another process (the benchmark): zero the counters; set the latency (`?ms=`).
    if (pathname === '/__simulator/reset' && method === 'POST') {
      this.resetCounts();
      this.send(res, { status: 200, body: this.stats() });
      return;
    }
    if (pathname === '/__simulator/latency' && method === 'PUT') {
      const ms = Number(url.searchParams.get('ms'));
      if (url.searchParams.get('ms') === null || !Number.isFinite(ms) || ms < 0) {
        this.send(res, { status: 400, body: { message: 'ms must be a number of milliseconds, 0 or more' } });
        return;
      }
      this.latencyMs = ms;
      this.send(res, { status: 200, body: this.stats() });
      return;
    }
    // Package storage (storage.ts): outside the API and without a bearer token (REFERENCE §15.6 [inferred]).
    if (pathname.startsWith(STORAGE_PREFIX) && method === 'GET') {
      this.counters.set(STORAGE_ROUTE, (this.counters.get(STORAGE_ROUTE) ?? 0) + 1);
      const status = this.storage.serve(pathname, req.headers.authorization, res);
      this.entries.push({ method, route: STORAGE_ROUTE, path: url.pathname, status, startedAt, endedAt: Date.now(), token: bearerToken(req) ?? '' });
      return;
    }
    const token = bearerToken(req);
    const match = this.router.match(method, pathname);
    const key = match.kind === 'route' ? match.key : UNMATCHED(method);
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    let reply: Reply;
    let fault: Fault | undefined;
    try {
      fault = this.takeFault(key);
      if (fault?.status !== undefined) {
        reply = this.faultReply({ ...fault, status: fault.status });
      } else if (match.kind === 'none') {
        reply = { status: 404, body: { message: 'API not found' } }; // REFERENCE §4.2: unknown route or method
      } else {
        // REFERENCE §2.1/§2.2: bearer only; legacy X-USER-TOKEN / user_token without a bearer → 401.
        const own = token === undefined ? undefined : this.workspaces.get(token);
        const viaClient = token === undefined || own ? undefined : clientOfToken(this.workspaces.values(), token);
        const store = own ?? viaClient?.store;
        const limited = store ? this.rateLimits?.take(store, method, match.route.path) : undefined;
        const refused = viaClient ? clientRefusal(viaClient.store, viaClient.client, method, match.route.path) : undefined;
        const folderScope = viaClient ? folderScopeOf(viaClient.store, viaClient.client) : undefined;
        if (!store) {
          reply = { status: 401, body: { message: 'Unauthorized' } };
        } else if (limited) {
          reply = limited; // REFERENCE §5: 429 with Retry-After
        } else if (refused) {
          reply = { status: refused.status, body: refused.body }; // §2.1: the client's role or environment refuses it
        } else if (outOfScope(store, folderScope, match.route.path, match.params)) {
          reply = { status: 404, body: { message: 'Not found' } }; // §2.1: invisible outside the folder scope
        } else {
          reply = await match.route.handler({
            store,
            params: match.params,
            query: new Query(url.searchParams),
            method,
            readJson: () => readJson(req),
            readBody: () => readBody(req),
            folderScope,
          });
        }
      }
    } catch (err) {
      if (err instanceof HttpError) {
        reply = { status: err.status, body: err.body, headers: err.headers };
      } else {
        if (!this.quiet) console.error('[simulator] handler crashed:', err);
        reply = { status: 500, body: { message: 'Server error', id: `sim${++this.errorSeq}` } };
      }
    }
    // The latency is the upstream's response time: the answer leaves `latencyMs` (plus an injected delay) after
    // the request arrived, with the simulator's own work (handler, JSON) done inside that time, as Workato's is.
    let encoded: ReturnType<typeof encode>;
    const due = arrivedAt + this.latencyMs + (fault?.delayMs ?? 0);
    const cutAt = arrivedAt + this.cutOffMs;
    // REFERENCE §5/§29.8: no answer leaves later than the cut-off; what is sent then is [inferred] (inferred.ts). A
    // handler that itself held the request past it (the event-streams long poll, §26) is not cut.
    if (due > cutAt && performance.now() < cutAt) {
      reply = { status: INFERRED.cutOffStatus, body: { message: INFERRED.cutOffMessage(this.cutOffMs) } };
      fault = undefined;
      encoded = encode(reply, undefined);
      await this.sleepUntil(cutAt);
    } else {
      encoded = encode(reply, fault);
      await this.sleepUntil(due);
    }
    this.inFlight--;
    if (this.closed) {
      res.destroy();
    } else {
      await deliver(res, encoded, fault, (ms) => this.sleep(ms));
    }
    this.entries.push({
      method, route: key, path: url.pathname + url.search, status: reply.status, startedAt, endedAt: Date.now(), token: token ?? '',
      traceparent: req.headers.traceparent as string | undefined, // node joins a repeated header into one string
    });
  }

  private send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.headersSent) return;
    const noBody = reply.status === 204 || reply.status === 304 || reply.body === undefined;
    const payload = noBody ? '' : JSON.stringify(reply.body);
    res.statusCode = reply.status;
    if (!noBody) res.setHeader('content-type', JSON_TYPE);
    res.setHeader('content-length', Buffer.byteLength(payload));
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    res.end(payload);
  }

  private stats(): unknown {
    return {
      total: this.total(),
      counts: this.counts(),
      in_flight: this.inFlight,
      max_in_flight: this.peak,
      latency_ms: this.latencyMs,
      pending_faults: this.faults.length,
      workspaces: [...this.workspaces.values()].map((w) => ({
        id: w.workspace.id, name: w.workspace.name, recipes: w.recipes.size, connections: w.connections.size, folders: w.folders.size,
      })),
    };
  }
}

/** `Authorization: Bearer <token>` (scheme case-insensitive). Nothing else authenticates. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^\s*bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  const cached = (req as IncomingMessage & { __json?: Promise<unknown> }).__json;
  if (cached) return cached;
  const p = new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(badRequest('Invalid JSON in request body'));
      }
    });
  });
  (req as IncomingMessage & { __json?: Promise<unknown> }).__json = p;
  return p;
}
