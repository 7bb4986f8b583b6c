/**
 * Workato Developer API wire types: field names and envelopes exactly as Workato sends them
 * (snake_case, integer vs string ids, JSON-encoded strings). Written from the team's reference of the
 * Workato API (REFERENCE.md §6–§8, §9–§17); section numbers below point there.
 *
 * This is the only module the gateway and the simulator share. Keep it free of runtime code.
 */
/* eslint-disable @typescript-eslint/no-namespace */

export namespace Workato {
  /** ISO 8601 timestamp with offset, treated as opaque (§3). */
  export type DateTime = string;

  // ---------------------------------------------------------------- §8.1 workspace
  export interface Workspace {
    id: number;
    name: string;
    created_at?: DateTime | null;
    plan_id?: string | null;
    current_billing_period_start?: DateTime | null;
    current_billing_period_end?: DateTime | null;
    expert?: boolean | null;
    avatar_url?: string | null;
    recipes_count?: number | null;
    interested_applications?: string[] | null;
    company_name?: string | null;
    location?: string | null;
    last_seen?: DateTime | null;
    contact_phone?: string | null;
    contact_email?: string | null;
    about_me?: string | null;
    email?: string | null;
    phone?: string | null;
    active_recipes_count?: number | null;
    root_folder_id?: number | null;
  }

  // ---------------------------------------------------------------- §8.2 recipes
  export interface RecipeConfigEntry {
    keyword: string;
    name?: string | null;
    provider?: string | null;
    skip_validation?: boolean | null;
    /** The connection id used for this connector; §8.2 warns it can arrive as a string. */
    account_id?: number | string | null;
  }

  export interface Recipe {
    id: number;
    user_id?: number | null;
    name: string;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    copy_count?: number | null;
    trigger_application?: string | null;
    action_applications?: string[] | null;
    applications?: string[] | null;
    description?: string | null;
    parameters_schema?: unknown[] | null;
    parameters?: Record<string, unknown> | null;
    webhook_url?: string | null;
    folder_id?: number | null;
    running?: boolean | null;
    job_succeeded_count?: number | null;
    job_failed_count?: number | null;
    lifetime_task_count?: number | null;
    last_run_at?: DateTime | null;
    stopped_at?: DateTime | null;
    version_no?: number | null;
    stop_cause?: string | null;
    config?: RecipeConfigEntry[] | null;
    trigger_closure?: unknown;
    /** The step tree, JSON-encoded as a string (sometimes an object, §8.2). */
    code?: string | Record<string, unknown> | null;
    author_name?: string | null;
    version_author_name?: string | null;
    version_author_email?: string | null;
    version_comment?: string | null;
    /** Tag handles; only with `includes[]=tags`. */
    tags?: string[] | null;
    project_id?: number | string | null;
  }

  export interface RecipeVersion {
    id: number;
    version_no: number;
    comment?: string | null;
    author_name?: string | null;
    author_email?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  // ---------------------------------------------------------------- §8.4 jobs
  export interface JobErrorParts {
    adapter?: string | null;
    error_type?: string | null;
    message?: string | null;
    error_id?: string | null;
    error_at?: DateTime | null;
    input?: unknown;
    inner_message?: string | null;
  }

  export interface Job {
    /** The job handle, e.g. `j-AXk9ZfQ2-pL7cW1` (a string, §7). */
    id: string;
    flow_run_id?: number | null;
    completed_at?: DateTime | null;
    started_at?: DateTime | null;
    title?: string | null;
    is_poll_error?: boolean | null;
    error?: string | null;
    error_parts?: JobErrorParts | null;
    is_error?: boolean | null;
    /** Not in the documented list items; some clients read it (§8.4). */
    status?: string | null;
    recipe_id?: number | null;
  }

  export interface JobLine {
    recipe_line_number?: number | null;
    adapter_name?: string | null;
    adapter_operation?: string | null;
    line_stat?: Record<string, unknown> | null;
  }

  export interface JobDetail extends Job {
    handle?: string | null;
    recipe_id?: number | null;
    status?: string | null;
    is_repeat?: boolean | null;
    is_test?: boolean | null;
    is_test_case_job?: boolean | null;
    master_job_id?: string | null;
    master_job_handle?: string | null;
    calling_recipe_id?: number | string | null;
    calling_job_id?: string | null;
    calling_job_handle?: string | null;
    root_recipe_id?: number | null;
    root_job_id?: string | null;
    lines?: JobLine[] | null;
  }

  export interface JobList {
    job_succeeded_count?: number | null;
    job_failed_count?: number | null;
    job_count?: number | null;
    job_scope_count?: number | null;
    items: Job[];
  }

  export interface RepeatJobsResponse {
    results: Array<{ job_id: string; status: string; error?: string | null }>;
  }

  // ---------------------------------------------------------------- §8.5 connections
  export interface Connection {
    id: number;
    /** Connector name; Embedded lists and the spec may send `provider` instead (§8.5). */
    application?: string | null;
    provider?: string | null;
    name: string;
    description?: string | null;
    authorized_at?: DateTime | null;
    authorization_status?: string | null;
    authorization_error?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    external_id?: string | null;
    folder_id?: number | null;
    connection_lost_at?: DateTime | null;
    connection_lost_reason?: string | null;
    parent_id?: number | null;
    tags?: string[] | null;
  }

