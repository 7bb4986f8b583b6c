/**
 * Shared HTTP plumbing for route handlers: replies, errors, Rails-style query parsing and the documented
 * pagination defaults (REFERENCE §3, §4, §6).
 */
import type { WorkspaceStore } from './store.js';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers; the server turns it into a JSON answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
/** REFERENCE §4.1/§4.2: unknown id → 404 `{"message": "Not found"}`. */
export const notFound = (): HttpError => new HttpError(404, { message: 'Not found' });
/** REFERENCE §4.1: malformed input → 400 `{"message": "..."}`. */
export const badRequest = (message: string): HttpError => new HttpError(400, { message });

export interface RouteContext {
  store: WorkspaceStore;
  params: Record<string, string>;
  query: Query;
  method: string;
  /** Parsed JSON body (undefined when empty); 400 on invalid JSON. */
  readJson(): Promise<unknown>;
  /** The raw body bytes (package imports send a zip, REFERENCE §3). */
  readBody(): Promise<Buffer>;
  /**
   * The folders a folder-scoped API client's token sees (§2.1: its folders and their subfolders); undefined: all.
   * Recipe, connection, folder and project lists leave the others out (developer-api-clients.ts `folderScopeOf`).
   */
  folderScope?: ReadonlySet<number>;
}

/** RouteContext.folderScope: whether an asset in `folderId` is visible under `scope` (undefined: every folder; an asset in no folder is not). */
export function inScope(scope: ReadonlySet<number> | undefined, folderId: number | null | undefined): boolean {
  return !scope || (folderId != null && scope.has(folderId));
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  method: Method;
  /** Path with the reference's parameter names, e.g. `/api/recipes/:recipe_id/jobs`. */
  path: string;
  handler(ctx: RouteContext): Reply | Promise<Reply>;
  /**
   * Where this route's Embedded variant lives (REFERENCE §17.8), for families added after the first six: under
   * `/api/managed_users/:managed_user_id` or `/api/v2/managed_users/:managed_user_id` (routes/embedded.ts).
   */
  embedded?: 'managed_users' | 'v2/managed_users';
  /**
   * The handler of this route's customer twin (routes/embedded.ts) where the Embedded endpoint behaves differently
   * from the workspace one (e.g. §17.3: customer connections are created as shells only); default `handler`.
   */
  customer?(ctx: RouteContext): Reply | Promise<Reply>;
}

const INT = /^-?\d+$/;

/** Path ids: a non-integer behaves like an unknown record → 404 (Rails `find`). */
export function pathInt(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw notFound();
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw notFound();
  return n;
}

/**
 * Query access with Rails semantics: repeated scalars → the last value wins; `name[]=a&name[]=b` → array
 * (brackets may be URL-encoded; URLSearchParams decodes them).
 */
export class Query {
  constructor(readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** Last value of a scalar parameter; empty strings count as absent (Rails `present?`). */
  string(name: string): string | undefined {
    const all = this.params.getAll(name);
    const v = all[all.length - 1];
    return v === undefined || v === '' ? undefined : v;
  }

  /** `name[]` values, plus a plain `name` value (some clients send `includes=tags`). */
  list(name: string): string[] {
    return [...this.params.getAll(`${name}[]`), ...this.params.getAll(name)].filter((v) => v !== '');
  }

  /** Comma-separated list (`adapter_names_any=a,b`), trimmed, empties dropped. */
  csv(name: string): string[] | undefined {
    const v = this.string(name);
    return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
  }

  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const t = v.trim();
    if (!INT.test(t) || !Number.isSafeInteger(Number(t))) throw badRequest(`${name} must be an integer`);
    const n = Number(t);
    if (opts.min !== undefined && n < opts.min) throw badRequest(`${name} must be greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw badRequest(`${name} must be less than or equal to ${opts.max}`);
    return n;
  }

  /** REFERENCE §3: booleans travel as `true`/`false` (we also take `1`/`0`). */
  bool(name: string): boolean | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    throw badRequest(`${name} must be true or false`);
  }

  /** ISO 8601 datetime → epoch ms. */
  time(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) throw badRequest(`${name} must be an ISO 8601 datetime`);
    return ms;
  }
}

export interface PageWindow {
  page: number;
  perPage: number;
  offset: number;
}

/** REFERENCE §6: `page` is 1-based (default 1); `per_page` default 100, max 100 unless the endpoint says otherwise. */
export function pageParams(q: Query, defaults: { perPage?: number; maxPerPage?: number } = {}): PageWindow {
  const page = q.int('page', { min: 1 }) ?? 1;
  const perPage = q.int('per_page', { min: 1, max: defaults.maxPerPage ?? 100 }) ?? defaults.perPage ?? 100;
  return { page, perPage, offset: (page - 1) * perPage };
}

export function paginate<T>(items: readonly T[], w: PageWindow): T[] {
  return items.slice(w.offset, w.offset + w.perPage);
}

/** A JSON object (not null, not an array): what a request body or a nested field must be. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
