/**
 * The one place that talks HTTP to Workato: base URL, bearer header, the shared undici pool, timeouts, JSON parsing
 * (204, empty and non-JSON bodies), the mapping of every non-2xx to a WorkatoError, and the call discipline around
 * each call: the caller's quota (rate-limiter.ts), the circuit breaker of the origin and caller, a cap on calls in
 * flight per GraphQL request, and retries of reads only (resilience.ts). Domain files hold one typed function per
 * endpoint.
 */
import { request, type Dispatcher } from 'undici';
import { DOCUMENTED_FAMILIES, familyOf, type Family } from './families.js';
import { untouched, type QuotaUsage } from './rate-limiter.js';
import { CallLedger } from './ledger.js';
import { backoffMs, isConnectionReset, isWrite, RETRYABLE_STATUSES, Semaphore, sharedDeadlines, sleep } from './resilience.js';
import type { CallOutcome, Transport } from './transport.js';
import { httpError, networkError, WorkatoError } from './workato-error.js';

export { createTransport, tokenKeyer, type CallOutcome, type CallSpan, type CallTracer, type RefusedCall, type SavedRead, type Transport, type TransportOptions, type UpstreamCall } from './transport.js';
export { httpError, networkError, parseRetryAfter, UnexpectedAnswerError, WorkatoError, type WorkatoErrorKind } from './workato-error.js';

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw body (e.g. a zip stream) sent as application/octet-stream; `length` (bytes) becomes Content-Length. */
  raw?: { body: NonNullable<Dispatcher.DispatchOptions['body']>; contentType: string; length?: number };
  /**
   * The endpoint's Embedded variant lives under `/v2/managed_users/<id>` rather than `/managed_users/<id>`
   * (REFERENCE §17.8: tags, on-prem, developer API clients). No effect in the caller's own workspace.
   */
  embeddedV2?: boolean;
  /**
   * A v2 path in every scope (§22 v2 API clients and keys): `/v2/api_clients` in the caller's own workspace,
   * `/v2/managed_users/<id>/api_clients` in a customer's (Workato's Embedded API platform page), never
   * `/managed_users/<id>/v2/…`.
   */
  v2?: boolean;
  /**
   * Aborts the call when the caller no longer wants the answer (a subscriber gone during a long poll, §26). An abort
   * is not a failure of the origin: the breaker does not count it.
   */
  signal?: AbortSignal;
  /** A POST that only reads (event-stream consume, §26): retried like a GET. Publishing never sets it. */
  idempotent?: boolean;
  /**
   * The answer is a secret issued to this one call (an on-prem activation code, §24): never shared with another
   * request's identical read in flight, which would hand one caller's secret to a second request.
   */
  secret?: true;
  /**
   * Tells a 429 that is Workato's verdict on the object (poll-now's trigger back-off or empty credit, §10.10) from one
   * about the caller's rate: such a 429 blocks nothing else of the caller's quota family until its `Retry-After`.
   */
  objectThrottle?: (message: string | undefined) => boolean;
}

/** What the APIs of one GraphQL request share: the caller's keyed token hash, the in-flight cap and the ledger. */
export interface CallerBudget {
  key: string;
  slots: Semaphore;
  /** What the request has cost upstream so far (ledger.ts): `extensions.workato` reports it. */
  ledger: CallLedger;
  /**
   * The request has sent a write: its reads from then on never join a read already in flight, which may have left
   * before the write and answer the state it changed (a mutation's read-back).
   */
  wrote?: boolean;
}

/**
 * A Workato API bound to one caller's token and one scope: the workspace itself (`prefix` '') or an
 * Embedded customer workspace (`prefix` '/managed_users/<id>', REFERENCE §17).
 */
export class WorkatoApi {
  private readonly budget: CallerBudget;