  // ---------------------------------------------------------------- §8.6 connectors
  export interface ConnectorOperation {
    name: string;
    title?: string | null;
    deprecated?: boolean | null;
    bulk?: boolean | null;
    batch?: boolean | null;
  }

  export interface Connector {
    name: string;
    title?: string | null;
    categories?: string[] | null;
    oauth?: boolean | null;
    deprecated?: boolean | null;
    secondary?: boolean | null;
    triggers?: ConnectorOperation[] | null;
    actions?: ConnectorOperation[] | null;
  }

  export interface ConnectorPage {
    items: Connector[];
    count: number;
    page: number;
    per_page: number;
  }

  // ---------------------------------------------------------------- §8.7 folders and projects
  export interface Folder {
    id: number;
    name: string;
    parent_id?: number | null;
    is_project?: boolean | null;
    project_id?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  export interface Project {
    id: number;
    name: string;
    description?: string | null;
    folder_id: number;
  }

  export interface ProjectBuild {
    id: number;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    description?: string | null;
    include_test_cases?: boolean | null;
    project_build_id?: number | null;
    /** A string here, although projects use integer ids (§7). */
    project_id: string;
    state: string;
    performed_by_name?: string | null;
    download_url?: string | null;
  }

  export interface Deployment {
    id: number;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    description?: string | null;
    project_build_id?: number | null;
    environment_type?: string | null;
    project_id: string;
    state: string;
    performed_by_name?: string | null;
  }

  // ---------------------------------------------------------------- §15 recipe lifecycle
  export interface Asset {
    id: number;
    name?: string | null;
    type: string;
    version?: number | null;
    folder?: string | null;
    absolute_path?: string | null;
    root_folder?: boolean | null;
    unreachable?: boolean | null;
    zip_name?: string | null;
    checked?: boolean | null;
    status?: string | null;
  }

  export interface ExportManifest {
    id: number;
    name: string;
    last_exported_at?: DateTime | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    deleted_at?: DateTime | null;
    project_path?: string | null;
    status?: string | null;
    folder_id?: number | null;
    assets?: Asset[] | null;
    /** The manifest's options; returned by GET only [inferred] (§15.2). */
    include_test_cases?: boolean | null;
    include_data?: boolean | null;
    include_tags?: boolean | null;
  }

  /** The `export_manifest` object of POST/PUT /export_manifests (§15.2); per asset only `id` and `type` are required. */
  export interface ExportManifestWrite {
    name?: string;
    assets?: Array<Pick<Asset, 'id' | 'type'> & Partial<Omit<Asset, 'id' | 'type' | 'name' | 'status'>>>;
    folder_id?: number;
    include_test_cases?: boolean;
    auto_generate_assets?: boolean;
    include_data?: boolean;
    include_tags?: boolean;
  }

  export interface PackageRecipeStatus {
    id: number;
    import_result: string;
  }

  export interface Package {
    id: number;
    operation_type: 'export' | 'import' | string;
    status: 'in_progress' | 'processing' | 'completed' | 'failed' | string;
    export_manifest_id?: number | null;
    download_url?: string | null;
    error?: string | null;
    recipe_status?: PackageRecipeStatus[] | null;
    name?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  // ---------------------------------------------------------------- §8.8 Embedded
  export interface ManagedUser {
    id: number;
    external_id?: string | null;
    name: string;
    notification_email?: string | null;
    plan_id?: string | null;
    origin_url?: string | null;
    in_trial?: boolean | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    frame_ancestors?: string | null;
    time_zone?: string | null;
    admin_notification_emails?: string | null;
    error_notification_emails?: string | null;
    task_limit_adjustment?: number | null;
    custom_task_limit?: number | null;
    billing_start_date?: string | null;
    oauth_id?: string | null;
  }

  /**
   * What `GET /managed_users/:id` adds to the customer (api-docs.workato.com, "Get customer"): read-only figures
   * of the current billing period and the embedding settings. The list's items do not carry them (§17.1 fixtures).
   */
  export interface ManagedUserDetail extends ManagedUser {
    full_embedding?: boolean | null;
    whitelisted_apps?: string[] | null;
    team_name?: string | null;
    current_billing_period_start?: string | null;
    current_billing_period_end?: string | null;
    task_count?: number | null;
    active_connection_limit?: number | null;
    active_connection_count?: number | null;
    active_recipe_count?: number | null;
  }

  /** POST/PUT /managed_users bodies (§17.1): only the keys sent change; `null` clears a property. */
  export type ManagedUserWrite = Partial<Omit<ManagedUser, 'id' | 'created_at' | 'updated_at'>>;

  /**
   * §17.1 create's `auth_settings[type]`, `auth_settings[provider]`, …: on the wire one nested JSON object (§3: the
   * docs' Rails-style names are JSON nesting). The JIT, role-sync and enforce flags are documented without names.
   */
  export interface ManagedUserAuthSettings {
    type: 'workato_auth' | 'two_fa_auth' | 'saml_sso';
    provider?: string;
    metadata_url?: string;
    sso_url?: string;
    saml_issuer?: string;
    x509_cert?: string;
  }

