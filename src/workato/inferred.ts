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
  // §8.4: the UI also shows `running` and `cancelled` [inferred]; only the three documented values are trusted.
  if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'pending') return job.status;
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

/**
 * §14.4: build states are not enumerated; deployments use `pending`, `success`, `failed`. Read both leniently:
 * known synonyms map to those three, and anything else counts as not finished (a caller keeps polling rather
 * than trusting an unknown state).
 */
export function deploymentStateOf(state: string | null | undefined): 'pending' | 'success' | 'failed' {
  const s = (state ?? '').toLowerCase();
  if (['success', 'succeeded', 'completed', 'done', 'deployed'].includes(s)) return 'success';
  if (['failed', 'failure', 'error', 'errored'].includes(s)) return 'failed';
  return 'pending';
}

/**
 * Refusal texts the reference gives only in outline ([inferred] in §12.4, §12.5, §13.4); matched loosely so
 * Workato's real wording still maps to the right code. §4.2 documents `Environments not provisioned`.
 */
export const REFUSAL_PATTERNS = {
  /** §12.5 "connection is active": delete of a connection that is still connected. */
  connectionConnected: /connection is active|still connected|disconnect .* first/i,
  /** §12.4/§12.5 "connection is used in active recipes". */
  connectionInUse: /used (in|by) (active|running) recipes/i,
  /** §13.4: a non-empty folder without `force`. */
  folderNotEmpty: /not empty/i,
  /** §14.4: builds and deployments on a workspace without the Environments add-on. */
  environmentsNotProvisioned: /environments? not provisioned/i,
} as const;

/** §13.3/§14.2: update answers are [inferred] to be the object; anything without an id is read back instead. */
export function objectWithId<T extends { id: number }>(body: unknown): T | undefined {
  return body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'number' ? (body as T) : undefined;
}

/** §10.11: a version comment is set with PATCH; the docs allow PUT as well. */
export const VERSION_COMMENT_METHOD = 'PATCH';

/** §11.5: cancel_jobs is documented by name only; like repeat_jobs it is assumed to take at most 25 `job_ids`. */
export const CANCEL_JOBS_MAX_IDS = 25;

/** One entry of a repeat_jobs / cancel_jobs answer. */
export interface JobResult {
  job_id: string;
  status: string;
  error: string | null;
}

/**
 * §11.4/§11.5: `{"results": [{"job_id", "status", "error"?}]}` comes from [wk]'s types, not from the docs, and
 * cancel_jobs is assumed to answer the same way. Read leniently: `results`, `result`, `data` or a bare array;
 * `job_id`, `id` or `handle`; a missing status reads as `unknown`.
 */
export function jobResults(body: unknown): JobResult[] {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const list = Array.isArray(body) ? body : [b.results, b.result, b.data].find(Array.isArray) ?? [];
  return (list as unknown[]).flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    const id = e.job_id ?? e.id ?? e.handle;
    if (typeof id !== 'string' && typeof id !== 'number') return [];
    const error = e.error ?? e.message;
    return [{ job_id: String(id), status: typeof e.status === 'string' ? e.status : 'unknown', error: error == null ? null : String(error) }];
  });
}

/** §11.4 [wk]: `enqueued` is the only success status seen; `failed` with an `error` the only refusal. */
export function jobResultAccepted(result: JobResult): boolean {
  return result.error === null && !/^(failed|error|not_found|invalid|skipped)$/i.test(result.status);
}

/**
 * §10.10: poll-now success bodies were not captured; the simulator sends `{"success": true, "message": "Job started"}`
 * or `"Job already in progress"`. Unrecognised texts → null (the message is still shown).
 */
export function pollNowOutcome(message: string | undefined): 'started' | 'already_in_progress' | null {
  if (!message) return null;
  if (/already in progress/i.test(message)) return 'already_in_progress';
  if (/started/i.test(message)) return 'started';
  return null;
}

