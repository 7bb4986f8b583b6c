/**
 * Every guess the gateway makes about Workato that the reference marks [inferred] or leaves open, in one
 * place, so a correction is one edit. Each entry names the REFERENCE section it comes from.
 */
import type { Workato } from './types.js';
import { UnexpectedAnswerError } from './workato-error.js';

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
 * versions `data`). Read whichever is present so one function serves both scopes. An answer with no list, or with an
 * item that is not an object, is Workato's fault (§4.2 lists 200s like `{"error": …}`): it throws, so no cache keeps
 * it as an empty list.
 */
export function unwrapList<T>(body: unknown): T[] {
  return objectsOnly<T>(listIn(body));
}

/** The list in an answer, whatever its items (see unwrapList); throws when there is none. */
export function listIn(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['items', 'result', 'data']) {
      const value = b[key];
      if (Array.isArray(value)) return value;
      if (value && typeof value === 'object' && Array.isArray((value as Record<string, unknown>).items)) {
        return (value as { items: unknown[] }).items;
      }
    }
  }
  throw new UnexpectedAnswerError('no list in the answer');
}

/** The items of a list answer, each an object (see unwrapList). */
export function objectsOnly<T>(items: unknown[]): T[] {
  for (const item of items) if (!item || typeof item !== 'object' || Array.isArray(item)) throw new UnexpectedAnswerError('a list item that is not an object');
  return items as T[];
}

/** §17.4: Embedded single-object answers may be wrapped in `result`; unwrap when present. */
export function unwrapObject<T>(body: unknown): T {
  if (body && typeof body === 'object' && 'result' in body && !('id' in body)) {
    return (body as { result: T }).result;
  }
  return body as T;
}

/**
 * §12.4 / §17.3 #4 (INDEX "Disconnect response"): the workspace disconnect answers `{"success": true, "status": …}`,
 * a customer's `{"result": [...]}` ("result — list of objects"; what the objects are is not documented). Read either
 * as a DisconnectResponse: a top-level `success` as sent; else a `success: false` object inside `result` (a list or
 * one object) is the refusal; else the 2xx is a success.
 */
export function disconnectAnswerOf(body: unknown): Workato.DisconnectResponse {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.success === 'boolean') return b as unknown as Workato.DisconnectResponse;
    const inner = Array.isArray(b.result) ? b.result : b.result && typeof b.result === 'object' ? [b.result] : [];
    const refusal = inner.find((o): o is Workato.DisconnectResponse => !!o && typeof o === 'object' && (o as { success?: unknown }).success === false);
    if (refusal) return refusal;
    const status = inner.map((o) => (o && typeof o === 'object' ? (o as { status?: unknown }).status : undefined)).find((v) => typeof v === 'string');
    return { success: true, ...(typeof b.status === 'string' ? { status: b.status } : typeof status === 'string' ? { status } : {}) };
  }
  return { success: true };
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
 * §23: the tag list's envelope is `{"data": {"tags": [...]}}` per [wk] (what production returns); the docs are not
 * explicit, so `data` as an array, `result`/`items` and a bare array are read too.
 */
export function unwrapTags(body: unknown): Workato.Tag[] {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (data && typeof data === 'object' && Array.isArray((data as { tags?: unknown }).tags)) return (data as { tags: Workato.Tag[] }).tags;
  return unwrapList<Workato.Tag>(body);
}

/** §23: create/update answers are not shown; read a bare Tag, or one under `data`/`data.tag`/`result` [inferred]. */
export function unwrapTag(body: unknown): Workato.Tag | undefined {
  const candidates = [body, (body as { data?: unknown })?.data, (body as { data?: { tag?: unknown } })?.data?.tag, (body as { result?: unknown })?.result];
  return candidates.find((c): c is Workato.Tag => !!c && typeof c === 'object' && typeof (c as { handle?: unknown }).handle === 'string');
}

/** §18: rows are paged with page/per_page default 500, **max 1,000** (not 100 like the other lists). */
export const LOOKUP_ROWS_MAX_PER_PAGE = 1000;

/**
 * §18 [inferred]: a row is `{"id": 1, "data": {"<column label>": "value", ...}}`. Read leniently: a row wrapped in
 * `result` or `data` (Embedded single objects, §17.4) is unwrapped; cells that are not strings are shown as strings.
 * Anything without a numeric id is not a row (undefined).
 */