  /** §17.1 `environments[...]`: one TEST or PROD environment's settings (the DEV ones are the top-level fields). */
  export interface ManagedUserEnvironment {
    environment_type: 'test' | 'prod';
    external_id?: string | null;
    error_notification_emails?: string | null;
  }

  /** PUT /managed_users/:id (§17.1): the customer's properties, and its TEST/PROD environments' settings. */
  export type ManagedUserUpdate = ManagedUserWrite & { environments?: ManagedUserEnvironment[] };

  /** POST /managed_users (§17.1): as an update, and how its users sign in (create only). */
  export type ManagedUserCreate = ManagedUserUpdate & { auth_settings?: ManagedUserAuthSettings };

  /** POST/PUT /managed_users/:id/members bodies (§17.2): roles as `role_name` (DEV only) or `env_roles`. */
  export interface MemberWrite {
    name?: string;
    email?: string | null;
    oauth_id?: string | null;
    external_id?: string | null;
    role_name?: string;
    env_roles?: Array<{ environment_type: string; name: string; role_type?: string }>;
  }

  export interface MemberRole {
    environment_type?: string | null;
    role_name?: string | null;
  }

  export interface Member {
    id: number;
    grant_type?: string | null;
    name: string;
    email?: string | null;
    external_id?: string | null;
    oauth_id?: string | null;
    time_zone?: string | null;
    created_at?: DateTime | null;
    roles?: MemberRole[] | null;
    role_name?: string | null;
  }

  export interface LookupTable {
    id: number;
    name: string;
    /** JSON-encoded column list (§18). */
    schema?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    project_id?: string | null;
  }

  // ---------------------------------------------------------------- §4 errors and refusals
  /** `{"success": true}` and friends; refusals arrive as HTTP 200 with `success: false` (§4.3). */
  export interface SuccessResponse {
    success: boolean;
    message?: string;
    /** Field → messages, e.g. `{"running": ["can't modify running recipe"]}`. */
    errors?: Record<string, string[]>;
    /** Positional tuples `[step, [[label, value, message, path?], ...]]` (§4.3). */
    code_errors?: unknown[];
    config_errors?: unknown[];
  }

  export interface CreateRecipeResponse extends SuccessResponse {
    id?: number;
  }

  export interface CopyRecipeResponse extends SuccessResponse {
    new_flow_id?: number;
  }

  /** The `recipe` object of POST/PUT /recipes (§10.3, §10.4): `code`/`config` JSON-encoded, `folder_id` a string. */
  export interface RecipeWrite {
    name?: string;
    code?: string;
    config?: string;
    folder_id?: string;
    description?: string;
  }

  /** §11.5 [inferred]: cancel_jobs is assumed to answer like repeat_jobs. */
  export type CancelJobsResponse = RepeatJobsResponse;

  export interface DisconnectResponse extends SuccessResponse {
    status?: string;
  }

  /** Every error body shape seen (§4.2); parse defensively. */
  export interface ErrorBody {
    message?: string;
    error?: string;
    error_type?: string;
    detail?: string;
    description?: string;
    id?: string;
    errors?: Record<string, string[]> | Array<{ code?: number | string; title?: string; detail?: string }>;
  }

  // ---------------------------------------------------------------- §23 tags
  /** A tag (§23, [doc][wk]). `handle` is its only id (§7); Workato may send extra fields. */
  export interface Tag {
    handle: string;
    title?: string | null;
    description?: string | null;
    /** A colour name such as `blue`; the set of values is not documented. */
    color?: string | null;
    /** [inferred]: not in the documented shape; read when present. */
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** POST /api/tags and PUT /api/tags/:handle bodies (§23: `title` required on create). */
  export interface TagWrite {
    title?: string;
    description?: string;
    color?: string;
  }

  /** POST /api/tags_assignments (§23): `recipe_ids` or `connection_ids` required; answers 200 with an empty body. */
  export interface TagsAssignment {
    add_tags?: string[];
    remove_tags?: string[];
    recipe_ids?: number[];
    connection_ids?: number[];
  }

  // ---------------------------------------------------------------- §18 lookup tables
  /** A row [inferred]: `{"id": 1, "data": {"code": "DE", "name": "Germany"}}`, cells keyed by column label. */
  export interface LookupTableRow {
    id: number;
    data?: Record<string, string | number | boolean | null> | null;
  }

  /** POST /lookup_tables: `project_id` optional (omitted = a global table); ≤ 10 columns (§18). */
  export interface LookupTableCreate {
    name: string;
    project_id?: number;
    schema: Array<{ label: string }>;
  }

  /** POST/PUT …/rows: the cells to set, keyed by column label (an update changes only these). */
  export interface LookupTableRowWrite {
    data: Record<string, string>;
  }

  // ---------------------------------------------------------------- §20 collaborators
  /** §8.10: the member's latest audit-log event (declaration merged into `Member` above). */
  export interface Member {
    last_activity_log?: { id?: number | null; event_type?: string | null; created_at?: DateTime | null } | null;
  }

  /** GET /members (§20 #2): one page and the count of all matching members. */
  export interface MemberList {
    data: Member[];
    total?: number | null;
  }

  /** A resource → its allowed actions, e.g. `{"Recipes": ["read", "write"]}` (§20 #6, #9). */
  export type PrivilegeMap = Record<string, string[]>;

