/**
 * The one place that talks HTTP to Workato: base URL, bearer header, the shared undici pool, timeouts,
 * JSON parsing (204, empty and non-JSON bodies) and the mapping of every non-2xx to a WorkatoError.
 * Domain files (recipes.ts, jobs.ts, …) hold one small typed function per endpoint on top of this.
 */
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { Workato } from './types.js';

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** `auth`: refused locally (no usable token), Workato was not called. */
export type WorkatoErrorKind = 'http' | 'auth' | 'timeout' | 'network' | 'protocol';

/** A failed Workato call. Carries what a caller needs to explain it; never the token. */
export class WorkatoError extends Error {
  readonly kind: WorkatoErrorKind;
  /** HTTP status; 0 when no response arrived (timeout, network). */
  readonly status: number;
  /** Workato's own error code or type, when it sent one. */
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  /** Field → messages from validation answers (REFERENCE §4.2). */
  readonly fieldErrors?: Record<string, string[]>;
  /** Upstream request or error id (`x-request-id` header or the 500 body's `id`). */
  readonly requestId?: string;
  /** Seconds to wait, from `Retry-After` on 429/503. */
  readonly retryAfter?: number;
  readonly method: string;
  /** The path without the query string (ids only, no secrets). */
  readonly path: string;

  constructor(init: {
    kind: WorkatoErrorKind;
    status: number;
    message: string;
    method: string;
    path: string;
    code?: string;
    title?: string;
    detail?: string;
    fieldErrors?: Record<string, string[]>;
    requestId?: string;
    retryAfter?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'WorkatoError';
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

export interface Transport {
  dispatcher: Dispatcher;
  timeouts: { headersMs: number; bodyMs: number };
  /** Called after every upstream call, for metrics and benchmarks. */
  onCall?: (call: UpstreamCall) => void;
}

export interface UpstreamCall {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

/** One keep-alive pool per origin (undici's Agent keeps a Pool per origin), shared by all callers. */
export function createTransport(opts: {
  connections: number;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  onCall?: (call: UpstreamCall) => void;
}): Transport {
  const dispatcher = new Agent({
    connections: opts.connections,
    keepAliveTimeout: 30_000,
    connect: { timeout: opts.timeouts.connectMs },
  });
  return { dispatcher, timeouts: opts.timeouts, onCall: opts.onCall };
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw body (e.g. a zip stream) sent as application/octet-stream. */
  raw?: { body: NonNullable<Dispatcher.DispatchOptions['body']>; contentType: string };
}

/**
 * A Workato API bound to one caller's token and one scope: the workspace itself (`prefix` '') or an
 * Embedded customer workspace (`prefix` '/managed_users/<id>', REFERENCE §17).
 */
export class WorkatoApi {
  constructor(
    private readonly transport: Transport,
    readonly baseUrl: string,
    private readonly token: string,
    readonly prefix: string = '',
    /** Set when the caller brought no usable token: every call fails with 401 before reaching Workato. */
    private readonly refusal?: string,
  ) {}

  /** An API for a caller without a usable token; schema introspection still works, Workato calls do not. */
  static refusing(transport: Transport, baseUrl: string, reason: string): WorkatoApi {
    return new WorkatoApi(transport, baseUrl, '', '', reason);
  }

  /** The same caller, addressing an Embedded customer workspace (numeric id or `E<external id>`). */
  forManagedUser(segment: string): WorkatoApi {
    return new WorkatoApi(this.transport, this.baseUrl, this.token, `/managed_users/${segment}`, this.refusal);
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', path, { query });
  }

  /** Paths are relative to the API root and the scope: `send('GET', '/recipes')` → `<base>/api/recipes`. */
  async send<T>(method: Dispatcher.HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const fullPath = `${this.prefix}${path}`;
    if (this.refusal !== undefined) {
      throw new WorkatoError({ kind: 'auth', status: 401, method, path: fullPath, message: this.refusal });
    }
    const url = `${this.baseUrl}${fullPath}${queryString(options.query)}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: 'application/json',
    };
    let body: Dispatcher.DispatchOptions['body'];
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const started = performance.now();
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method,
        headers,
        body,
        dispatcher: this.transport.dispatcher,
        headersTimeout: this.transport.timeouts.headersMs,
        bodyTimeout: this.transport.timeouts.bodyMs,
      });
    } catch (cause) {
      this.report(method, fullPath, 0, started);
      throw networkError(cause, method, fullPath);
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (cause) {
      this.report(method, fullPath, response.statusCode, started);
      throw networkError(cause, method, fullPath);
    }
    this.report(method, fullPath, response.statusCode, started);
    const status = response.statusCode;
    const parsed = parseJson(text);
    if (status >= 200 && status < 300) {
      if (text.trim() === '') return undefined as T; // 204 / empty success bodies (REFERENCE §3)
      if (parsed === NOT_JSON) {
        throw new WorkatoError({
          kind: 'protocol',
          status,
          method,
          path: fullPath,
          message: `Workato answered ${method} ${fullPath} with a body that is not JSON.`,
        });
      }
      return parsed as T;
    }
    throw httpError(status, response.headers, parsed === NOT_JSON ? undefined : parsed, text, method, fullPath);
  }

  /** Streams a binary answer (package downloads): status, headers and the undici body, unbuffered. */
  async stream(path: string): Promise<Dispatcher.ResponseData> {
    const fullPath = `${this.prefix}${path}`;
    if (this.refusal !== undefined) {
      throw new WorkatoError({ kind: 'auth', status: 401, method: 'GET', path: fullPath, message: this.refusal });
    }
    const started = performance.now();
    try {
      const response = await request(`${this.baseUrl}${fullPath}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${this.token}` },
        dispatcher: this.transport.dispatcher,
        headersTimeout: this.transport.timeouts.headersMs,
        bodyTimeout: this.transport.timeouts.bodyMs,
      });
      this.report('GET', fullPath, response.statusCode, started);
      return response;
    } catch (cause) {
      this.report('GET', fullPath, 0, started);
      throw networkError(cause, 'GET', fullPath);
    }
  }

  private report(method: string, path: string, status: number, started: number): void {
    this.transport.onCall?.({ method, path, status, durationMs: performance.now() - started });
  }
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

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Reads every documented error shape (REFERENCE §4.2) plus `{"errors":[{code,title,detail}]}`. */
function httpError(
  status: number,
  headers: Dispatcher.ResponseData['headers'],
  body: unknown,
  text: string,
  method: string,
  path: string,
): WorkatoError {
  const b = (body && typeof body === 'object' ? body : {}) as Workato.ErrorBody;
  let title: string | undefined;
  let detail: string | undefined;
  let code: string | undefined = b.error_type;
  let fieldErrors: Record<string, string[]> | undefined;
  if (Array.isArray(b.errors)) {
    const first = b.errors[0];
    title = first?.title;
    detail = first?.detail;
    if (first?.code !== undefined && code === undefined) code = String(first.code);
  } else if (b.errors && typeof b.errors === 'object') {
    fieldErrors = b.errors;
  }
  const firstFieldError = fieldErrors ? Object.entries(fieldErrors)[0] : undefined;
  const upstreamMessage =
    b.message ??
    b.error ??
    b.detail ??
    b.description ??
    title ??
    (firstFieldError ? `${firstFieldError[0]} ${firstFieldError[1]?.[0] ?? ''}`.trim() : undefined) ??
    (body === undefined && text.trim() ? `non-JSON body (${text.trim().slice(0, 80).replace(/\s+/g, ' ')}…)` : undefined);
  return new WorkatoError({
    kind: 'http',
    status,
    method,
    path,
    code,
    title: title ?? b.message,
    detail: detail ?? upstreamMessage,
    fieldErrors,
    requestId: header(headers, 'x-request-id') ?? header(headers, 'x-correlation-id') ?? b.id,
    retryAfter: parseRetryAfter(header(headers, 'retry-after')),
    message: `Workato answered ${method} ${path} with HTTP ${status}${upstreamMessage ? `: ${upstreamMessage}` : ''}`,
  });
}

function networkError(cause: unknown, method: string, path: string): WorkatoError {
  const timedOut =
    cause instanceof undiciErrors.HeadersTimeoutError ||
    cause instanceof undiciErrors.BodyTimeoutError ||
    cause instanceof undiciErrors.ConnectTimeoutError;
  return new WorkatoError({
    kind: timedOut ? 'timeout' : 'network',
    status: 0,
    method,
    path,
    cause,
    message: timedOut
      ? `Workato did not answer ${method} ${path} in time.`
      : `Could not reach Workato for ${method} ${path}: ${(cause as Error)?.message ?? String(cause)}`,
  });
}
