/**
 * Every guess the gateway makes about Workato that the reference marks [inferred] or leaves open, in one
 * place, so a correction is one edit. Each entry names the REFERENCE section it comes from.
 */

/** §11.1: the jobs list's page size parameter is undocumented; Workato's own `wk` CLI sends `per_page`. */
export const JOBS_PAGE_SIZE_PARAM = 'per_page';
/** §11.1: the largest jobs page we ask for (the simulator accepts 1–100, default 25). */
export const JOBS_MAX_PAGE_SIZE = 100;

/** §6: the largest `per_page` of page-based lists (recipes, folders, projects, integrations/all, Embedded lists). */
export const MAX_PER_PAGE = 100;

/**
 * §13.1: the Home (root) folder is never listed and has no get-by-id; its id comes from `GET /users/me`
 * (`root_folder_id`). The gateway shows it under the name Workato's UI gives it.
 */
export const HOME_FOLDER_NAME = 'Home';

/**
 * §8.4: list items carry no `status`; derive it: `is_error` → failed, no `completed_at` → pending, else succeeded.
 */
export function deriveJobStatus(job: { status?: string | null; is_error?: boolean | null; completed_at?: string | null }): string {
  if (job.status) return job.status;
  if (job.is_error) return 'failed';
  if (!job.completed_at) return 'pending';
  return 'succeeded';
}

/**
 * §6/§17: list envelopes differ per endpoint and per scope (workspace `items` or bare arrays, Embedded `result`,
 * versions `data`). Read whichever is present so one function serves both scopes.
 */
export function unwrapList<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['items', 'result', 'data']) {
      const value = b[key];
      if (Array.isArray(value)) return value as T[];
      if (value && typeof value === 'object' && Array.isArray((value as Record<string, unknown>).items)) {
        return (value as { items: T[] }).items;
      }
    }
  }
  return [];
}

/** §17.4: Embedded single-object answers may be wrapped in `result`; unwrap when present. */
export function unwrapObject<T>(body: unknown): T {
  if (body && typeof body === 'object' && 'result' in body && !('id' in body)) {
    return (body as { result: T }).result;
  }
  return body as T;
}

/** §8.2: `account_id` can arrive as a string; `code` as a string or an object. */
export function connectionIdOf(accountId: number | string | null | undefined): number | null {
  if (accountId === null || accountId === undefined || accountId === '') return null;
  const n = Number(accountId);
  return Number.isInteger(n) ? n : null;
}
