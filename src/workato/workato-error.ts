/**
 * WorkatoError: every failed Workato call, as one value the server layer maps to a coded GraphQL error. Built here
 * from HTTP answers (every documented error shape, REFERENCE §4.2) and from socket-level failures. Never holds a token.
 */
import { errors as undiciErrors, type Dispatcher } from 'undici';
import type { Workato } from './types.js';

/**
 * `auth`: refused locally (no usable token), Workato was not called. `throttled`: held back by the gateway's own
 * rate limiter (REFERENCE §5 quotas). `unavailable`: the origin's circuit breaker is open; Workato was not called.
 * `invalid`: the caller's id cannot be put in a path (http.ts refuseUnsendable); Workato was not called.
 */
export type WorkatoErrorKind = 'http' | 'auth' | 'timeout' | 'network' | 'protocol' | 'throttled' | 'unavailable' | 'invalid';

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
  /** Seconds to wait, from `Retry-After` on 429/503 (or the gateway's own limiter or breaker). */
  readonly retryAfter?: number;
  readonly method: string;
  /** The path without the query string (ids only, no secrets). */
  readonly path: string;
  /**
   * A write (any method but GET/HEAD, unless marked idempotent) that failed after its request may have reached
   * Workato (a broken connection or a timeout past connecting): Workato may have applied it, so a blind retry may
   * apply it twice. False when the call failed before a connection existed, or is a read.
   */
  readonly outcomeUnknown: boolean;

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
    outcomeUnknown?: boolean;
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
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }
}

/**
 * A 2xx answer without the shape the API documents where the gateway must have it (no list where a list is the
 * answer, an item that is not an object): Workato's fault, never stored by a cache, UPSTREAM_ERROR for the caller.
 */
export class UnexpectedAnswerError extends Error {
  constructor(what: string) {
    super(`Workato's answer was not what its API documents: ${what}. Try again later.`);
    this.name = 'UnexpectedAnswerError';
  }
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
export function httpError(
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

/** A call that got no (complete) answer. */
export function networkError(
  cause: unknown,
  method: string,
  path: string,
  call: {
    /** Our own deadline fired. */
    timedOut?: boolean;
    /** The response had begun (status and headers arrived) before the failure. */
    answered?: boolean;
    /** The call changes something at Workato (see WorkatoError.outcomeUnknown). */
    write?: boolean;
  } = {},
): WorkatoError {
  const timeout =
    call.timedOut === true ||
    cause instanceof undiciErrors.HeadersTimeoutError ||
    cause instanceof undiciErrors.BodyTimeoutError ||
    cause instanceof undiciErrors.ConnectTimeoutError;
  return new WorkatoError({
    kind: timeout ? 'timeout' : 'network',
    status: 0,
    method,
    path,
    cause,
    outcomeUnknown: call.write === true && mayHaveReached(cause, call.answered === true),
    message: timeout
      ? `Workato did not answer ${method} ${path} in time.`
      : `Could not reach Workato for ${method} ${path}: ${(cause as Error)?.message ?? String(cause)}`,
  });
}

/** Socket error codes of a connection that never came to be: no request left. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/**
 * Whether a failed call's request may have reached Workato. Only a failure known to come before anything was
 * written says no: connecting failed (refused, unresolvable, unreachable, connect timeout, TLS), or undici's socket
 * closed having written no byte. Anything else (a reset after the request went out or while reading the answer, a
 * headers or body timeout, our deadline) may have come after Workato received it.
 */
export function mayHaveReached(cause: unknown, answered: boolean): boolean {
  if (answered) return true;
  if (cause instanceof undiciErrors.ConnectTimeoutError) return false;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (NOT_CONNECTED.has(code) || TLS_FAILURE.test(code))) return false;
  if (cause instanceof undiciErrors.SocketError && cause.socket?.bytesWritten === 0) return false;
  return true;
}