/**
 * §4.2/§10.10: poll now answers 429 both for rate limits and for recipe-level throttles. The documented texts of
 * the latter: "Recipe is currently in trigger back off mode till …", "Not enough transaction credit", "Not enough
 * action quota". Anything else on a 429 is treated as a real rate limit.
 */
export function pollNowThrottle(message: string | undefined): 'trigger_back_off' | 'quota' | null {
  if (!message) return null;
  if (/trigger back ?off/i.test(message)) return 'trigger_back_off';
  if (/not enough (transaction credit|action quota)/i.test(message)) return 'quota';
  return null;
}

/**
 * §10.7/§10.9/§10.10: the texts of 400 answers about a recipe's state are documented only for start/stop
 * ("Can't change the recipe state: invalid state running"); connect and poll-now texts are guesses that name the state.
 */
export const RECIPE_STATE_TEXT = {
  running: /invalid state running|can't modify running recipe|\bis running\b|must be stopped/i,
  stopped: /invalid state stopped|\bnot running\b|\bis stopped\b|must be running/i,
} as const;

/** §15.6: how many redirects a package download may take (Workato sends one, to its storage) before giving up. */
export const DOWNLOAD_MAX_REDIRECTS = 3;

/**
 * §15.5: `in_progress` → `completed` | `failed`; [spec] also lists `processing`, which Workato's CLI polls on like
 * `in_progress`. Anything unknown counts as still running, so a poller keeps going rather than stopping early.
 */
export function packageStatusOf(status: string | null | undefined): 'in_progress' | 'completed' | 'failed' {
  if (status === 'completed' || status === 'failed') return status;
  return 'in_progress';
}

/** §15.5: `download_url` is null until an export completes; the 2019 sample sent the *string* `"null"`. */
export function downloadUrlOf(value: string | null | undefined): string | null {
  return value && value !== 'null' ? value : null;
}

/** §15.5 [spec][cli]: the `import_result` values that mean the recipe was imported and left as intended. */
export const IMPORT_RESULTS_OK: readonly string[] = ['no_update_or_updated_without_restart', 'restarted'];

/**
 * §17.2/§20: member lists' paging is undocumented ([baton] sends page/per_page). Pages are read until a short one;
 * a page that starts with the previous page's first member means Workato ignored `page`, and also ends the walk.
 */
export function repeatsPage<T extends { id: number }>(previous: readonly T[], next: readonly T[]): boolean {
  return previous.length > 0 && next.length > 0 && previous[0]!.id === next[0]!.id;
}

/**
 * §21: the token value is "only present in the create/regenerate responses" [inferred]; its key is not documented.
 * Read `token` when it is a string (list and get send `token: {"updated_at"}` metadata there), else `api_token`
 * or `token.value`; null when none is present.
 */
export function tokenValueOf(body: { token?: unknown; api_token?: unknown } | null | undefined): string | null {
  const token = body?.token;
  if (typeof token === 'string' && token !== '') return token;
  if (typeof body?.api_token === 'string' && body.api_token !== '') return body.api_token;
  const nested = token && typeof token === 'object' ? (token as { value?: unknown }).value : undefined;
  return typeof nested === 'string' && nested !== '' ? nested : null;
}

/**
 * §21/§6: the developer API clients list is `{"result": {"count", "items"}}`; a missing count reads as the page's
 * length (and a bare list or `items` envelope is read too, as everywhere).
 */
export function countedList<T>(body: unknown): { count: number; items: T[] } {
  const items = unwrapList<T>(body);
  const result = body && typeof body === 'object' ? (body as { result?: { count?: unknown } }).result : undefined;
  const count = result && typeof result === 'object' && typeof result.count === 'number' ? result.count : items.length;
  return { count, items };
}

/** §21: the IP allow list travels as one comma-separated string (as the list answer shows it) [inferred for writes]. */
export const IP_ALLOW_LIST_SEPARATOR = ',';