export function lookupRowOf(body: unknown): { id: number; data: Record<string, string | null> } | undefined {
  let value = unwrapObject<unknown>(body);
  if (value && typeof value === 'object' && !('id' in value) && 'data' in value) value = (value as { data: unknown }).data;
  const row = objectWithId<{ id: number; data?: unknown }>(value);
  if (!row) return undefined;
  const data = row.data && typeof row.data === 'object' && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  return { id: row.id, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v == null ? null : typeof v === 'string' ? v : JSON.stringify(v)])) };
}

/** §18 #4/#5: row criteria travel as `by[<column label>]=value` (Rails nested parameters). */
export function lookupCriteria(cells: ReadonlyArray<{ column: string; value: string }>): Record<string, string> {
  return Object.fromEntries(cells.map((c) => [`by[${c.column}]`, c.value]));
}

/**
 * §5/§20 #1: Workato sends one invitation per (e-mail, workspace) per 20 minutes; how it refuses a second one is not
 * documented. §5 lists the rule among the rate limits, so a 429 is expected; its text is matched loosely to tell
 * it from the family's 60 / min quota (whose 429 says nothing about invitations).
 */
export const INVITATION_THROTTLE_TEXT = /invit|20 minutes/i;

/**
 * §20 #7/#8: project grants and project privileges are documented by path only; their items are read as
 * `{"project_id", "environment_type", "role_name"|"privileges"}` (any `{"data"}`/`{"result"}`/bare envelope, via
 * unwrapList). Items without a `project_id` are skipped.
 */
