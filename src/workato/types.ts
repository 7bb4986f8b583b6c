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

  /** POST/PUT /managed_users bodies (§17.1): only the keys sent change; `null` clears a property. */
  export type ManagedUserWrite = Partial<Omit<ManagedUser, 'id' | 'created_at' | 'updated_at'>>;

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
