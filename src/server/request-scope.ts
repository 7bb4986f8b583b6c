/**
 * The scope of one HTTP request: its id — in every log line about the request, the response header and error
 * extensions — and, once its GraphQL context is made, its call ledger.
 *
 * Carried explicitly, not by AsyncLocalStorage: on Node 20 a store that is ever entered hooks every promise the
 * process makes, 8–25 % of a request's main-thread instructions (bench/README, "CPU once warm").
 * http-handler.ts opens the scope on the node request it hands yoga; the request-id plugin (the first) binds the same
 * scope to yoga's `Request`, by which the context, the other plugins and their log lines find it.
 */
import { randomUUID } from 'node:crypto';
import type { CallLedger } from '../workato/ledger.js';

export interface RequestScope {
  requestId: string;
  /** What the request has cost upstream; set when its GraphQL context is made (context.ts). */
  ledger?: CallLedger;
}

/** Keyed by the request object (node's, then yoga's): gone with the request, never reachable from another. */
const scopes = new WeakMap<object, RequestScope>();

/** A caller's `x-request-id` is kept when it is a plain token (no spaces or control characters: no log forging). */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();
}

/** Makes `scope` the scope of `request` (a node request, or yoga's Request for the same exchange). */
export function bindRequestScope(request: object, scope: RequestScope): RequestScope {
  scopes.set(request, scope);
  return scope;
}

/** The scope bound to a request object; undefined when none was (a request that did not come through yoga). */
export function requestScopeOf(request: object | undefined): RequestScope | undefined {
  return request ? scopes.get(request) : undefined;
}

/**
 * The scope of yoga's Request: the one already bound to it, else the one http-handler.ts opened on the node request
 * behind it, else a new one from its `x-request-id` (a request handed to yoga directly, as tests do) — bound either way.
 */
export function scopeOfRequest(request: Request, nodeRequest?: object): RequestScope {
  return (
    scopes.get(request) ??
    bindRequestScope(request, requestScopeOf(nodeRequest) ?? { requestId: requestIdFrom(request.headers.get('x-request-id')) })
  );
}

/** The request id of a yoga Request (bound by the request-id plugin before any other plugin runs). */
export function requestIdOf(request: Request): string | undefined {
  return scopes.get(request)?.requestId;
}