  constructor(
    private readonly transport: Transport,
    readonly baseUrl: string,
    private readonly token: string,
    readonly prefix: string = '',
    /** Set when the caller brought no usable token: every call fails with 401 before reaching Workato. */
    private readonly refusal?: string,
    budget?: CallerBudget | { ledger: CallLedger },
  ) {
    this.budget =
      budget && 'slots' in budget
        ? budget
        : {
            key: refusal !== undefined ? 'anonymous' : (transport.keyOf?.(token) ?? 'caller'),
            slots: new Semaphore(transport.concurrencyPerRequest ?? Number.POSITIVE_INFINITY),
            ledger: budget?.ledger ?? new CallLedger(),
          };
    this.budget.ledger.caller ??= this.budget.key;
  }

  /** An API for a caller without a usable token; schema introspection still works, Workato calls do not. */
  static refusing(transport: Transport, baseUrl: string, reason: string, ledger?: CallLedger): WorkatoApi {
    return new WorkatoApi(transport, baseUrl, '', '', reason, ledger ? { ledger } : undefined);
  }

  /** Keyed hash of the caller's token: scopes caches and quotas; safe to log. */
  get callerKey(): string {
    return this.budget.key;
  }

  /** What this request has cost upstream so far (shared by every scope of the request). */
  get ledger(): CallLedger {
    return this.budget.ledger;
  }

  /**
   * This caller's standing in every quota family: the documented ones (full when unused) and any other it has
   * used, with whether the gateway holds calls back (WORKATO_RATE_LIMIT) or only counts them.
   */
  quotas(): { enforced: boolean; families: Array<{ family: Family; usage: QuotaUsage }> } {
    const limiter = this.transport.limiter;
    const used = new Map((limiter?.callerFamilies(this.budget.key) ?? []).map((f) => [f.family, f]));
    const families = DOCUMENTED_FAMILIES.map((family) => ({
      family,
      usage: used.get(family.name)?.usage ?? untouched(family.quota),
    }));
    for (const [name, f] of used) if (!DOCUMENTED_FAMILIES.some((d) => d.name === name)) families.push({ family: { name, quota: f.quota }, usage: f.usage });
    return { enforced: limiter?.enforcing ?? false, families: families.sort((a, b) => a.family.name.localeCompare(b.family.name)) };
  }

  /** Brings this caller's figures up to date where the quota windows are shared (Redis); a no-op in process. */
  async refreshQuotas(): Promise<void> {
    await this.transport.limiter?.refresh?.(this.budget.key, DOCUMENTED_FAMILIES.map((f) => ({ name: f.name, quota: f.quota })));
  }

  /** A read of this scope that the reference cache (loaders/reference-cache.ts) answered: counted, never sent. */
  answeredByReferenceCache(resource: string): void {
    const path = this.prefix + resource;
    this.ledger.cachedRead('GET', path);
    this.transport.onSaved?.({ family: familyOf('GET', path.split('?')[0]!).name, by: 'reference_cache' });
  }

  /** The quota window key of a family for this caller (rate-limiter.ts). */
  quotaKey(family: string): string {
    return `${this.budget.key}|${family}`;
  }

  /** The same caller, addressing an Embedded customer workspace (numeric id or `E<external id>`). */
  forManagedUser(segment: string): WorkatoApi {
    return new WorkatoApi(this.transport, this.baseUrl, this.token, `/managed_users/${segment}`, this.refusal, this.budget);
  }

  /**
   * The same caller and scope with a ledger of its own: for a background refresh of the reference cache, which is no
   * call of the request that started it (same quotas, breaker and in-flight sharing: they are keyed by the caller).
   */
  detached(): WorkatoApi {
    return new WorkatoApi(this.transport, this.baseUrl, this.token, this.prefix, this.refusal, { ledger: new CallLedger() });
  }

  /**
   * The same caller, whose reads never join an identical read already in flight: the reference cache shares its own
   * fills, per generation, and a read made after a write must not take the answer of one sent before it.
   */
  exclusive(): WorkatoApi {
    const api = new WorkatoApi(this.transport, this.baseUrl, this.token, this.prefix, this.refusal, this.budget);
    api.joinsReadsInFlight = false;
    return api;
  }

