/**
 * The request id, carried by AsyncLocalStorage from the moment the HTTP request arrives: every log line written
 * while serving it (ours, yoga's, a plugin's) carries it, and so do the response header and error extensions.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CallLedger } from '../workato/ledger.js';

export interface RequestScope {
  requestId: string;
  /** What the request has cost upstream; set when its GraphQL context is made (context.ts). */
  ledger?: CallLedger;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** A caller's `x-request-id` is kept when it is a plain token (no spaces or control characters: no log forging). */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The scope of the request being served (undefined outside one). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
