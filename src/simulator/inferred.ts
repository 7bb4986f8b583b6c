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
 * - §28 test automation (routes/test-automation.ts): the test case list answers `{"data": [TestCase]}` with `id`
 *   (`citc-…`), `name`, `description`, `recipe_id`, `created_at`, `updated_at`, every case of the recipe (no
 *   paging); an unknown recipe → 404. A run request takes `recipe_id` or `test_case_ids` (the simulator refuses
 *   `manifest_id`/`project_id`/`folder_id` with 400); none → 400 validation on `base`; unknown test case ids → 400
 *   validation on `test_case_ids`; a recipe without test cases → 400 validation on `recipe_id`. It starts one
 *   pending test job per test case (`is_test_case_job`), answers `{"data": run}` with status `running` and results
 *   `pending`, and on the `asyncPolls`-th GET by id finishes: each job and result `succeeded` or `failed`
 *   (deterministic per test case), the run `completed`. `user.id` is the workspace id.
 * - §10 #15–16 recipe health: `{"data": report}` with `recipe_id`, `status` (`pending` → `completed` on the
 *   `asyncPolls`-th GET), `requested_at`, `completed_at`, `job_count`, `failed_job_count`, `success_rate` and
 *   `findings` (`code`, `severity` high/medium/low, `message`, `step_number`), computed from the recipe's jobs and
 *   test cases when the report completes. A recipe never analysed → 404; POST starts a new analysis (answering the
 *   pending report) unless one is already pending, which it answers as is.
 * - §16.2 integrations/all `per_page` default 100 ([spec] says 1 — unverified). Sorted by connector name.
 * - §17.1 GET /managed_users/:id adds "Get customer"'s figures (api-docs): `task_count` = the sum of the customer's
 *   recipes' `lifetime_task_count`, the billing period = the calendar month around the clock (from
 *   `billing_start_date`'s day when set), no `active_connection_limit`; list items stay as the fixture.
 * - §17.3 #6 / §17.8 connection forms (input-schemas.ts): each connector's fields are made up in the SDK's schema
 *   format (one `extends_schema` selector whose value adds extended settings); a connection keeps only that
 *   selector's value from its `input`. A built-in app without connections (clock, logger, …) has an empty form;
 *   an unknown connector name, connection or customer is 404.
 * - §16 #5–#7 custom connector writes (routes/custom-connectors.ts): create takes api-docs' fields (`title` and `code`
 *   required, strings, code ≤ 10 MB) and starts at version 1 unreleased; PUT changes the fields sent, new `code` is
 *   a new version; release (no body) releases the newest version, 400 when it already is. Write answers add `logo`,
 *   `latest_version` and `latest_version_note` to the list's shape.
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
 * - §5 / §29.8 the 40 s cut-off: an answer that latency or an injected delay would send later than `cutOffMs` after
 *   the request arrived is replaced, at that moment, by 504 `{"message": "Request timed out: …"}` (status and text
 *   [inferred]); the handler has already run, so a cut-off write may still have happened. A handler's own holding
 *   time (the event-streams long poll, `timeout_secs` ≤ 60 by §26) is not cut.
 * - §4.1 fault bodies: 503 `{"message": "Service Unavailable"}`, 429 `{"message": "Too many requests"}` with
 *   `Retry-After: 1` unless the fault sets headers; other statuses `{"message": <HTTP reason>}`.
 * - §17 Embedded (routes/managed-users.ts, routes/embedded.ts): a workspace that is not an Embed admin gets 403
 *   `{"message"}` on every managed_users path. Customers list id-ascending (as in fixtures/managed-users-list.json),
 *   page/per_page default/max 100. Lists wrapped in `{"result"}`: managed users, members, and the customer's
 *   recipes, connections, folders, projects and lookup tables. **Customer jobs keep the workspace envelope**
 *   (counters + `items`, §17.5 says "shapes as §11"); versions keep `{"data"}`; single objects are not wrapped.
 *   Create → 200 with the customer; `name`/`notification_email` required, a taken `external_id` → 400 validation
 *   shape (§4.2); update changes only the keys sent, `null` clears, blank name/e-mail → 400, a `custom_task_limit` not above the
 *   customer's `task_count` → 400 validation on `custom_task_limit`; delete →
 *   `{"success": true}`. Members: add needs `name` and one of `email`/`oauth_id`; roles from `role_name` (DEV) or
 *   `env_roles` (array or one object); update sets roles; remove → `{"success": true}`. Customer 19029's
 *   connections keep the 2019 `provider` key instead of `application`.
 * - §25 data tables (routes/data-tables.ts): listed in creation order, page/per_page default/max 100, `{"data": [...]}`
 *   (the Embedded variant under /api/v2/managed_users/:id keeps it); get/create/update answer `{"data": DataTable}`;
 *   delete and truncate `{"success": true}`. Create needs a non-blank `name` (≤ 255), an existing `folder_id` and a
 *   `schema` array of columns with unique non-blank names, a known `type` and a boolean `optional` ([spec] requires
 *   it; missing → `schema[i].optional: ["can't be blank"]`); a `relation` column needs `relation.table_id` of an
 *   existing table and `relation.field_id` ([spec] requires both), which must be a column of that table [inferred]. PUT changes the keys sent. Records (same origin, `/api/v1/tables/:id/…`):
 *   values keyed by column name plus `$record_id`/`$created_at`/`$updated_at`; query body `{select, where, limit
 *   (1–200, default 100), continuation_token}` → `{"data": [...], "continuation_token"?}` (token = opaque offset),
 *   oldest first; `where` keys are column names or `$record_id`, a bare value means `$eq`, operators `$eq $ne $gt
 *   $gte $lt $lte $in $starts_with`, and `$and`/`$or` arrays; an unknown column or operator → 400 `{"message"}`.
 *   Record create/update body `{"data": {column: value}}` → `{"data": record}`; unknown columns, wrongly typed
 *   values and (on create) missing required columns → 400 validation shape; delete → `{"success": true}`; an unknown
 *   table or record → 404.
 * - §18 lookup tables listed id-descending (as in fixtures/lookup-tables-list.json).
 * - §23 tags (routes/tags.ts): listed in creation order (seed, then created), `q` a case-insensitive substring of the
 *   title, page/per_page default/max 100; create/update answer the bare Tag (with `created_at`/`updated_at`, extra
 *   fields §23 allows); blank `title` → validation "can't be blank", longer than 255 → "is too long"; a 1,001st tag →
 *   400 `{"message"}`; `color` any string (no list is documented). tags_assignments: unknown handles, recipe or
 *   connection ids → 400 validation (nothing changes), neither `recipe_ids` nor `connection_ids` → validation on
 *   `recipe_ids`; removals apply before additions. Deleting a tag takes it off every recipe and connection. The
 *   Embedded variant keeps the workspace envelope (`{"data": {"tags"}}`).
 * - §18 (routes/lookup-tables.ts) create: blank `name` or a name another table has → validation (`name`); no
 *   `schema` columns, more than 10, a blank or repeated label → validation (`schema`); an unknown `project_id` →
 *   `project_id: ["is invalid"]`; answers the created table (columns `col1`… in the given order). Batch delete:
 *   `ids` missing, empty or not integers → 400; any unknown id → 404 and nothing is deleted; the tables' rows go
 *   with them; `{"success": true}`. Rows are `{"id", "data"}` with every column of the table keyed by label
 *   (unset cells null), listed id-ascending; `by[<column>]` compares exactly; an unknown column in `by[…]` or in a
 *   row's `data` → 400 (`{"message"}` for queries, validation `data` for writes); a row create with no `data` →
 *   validation; values other than strings are stored as strings (objects refused). Lookup without any `by[…]` → 400.
 *   Create/update answer the row, delete `{"success": true}`. For a customer the rows list is `{"result": [...]}` like
 *   every Embedded list (§6). Token workspaces after the first get two generated tables; rows are generated per table.
 * - §27 audit log (routes/audit-log.ts): entries newest first, ids descending and ascending with time; `page[after]`
 *   returns the entries with lower ids. `total` = entries in this response. Ids `551000 + 1000 × index` upwards.
 *   400 `{"message"}` for a `page[size]` outside 1–100, a non-integer `page[after]` or `users_ids[]`, an unparsable
 *   `from`/`to`, `from` after `to`, or a resource type §27 does not list; event types are free text. The Embedded
 *   variant (§17.8) keeps `{"data", "total"}`. `details.activity` is `{action, resource_name}`.
 * - §16.3 custom connectors (routes/custom-connectors.ts): `/search` and the older index answer the same
 *   `{"result": [...]}`, id-ascending, unpaged. Code of an unknown id → 404. Schema generators: a missing or blank
 *   `sample` → 400 `Missing required parameter: sample`; JSON that is not an object (or an array of objects) → 400;
 *   fields `{name, label, type, control_type}`, objects with `properties`, arrays with `of` (+ `properties`); CSV:
 *   one string field per header column, unknown `col_sep` → 400. `GET /api/integrations?applications=` also
 *   answers a workspace's custom connector names (no categories, triggers or actions).
 * - §19 properties (routes/properties.ts): `prefix` missing → 400 `Missing required parameter: prefix`; the list is
 *   the flat object in name order; project keys lose the prefix ([spec]), environment keys keep it; an unknown
 *   `project_id` → 404. Upsert: `properties` missing, empty or not an object → 400 `Missing required parameter:
 *   properties`; numbers and booleans are stored as strings, other values and names over 100 / values over 1,024
 *   characters, or more than 1,000 names in the environment or project after the upsert → 400 validation shape on
 *   `properties`; answers `{"success": true}`. Embedded customers get the same under /api/managed_users/:id, unwrapped.
 * - §27 secrets cache clear → `{"success": true}` (the answer is not documented).
 * - §28 custom OAuth profiles (routes/custom-oauth-profiles.ts): `{"result": …}` around lists (page/per_page,
 *   default/max 100, id-ascending), single profiles, create/update answers and delete's `{"success": true}`. Create
 *   body `{name, provider, data: {client_id, client_secret}}` (flat `client_id`/`client_secret` accepted); blank
 *   name, client id or secret → "can't be blank", a provider outside the list below → "is not included in the list".
 *   Update changes the fields sent (a blank secret is ignored). The secret is stored and never sent back.
 * - §21 developer API clients (routes/developer-api-clients.ts): listed id-ascending in `{"result": {"count",
 *   "items"}}`, `count` = all clients; get, create, update and regenerate answer `{"result": client}` (the docs show a
 *   `result` object for create). The token value (64 hex characters) only in the create and regenerate answers, as
 *   `token: "<value>"`; list and get send `token: {"updated_at"}`. Create: blank `name` → "can't be blank"; missing or
 *   unknown `api_privilege_group_id` → "is invalid"; `all_folders` not a boolean → "must be true or false";
 *   `all_folders: false` without `folder_ids` → "can't be blank"; unknown folder ids → "is invalid"; an
 *   `ip_allow_list` (comma-separated string) entry that is not an IPv4/IPv6 address or CIDR → "is invalid";
 *   `environment_name` one of Development/Test/Production (default Development). Update changes the keys sent with
 *   the same checks; `all_folders: true` clears `folder_ids`. Delete → `{"success": true}`. Regenerate replaces the
 *   token and its `updated_at`. A client's token authenticates as its workspace (the token workspace's or the
 *   customer's): a "Read only" role allows reads only (INFERRED_API_CLIENTS.readOnlyRole, 403 otherwise); a folder
 *   scope (`all_folders: false`) hides recipes, connections, folders and projects outside its folders and their
 *   subfolders from lists (before paging; a folder list shows the in-scope folders of the level asked for) and
 *   answers 404 for them by id (§2.1 "404 or 403": 404 chosen); other families are not scoped; the environment only
 *   where §2.1 says so — below, `devEnvironmentOnlyMessage`); a regenerated token replaces the old one, a deleted
 *   client's token stops working (routes/developer-api-clients.ts, `clientOfToken`).
 *   Roles: unpaged `{"result": [...]}` in both scopes, id-ascending; `POST …/developer_api_client_roles/:id/copy`
 *   only in a customer workspace (404 `API not found` elsewhere): the copy is named "<name> (copy)", answered as
 *   `{"result": role}`.
 * - §28 Agent Studio (routes/agent-studio.ts): genies, skills and knowledge bases list as `{"data": [...]}` in seed
 *   order, page/per_page default/max 100 ([wk] shows `data` for skills); a single object is bare; ids are strings
 *   (`gen-…`, `skl-…`, `kb-…`), an unknown one → 404. A genie carries `state` (`running`/`stopped`), `skill_ids` and
 *   `knowledge_base_ids`; skills are the workspace's three newest recipes (`recipe_id`, `running` from the recipe).
 *   `POST …/genies/:id/start` of a running genie, and `…/stop` of a stopped one → 400 `{"message"}` (below);
 *   otherwise the state changes and the bare genie is the answer. `…/knowledge_bases/:id/data_sources` and
 *   `…/recipes` answer everything at once as `{"data": [...]}`; recipes are `{id, name}` and a deleted recipe drops out.
 * - §28 MCP servers (routes/mcp-servers.ts, [wk] shapes): `{"data", "count", "page", "per_page"}` (count = all
 *   servers, per_page default 20 as [wk]'s recording, max 100); a server `{"data": …}`, addressed by its string id
 *   (`mcps-…`) as `:handle`; tools `{"items", "count", "page", "per_page"}` (default 100), one per recipe behind it
 *   (`flow_id`, `active` = the recipe runs). No server carries a token (`mcp_url` is tokenless; no `token_renew`).
 *   `GET /api/mcp/user_groups`: `{"data": [...]}` page/per_page default/max 100, ids `group-…`; no get by id. The
 *   identity-based (`workato_idp`) server names the first two groups in `idp_user_group_ids`, others none.
 */
export const INFERRED = {
  jobsDefaultPerPage: 25,
  jobsMaxPerPage: 100,
  unknownOffsetJobMessage: 'Invalid offset_job_id',
  integrationsDefaultPerPage: 100,
  serviceUnavailableMessage: 'Service Unavailable',
  /**
   * §5 [doc]: every Developer/Embedded API request is cut at 40 s (§29.8 "slow responses up to the 40 s cut-off").
   * What the caller then gets is not documented: the simulator answers 504 (a front end giving up on the app
   * server) `{"message": …}` in the §4.2 shape [inferred]. server.ts; the cap is `SimulatorOptions.cutOffMs`.
   */
  cutOffMs: 40_000,
  cutOffStatus: 504,
  cutOffMessage: (ms: number) => `Request timed out: no answer within ${ms / 1000} seconds`,
  rateLimitMessage: 'Too many requests',
  defaultRetryAfterSeconds: '1',
  /** Connectors that run without a connection (Workato's built-in apps). */
  connectionlessConnectors: ['workato_recipe_function', 'clock', 'scheduler', 'email', 'logger', 'workato_variables'] as readonly string[],
  /** `config_errors` detail key, as recorded in fixtures/recipe-start-blocked.json. */
  unconnectedErrorKey: 'packages.recipe_source_code.flow_validations.errors.config_unconnected',
  /**
   * §2.1, §9, §20: workspace details and collaborators are granted to DEV-environment API clients only, in a workspace
   * with environments; Workato's 403 text for another environment's client is not documented.
   */
  devEnvironmentOnlyMessage: 'This endpoint is available only to API clients of the Development environment',
  /** §17: the Embedded API on a workspace that is not an Embed admin (partner) workspace. */
  embeddedForbiddenMessage: 'Embedded API is not enabled for this workspace (requires an Embed admin workspace)',
  /**
   * §17.1 update: a `custom_task_limit` at or below the customer's current usage (`task_count`) is refused ("must
   * exceed current usage" [doc]) with the §4.2 validation shape; the text is [inferred].
   */
  taskLimitBelowUsage: (usage: number) => `must be greater than the current usage (${usage} tasks)`,
  /**
   * §17.1 `environments[...]`: Workato answers 400 "for conflicting assignments" when an entry repeats DEV values
   * [doc]. Which repeats conflict is not documented: here a DEV entry setting a property the top level sets too, and
   * two entries for one environment. The texts are [inferred].
   */
  environmentRepeatsDev: (key: string) => `${key} of the dev environment is already assigned at the top level`,
  environmentTwice: (type: string) => `${type} is assigned more than once`,
  /** §19 limits (documented) and texts (not documented). */
  propertyMaxName: 100,
  propertyMaxValue: 1024,
  propertyMaxPerScope: 1000,
  missingPrefixMessage: 'Missing required parameter: prefix',
  missingPropertiesMessage: 'Missing required parameter: properties',
  /** §28: connectors with custom OAuth profiles (docs.workato.com "Custom OAuth profiles for Embedded partners"). */
  customOAuthProviders: ['google_drive', 'google_sheets', 'hubspot', 'onedrive', 'outlook', 'microsoft_dynamics', 'sharepoint', 'salesforce', 'salesforce_secondary', 'zoom', 'slack'] as readonly string[],
} as const;

/** §18 lookup tables and rows (routes/lookup-tables.ts). */
export const INFERRED_LOOKUP_TABLES = {
  /** §18 and §5: ≤ 10 columns. */
  maxColumns: 10,
  rowsDefaultPerPage: 500,
  rowsMaxPerPage: 1000,
  unknownColumnMessage: (column: string) => `Unknown column: ${column}`,
  unknownColumnError: (column: string) => `has an unknown column: ${column}`,
  batchDeleteIdsMessage: 'ids must be a non-empty list of lookup table ids',
  lookupWithoutCriteriaMessage: 'Missing required parameter: by',
} as const;

/**
 * Writes to connections, folders and projects, and project builds/deployments (routes/connection-writes.ts,
 * folder-writes.ts, project-writes.ts, deployments.ts):
 *
 * - §12.2 create: validation failures answer 400 `{"message": "Validation failed", "errors": {field: [...]}}`
 *   (fixtures/error-400-validation.json): blank `name` → "can't be blank"; missing or unknown `provider` (or a
 *   built-in app without connections) → "is not included in the list"; unknown `folder_id`/`parent_id`, a parent of
 *   another connector or a runtime-user parent → "is invalid"; an OAuth connector without `shell_connection: true`
 *   → `shell_connection: ["must be true for OAuth connectors"]`. `input` is never stored or echoed. A non-shell
 *   connection "tests" its credentials: any non-blank `input` value → `success`, none → `failed`.
 * - §17.3 #2 customer create ("shell connections only" [doc]): always a shell (`authorization_status: null`, nothing
 *   tested); `shell_connection` is not read — whether Workato refuses `false` there is not documented.
 * - §12.3 update: the same validations for the fields sent; new `input` re-tests a non-OAuth, non-shell connection.
 * - §12.4 disconnect: `force` read from the query or the body; without it a connection used by a running recipe
 *   (config `account_id`) → 400 `Connection is used by active recipes`. Effect: `authorization_status` → null,
 *   `authorized_at` kept; answer `{"success": true, "status": "disconnected"}`, also when already disconnected.
 *   A customer's (§17.3 #4) answers `{"result": [Connection]}` ("result — list of objects" [doc]; what the objects
 *   are is [inferred]: the one connection, as it is after the disconnect).
 * - §12.5 delete: `authorization_status: "success"` → 400 `Connection is active`; used by a running recipe → 400
 *   `Connection is used by active recipes`; else `{"success": true}`. Stopped recipes keep their dangling id.
 * - §13.2 create: `parent_id` absent or Home → a project (a project row with the next project id, description
 *   null); blank name → validation "can't be blank"; unknown parent → validation `parent_id: ["is invalid"]`.
 * - §13.3 update: answers the Folder; a project folder cannot move (`parent_id: ["cannot move a project"]`) and a
 *   rename renames its project; a folder cannot move into itself, a descendant or the top level
 *   (`parent_id: ["is invalid"]`); a move into another project re-labels the subtree's `project_id`.
 * - §13.4 delete: `force` from the query (or body). Recipes or connections anywhere in the subtree without force →
 *   400 `Folder is not empty: contains recipes` (checked first) / `...contains connections`; empty subfolders go
 *   with it. With force everything in the subtree goes, running recipes included. A project folder → 400
 *   `Use DELETE /api/projects/:project_id to delete a project`; Home → 400 `The Home folder cannot be changed`.
 * - §14.2 update: answers the Project; blank name → validation; the project folder is renamed with it.
 * - §14.3 delete: removes the folder tree, recipes and connections; builds and deployments stay as history.
 * - §14.4 builds/deployments: states `pending` → `success`|`failed`, final on the `asyncPolls`-th read (GET by
 *   id, or appearing in GET /deployments; simulator option, default 2, minimum 1); a deployment finishing also
 *   finishes its build. A build fails when the project holds no recipe (nothing to package); a deployment fails
 *   when its build does. `download_url` only on successful builds (not served). Deploying a build that is still
 *   pending → 400 `Project build is not finished`; a failed one → 400 `Project build failed`. Missing
 *   `environment_type` → 400 `Missing required parameter: environment_type`; unknown value → 404 `Not found`.
 *   GET /deployments id-descending; unknown filter values → 400; `folder_id` takes `f<id>` or digits.
 *   Builds and deployments are performed by "API client" (the caller is an API client, not a person).
 */
export const INFERRED_WRITES = {
  validationMessage: 'Validation failed',
  oauthShellOnly: 'must be true for OAuth connectors',
  connectionInUse: 'Connection is used by active recipes',
  connectionActive: 'Connection is active',
  disconnectedStatus: 'disconnected',
  folderHasRecipes: 'Folder is not empty: contains recipes',
  folderHasConnections: 'Folder is not empty: contains connections',
  projectFolderDelete: 'Use DELETE /api/projects/:project_id to delete a project',
  homeFolderChange: 'The Home folder cannot be changed',
  projectMove: 'cannot move a project',
  environmentsNotProvisioned: 'Environments not provisioned',
  missingEnvironmentType: 'Missing required parameter: environment_type',
  buildNotFinished: 'Project build is not finished',
  buildFailed: 'Project build failed',
  asyncPolls: 2,
  performedByName: 'API client',
  downloadUrl: (buildId: number) => `https://packages.simulator.invalid/project_builds/${buildId}.zip`,
} as const;

/**
 * Recipe and job writes (routes/recipe-writes.ts, recipe-ops.ts, job-actions.ts; recipe-build.ts, jobs-overlay.ts):
 *
 * - §10.3–§10.6: a create without `name` is named "Untitled recipe"; without `config` it gets one unconnected entry
 *   per application of `code` (trigger first); an update of `code` alone re-derives `config`, keeping the connection
 *   of connectors still used. Every create/update saves a version authored by "API client" with the workspace's
 *   e-mail. `code`/`config` must be JSON-encoded strings (400 validation shape otherwise), `folder_id` a string naming
 *   an existing folder (a number → 400 "Must be a String", §29.4). A copy keeps the original's name, code, config and
 *   description, lands in the original's folder unless `folder_id` says otherwise, starts stopped at version 1, and
 *   answers **201** (as [wk] observed on the wire; the docs say 200). Over 5,000 recipes → 400.
 * - §10.8 reset trigger → `{"success": true}`, clears `trigger_closure`, keeps jobs.
 * - §10.9 connect: missing `adapter_name`/`connection_id` → 400 "Missing required parameter: …"; running → 400
 *   (message below); an adapter the recipe does not use, an unknown connection or one of another connector → 400
 *   validation shape on `adapter_name` / `connection_id`. Does not save a new version.
 * - §10.10 poll now: stopped → 400, callable/webhook triggers → 400 (messages below); a pending newest job →
 *   `{"success": true, "message": "Job already in progress"}`; otherwise a new pending job in front and
 *   `{"success": true, "message": "Job started"}`. Back-off/quota 429s come only from fault injection.
 * - §10.11 version comment: PATCH and PUT; `comment` required (null or "" clears), > 255 characters → 400
 *   validation shape; the recipe's `version_comment` follows its current version.
 * - §11.4/§11.5 repeat and cancel (1 request per second: rate-limits.ts, when enabled): `job_ids` a non-empty array
 *   of strings, at most 25 for both, else 400. Per job: unknown → `failed` "Job not found"; repeat of a pending job → `failed`; otherwise `enqueued`
 *   and a new pending job in front with `is_repeat: true` and
 *   `master_job_id`/`master_job_handle`. Cancel of a non-pending job → `failed`; of a pending one → `cancelled`: the
 *   job completes with `is_error: true`, `error` "Job cancelled", detail `status: "cancelled"`, and counts as failed.
 * - §11.3 job resume: the simulator issues no resume tokens, so any non-blank `token` → 204; `data` other than an
 *   object → 400.
 */
export const INFERRED_RECIPE_WRITES = {
  untitledRecipeName: 'Untitled recipe',
  versionAuthorName: 'API client',
  recipeCopyStatus: 201,
  maxRecipes: 5000,
  recipeLimitMessage: 'Recipe limit reached (5000 recipes per workspace)',
  maxVersionComment: 255,
  pollNowStoppedMessage: 'Recipe is not running',
  pollNowUnsupportedMessage: 'Poll now is not supported for this trigger',
  /** Triggers that wait for calls instead of polling (§10.8 lists them as not meaningful). */
  nonPollingTriggers: ['workato_recipe_function', 'workato_webhooks'] as readonly string[],
  connectRunningMessage: 'Recipe must be stopped to update its connections',
  maxJobIdsPerCall: 25,
  tooManyJobIdsMessage: 'Too many job ids (maximum is 25 per request)',
  jobNotFoundMessage: 'Job not found',
  repeatPendingMessage: 'Job is still running',
  cancelFinishedMessage: 'Job is not running',
  cancelledJobError: 'Job cancelled',
  cancelledJobStatus: 'cancelled',
} as const;

/**
 * Recipe lifecycle (routes/manifests.ts, routes/packages.ts; assets.ts, package-zip.ts, package-import.ts,
 * lifecycle.ts, storage.ts):
 *
 * - §15.1 folder assets: the folder's subtree — recipes id-descending, then its connections id-ascending (none
 *   from outside it, as in the fixture, which leaves out a Slack connection a recipe uses); `folder` relative to the listed folder, `absolute_path` from `All projects`,
 *   `zip_name` = snake_case name + `.recipe.json`/`.connection.json` (as in the fixture), made unique with `_2`…;
 *   `status` always `added`; `include_data`/`include_test_cases` accepted and ignored. Unknown folder → 404.
 * - §15.2 manifests: the body's fields under `export_manifest` (flat accepted); blank `name`, unknown `folder_id`,
 *   assets without an integer `id` and known `type`, unknown recipes/connections, or no assets without
 *   `auto_generate_assets` → 400 validation shape. `project_path` = the folder's path below Home. GET also returns
 *   `folder_id`, the `include_*` options and `assets`; create/update answer the fixture's keys only. Update changes
 *   the fields sent (`assets` replaces the list; `auto_generate_assets` refills it from the folder). Delete →
 *   `{"success": true}`. Ids start at 731, packages at 5521 (the fixtures' ids).
 * - §15.3/§15.4 packages settle after `delayMs` (simulator option `packages.delayMs`, default below): on a timer or
 *   at the first read after it; or, with `packages.polls`, at that status read (GET /packages/:id). The export zip is built then, from the manifest's checked assets as they are then;
 *   a deleted recipe/connection fails the export. Zip layout: package-zip.ts. `packages.paddingBytes` adds an
 *   incompressible `padding.bin` (a test aid for large downloads). The manifest's `last_exported_at` is set.
 * - §15.4 import: a body that is not a zip → 400 (below); `folder_id_for_home_assets` that is Home or unknown → 400.
 *   Recipes are matched by name in the target folder (updated, new version) or created stopped; connections by
 *   name+connector in the folder, else created as shell connections. A running recipe to update without
 *   `restart_recipes` fails the whole import (fixtures/package-import-failed.json text) before anything changes;
 *   with it the recipe is `restarted`, or `stopped` when its connections are not ready. Invalid JSON in an asset
 *   file fails the import. `include_tags` copies a recipe file's `tags`. Home-asset routing is not simulated.
 * - §15.6 download: 302 to `<origin>/__storage/packages/<key>/<name>.zip?X-Amz-…` (no auth, storage.ts); a request
 *   there WITH an Authorization header → 400, like S3 with a presigned URL. 404 for packages without content.
 */
export const INFERRED_PACKAGES = {
  /** Long enough to watch `in_progress` in GraphiQL (the gateway polls every 2 s); tests pass a short one. */
  defaultDelayMs: 3_000,
  paddingFileName: 'padding.bin',
  notAZipMessage: 'Invalid package: the request body must be a zip file (Content-Type: application/octet-stream)',
  homeAssetsFolderMessage: 'folder_id_for_home_assets must be an accessible folder other than Home',
  missingFolderIdMessage: 'Missing required parameter: folder_id',
  /** §15.1 [spec] asset types. */
  assetTypes: [
    'recipe', 'connection', 'lookup_table', 'workato_db_table', 'account_property', 'project_property', 'workato_schema',
    'workato_template', 'lcap_app', 'lcap_page', 'custom_adapter', 'topic', 'api_group', 'api_endpoint', 'agentic_genie',
    'agentic_skill', 'data_pipeline', 'decision_engine_model', 'agentic_knowledge_base', 'mcp_server',
  ] as readonly string[],
} as const;

/** §23 tags ([inferred] where noted in the list above). */
export const INFERRED_TAGS = {
  /** §5: documented. */
  maxTags: 1000,
  limitMessage: 'Tag limit reached: a workspace can have at most 1000 tags',
  maxTitle: 255,
  targetsRequired: 'or connection_ids must be present',
  /** Seed colours; §23 shows only `blue`. */
  colors: ['blue', 'green', 'orange', 'red', 'purple', 'gray'] as readonly string[],
} as const;

/**
 * Workspace collaborators, roles and IAM (§20; customer variants §17.2), routes/collaborators.ts:
 *
 * - §20 #2 `GET /members` [inferred paging]: page/per_page default/max 100, ids ascending, `total` = all matching
 *   members; `email` is an exact, case-insensitive filter. Get answers the bare Member; delete `{"success": true}`.
 * - §20 #4 PUT: `env_roles` required (array or one object); `environment_type` dev/test/prod, one role per
 *   environment, `name` must be a role of `GET /roles` → else 400 validation shape (§4.2). Answers the Member.
 * - §20 #6 privileges: `{"data": [...]}`, one entry per role the member holds, joined with the role table.
 * - §20 #7/#8 [inferred] project grants `{"data": [{"project_id", "environment_type", "role_name", "created_at"}]}`:
 *   a non-Admin member holds its DEV role on the first one or two projects (by id); projects privileges
 *   `{"data": [{"project_id", "environment_type", "privileges"}]}` for those grants.
 * - §20 #1 invitations [inferred answer]: `{"id", "email", "name", "env_roles", "user_group_ids", "created_at"}`.
 *   `name`, `email` and a role are required; an e-mail of an existing member or an unknown user group → 400
 *   validation shape. A second invitation to the same e-mail (case-insensitive) in the same workspace within 20
 *   minutes (§5) → 429 `{"message": …}` with `Retry-After` = the seconds left — §5 lists the rule among the rate
 *   limits, so it answers like one.
 * - §20 #9 roles: a bare array, page/per_page default/max 100 ([baton] pages it), ids ascending; system roles Admin
 *   (not inheritable), Analyst, Operator and a custom "Integration developer" role.
 * - §20 #10–#15 IAM [inferred shapes]: `GET /iam/users` `{"data", "total"}` paged like members, `GET /iam/users/:id`
 *   the bare user `{"id", "name", "email", "status", "user_group_ids", "created_at", "updated_at"}`,
 *   `GET /iam/user_groups` `{"data", "total"}` unpaged `{"id", "name", "description", "created_at", "updated_at"}`.
 *   No Embedded variant (§17.8 names customer user groups' project grants only).
 */
export const INFERRED_COLLABORATORS = {
  invitationWindowMs: 20 * 60_000,
  invitationThrottledMessage: 'An invitation was already sent to this email address in the last 20 minutes',
  alreadyMemberMessage: 'is already a collaborator of this workspace',
} as const;

/**
 * API platform (routes/api-platform.ts), REFERENCE §22 — [inferred] wherever the docs give paths only:
 *
 * - Seeds per workspace (ids `base + index × 1000`): two collections in the workspace's oldest project, one endpoint
 *   per newest recipe (up to three; enabled when its recipe runs), two v2 clients with two keys each (the first
 *   active), one portal. `url`/`base_path` = `<gatewayOrigin>/<workspace slug>/<collection slug>-v1/<path>`.
 * - §22 #2 create: `name` required; `openapi_spec{content, format}` required unless `proxy_connection_id` is given;
 *   format other than json/yaml → 400 validation on `openapi_spec`; a document that does not parse (YAML: no
 *   `openapi:`/`swagger:` line) → `openapi_spec: ["is not a valid OpenAPI document"]`; unknown `project_id` or
 *   `proxy_connection_id` → "is invalid". One stopped recipe (trigger below) and one disabled endpoint per
 *   operation of `paths`; the answer adds `message` and `import_results`, which later lists do not send.
 * - §22 #3 delete → `{"success": true}`, removes the collection's endpoints (their recipes stay). Embedded
 *   customers (§17.8) list and create collections, list endpoints, enable/disable them; no delete, no endpoint create.
 * - §22 #4 endpoints listed in creation order; unknown `api_collection_id` → empty list.
 * - §22 #5 endpoint create body `{name, method, path, flow_id}`: blank name/path, a method outside the list below,
 *   an unknown recipe → 400 validation shape; the endpoint starts disabled.
 * - §22 #6 enable of an endpoint whose recipe is missing or stopped → 400 `{"message"}` (text below); disable
 *   always succeeds; both `{"success": true}`.
 * - §22 #8–#10 v2 clients: collections/keys id order; `count` is the filtered total; create needs `name`,
 *   non-empty known `api_collection_ids`, `auth_type` in token|jwt|oauth2|oidc; jwt needs `jwt_method` (hmac|rsa)
 *   and `jwt_secret`; `api_portal_id` needs `email` ([spec] texts). `jwt_secret` is never stored or echoed,
 *   `api_token` never sent. Counts of keys are live. Delete removes the client's keys.
 * - §22 #11–#12 keys: create needs `name` and a boolean `active`; the answer and refresh_secret's carry a fresh
 *   64-hex `auth_token`; lists and enable/disable answers (`{"data": ApiKey}`) never do. A key of another client → 404.
 * - §22 #13 portals: `{"data", "count", "page", "per_page"}` with `id, name, url, created_at, updated_at`.
 * - Embedded v2 clients are `/api/v2/managed_users/:id/api_clients[/:api_client_id]` (Workato's Embedded API platform
 *   page); their keys are taken to live under the client there too (`…/api_clients/:api_client_id/api_keys…`: the
 *   key pages give only those path parameters).
 */
export const INFERRED_API_PLATFORM = {
  gatewayOrigin: 'https://apim.workato.com',
  seedCollections: ['Quote to cash', 'Customer lookup'] as readonly string[],
  seedEndpoints: [['POST', 'orders'], ['GET', 'invoices'], ['GET', 'customers/search']] as ReadonlyArray<readonly [string, string]>,
  seedClients: [['Partner portal', 'token'], ['Mobile app', 'jwt']] as ReadonlyArray<readonly [string, string]>,
  seedKeys: ['Production', 'Staging'] as readonly string[],
  /** Seeded keys' secrets (never sent on a list): a recognisable prefix, then digits. */
  seedTokenPrefix: '5eed0000000000000000000000000000000000000000000000000000',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as readonly string[],
  recipeTrigger: 'workato_api_platform',
  importMessage: 'Import completed successfully',
  invalidSpec: 'is not a valid OpenAPI document',
  recipeNotRunning: 'The recipe of this API endpoint must be running to enable the endpoint',
} as const;

/** §27 audit log (routes/audit-log.ts). */
export const INFERRED_AUDIT_LOG = {
  firstId: 551_000,
  minSeedEntries: 240,
  maxPageSize: 100,
} as const;

/** §16.3 custom connectors (routes/custom-connectors.ts). */
export const INFERRED_CUSTOM_CONNECTORS = {
  /** [spec] example id. */
  firstId: 562_523,
  invalidJsonMessage: 'sample must be a JSON object, or an array of JSON objects',
  emptyCsvMessage: 'sample must start with a header row',
  columnSeparators: { comma: ',', semicolon: ';', space: ' ', tab: '\t', colon: ':', pipe: '|' } as Record<string, string>,
  /** api-docs "Create custom connector": code up to 10 MB. */
  maxCodeBytes: 10 * 1024 * 1024,
  nothingToReleaseMessage: 'The latest version is already released',
} as const;

/**
 * On-prem groups and agents (routes/on-prem.ts, §24) and connection pick lists / runtime-user connections
 * (routes/connection-extras.ts, §12.6, §12.7):
 *
 * - §24 lists are unpaged bare arrays, id-ascending; an Embedded customer's (under /api/v2/managed_users/:id, §17.8)
 *   come as `{"data": [...]}` as the Embedded docs' samples show. Single objects are never wrapped in arrays
 *   (only older doc pages did; the gateway tolerates both). Group list items carry `whitelisted_ips`.
 * - §24 group create/update: `name` required (blank → 400 validation shape), ≤ 255 chars; `use_managed_connection`
 *   boolean; `settings_attributes[whitelisted_ips]` an array of IPv4 addresses or CIDR ranges (others → 400). A
 *   taken name → 400 `has already been taken`. Delete of a group that still has agents → 400 `{"message"}`
 *   (OnPrem.groupHasAgents); else `{"success": true}`. `in_use` stays as seeded (recipes are not tracked here).
 * - §24 agent create: `name`, `os` (windows, linux, mac) and `on_prem_group_id` (an existing group) required;
 *   `awaiting_setup` default true. New agents are `awaiting_setup`, `enabled: true`, `activated: false`, with a
 *   40-hex `cn`. Update takes `name` and `enabled` (false → state `disabled`; true → back to its connection state).
 *   List items and the get answer carry `on_prem_group_id`.
 * - §24 status: agent `{"id", "state", "last_seen_at", "version"}`; group `{"id", "state": "active"|"inactive",
 *   "agents_count", "active_agents_count"}` (active = at least one active agent, as the UI documents).
 * - §24 search: `cn` (case-insensitive substring of the common name); missing `cn` → 400 `{"message"}`; answers
 *   the list shape.
 * - §24 activation code: `{"activation_code": "<code>"}`, a fresh code on every call (never on list/get answers);
 *   for an agent no longer awaiting setup → 400 `{"message"}` (OnPrem.alreadyActivated).
 * - §12.6 pick lists per connector (OnPrem.pickLists): an unknown `pick_list_name` → 400 `{"message"}`; a pick list
 *   with a required parameter missing → 400; a connection that is not authorized → 400 `{"message"}`.
 * - §12.7 runtime-user connections: `parent_id` must be an authorized (`success`), non-runtime connection of an
 *   OAuth connector (§12.7 "an established OAuth connection"), else 400;
 *   `folder_id` an existing folder and `external_id` non-blank (400 validation shape); the child is a shell
 *   connection of the parent's connector named `name` or `<parent name> (<external id>)`. OAuth URLs:
 *   `https://oauth.workato.example/oauth/authorize?connection_id=<id>` (INFERRED_CONNECTION_EXTRAS.oauthUrl).
 *   get_oauth_url for a connection that is not a runtime-user connection → 400 `{"message"}`.
 */
export const INFERRED_ON_PREM = {
  maxNameLength: 255,
  operatingSystems: ['windows', 'linux', 'mac'] as readonly string[],
  groupHasAgents: 'On-prem group has agents; delete them first',
  alreadyActivated: 'On-prem agent is already activated',
  searchParamMissing: 'cn is required',
} as const;

export const INFERRED_CONNECTION_EXTRAS = {
  unknownPickList: (name: string) => `Unknown pick list: ${name}`,
  missingPickListParam: (param: string) => `Missing pick list parameter: ${param}`,
  notAuthorized: 'Connection is not authorized',
  parentNotEstablished: 'Parent connection must be an established OAuth connection',
  notRuntimeUserConnection: 'Not a runtime user connection',
  oauthUrl: (id: number) => `https://oauth.workato.example/oauth/authorize?connection_id=${id}`,
} as const;

/** §21 developer API clients and roles (routes/developer-api-clients.ts), see the list above. */
export const INFERRED_API_CLIENTS = {
  environments: ['Development', 'Test', 'Production'] as readonly string[],
  defaultEnvironment: 'Development',
  tokenLength: 64,
  copySuffix: ' (copy)',
  notBoolean: 'must be true or false',
  /**
   * §2.1: a client role whitelists endpoints, but the API does not show a role's list. A role whose name starts
   * with "Read only" (seeded in every workspace, and its copies) grants reads (GET) only; every other role grants all.
   */
  readOnlyRole: /^Read only\b/,
  /** §4.1: the 403 for an endpoint the client's role lacks (`{"message"}`; the text is a guess). */
  roleLacksEndpointMessage: "The API client's role does not allow this endpoint",
} as const;

/** §25 data tables and their records ([inferred] where noted in the list above). */
export const INFERRED_DATA_TABLES = {
  maxName: 255,
  queryDefaultLimit: 100,
  queryMaxLimit: 200,
  operators: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$starts_with'] as readonly string[],
} as const;

/** §28 test automation and §10 recipe health (routes/test-automation.ts), see the list above. */
export const INFERRED_TEST_AUTOMATION = {
  selectorRequired: 'recipe_id or test_case_ids is required',
  unsupportedSelector: (key: string) => `${key} is not supported by the simulator; use recipe_id or test_case_ids`,
  noTestCases: 'has no test cases',
  unknownTestCase: (id: string) => `${id} not found`,
  /** Share of seeded test cases that fail when run. */
  failureRate: 0.25,
  /** A failure rate above this is a `high_failure_rate` finding. */
  highFailureRate: 0.1,
  testCaseNames: [
    'Creates a sales order for a won opportunity',
    'Skips closed-lost opportunities',
    'Handles a missing billing account',
    'Maps every line item',
    'Rejects an unknown currency',
    'Retries after a NetSuite timeout',
  ] as readonly string[],
} as const;

/** §28 Agent Studio (routes/agent-studio.ts), see the list above. */
export const INFERRED_AGENT_STUDIO = {
  seedSkills: 3,
  skillDescription: 'Lets a genie run the recipe',
  seedKnowledgeBases: [
    ['HR policies', 'Handbook, leave and benefits policies', ['google_drive', 'upload']],
    ['Product FAQ', 'Answers from the support knowledge centre', ['confluence']],
  ] as ReadonlyArray<readonly [string, string, readonly string[]]>,
  seedGenies: [
    ['IT help desk genie', 'Resets passwords and answers IT questions', 'running'],
    ['Sales assistant genie', 'Looks up accounts and drafts follow-ups', 'stopped'],
  ] as ReadonlyArray<readonly [string, string, string]>,
  aiProviders: ['workato', 'openai', 'anthropic'] as readonly string[],
  alreadyRunning: 'Genie is already running',
  alreadyStopped: 'Genie is already stopped',
} as const;

/** §28 MCP servers (routes/mcp-servers.ts), see the list above. */
export const INFERRED_MCP = {
  perPage: 20,
  urlBase: 'https://mcp.workato.example/servers',
  toolTrigger: 'workato_recipe_function',
  seedServers: [
    ['Operations MCP', 'hashed_token', 3],
    ['Directory MCP', 'workato_idp', 1],
  ] as ReadonlyArray<readonly [string, string, number]>,
  /** The identity-based method whose servers name user groups (`idp_user_group_ids`). */
  identityMethod: 'workato_idp',
  seedUserGroups: ['Engineering', 'Finance', 'Support'] as readonly string[],
} as const;

/**
 * Event streams (routes/event-streams.ts, §26) [inferred] where the docs captured no envelope:
 *
 * - §26 topics: list `{"data": [...]}` (unpaged, id-ascending, `name` a case-sensitive substring filter; `schema`
 *   only with `include_schema=true`); get, create and update `{"data": topic}` (create is documented as `data`);
 *   purge and delete `{"success": true}`; unknown id → 404. Topic `{id, name, description, schema, retention
 *   (seconds, default 604,800), created_at, updated_at}`. Create needs `name` (≤ 255, unique) and a non-empty
 *   `schema` list of fields with names; `retention` 1–7,776,000 (90 days); a 21st topic → 400 (20 per workspace).
 *   The Embedded variant lives under /api/managed_users/:id (OEM docs) with the same bodies.
 * - §26 messages (event-streams host = the simulator's own origin): ids are decimal strings growing per workspace.
 *   Consume answers `{"messages": [{message_id, payload, time}]}` oldest first; `batch_size` 1–50 (default 50),
 *   `timeout_secs` 0–60 (default 0) else 400; both `after_message_id` and `since_time` → 400; a non-numeric
 *   `after_message_id` → 400. With `timeout_secs` the request is held until a message of the topic is published
 *   or the time passes. Publish answers `{"message_id"}`; a body that is not a JSON object → 400, over 1 MB → 413.
 *   A payload must fit the topic's schema (§26 [doc]): a key that is not a schema field, or a value (null aside) not
 *   of its field's type (string, integer, number, boolean, date/date_time/timestamp as a parsable string, object,
 *   array; nested `properties` and array `of` checked too; unknown types pass) → 400 validation shape (§4.2)
 *   `{"message": "Validation failed", "errors": {"<path>": ["…"]}}`, paths like `total_cents`, `address.city`,
 *   `lines[0].sku`, in a batch prefixed `payloads[<i>].`. Fields left out are stored as null (not refused).
 *   Batch `{"payloads": [...]}` (1–100, else 400; any bad payload refuses the whole batch) answers `{"is_partial_error": false, "message_ids": {"0": {message_id,
 *   result: "success"}, …}}`.
 */
export const INFERRED_EVENT_STREAMS = {
  defaultRetention: 604_800,
  maxRetention: 7_776_000,
  maxTopics: 20,
  maxNameLength: 255,
  maxConsumeBatch: 50,
  maxTimeoutSecs: 60,
  maxBatch: 100,
  maxPayloadBytes: 1_048_576,
  afterAndSince: 'Use either after_message_id or since_time, not both',
  badMessageId: 'Invalid after_message_id',
  payloadNotObject: 'must be a JSON object',
  payloadTooLarge: 'Payload exceeds the 1 MB limit',
  payloadsMissing: 'payloads must be a non-empty list',
  validationMessage: 'Validation failed',
  unknownField: 'is not a field of the topic schema',
  typeMessages: {
    string: 'must be a string', integer: 'must be an integer', number: 'must be a number', boolean: 'must be true or false',
    date: 'must be an ISO 8601 date or time', object: 'must be an object', array: 'must be an array',
  },
} as const;
