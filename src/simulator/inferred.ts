/**
 * Every behaviour the reference marks [inferred] or leaves open, decided in one place. The values below are used by
 * the routes; the list documents the remaining choices (grep for `[inferred]` to find where each is implemented).
 * The gateway must tolerate real Workato differing on any of these.
 *
 * - §11.1 jobs `per_page` (undocumented, [wk] sends it): 1–100, default 25.
 * - §11.1 unknown `offset_job_id` → 400 `{"message": "Invalid offset_job_id"}` (an empty page would silently end a
 *   walk, restarting at the newest job would loop forever). `offset_run_id` (deprecated) is ignored; `failed=true`
 *   maps to `status=failed`; `rerun_jobs` is accepted as an old name of `rerun_only`.
 * - §11.1 `prev=true` returns the `per_page` jobs just newer than the offset, still newest first.
 * - §11.1 `job_count` = all jobs of the recipe (succeeded + failed + pending); `job_scope_count` = jobs matching the
 *   status/rerun filter, independent of the cursor.
 * - §16.2 integrations/all `per_page` default 100 ([spec] says 1 — unverified). Sorted by connector name.
 * - §16.1 integrations without `applications` → `{"items": []}`; unknown names are absent; request order kept.
 * - §10.1 `running=false` / `active=false` → only stopped recipes; `running` wins over legacy `active`.
 * - §10.1 `stopped_after` applied as documented ("drop recipes stopped after this time"); never-stopped kept.
 * - §10.1 `order=activity` → `last_run_at` descending (never-run last), ties id descending.
 * - §10.11 versions newest first.
 * - §12.1 runtime-user connections (with `parent_id`) only with `include_runtime_connections=true` or a `parent_id`
 *   filter; shell connections have `authorization_status: null`.
 * - §13.1 unknown `parent_id` → 404 `Not found`; `with_nested_folders=true` → whole subtree, depth-first.
 * - §6 ordering: folders and projects id-descending, connections id-ascending (as in the recorded fixtures).
 * - §4 validation: non-integer / out-of-range `page`, `per_page`, `since_id`, `folder_id`, `parent_id` → 400
 *   `{"message"}`; booleans other than true/false/1/0, unparsable datetimes, unknown `order` or jobs `status` → 400.
 *   Non-integer ids in the *path* → 404 `Not found` (Rails `find`). Empty query values count as absent.
 * - §4.2 routing is checked before auth: unknown route/method → 404 `API not found` even without a token.
 *   A trailing slash and a `.json` suffix are tolerated (Rails routing).
 * - §10.7 start of a running recipe / stop of a stopped one → 400 `Can't change the recipe state: invalid state …`.
 *   A start is refused (200, `success: false`, `config_errors`) when a config entry's connection is missing or not
 *   authorized, or a connector that needs a connection has none; built-in connectors listed below need none.
 * - §4.1 fault bodies: 503 `{"message": "Service Unavailable"}`, 429 `{"message": "Too many requests"}` with
 *   `Retry-After: 1` unless the fault sets headers; other statuses `{"message": <HTTP reason>}`.
 */
export const INFERRED = {
  jobsDefaultPerPage: 25,
  jobsMaxPerPage: 100,
  unknownOffsetJobMessage: 'Invalid offset_job_id',
  integrationsDefaultPerPage: 100,
  serviceUnavailableMessage: 'Service Unavailable',
  rateLimitMessage: 'Too many requests',
  defaultRetryAfterSeconds: '1',
  /** Connectors that run without a connection (Workato's built-in apps). */
  connectionlessConnectors: ['workato_recipe_function', 'clock', 'scheduler', 'email', 'logger', 'workato_variables'] as readonly string[],
  /** `config_errors` detail key, as recorded in fixtures/recipe-start-blocked.json. */
  unconnectedErrorKey: 'packages.recipe_source_code.flow_validations.errors.config_unconnected',
} as const;