  private joinsReadsInFlight = true;

  /**
   * The same caller and scope on another Workato host with the same token (§25 data-table records, §26 event-stream
   * messages): the same pool, timeouts, retries, quotas, breaker (per origin and caller) and in-flight cap.
   */
  onHost(baseUrl: string): WorkatoApi {
    return new WorkatoApi(this.transport, baseUrl.replace(/\/+$/, ''), this.token, this.prefix, this.refusal, this.budget);
  }

  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query'> = {}): Promise<T> {
    return this.send<T>('GET', path, { ...options, query });
  }

  /** The path as sent: scope prefix (and `/v2` for the §17.8 families' Embedded variants and v2 paths) + path. */
  private scoped(path: string, options: RequestOptions): string {
    return options.v2 || (options.embeddedV2 && this.prefix) ? `/v2${this.prefix}${path}` : `${this.prefix}${path}`;
  }

  /**
   * Paths are relative to the API root and the scope: `send('GET', '/recipes')` → `<base>/api/recipes`.
   * Reads are retried on 429/502/503/504 and broken connections, with backoff and `Retry-After`; writes never are.
   */
  async send<T>(method: Dispatcher.HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const fullPath = this.scoped(path, options);
    this.refuseUnsendable(method, fullPath);
    const family = familyOf(method, fullPath);
    const { ledger } = this.budget;
    const inflight = this.transport.inflight;
    const writes = isWrite(method, options) && !ledger.planning;
    if (writes) {
      this.budget.wrote = true;
      // A read of this caller sent from now on must see the write: it does not join one that left before.
      this.forgetReadsInFlight();
    }
    // (Not with a caller's abort signal, which would end the call for every sharer; not for a secret; not without a
    // keyed token hash.)
    const shareable = method === 'GET' && !options.raw && !options.signal && !options.secret && !ledger.planning && inflight && this.transport.keyOf && this.joinsReadsInFlight;
    const search = queryString(options.query);
    if (!shareable) {
      try {
        return (await this.withRetries<T>(method, fullPath, search, family, options)).value;
      } finally {
        if (writes) this.forgetReadsInFlight(); // and reads sent while it was out may have read the state before it
      }
    }
    // Identical reads of the same caller in flight share one Workato call (another request of the same token asked for
    // the same path and query a moment ago): never across tokens (the key holds the keyed token hash), never for a
    // write or a read after one (`wrote`), never past the call's end, never a read that left before a write of the
    // caller started or ended (`forgetReadsInFlight`). Each sharer parses the answer itself: loaders mark the objects
    // they are given.
    const key = `${this.budget.key} ${this.baseUrl}${fullPath}${search}`;
    const pending = this.budget.wrote ? undefined : (inflight.get(key) as Promise<Answer<T>> | undefined);
    if (pending) {
      const ticket = ledger.shared('GET', fullPath + search, family);
      this.transport.onSaved?.({ family: family.name, by: 'shared_call' });
      let status = 0;
      try {
        const { text } = await pending;
        status = 200;
        return (text.trim() === '' ? undefined : JSON.parse(text)) as T;
      } catch (error) {
        status = error instanceof WorkatoError ? error.status : 0;
        throw error;
      } finally {
        ledger.end(ticket, status);
      }
    }
    const call = this.withRetries<T>(method, fullPath, search, family, options);
    inflight.set(key, call);
    try {
      return (await call).value;
    } finally {
      if (inflight.get(key) === call) inflight.delete(key);
    }
  }

  /** This caller's reads in flight stop taking new sharers (they still answer the requests that joined them). */
  private forgetReadsInFlight(): void {
    const inflight = this.transport.inflight;
    if (!inflight?.size) return;
    const prefix = `${this.budget.key} `;
    for (const key of inflight.keys()) if (key.startsWith(prefix)) inflight.delete(key);
  }

  /** One call with its retries (reads only, on 429/502/503/504 and broken connections). */
  private async withRetries<T>(method: Dispatcher.HttpMethod, fullPath: string, search: string, family: Family, options: RequestOptions): Promise<Answer<T>> {
    const policy = this.transport.retry;
    const retryable = policy !== undefined && !isWrite(method, options) && !options.raw;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(method, fullPath, search, family, options, attempt, this.budget.ledger.issue());
      } catch (error) {
        if (!retryable || attempt >= policy.retries || !(error instanceof WorkatoError) || !isTransient(error)) throw error;
        const wait = backoffMs(policy, attempt, error.status === 429 || error.status === 503 ? error.retryAfter : undefined);
        if (wait === undefined) throw error;
        await sleep(wait);
        if (options.signal?.aborted) throw error; // the caller went away during the backoff
      }
    }
  }

  private async attempt<T>(method: string, fullPath: string, search: string, family: Family, options: RequestOptions, attempt: number, depth: number): Promise<Answer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    let body: Dispatcher.DispatchOptions['body'];
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      if (options.raw.length !== undefined) headers['content-length'] = String(options.raw.length);
      body = options.raw.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const { ledger } = this.budget;
    if (ledger.planning) {
      // Explain: the call is recorded as the plan's and not sent. It "answers" (fails) one I/O turn later, as a real
      // answer would, so that every call issued alongside it is recorded in the same round trip.
      const ticket = ledger.start(method, fullPath + search, family, depth, attempt);
      await new Promise((resolve) => setImmediate(resolve));
      ledger.end(ticket, 0);
      throw new WorkatoError({ kind: 'unavailable', status: 0, method, path: fullPath, message: 'Not sent: this request asked for the plan only (explain).' });
    }
    const release = await this.admit(method, fullPath, family);
    const deadline = deadlineOf(this.transport);
    const ticket = ledger.start(method, fullPath + search, family, depth, attempt);
    // Started once admitted: a call refused for its quota or an open circuit never leaves, so it has no span (the
    // GraphQL error says why). Each retry is its own attempt, so its own span.
    const span = this.transport.tracer?.start({ method, family: family.name, attempt });
    if (span) Object.assign(headers, span.headers);
    const started = performance.now();
    let status = 0;
    let outcome: CallOutcome = 'response';
    try {
      const { origin, path } = this.target(fullPath + search);
      const response = await this.transport.dispatcher.request({
        origin,
        path,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal: options.signal && deadline ? AbortSignal.any([deadline, options.signal]) : (options.signal ?? deadline),
        headersTimeout: this.transport.timeouts.headersMs,
        bodyTimeout: this.transport.timeouts.bodyMs,
      });
      status = response.statusCode;
      const text = await this.bodyText(response, method, fullPath).catch((error: unknown) => {
        // Too large: the answer arrived (a response for the breaker and the metrics), unread.
        if (error instanceof WorkatoError) this.settle(method, fullPath, family, status, started, attempt, 'response');
        throw error;
      });
      this.settle(method, fullPath, family, status, started, attempt, 'response');
      const parsed = parseJson(text);
      if (status >= 200 && status < 300) {
        if (text.trim() === '') return { value: undefined as T, text }; // 204 / empty success bodies (REFERENCE §3)
        if (parsed === NOT_JSON) {
          throw new WorkatoError({
            kind: 'protocol',
            status,
            method,
            path: fullPath,
            message: `Workato answered ${method} ${fullPath} with a body that is not JSON.`,
          });
        }
        return { value: parsed as T, text };
      }
      const error = httpError(status, response.headers, parsed === NOT_JSON ? undefined : parsed, text, method, fullPath);
      // Workato's own 429 corrects our count: no call of this caller's family before its Retry-After (unless the
      // 429 is about this object alone).
      if (status === 429 && error.retryAfter !== undefined && !options.objectThrottle?.(error.detail)) {
        this.transport.limiter?.block(this.quotaKey(family.name), family.quota, Date.now() + error.retryAfter * 1000);
      }
      throw error;
    } catch (cause) {
      if (cause instanceof WorkatoError) throw cause;
      const error = networkError(cause, method, fullPath, {
        timedOut: deadline?.aborted === true,
        answered: status > 0,
        write: isWrite(method, options),
      });
      outcome = error.kind === 'timeout' ? 'timeout' : 'network';
      this.settle(method, fullPath, family, status, started, attempt, outcome, cause);
      throw error;
    } finally {
      span?.end(status, outcome);
      this.budget.ledger.end(ticket, status);
      release();
    }
  }

  /**
   * The answer's text, up to the transport's `maxResponseBytes`: a bigger answer (by its Content-Length, or counted as
   * it arrives) is dropped unread and fails as `protocol`, so one huge answer cannot take the process's memory.
   */
  private async bodyText(response: Dispatcher.ResponseData, method: string, fullPath: string): Promise<string> {
    const max = this.transport.maxResponseBytes;
    if (max === undefined) return response.body.text();
    const tooLarge = () => {
      response.body.destroy();
      return new WorkatoError({
        kind: 'protocol',
        status: response.statusCode,
        method,
        path: fullPath,
        message: `Workato's answer to ${method} ${fullPath} is larger than WORKATO_MAX_RESPONSE_BYTES (${max} bytes); it was not read.`,
      });
    };
    const declared = Number(response.headers['content-length']); // NaN without one: counted below
    if (Number.isFinite(declared)) {
      if (declared > max) throw tooLarge();
      return response.body.text();
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > max) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, bytes).toString('utf8');
  }

  /** Streams a binary answer (package downloads): status, headers and the undici body, unbuffered. */
  async stream(path: string, signal?: AbortSignal): Promise<Dispatcher.ResponseData> {
    const fullPath = `${this.prefix}${path}`;
    this.refuseUnsendable('GET', fullPath);
    const family = familyOf('GET', fullPath);
    // The body is read later by the caller: no in-flight slot is held for it, but quota and breaker apply.
    const depth = this.budget.ledger.issue();
    (await this.admit('GET', fullPath, family))();
    const ticket = this.budget.ledger.start('GET', fullPath, family, depth, 0);
    const span = this.transport.tracer?.start({ method: 'GET', family: family.name, attempt: 0 });
    const started = performance.now();
    let status = 0;
    let outcome: CallOutcome = 'network';
    try {
      const { origin, path } = this.target(fullPath);
      const response = await this.transport.dispatcher.request({
        origin,
        path,
        method: 'GET',
        headers: { authorization: `Bearer ${this.token}`, ...span?.headers },
        signal,
        headersTimeout: this.transport.timeouts.headersMs,
        bodyTimeout: this.transport.timeouts.bodyMs,
      });
      status = response.statusCode;
      outcome = 'response';
      this.settle('GET', fullPath, family, response.statusCode, started, 0, 'response');
      return response;
    } catch (cause) {
      this.settle('GET', fullPath, family, 0, started, 0, 'network', cause);
      throw networkError(cause, 'GET', fullPath);
    } finally {
      span?.end(status, outcome); // at the headers: the body streams to the client afterwards
      this.budget.ledger.end(ticket, status);
    }
  }

  /**
   * Streams an absolute URL outside the API — where a package download redirects (REFERENCE §15.6) — through the
   * same pool and timeouts but WITHOUT the Authorization header: the token must never reach a storage host.
   */
  async streamExternal(url: string, signal?: AbortSignal): Promise<Dispatcher.ResponseData> {
    const path = new URL(url).pathname; // reported and put in errors without the (signed) query string
    const started = performance.now();
    try {
      const response = await request(url, {
        method: 'GET',
        signal,
        dispatcher: this.transport.dispatcher,
        headersTimeout: this.transport.timeouts.headersMs,
        bodyTimeout: this.transport.timeouts.bodyMs,
      });
      this.report({ method: 'GET', path, status: response.statusCode, durationMs: performance.now() - started, family: 'external', outcome: 'response' });
      return response;
    } catch (cause) {
      this.report({ method: 'GET', path, status: 0, durationMs: performance.now() - started, family: 'external', outcome: 'network' });
      throw networkError(cause, 'GET', path);
    }
  }

  /**
   * Refused before any call: no usable token; or a path segment of dots (`..`, `.`, `%2E%2E`), which URL resolution
   * would turn into another endpoint (`/recipes/1/jobs/..` is `/recipes/1`): an id a caller gave must name an object,
   * never steer the token elsewhere.
   */
  private refuseUnsendable(method: string, fullPath: string): void {
    if (this.refusal !== undefined) {
      throw new WorkatoError({ kind: 'auth', status: 401, method, path: fullPath, message: this.refusal });
    }
    // An empty id leaves an empty segment (`/recipes/1/jobs/`): the list, read as if it were the object.
    if (fullPath.endsWith('/') || fullPath.includes('//')) {
      throw new WorkatoError({ kind: 'invalid', status: 0, method, path: fullPath, message: 'An empty id would reach another Workato endpoint: give the id. Workato was not called.' });
    }
    if (!fullPath.includes('.') && !fullPath.includes('%')) return;
    const dots = fullPath.split('/').find((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
    if (dots !== undefined) {
      throw new WorkatoError({
        kind: 'invalid',
        status: 0,
        method,
        path: fullPath,
        message: `"${decodeURIComponent(dots)}" is not an id: a path segment of dots would reach another Workato endpoint. Workato was not called.`,
      });
    }
  }

  /**
   * Quota first (it may queue), then an in-flight slot of this request, then the breaker (last, so a half-open
   * probe is not held in a queue). Resolves to the slot's release; throws a WorkatoError when refused.
   */
  private async admit(method: string, fullPath: string, family: Family): Promise<() => void> {
    const { limiter, breaker } = this.transport;
    if (limiter) {
      const slot = await limiter.acquire(this.quotaKey(family.name), family.quota);
      if (!slot.ok) {
        this.transport.onRefused?.({ method, family: family.name, reason: 'throttled' });
        // The quota that refused it: while Redis is away, this replica's share of the family's.
        const { quota } = slot;
        const per = quota.windowMs >= 60_000 ? 'minute' : 'second';
        const limit = quota.windowMs >= 60_000 ? quota.limit * (60_000 / quota.windowMs) : quota.limit;
        throw new WorkatoError({
          kind: 'throttled',
          status: 429,
          method,
          path: fullPath,
          retryAfter: slot.retryAfterSeconds,
          message:
            quota.limit < family.quota.limit
              ? `This token has used this gateway replica's share of its Workato quota for ${family.name} calls (${limit} per ${per}, while the replicas cannot share their count); the gateway held back ${method} ${fullPath}.`
              : `This token has used its Workato quota for ${family.name} calls (${limit} per ${per}); the gateway held back ${method} ${fullPath}.`,
        });
      }
    }
    const release = await this.budget.slots.acquire();
    const gate = breaker?.allow(this.origin, this.budget.key, this.budget.ledger.requestId) ?? { ok: true as const };
    if (!gate.ok) {
      release();
      this.transport.onRefused?.({ method, family: family.name, reason: 'circuit_open' });
      throw new WorkatoError({
        kind: 'unavailable',
        status: 503,
        method,
        path: fullPath,
        retryAfter: gate.retryAfterSeconds,
        message: `Workato failed repeatedly for this token, so the gateway is not calling it with this token for a while (${method} ${fullPath}).`,
      });
    }
    return release;
  }

  /** Feeds the breaker (5xx, timeouts and broken connections count as failures) and the metrics hook. */
  private settle(method: string, path: string, family: Family, status: number, started: number, attempt: number, outcome: CallOutcome, cause?: unknown): void {
    const failed = outcome !== 'response' || status >= 500;
    if (outcome === 'network' && (cause as Error | undefined)?.name === 'AbortError' && status === 0) {
      // Aborted by our caller (a download cancelled), not a failure of the origin.
      this.transport.breaker?.release(this.origin, this.budget.key);
    } else {
      this.transport.breaker?.record(this.origin, this.budget.key, failed, this.budget.ledger.requestId);
    }
    this.report({ method, path, status, durationMs: performance.now() - started, family: family.name, outcome, attempt });
  }

  private report(call: Parameters<NonNullable<Transport['onCall']>>[0]): void {
    this.transport.onCall?.(call);
  }

  private get origin(): string {
    return this.base.origin;
  }

  /**
   * Where a call goes, as undici's dispatcher takes it: the origin, and the base URL's path + `pathAndQuery` as
   * `new URL` would send them. Undici's top-level `request(url, options)` parses the URL and spreads the options into
   * a new object; calling the dispatcher with a literal instead cost 133–142 µs of CPU per call against 156–189 in a
   * scratch loop against a bare local server (a version that spread `target`'s result into the literal saved
   * nothing), and in the `npm run bench:instructions` run against the build before, 5.44 against 6.14 M main-thread
   * instructions per managed user's recipes (12 calls), 1.27 against 1.33 per current user; one build's count moves
   * by a fifth between runs there (bench/README). A path of plain characters is sent as it is; anything else
   * (spaces, `#`, non-ASCII, dot segments) is parsed as before. test/workato-paths.test.ts holds the two equal.
   */
  private target(pathAndQuery: string): { origin: string; path: string } {
    const { origin, path: basePath } = this.base;
    const path = basePath + pathAndQuery;
    if (PLAIN_PATH.test(path) && !MAYBE_DOT_SEGMENT.test(path)) return { origin, path };
    const url = new URL(origin + path);
    return { origin, path: url.pathname + url.search };
  }

  private get base(): { origin: string; path: string } {
    if (!this.baseCache) {
      const url = new URL(this.baseUrl);
      this.baseCache = { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
    }
    return this.baseCache;
  }

  private baseCache: { origin: string; path: string } | undefined;
}

/** Characters `new URL` sends unchanged in an http(s) path and query: no parsing needed (`target`). */
const PLAIN_PATH = /^\/[\w\-.~!$&()*+,;=:@/?%[\]]*$/;
/** What `new URL` may read as a `.` or `..` segment and resolve away: such a path is parsed (`target`). */
const MAYBE_DOT_SEGMENT = /\/\.|%2e/i;

/** The process's deadline signals for whole calls, one set per transport (timeouts.totalMs; none without it). */
const deadlines = new WeakMap<Transport, () => AbortSignal>();
function deadlineOf(transport: Transport): AbortSignal | undefined {
  const totalMs = transport.timeouts.totalMs;
  if (!totalMs) return undefined;
  let next = deadlines.get(transport);
  if (!next) deadlines.set(transport, (next = sharedDeadlines(totalMs)));
  return next();
}

/** A successful answer: the parsed body for the caller that made the call, its text for any that shared it. */
interface Answer<T> {
  value: T;
  text: string;
}

/** Failures worth another try of a read: the retryable statuses and broken connections, never timeouts. */
function isTransient(error: WorkatoError): boolean {
  if (error.kind === 'http') return RETRYABLE_STATUSES.has(error.status);
  if (error.kind === 'network') return isConnectionReset(error.cause);
  return false;
}

const NOT_JSON = Symbol('not-json');

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** Rails-style query string (REFERENCE §3): arrays as `key[]=a&key[]=b`, undefined/null dropped. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
