/** Small helpers for the trivial field maps (spotify-showcase `resolvers/helpers.ts`). */
import { NotFoundError } from '../loaders/errors.js';

/**
 * Marks a resolver that only reads its parent (no loader, no Workato call): the trace and explain wrappers
 * (server/schema.ts) leave it as it is, so the many plain fields of a large answer cost nothing extra.
 */
export const PARENT_ONLY = Symbol('reads only its parent');
export function parentOnly<F extends (...args: never[]) => unknown>(resolve: F): F {
  (resolve as F & { [PARENT_ONLY]?: true })[PARENT_ONLY] = true;
  return resolve;
}

/** A resolver reading one wire field (snake_case → the schema's camelCase field); absent → null. */
export const prop = <T, K extends keyof T>(key: K) =>
  parentOnly((parent: T): Exclude<T[K], undefined> | null => (parent[key] ?? null) as Exclude<T[K], undefined> | null);

/** A resolver reading a wire list, answering [] where Workato sent null or nothing. */
export const list = <T, K extends keyof T>(key: K) =>
  parentOnly((parent: T): NonNullable<T[K]> | [] => (parent[key] ?? []) as NonNullable<T[K]> | []);

/** A resolver reading a wire boolean, answering false where Workato sent null or nothing. */
export const flag = <T, K extends keyof T>(key: K) => parentOnly((parent: T): boolean => Boolean(parent[key]));

/** Workato sends some JSON as JSON-encoded strings (recipe `code`, §3); decode them, keep objects as they are. */
export function decodeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Keeps only the values the caller gave: an omitted and a null GraphQL argument or input field never reach Workato's
 * query string or body (in update inputs both mean "keep the current value", STYLE §6).
 */
export function given<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as never;
}

/** `workatoId`: Workato's own id of any wire object. */
export const workatoId = parentOnly((value: { id: number | string }): number | string => value.id);

/** GraphQL enum value (`IN_PROGRESS`) → Workato's wire string (`in_progress`), and back. */
export const toWire = <T extends string>(value: T | null | undefined) => (value == null ? undefined : value.toLowerCase());
export const fromWire = <T extends string>(value: string) => value.toUpperCase() as T;

/**
 * A loader's object with its GraphQL type for `Node`/`_Entity` resolution. The type is written onto the object
 * itself, like the scope tag (loaders/scope.ts): loader objects are fresh wire objects of this request, one Workato
 * object each, so marking them is safe, and a batch of 100 ids copies no recipe (a spread per node was a tenth of
 * the allocation of a federation `_entities` batch). An object that already names another type is copied instead.
 */
export function typed<T extends object, N extends string>(value: T, typename: N): T & { __typename: N } {
  const marked = value as T & { __typename?: string };
  if (marked.__typename !== undefined && marked.__typename !== typename) return { ...value, __typename: typename };
  marked.__typename = typename;
  return marked as T & { __typename: N };
}

/**
 * loadMany results without the ids Workato no longer knows; any other failure (a 500, a quota refusal) fails the
 * field with its error, rather than answering a shorter list as if it were complete.
 */
export function found<T>(results: Array<T | Error>): T[] {
  return results.filter((r): r is T => {
    if (r instanceof NotFoundError) return false;
    if (r instanceof Error) throw r;
    return true;
  });
}