export function projectIdOf(value: number | string | null | undefined): number | null {
  const n = Number(value);
  return value != null && value !== '' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * §22: v2 API platform answers wrap one object in `{"data": …}` ([spec] ApiClientResponse, ApiKeyResponse); the
 * enable/disable key answers are undocumented and may be `{"success": true}` or the bare object [inferred].
 */
export function dataObject<T>(body: unknown): T {
  const inner = unwrapObject<unknown>(body);
  if (inner && typeof inner === 'object' && 'data' in inner && !('id' in inner)) return (inner as { data: T }).data;
  return inner as T;
}

/**
 * §22 #8/#11: `{"data", "count", "page", "per_page"}`; §22 #13 portals are [inferred] to answer the same. A bare
 * array (or an Embedded `result`) is read as a list without a count.
 */
export function countedList<T>(body: unknown): { data: T[]; count: number | null } {
  const b = unwrapObject<unknown>(body);
  const count = b && typeof b === 'object' && typeof (b as { count?: unknown }).count === 'number' ? (b as { count: number }).count : null;
  return { data: unwrapList<T>(b), count };
}

/** §22 #6 "the recipe must be running": the refusal's wording is [inferred]; matched loosely. */
export const API_ENDPOINT_RECIPE_STOPPED = /recipe .*(must be|is not|not) (running|started|active)|start the (associated )?recipe/i;

/**
 * §27: the audit log answers `{"data": [...], "total": n}` where `total` counts this response's entries (not the whole
 * log), so it is not a total. Entries are read from `data` (or any list envelope, for the Embedded variant, §17.8).
 */
export function activityLogEntries(body: unknown): Workato.ActivityLogEntry[] {
  return unwrapList(body);
}

/** §27: `page[size]` default and maximum. */
export const ACTIVITY_LOG_MAX_PAGE_SIZE = 100;

/**
 * §27: the entry id's type is not documented; `page[after]` is an integer cursor "= last record of the previous page",
 * so ids are read as integers, and the log is assumed newest first with ids descending (the next page holds lower
 * ids). A single entry has no get-by-id: it is read as the one entry after `id + 1`.
 */
export function activityLogIdOf(id: number | string): number | null {
  const n = typeof id === 'number' ? id : Number(id);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * §16.3: the docs list `GET /custom_connectors/search`; [spec] and an older index `GET /custom_connectors`. Both answer
 * `{"result": [...]}`; the documented path is used.
 */
export const CUSTOM_CONNECTORS_LIST_PATH = '/custom_connectors/search';

/**
 * §16.3: schema generators answer an array of fields; read a bare array, or one inside `data`/`result`/`schema`
 * in case the answer is wrapped [inferred].
 */
export function schemaFields(body: unknown): Workato.SchemaField[] {
  if (body && typeof body === 'object' && !Array.isArray(body) && Array.isArray((body as { schema?: unknown }).schema)) {
    return (body as { schema: Workato.SchemaField[] }).schema;
  }
  return unwrapList(body);
}

/**
 * §19 [spec]: project properties come back with the `prefix` removed from their names; environment properties keep
 * their full names. The gateway rebuilds a project property's full name as `prefix + key`.
 */
export const PROJECT_PROPERTY_KEYS_STRIPPED = true;

/**
 * §19/§17.8: the properties list is a flat name → value object; the Embedded variant's envelope is not documented, so
 * a `{"result": {...}}` wrapper is read too. Non-string values are kept as their JSON text.
 */
export function propertyMapOf(body: unknown): Record<string, string> {
  let map = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const keys = Object.keys(map);
  if (keys.length === 1 && keys[0] === 'result' && map.result && typeof map.result === 'object' && !Array.isArray(map.result)) {
    map = map.result as Record<string, unknown>;
  }
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
}

/** §19: the documented limits, checked before an upsert is sent. */
export const PROPERTY_LIMITS = { maxNameLength: 100, maxValueLength: 1024, maxPerScope: 1000 } as const;

/**
 * §28: only the list and get answers are documented (`{"result": …}`); create and update are assumed to answer the
 * profile the same way, and delete `{"result": {"success": true}}` (like the Embedded assign call) or a bare
 * `{"success": true}`. The create/update body is assumed to be `{name, provider, data: {client_id, client_secret}}`
 * (`data` mirrors the documented answer's `data.client_id`).
 */
export function deleteAnswerOf(body: unknown): { success?: boolean; message?: string } | undefined {
  const b = unwrapObject<unknown>(body);
  return b && typeof b === 'object' ? (b as { success?: boolean; message?: string }) : undefined;
}

/** §19: the text of Workato's refusal of an upsert past 1,000 properties is not documented; matched loosely. */
export const PROPERTY_LIMIT_TEXT = /too many|maximum is 1,?000|limit/i;

/** §24: older on-prem pages wrapped even single objects in a one-element array; take the element when so. */
export function unwrapSingle<T>(body: unknown): T {
  return unwrapObject<T>(Array.isArray(body) && body.length === 1 ? body[0] : body);
}

/** §24 [inferred]: the query parameter of `GET /on_prem_agents/search` ("by common name"); agents carry it as `cn`. */
export const ON_PREM_AGENT_SEARCH_PARAM = 'cn';

/**
 * §24 [inferred]: group and agent status bodies were not captured. Read `state`, `status` or `data.state`, lower-cased
 * (agent states as the UI names them: `active`, `awaiting_setup`, `no_response`, `disabled`; groups `active`/`inactive`).
 */
export function onPremStatusOf<T extends { state?: string | null }>(body: unknown): T {
  const b = (unwrapSingle<Record<string, unknown>>(body) ?? {}) as Record<string, unknown>;
  const inner = b.data && typeof b.data === 'object' && !Array.isArray(b.data) ? (b.data as Record<string, unknown>) : b;
  const state = inner.state ?? inner.status;
  return { ...inner, state: typeof state === 'string' ? state.toLowerCase() : null } as T;
}

/**
 * §24 [inferred]: an agent belongs to a group that exists — an agent is created into an existing group, and a group
 * that still has agents cannot be deleted (the simulator's guesses, simulator/inferred.ts INFERRED_ON_PREM). So an
 * agent of the list whose `on_prem_group_id` names a group proves that group exists, without reading it.
 */
export const ON_PREM_AGENT_PROVES_GROUP = true;

/** §24 [inferred]: the activation code answer was not captured: `activation_code`, `code`, or either inside `data`. */
export function activationCodeOf(body: unknown): string | null {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const inner = b.data && typeof b.data === 'object' ? (b.data as Record<string, unknown>) : b;
  const code = inner.activation_code ?? inner.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** §12.6 [spec]: pick list entries are `[label, value]`, sometimes `[label, value, null, bool]`; others are skipped. */
export function pickListItems(body: unknown): Array<{ label: string; value: string }> {
  const list = listIn(body); // [label, value] tuples, not objects
  return list.flatMap((entry) => {
    if (!Array.isArray(entry) || entry.length < 2 || entry[0] == null || entry[1] == null) return [];
    return [{ label: String(entry[0]), value: typeof entry[1] === 'string' ? entry[1] : JSON.stringify(entry[1]) }];
  });
}

/**
 * §17.3 #6 / §17.8 [inferred]: the reference shows input schema fields with `control_type, label, name, type, hint`
 * only. A select's inline choices are read as the connector SDK writes them (`options: [[label, value]]`, or
 * `pick_list` given as such pairs); a `pick_list` string names a list the connector computes at run time.
 */
export function inputFieldChoices(field: Workato.SchemaField): { options: Array<{ label: string; value: string }> | null; pickList: string | null } {
  const inline = Array.isArray(field.options) ? field.options : Array.isArray(field.pick_list) ? field.pick_list : null;
  return { options: inline ? pickListItems(inline) : null, pickList: typeof field.pick_list === 'string' ? field.pick_list : null };
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
export function resultCountedList<T>(body: unknown): { count: number; items: T[] } {
  const items = unwrapList<T>(body);
  const result = body && typeof body === 'object' ? (body as { result?: { count?: unknown } }).result : undefined;
  const count = result && typeof result === 'object' && typeof result.count === 'number' ? result.count : items.length;
  return { count, items };
}

/** §21: the IP allow list travels as one comma-separated string (as the list answer shows it) [inferred for writes]. */
export const IP_ALLOW_LIST_SEPARATOR = ',';

/**
 * §25 records host [inferred] (REFERENCE lists only the resource index): a query answers `{"data": [record],
 * "continuation_token"?}` (no token on the last page); record writes answer `{"data": record}`.
 */
export function recordPageOf(body: unknown): { records: Workato.DataTableRecord[]; next: string | null } {
  const b = (body ?? {}) as Workato.DataTableQueryAnswer;
  return { records: unwrapList<Workato.DataTableRecord>(b), next: typeof b.continuation_token === 'string' && b.continuation_token ? b.continuation_token : null };
}

/** §25 [inferred]: the largest `limit` a record query takes (the gateway asks for at most first + skip ≤ 200). */
export const DATA_TABLE_QUERY_MAX_LIMIT = 200;

/**
 * §25/§17.8 [inferred]: a customer's records are addressed on the records host under `/v2/managed_users/<id>/v1/tables/…`,
 * as its tables are on the API host (the Embedded docs list only the table paths). `false` would send
 * `/managed_users/<id>/v1/tables/…`.
 */
export const EMBEDDED_RECORDS_V2 = true;

/**
 * §28 test automation: run requests answer `{"data": {...}}` [doc]; the test case list is [inferred] to use the same
 * `{"data": [...]}` envelope (any list envelope is read). Run statuses `running`/`completed` [doc], `failed`
 * [inferred]; result statuses `succeeded` [doc, read by a real client], `failed`/`pending` [inferred]. Anything
 * else reads as running / pending, so an unknown state never ends a subscription early.
 */
export function testRunStatusOf(status: string | null | undefined): 'running' | 'completed' | 'failed' {
  return status === 'completed' || status === 'failed' ? status : 'running';
}
export function testResultStatusOf(status: string | null | undefined): 'succeeded' | 'failed' | 'pending' {
  return status === 'succeeded' || status === 'failed' ? status : 'pending';
}

/**
 * §10 #15–16 recipe health: shape not captured. [inferred] `{"data": {...}}` around the report (a bare object is read
 * too); `pending` until analysed, then `completed`; a recipe never analysed answers 404.
 */
export function recipeHealthStatusOf(status: string | null | undefined): 'pending' | 'completed' {
  return status === 'completed' ? 'completed' : 'pending';
}

/**
 * §28 Agent Studio [wk]: lists are `{"data": [...]}` paged with page/per_page (read with unwrapList); a single skill
 * is the bare object. Genies and knowledge bases are [inferred] to answer alike, and any `{"data": …}` wrapper of a
 * single object is read too (dataObject). Ids are strings (`skl-…`, §7); the numeric ids of older answers [wk beta]
 * are read as their decimal strings. A genie names its skills and knowledge bases as `skill_ids`/`knowledge_base_ids`
 * or as `skills`/`knowledge_bases` objects with an `id` [inferred]; both are read.
 */
export function agenticIdsOf(ids: ReadonlyArray<string | number> | null | undefined, objects: ReadonlyArray<{ id: string | number }> | null | undefined): string[] {
  return (ids ?? objects?.map((o) => o.id) ?? []).map(String);
}

/** §28 [inferred]: a genie runs when `state` is `running` (the documented start/stop pair implies two states). */
export const genieRunning = (state: string | null | undefined): boolean => (state ?? '').toLowerCase() === 'running';

/**
 * §28 [inferred]: how Workato refuses a start of a running genie (or a stop of a stopped one) is not documented; a
 * 400 `{"message"}` naming the state is expected (as recipes answer, §10.7) and matched loosely.
 */
export const GENIE_ALREADY_RUNNING = /already (running|started|active)|invalid state running/i;
export const GENIE_ALREADY_STOPPED = /already (stopped|inactive)|not running|invalid state stopped/i;

/**
 * §28 MCP servers [wk]: the list is `{"data", "count", "page", "per_page"}` (countedList), a server `{"data": …}`
 * (dataObject), its tools `{"items", "count", "page", "per_page"}`. The `:handle` path parameter takes the server's
 * string `id` (`mcps-…`, [wk] calls it so); a `handle` field, when sent, wins. On legacy `token` servers `mcp_url` can
 * carry the server's token as the `wkt_token` query parameter ([wk] token_renew answer): the gateway strips it.
 */
export const MCP_URL_TOKEN_PARAMS: readonly string[] = ['wkt_token', 'token'];

/**
 * §26: event-stream envelopes were not captured. Topics: a list as `{"data": [...]}` (or bare / `result`), one topic
 * as `{"data": {...}}` (the create answer is documented as `data`) or bare. Consume: `{"messages": [...]}` per the
 * public API page, or `{"data": {"messages"}}` (§6). Publish: `{"message_id"}`, maybe inside `data`. Purge and
 * delete: `{"success": true}` or the topic. All [inferred] except the documented `messages` and `message_id`.
 */
export const EVENT_STREAMS = {
  /** The list sends `schema` only when asked (`include_schema`); the gateway always asks, so list items are whole. */
  listQuery: { include_schema: true },
  /** §26 limits checked before a call: 1 MB per payload, 100 per batch, 50 per consume, 60 s of long poll. */
  maxPayloadBytes: 1_048_576,
  maxBatch: 100,
  maxConsumeBatch: 50,
  maxTimeoutSecs: 60,
  /** Workato allows 20 topics per workspace and keeps messages at most 90 days (Event streams limits page). */
  maxRetentionSecs: 90 * 24 * 3600,
  /**
   * §26 "must fit the topic schema": how Workato answers a misfit is not documented. Assumed a 400 validation shape
   * whose keys are paths in the payload, in a batch led by `payloads[<i>]` (or `<i>.`): this finds the position.
   */
  batchErrorKey: /^(?:payloads)?\[?(\d+)\]?(?:\.|$)/,
} as const;

export function eventMessagesOf(body: unknown): Workato.EventMessage[] {
  const inner = dataObject<unknown>(body);
  const messages = inner && typeof inner === 'object' ? (inner as { messages?: unknown }).messages : undefined;
  return Array.isArray(messages) ? (messages as Workato.EventMessage[]) : [];
}

export function eventMessageIdOf(body: unknown): string | null {
  const inner = dataObject<{ message_id?: unknown } | undefined>(body);
  const id = inner && typeof inner === 'object' ? inner.message_id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The batch answer's ids in the order of the payloads sent; null where Workato gave none (a partial error). */
export function eventBatchIdsOf(body: unknown, sent: number): { ids: Array<string | null>; partial: boolean } {
  const inner = dataObject<Workato.EventBatchPublishResult | undefined>(body) ?? {};
  const byIndex = inner.message_ids ?? {};
  const ids = Array.from({ length: sent }, (_v, i) => {
    const id = byIndex[String(i)]?.message_id;
    return typeof id === 'string' && id !== '' ? id : null;
  });
  return { ids, partial: inner.is_partial_error === true || ids.includes(null) };
}