  /** GET /roles (§20 #9 [baton]): a collaborator role. */
  export interface CollaboratorRole {
    id: number;
    name: string;
    inheritable?: boolean | null;
    folder_ids?: number[] | null;
    privileges?: PrivilegeMap | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** GET /members/:id/privileges (§20 #6): `{"data": [...]}`, one entry per environment role. */
  export interface MemberPrivileges {
    environment_type?: string | null;
    name?: string | null;
    privileges?: PrivilegeMap | null;
    folder_ids?: number[] | null;
  }

  /** GET /members/:id/project_grants (§20 #7) [inferred shape]. */
  export interface MemberProjectGrant {
    project_id: number | string;
    environment_type?: string | null;
    role_name?: string | null;
    created_at?: DateTime | null;
  }

  /** GET /members/:id/projects_privileges (§20 #8) [inferred shape]. */
  export interface MemberProjectPrivileges {
    project_id: number | string;
    environment_type?: string | null;
    privileges?: PrivilegeMap | null;
  }

  /** POST /member_invitations body (§20 #1, §17.2 #9). */
  export interface MemberInvitationWrite {
    name: string;
    email: string;
    env_roles?: Array<{ environment_type: string; name: string; role_type?: string }>;
    /** Deprecated: one DEV role. */
    role_name?: string;
    user_group_ids?: number[];
  }

  /** POST /member_invitations answer [inferred]; read leniently, any field may be missing. */
  export interface MemberInvitation {
    id?: number | null;
    email: string;
    name?: string | null;
    env_roles?: Array<{ environment_type?: string | null; name?: string | null }> | null;
    user_group_ids?: number[] | null;
    created_at?: DateTime | null;
  }

  /** GET /iam/users[/:id] (§20 #10–#15, resource index only) [inferred shape]. */
  export interface IamUser {
    id: number;
    name?: string | null;
    email?: string | null;
    status?: string | null;
    user_group_ids?: number[] | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** GET /iam/user_groups (§20 #10–#15, resource index only) [inferred shape]. */
  export interface IamUserGroup {
    id: number;
    name: string;
    description?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  // ---------------------------------------------------------------- §22 API platform
  /** §22 #1 [spec]: a collection; `project_id` a string ("523144") and may be absent [wk]. */
  export interface ApiCollection {
    id: number;
    name: string;
    project_id?: string | null;
    url?: string | null;
    /** The OpenAPI document's URL, with a literal `{token}` placeholder (not a secret). */
    api_spec_url?: string | null;
    version?: string | null;
    created_at?: string | null;
    updated_at?: string | null;
    /** Only in the create answer. */
    message?: string | null;
    import_results?: ApiImportResults | null;
  }

  export interface ApiImportResults {
    success?: boolean | null;
    total_endpoints?: number | null;
    failed_endpoints?: number | null;
    failed_actions?: string[] | null;
  }

  /** POST /api_collections (§22 #2). */
  export interface ApiCollectionWrite {
    name: string;
    project_id?: number;
    proxy_connection_id?: number;
    openapi_spec?: { content: string; format: 'json' | 'yaml' };
  }

  /** §22 #4 [spec]: `flow_id` is the recipe behind the endpoint; `active` whether callers may call it. */
  export interface ApiEndpoint {
    id: number;
    api_collection_id: number;
    flow_id?: number | null;
    name: string;
    method?: string | null;
    url?: string | null;
    legacy_url?: string | null;
    base_path?: string | null;
    path?: string | null;
    active?: boolean | null;
    legacy?: boolean | null;
    created_at?: string | null;
    updated_at?: string | null;
  }

  /** POST /api_collections/:id/api_endpoints (§22 #5, [wk]; the body is [inferred]). */
  export interface ApiEndpointWrite {
    name: string;
    method: string;
    path: string;
    flow_id: number;
  }

  /** §22 #8–#10 [spec] v2 API client. Its `api_token` is never read by the gateway (keys carry the secrets). */
  export interface ApiClient {
    id: number;
    name: string;
    description?: string | null;
    project_id?: number | null;
    active_api_keys_count?: number | null;
    total_api_keys_count?: number | null;
    created_at?: string | null;
    updated_at?: string | null;
    logo?: string | null;
    logo_2x?: string | null;
    is_legacy?: boolean | null;
    email?: string | null;
    auth_type?: string | null;
    mtls_enabled?: boolean | null;
    validation_formula?: string | null;
    cert_bundle_ids?: number[] | null;
    api_policies?: Array<{ id?: number; name?: string }> | null;
    api_collections?: Array<{ id?: number; name?: string }> | null;
  }

  /** POST / PUT /v2/api_clients (§22 #9–#10 [spec] ApiClientCreateRequest). */
  export interface ApiClientWrite {
    name?: string;
    description?: string;
    project_id?: number;
    api_portal_id?: number;
    email?: string;
    api_collection_ids?: number[];
    api_policy_id?: number;
    auth_type?: 'token' | 'jwt' | 'oauth2' | 'oidc';
    jwt_method?: 'hmac' | 'rsa';
    jwt_secret?: string;
    oidc_issuer?: string;
    oidc_jwks_uri?: string;
    access_profile_claim?: string;
    required_claims?: string[];
    allowed_issuers?: string[];
    mtls_enabled?: boolean;
    validation_formula?: string;
    cert_bundle_ids?: number[];
  }

  /** §22 #11 [spec] key; `auth_token` (a secret) only in the create and refresh_secret answers. */
  export interface ApiKey {
    id: number;
    name: string;
    auth_type?: string | null;
    ip_allow_list?: string[] | null;
    ip_deny_list?: string[] | null;
    active?: boolean | null;
    active_since?: string | null;
    auth_token?: string | null;
  }

  export interface ApiKeyWrite {
    name: string;
    active: boolean;
    ip_allow_list?: string[];
    ip_deny_list?: string[];
  }

  /** §22 #8/#11: `{"data", "count", "page", "per_page"}`. */
  export interface CountedList<T> {
    data: T[];
    count?: number | null;
    page?: number | null;
    per_page?: number | null;
  }

  /** §22 #13 GET /v2/api_portals: fields are [inferred] (the docs name the endpoint only). */
  export interface ApiPortal {
    id: number;
    name: string;
    url?: string | null;
    created_at?: string | null;
    updated_at?: string | null;
  }

  // ---------------------------------------------------------------- §27 activity audit log
  /** `GET /api/activity_logs` query (§27): `page[after]` is the id of the last entry of the previous page. */
  export interface ActivityLogQuery {
    'page[after]'?: number;
    'page[size]'?: number;
    from?: DateTime;
    to?: DateTime;
    users_ids?: number[];
    include_resource_types?: string[];
    exclude_resource_types?: string[];
    include_event_types?: string[];
    exclude_event_types?: string[];
  }

  export interface ActivityLogEntry {
    /** §27 gives no type; an integer, since `page[after]` is an integer cursor over it [inferred]. */
    id: number | string;
    timestamp?: DateTime | null;
    event_type?: string | null;
    workspace?: { id?: number | null; name?: string | null; email?: string | null; environment?: string | null } | null;
    user?: { id?: number | null; name?: string | null; email?: string | null } | null;
    details?: { request?: { ip?: string | null; user_agent?: string | null } | null; activity?: unknown } | null;
    resource?: {
      id?: number | string | null;
      name?: string | null;
      /** `Flow`, `SharedAccount`, `Tags::Models::Tag`, … (§27). */
      type?: string | null;
      email?: string | null;
      email_confirmed_at?: DateTime | null;
    } | null;
  }

  /** §6/§27: `total` counts the entries of this response, not of the whole log. */
  export interface ActivityLogList {
    data: ActivityLogEntry[];
    total?: number | null;
  }

  // ---------------------------------------------------------------- §16.3 custom connectors
  export interface CustomConnectorVersion {
    version: number;
    version_note?: string | null;
    created_at?: DateTime | null;
    released_at?: DateTime | null;
  }

  /** §8.6 [spec]; listed as `{"result": [...]}` (§16.3). */
  export interface CustomConnector {
    id: number;
    name: string;
    title?: string | null;
    latest_released_version?: number | null;
    latest_released_version_note?: string | null;
    released_versions?: CustomConnectorVersion[] | null;
    static_webhook_url?: string | null;
  }

  /** POST/PUT /custom_connectors bodies (api-docs "Create custom connector"); an update sends only what changes. */
  export interface CustomConnectorWrite {
    title?: string;
    code?: string;
    description?: string;
    /** The logo image, Base64-encoded. */
    logo?: string;
    /** The note of the version the write makes. */
    note?: string;
  }

  /** A write's answer: the connector, plus its newest version (released or not) and logo (api-docs). */
  export interface CustomConnectorWritten extends CustomConnector {
    logo?: string | null;
    latest_version?: number | null;
    latest_version_note?: string | null;
  }

  /** `GET /api/custom_connectors/:id/code` (§16.3). */
  export interface CustomConnectorCode {
    data: { code: string };
  }

  /**
   * One field of a Workato schema, the connector SDK's format (docs.workato.com, SDK reference "Workato Schema"):
   * the schema generators' answer (§16.3) and the connection forms' (§17.3 #6, §17.8). Only `name` is required;
   * attributes not named here pass through.
   */
  export interface SchemaField {
    name: string;
    label?: string | null;
    /** Data type; the SDK's default is `string`. */
    type?: string | null;
    control_type?: string | null;
    /** Nested fields of an object, or of an array of objects [inferred]. */
    properties?: SchemaField[] | null;
    /** The item type of an array (`object`, `string`, …) [inferred]. */
    of?: string | null;
    /** May hold HTML (links to documentation). */
    hint?: string | null;
    /** The SDK's default is false: a value is required. */
    optional?: boolean | null;
    default?: unknown;
    /** Choices of a select field, `[label, value]` pairs. */
    options?: Array<[string, string]> | null;
    /** Inline `[label, value]` pairs, or the name of a pick list of the connector. */
    pick_list?: string | Array<[string, string]> | null;
    /** A condition on other inputs under which the field shows, e.g. `!line.use_managed_connection`. */
    ngIf?: string | null;
    /** True when the field's value changes the rest of the form. */
    extends_schema?: boolean | null;
    [attribute: string]: unknown;
  }

  // ---------------------------------------------------------------- §19 properties
  /**
   * GET /properties: a flat object of name → value (strings). Environment properties keep their full names; project
   * properties come back with the `prefix` stripped ([spec]).
   */
  export type PropertyMap = Record<string, string>;
  /** POST /properties (and `?project_id=`): upserts every pair; answers `{"success": true}`. */
  export interface PropertiesUpsertBody {
    properties: Record<string, string>;
  }

  // ---------------------------------------------------------------- §27 secrets-management
  /** POST /secrets_management/clear_cache takes no body; the answer was not captured ([inferred] `{"success": true}`). */
  export type SecretsCacheClearResponse = Partial<SuccessResponse> | undefined;

  // ---------------------------------------------------------------- §28 custom-oauth-profiles
  /**
   * A custom OAuth profile, as GET /custom_oauth_profiles(/:id) sends it inside `{"result": …}` [doc]. Client secrets
   * (and tokens) are never returned; `data` holds the client id only.
   */
  export interface CustomOAuthProfile {
    id: number;
    user_id?: number | null;
    name?: string | null;
    /** The connector the profile is for, e.g. `hubspot`. */
    provider?: string | null;
    data?: { client_id?: string | null } | null;
    /** Connections using the profile. */
    shared_accounts_count?: number | null;
    /** Embedded customers the profile is assigned to. */
    oem_customers_count?: number | null;
    created_at?: string | null;
    updated_at?: string | null;
  }
  /** POST/PUT body [inferred]: the client secret travels only here, inside `data`. */
  export interface CustomOAuthProfileWrite {
    name?: string;
    provider?: string;
    data?: { client_id?: string; client_secret?: string };
  }

  // ---- §24 on-prem groups and agents; §12.6 pick lists, §12.7 runtime-user connections
  /** §24 [doc]: older pages wrapped even single objects in a one-element array (read through inferred.ts). */
  export interface OnPremGroup {
    id: number;
    name: string;
    created_at?: DateTime | null;
    in_use?: boolean | null;
    use_managed_connection?: boolean | null;
    config_version?: number | null;
    logs_enabled?: boolean | null;
    /** Absent from Embedded lists (docs sample); IPv4 addresses or CIDR ranges. */
    whitelisted_ips?: string[] | null;
  }

  /** POST/PUT /on_prem_groups (§24): `settings_attributes[whitelisted_ips]` as a nested object. */
  export interface OnPremGroupWrite {
    name?: string;
    use_managed_connection?: boolean;
    settings_attributes?: { whitelisted_ips?: string[] };
  }

  /** §24 [doc] (Embedded list sample and create answer); `on_prem_group_id` in list items is [inferred]. */
  export interface OnPremAgent {
    id: number;
    name: string;
    os?: string | null;
    installation_method?: string | null;
    awaiting_setup?: boolean | null;
    enabled?: boolean | null;
    last_seen_version?: string | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    /** `awaiting_setup`, `active`, `no_response`, `disabled` (the UI's four statuses, §24 docs). */
    state?: string | null;
    activated?: boolean | null;
    /** The agent's certificate common name. */
    cn?: string | null;
    on_prem_group_id?: number | null;
  }

  /** POST /on_prem_agents (§24 [doc]): `name`, `os`, `on_prem_group_id` required. PUT takes `name`, `enabled` [inferred]. */
  export interface OnPremAgentWrite {
    name?: string;
    os?: string;
    on_prem_group_id?: number;
    awaiting_setup?: boolean;
    enabled?: boolean;
  }

  /** GET /on_prem_groups/:id/status [inferred]: not captured; read leniently (inferred.ts). */
  export interface OnPremGroupStatus {
    state?: string | null;
    agents_count?: number | null;
    active_agents_count?: number | null;
  }

  /** GET /on_prem_agents/:id/status [inferred]: not captured; read leniently (inferred.ts). */
  export interface OnPremAgentStatus {
    state?: string | null;
    last_seen_at?: DateTime | null;
    version?: string | null;
  }

  /** GET /on_prem_agents/:id/activation_code [inferred]: a SECRET, shown once; never logged or cached. */
  export interface OnPremActivationCode {
    activation_code?: string | null;
  }

  /** POST /connections/:id/pick_list → `{"data": [[label, value, ...], ...]}` (§12.6 [spec]). */
  export interface PickListResponse {
    data: unknown[][];
  }

  /** POST /connections/runtime_user_connections body (§12.7 [spec]). */
  export interface RuntimeUserConnectionWrite {
    parent_id: number;
    folder_id: number;
    external_id: string;
    name?: string;
    callback_url?: string;
    redirect_url?: string;
  }

  /** §12.7 [spec]: `{"data": {"id", "url"}}`; get_oauth_url answers `{"data": {"url"}}`. */
  export interface RuntimeUserConnectionResponse {
    data: { id: number; url: string };
  }
  export interface OAuthUrlResponse {
    data: { url: string };
  }

  // ---------------------------------------------------------------- §21 developer API clients
  /**
   * A developer API client (§21): list items and single answers. `token` is metadata (`{"updated_at"}`) on list and
   * get; the create and regenerate answers carry the token value instead ([inferred], see inferred.ts `tokenValueOf`).
   */
  export interface DeveloperApiClient {
    id: number;
    name: string;
    /** The client role's id. */
    api_privilege_group_id?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    all_folders?: boolean | null;
    folder_ids?: number[] | null;
    environment_name?: string | null;
    environment_id?: number | null;
    /** Comma-separated addresses, e.g. `"192.0.2.10,198.51.100.5"`. */
    ip_allow_list?: string | null;
    token?: { updated_at?: DateTime | null } | string | null;
    api_token?: string | null;
  }

  /** GET /developer_api_clients: `{"result": {"count", "items"}}` (§6). */
  export interface DeveloperApiClientList {
    count?: number | null;
    items: DeveloperApiClient[];
  }

  /** POST/PUT /developer_api_clients bodies (§21); an update sends only the keys given. */
  export interface DeveloperApiClientWrite {
    name?: string;
    api_privilege_group_id?: number;
    all_folders?: boolean;
    folder_ids?: number[];
    environment_name?: string;
    ip_allow_list?: string;
  }

  /** A client role (§21 #7; the Embedded copy answers `id`, `name`, `created_at`, `updated_at`). */
  export interface DeveloperApiClientRole {
    id: number;
    name: string;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  // ---------------------------------------------------------------- §25 data tables
  /** `boolean|date|date_time|integer|number|string|file|relation` (§25 [spec]). */
  export type DataTableColumnType = 'boolean' | 'date' | 'date_time' | 'integer' | 'number' | 'string' | 'file' | 'relation';
  /** A column of a data table's `schema` (§25 [spec]); `relation` only for `relation` columns. */
  export interface DataTableColumn {
    type: DataTableColumnType;
    name: string;
    optional?: boolean | null;
    field_id: string;
    hint?: string | null;
    default_value?: unknown;
    metadata?: Record<string, unknown> | null;
    multivalue?: boolean | null;
    relation?: { table_id?: string | null; field_id?: string | null } | null;
  }
  /** A data table (§25 [doc][spec]): `id` a UUID string, `folder_id` an integer. */
  export interface DataTable {
    id: string;
    name: string;
    folder_id?: number | null;
    created_at?: string | null;
    updated_at?: string | null;
    schema?: DataTableColumn[] | null;
  }
  /** POST/PUT /data_tables body (§25): `name`, `folder_id` and `schema` on create; PUT takes the same keys. */
  export interface DataTableWrite {
    name?: string;
    folder_id?: number;
    schema?: Array<Omit<DataTableColumn, 'field_id'> & { field_id?: string }>;
  }
  /**
   * A record of the records host (`/api/v1/tables/...`, §25 [doc] resource index only): values keyed by column name,
   * plus `$record_id`, `$created_at`, `$updated_at` [inferred].
   */
  export type DataTableRecord = { $record_id: string; $created_at?: string | null; $updated_at?: string | null } & Record<string, unknown>;
  /** POST /v1/tables/:id/query body [inferred]: `where` uses `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte`, `$in`, `$starts_with`, `$and`, `$or`. */
  export interface DataTableQuery {
    select?: string[];
    where?: Record<string, unknown>;
    limit?: number;
    continuation_token?: string;
  }
  /** The query answer [inferred]: one page of records and the token of the next page (absent on the last page). */
  export interface DataTableQueryAnswer {
    data?: DataTableRecord[];
    continuation_token?: string | null;
  }

  // ---------------------------------------------------------------- §28 test automation and recipe health
  /**
   * A recipe's test case (GET /recipes/:recipe_id/test_cases, §28). The docs show `id` (`citc-…`) and `name`
   * inside run results; the other fields are [inferred].
   */
  export interface TestCase {
    id: string;
    name?: string | null;
    description?: string | null;
    recipe_id?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** One test case's outcome inside a run request [doc]: recipe, test case and job references, and a status. */
  export interface TestCaseRunResult {
    recipe?: { id: number; name?: string | null } | null;
    test_case?: { id: string; name?: string | null } | null;
    job?: { id: string } | null;
    /** `succeeded` [doc, via a real client]; `failed`, `pending` [inferred]. */
    status?: string | null;
  }

  /** A test case run request (POST /test_cases/run_requests, GET /test_cases/run_requests/:id), inside `{"data"}`. */
  export interface TestRun {
    id: string;
    /** `running`, `completed` [doc]; `failed` [inferred]. */
    status?: string | null;
    user?: { id: number } | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
    results?: TestCaseRunResult[] | null;
  }

  /** POST /test_cases/run_requests body [doc]: one way of choosing the test cases. */
  export interface TestRunRequest {
    manifest_id?: number;
    project_id?: number;
    folder_id?: number;
    recipe_id?: number;
    test_case_ids?: string[];
  }

  /** One finding of a recipe health report [inferred]. */
  export interface RecipeHealthFinding {
    code?: string | null;
    /** `high`, `medium`, `low` [inferred]. */
    severity?: string | null;
    message?: string | null;
    step_number?: number | null;
  }

  /** GET/POST /recipes/:recipe_id/health (§10 #15–16, shape not captured): the whole shape is [inferred]. */
  export interface RecipeHealth {
    recipe_id?: number | null;
    /** `pending` while Workato analyses, then `completed` [inferred]. */
    status?: string | null;
    requested_at?: DateTime | null;
    completed_at?: DateTime | null;
    job_count?: number | null;
    failed_job_count?: number | null;
    /** Succeeded ÷ (succeeded + failed) jobs, 0–1; null without finished jobs. */
    success_rate?: number | null;
    findings?: RecipeHealthFinding[] | null;
  }

  // ---- §28 Agent Studio (genies, skills, knowledge bases) and MCP servers: paths [doc], fields [wk] or [inferred]
  /** A genie (AI agent) [inferred]: REFERENCE gives paths only; `state` is `running`/`stopped`. Ids are strings (§7). */
  export interface Genie {
    id: string;
    name?: string | null;
    description?: string | null;
    state?: string | null;
    ai_provider?: string | null;
    folder_id?: number | null;
    project_id?: number | null;
    /** The assigned skills' and knowledge bases' ids [inferred]; `skills`/`knowledge_bases` objects are read too. */
    skill_ids?: string[] | null;
    knowledge_base_ids?: string[] | null;
    skills?: Array<{ id: string }> | null;
    knowledge_bases?: Array<{ id: string }> | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** A skill: a recipe a genie can call [wk]: `id`, `name`, `description`, `recipe_id`, `folder_id`, `project_id`, `running`. */
  export interface Skill {
    id: string;
    name?: string | null;
    description?: string | null;
    recipe_id?: number | null;
    folder_id?: number | null;
    project_id?: number | null;
    running?: boolean | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** A knowledge base [inferred]: ids strings like the genies'. */
  export interface KnowledgeBase {
    id: string;
    name?: string | null;
    description?: string | null;
    folder_id?: number | null;
    project_id?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** One item of GET /agentic/knowledge_bases/:id/data_sources [inferred]. */
  export interface KnowledgeBaseDataSource {
    id: string | number;
    name?: string | null;
    source_type?: string | null;
    status?: string | null;
    documents_count?: number | null;
    last_synced_at?: DateTime | null;
  }

  /** One item of GET /agentic/knowledge_bases/:id/recipes [inferred]: a recipe reference. */
  export interface KnowledgeBaseRecipe {
    id: number;
    name?: string | null;
  }

  /** An MCP server [wk]: string id (`mcps-…`) that the `:handle` path parameter takes; answers wrap it in `data`. */
  export interface McpServer {
    id: string;
    handle?: string | null;
    name?: string | null;
    description?: string | null;
    /** The URL MCP clients connect to; on legacy `token` servers it may carry the token as `wkt_token` [wk]. */
    mcp_url?: string | null;
    auth_type?: string | null;
    authentication_method?: string | null;
    folder_id?: number | null;
    project_id?: number | null;
    tools_count?: number | null;
    idp_user_group_ids?: string[] | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  /** A tool of an MCP server [wk]; `flow_id` is the recipe behind it. */
  export interface McpServerTool {
    id: number;
    name?: string | null;
    description?: string | null;
    original_description?: string | null;
    trigger_application?: string | null;
    action_applications?: string[] | null;
    flow_id?: number | null;
    active?: boolean | null;
    enabled?: boolean | null;
    vua_required?: boolean | null;
    incompatibility_reasons?: string[] | null;
  }

  /** An identity-provider user group MCP servers grant access to (GET /mcp/user_groups) [wk]: string ids. */
  export interface McpUserGroup {
    id: string;
    name?: string | null;
    users_count?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }

  // ---- §26 event streams
  /**
   * An event topic (`GET /api/event_streams/topics[/:topic_id]`). The docs list `name`, `description`, `schema` and
   * `retention` (seconds, default 604,800 = 168 h) as create fields; the answer's other fields are [inferred].
   */
  export interface EventTopic {
    id: number;
    name: string;
    description?: string | null;
    /** A Workato schema: a list of fields (sent by the list only with `include_schema=true`). */
    schema?: SchemaField[] | null;
    /** Seconds a message is kept. */
    retention?: number | null;
    created_at?: DateTime | null;
    updated_at?: DateTime | null;
  }
  /** POST (name and schema required) / PUT (all optional) `/api/event_streams/topics`. */
  export interface EventTopicWrite {
    name?: string;
    description?: string | null;
    schema?: unknown[];
    retention?: number;
  }
  /** One message of `POST /api/v1/topics/:topic_id/consume`: its id is the next `after_message_id`. */
  export interface EventMessage {
    message_id: string;
    payload?: unknown;
    /** When it was published (RFC 3339). */
    time?: DateTime | null;
  }
  /** The consume body: `after_message_id` or `since_time`, `batch_size` ≤ 50, `timeout_secs` ≤ 60 (long poll). */
  export interface EventConsumeBody {
    after_message_id?: string;
    since_time?: DateTime;
    batch_size?: number;
    timeout_secs?: number;
  }
  /** `POST /api/v1/batch/topics/:topic_id/publish` answer: per position in `payloads`, its id or result [inferred]. */
  export interface EventBatchPublishResult {
    is_partial_error?: boolean | null;
    message_ids?: Record<string, { message_id?: string | null; result?: string | null }> | null;
  }

  // ---------------------------------------------------------------- §6 envelopes
  export interface ItemsEnvelope<T> {
    items: T[];
  }
  export interface ResultEnvelope<T> {
    result: T;
  }
  export interface DataEnvelope<T> {
    data: T;
  }
}
