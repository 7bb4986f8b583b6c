/**
 * Which value each GraphQL type's resolvers receive (codegen `mappers`): Workato wire objects, tagged with the
 * workspace scope they came from, and page objects built by relay.ts.
 */
import type { TableRow } from '../loaders/lookup-tables.js';
import type { ApiKeyOf } from '../loaders/api-platform.js';
import type { PropertyValue } from '../loaders/properties.js';
import type { Scoped } from '../loaders/scope.js';
import type { TestCaseValue } from '../loaders/test-automation.js';
import type { JobResult } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { Edge, Page } from './relay.js';
import type { UserErrorValue } from './payload.js';

export type WorkspaceMapper = Scoped<Workato.Workspace>;
export type RecipeMapper = Scoped<Workato.Recipe>;
export type RecipeConfigEntryMapper = Scoped<Workato.RecipeConfigEntry>;
export type RecipeConnectionMapper = Page<RecipeMapper>;
export type RecipeEdgeMapper = Edge<RecipeMapper>;
/** A version with the recipe it belongs to (Workato's version objects do not carry it, §8.3). */
export type RecipeVersionMapper = Scoped<Workato.RecipeVersion & { recipe_id: number }>;
export type RecipeVersionConnectionMapper = Page<RecipeVersionMapper>;
export type RecipeVersionEdgeMapper = Edge<RecipeVersionMapper>;

/** A job list item or a job detail, with the recipe id it belongs to (list items do not carry it). */
export type JobMapper = Scoped<Workato.Job & Partial<Workato.JobDetail> & { recipe_id: number }>;
export type JobErrorPartsMapper = Workato.JobErrorParts;
export type JobLineMapper = Workato.JobLine;
export type JobConnectionMapper = Page<JobMapper> & { counters: Omit<Workato.JobList, 'items'> };
export type JobEdgeMapper = Edge<JobMapper>;
/** One entry of a repeat_jobs / cancel_jobs answer, with the recipe it was about. */
export type JobActionResultMapper = Scoped<JobResult & { recipe_id: number }>;

export type ConnectionMapper = Scoped<Workato.Connection>;
export type ConnectionConnectionMapper = Page<ConnectionMapper> & { totalCount: number };
export type ConnectionEdgeMapper = Edge<ConnectionMapper>;

export type ConnectorMapper = Workato.Connector;
export type ConnectorOperationMapper = Workato.ConnectorOperation;
export type ConnectorConnectionMapper = Page<ConnectorMapper> & { totalCount?: number };
export type ConnectorEdgeMapper = Edge<ConnectorMapper>;

/** A folder; the Home folder is synthesised from `root_folder_id` since Workato never lists it. */
export type FolderMapper = Scoped<Workato.Folder & { is_home?: boolean }>;
export type FolderConnectionMapper = Page<FolderMapper>;
export type FolderEdgeMapper = Edge<FolderMapper>;

export type ProjectMapper = Scoped<Workato.Project>;
export type ProjectConnectionMapper = Page<ProjectMapper>;
export type ProjectEdgeMapper = Edge<ProjectMapper>;

/** Builds and deployments carry `project_id` as a string (REFERENCE §7); resolvers normalise it. */
export type ProjectBuildMapper = Scoped<Workato.ProjectBuild>;
export type DeploymentMapper = Scoped<Workato.Deployment>;
export type DeploymentConnectionMapper = Page<DeploymentMapper> & { totalCount: number };
export type DeploymentEdgeMapper = Edge<DeploymentMapper>;

/** Recipe lifecycle (REFERENCE §15): wire objects of the caller's own workspace. */
export type AssetMapper = Workato.Asset;
export type ExportManifestMapper = Workato.ExportManifest;
export type PackageMapper = Workato.Package;
export type PackageRecipeStatusMapper = Workato.PackageRecipeStatus;

/** Embedded (REFERENCE §17): customers live in the partner workspace; members and lookup tables carry their scope. */
export type ManagedUserMapper = Workato.ManagedUser;
export type ManagedUserConnectionMapper = Page<ManagedUserMapper>;
export type ManagedUserEdgeMapper = Edge<ManagedUserMapper>;
export type MemberMapper = Scoped<Workato.Member>;
export type MemberRoleMapper = Workato.MemberRole;
export type LookupTableMapper = Scoped<Workato.LookupTable>;
/** One entry of a lookup table's `schema` (§18), decoded from its JSON string. */
export type LookupTableColumnMapper = { label: string; name?: string | null; type?: string | null };
export type LookupTableConnectionMapper = Page<LookupTableMapper>;
export type LookupTableEdgeMapper = Edge<LookupTableMapper>;
export type TagMapper = Scoped<Workato.Tag>;
export type TagConnectionMapper = Page<TagMapper>;
export type TagEdgeMapper = Edge<TagMapper>;
/** What `tagsAssign` changed, read back only when selected (Workato answers the assignment with an empty body). */
export type TagsAssignPayloadMapper =
  | { ok: true; scope: string | undefined; recipeIds: number[]; connectionIds: number[]; userErrors: [] }
  | { ok: false; userErrors: UserErrorMapper[] };
/** A row with its table id and scope (REFERENCE §18 [inferred]: Workato's row carries neither). */
export type LookupTableRowMapper = TableRow;
export type LookupTableRowConnectionMapper = Page<LookupTableRowMapper>;
export type LookupTableRowEdgeMapper = Edge<LookupTableRowMapper>;
/** One cell: the table's column and the row's value in it. */
export type LookupTableCellMapper = { column: LookupTableColumnMapper; value: string | null };

/** Collaborators (REFERENCE §20, §17.2): wire objects tagged with the workspace they were read from. */
export type PrivilegeMapper = { resource: string; actions: string[] };
export type CollaboratorRoleMapper = Scoped<Workato.CollaboratorRole>;
export type MemberEnvironmentPrivilegesMapper = Scoped<Workato.MemberPrivileges>;
export type MemberProjectGrantMapper = Scoped<Workato.MemberProjectGrant>;
export type MemberProjectPrivilegesMapper = Scoped<Workato.MemberProjectPrivileges>;
export type MemberConnectionMapper = Page<MemberMapper> & { totalCount: number };
export type MemberEdgeMapper = Edge<MemberMapper>;
/** The invitation as sent, completed with whatever Workato answered ([inferred] answer shape). */
export type MemberInvitationMapper = Workato.MemberInvitation;
export type IamUserMapper = Scoped<Workato.IamUser>;
export type IamUserGroupMapper = Scoped<Workato.IamUserGroup>;
export type IamUserConnectionMapper = Page<IamUserMapper>;
export type IamUserEdgeMapper = Edge<IamUserMapper>;

/** §22 API platform (loaders/api-platform.ts). Lists with Workato's `count` carry it as `totalCount`. */
export type ApiCollectionMapper = Scoped<Workato.ApiCollection>;
export type ApiCollectionConnectionMapper = Page<ApiCollectionMapper>;
export type ApiCollectionEdgeMapper = Edge<ApiCollectionMapper>;
export type ApiEndpointMapper = Scoped<Workato.ApiEndpoint>;
export type ApiEndpointConnectionMapper = Page<ApiEndpointMapper>;
export type ApiEndpointEdgeMapper = Edge<ApiEndpointMapper>;
export type ApiPlatformClientMapper = Scoped<Workato.ApiClient>;
export type ApiPlatformClientConnectionMapper = Page<ApiPlatformClientMapper> & { totalCount: number | null };
export type ApiPlatformClientEdgeMapper = Edge<ApiPlatformClientMapper>;
export type ApiKeyMapper = ApiKeyOf;
export type ApiKeyConnectionMapper = Page<ApiKeyMapper> & { totalCount: number | null };
export type ApiKeyEdgeMapper = Edge<ApiKeyMapper>;
export type ApiPortalMapper = Scoped<Workato.ApiPortal>;
export type ApiPortalConnectionMapper = Page<ApiPortalMapper> & { totalCount: number | null };
export type ApiPortalEdgeMapper = Edge<ApiPortalMapper>;

/** Activity audit log (REFERENCE §27): entries tagged with their scope; the resource carries it too (for `object`). */
export type AuditLogEntryMapper = Scoped<Workato.ActivityLogEntry>;
export type AuditLogWorkspaceMapper = NonNullable<Workato.ActivityLogEntry['workspace']>;
export type AuditLogUserMapper = NonNullable<Workato.ActivityLogEntry['user']>;
export type AuditLogRequestMapper = NonNullable<NonNullable<Workato.ActivityLogEntry['details']>['request']>;
export type AuditLogResourceMapper = Scoped<NonNullable<Workato.ActivityLogEntry['resource']>>;
export type AuditLogEntryConnectionMapper = Page<AuditLogEntryMapper>;
export type AuditLogEntryEdgeMapper = Edge<AuditLogEntryMapper>;

/** Custom connectors (REFERENCE §16.3). */
export type CustomConnectorMapper = Scoped<Workato.CustomConnector>;
export type CustomConnectorVersionMapper = Workato.CustomConnectorVersion;
export type CustomConnectorConnectionMapper = Page<CustomConnectorMapper> & { totalCount: number };
export type CustomConnectorEdgeMapper = Edge<CustomConnectorMapper>;
export type SchemaFieldMapper = Workato.SchemaField;

/** §19: a property with its full name, the prefix it was read with and its project (loaders/properties.ts). */
export type PropertyMapper = Scoped<PropertyValue>;
/** §28: the caller's own workspace only (Embedded has no custom OAuth profile endpoints to list). */
export type CustomOAuthProfileMapper = Workato.CustomOAuthProfile;
export type CustomOAuthProfileConnectionMapper = Page<CustomOAuthProfileMapper>;
export type CustomOAuthProfileEdgeMapper = Edge<CustomOAuthProfileMapper>;

/** On-prem (REFERENCE §24): groups and agents carry their scope; statuses are [inferred] shapes read leniently. */
export type OnPremGroupMapper = Scoped<Workato.OnPremGroup>;
export type OnPremGroupStatusMapper = Workato.OnPremGroupStatus;
export type OnPremGroupConnectionMapper = Page<OnPremGroupMapper> & { totalCount: number };
export type OnPremGroupEdgeMapper = Edge<OnPremGroupMapper>;
export type OnPremAgentMapper = Scoped<Workato.OnPremAgent>;
export type OnPremAgentStatusMapper = Workato.OnPremAgentStatus;
export type OnPremAgentConnectionMapper = Page<OnPremAgentMapper> & { totalCount: number };
export type OnPremAgentEdgeMapper = Edge<OnPremAgentMapper>;

/** Developer API clients and roles (REFERENCE §21), tagged with their workspace scope; never holding a token value. */
export type DeveloperApiClientMapper = Scoped<Workato.DeveloperApiClient>;
export type DeveloperApiClientRoleMapper = Scoped<Workato.DeveloperApiClientRole>;
export type DeveloperApiClientConnectionMapper = Page<DeveloperApiClientMapper> & { totalCount: number };
export type DeveloperApiClientEdgeMapper = Edge<DeveloperApiClientMapper>;

/** Data tables (REFERENCE §25): columns, relations and records carry their table (and so its workspace scope). */
export type DataTableMapper = Scoped<Workato.DataTable>;
export type DataTableColumnMapper = { table: DataTableMapper; column: Workato.DataTableColumn };
export type DataTableColumnRelationMapper = { table: DataTableMapper; relation: NonNullable<Workato.DataTableColumn['relation']> };
export type DataTableRecordMapper = { table: DataTableMapper; record: Workato.DataTableRecord };
export type DataTableCellMapper = { column: DataTableColumnMapper; value: unknown };
export type DataTableConnectionMapper = Page<DataTableMapper>;
export type DataTableEdgeMapper = Edge<DataTableMapper>;
export type DataTableRecordConnectionMapper = Page<DataTableRecordMapper>;
export type DataTableRecordEdgeMapper = Edge<DataTableRecordMapper>;

/** Test automation and recipe health (REFERENCE §28, §10 #15–16): test cases know their recipe; results their scope. */
export type TestCaseMapper = TestCaseValue;
export type TestCaseConnectionMapper = Page<TestCaseMapper>;
export type TestCaseEdgeMapper = Edge<TestCaseMapper>;
export type TestRunMapper = Scoped<Workato.TestRun>;
export type TestCaseResultMapper = Workato.TestCaseRunResult & { scope: string | undefined };
export type RecipeHealthReportMapper = Workato.RecipeHealth;
export type RecipeHealthFindingMapper = Workato.RecipeHealthFinding;
export type RecipeHealthCheckPayloadMapper =
  | { ok: true; scope: string | undefined; recipeId: number; report: RecipeHealthReportMapper; userErrors: [] }
  | { ok: false; userErrors: UserErrorValue[] };

/** Agent Studio (REFERENCE §28): wire objects of the caller's workspace; a data source travels with its knowledge base. */
export type GenieMapper = Workato.Genie;
export type GenieConnectionMapper = Page<GenieMapper>;
export type GenieEdgeMapper = Edge<GenieMapper>;
export type SkillMapper = Workato.Skill;
export type SkillConnectionMapper = Page<SkillMapper>;
export type SkillEdgeMapper = Edge<SkillMapper>;
export type KnowledgeBaseMapper = Workato.KnowledgeBase;
export type KnowledgeBaseConnectionMapper = Page<KnowledgeBaseMapper>;
export type KnowledgeBaseEdgeMapper = Edge<KnowledgeBaseMapper>;
export type KnowledgeBaseDataSourceMapper = { source: Workato.KnowledgeBaseDataSource; knowledgeBase: Workato.KnowledgeBase };

/** MCP servers (REFERENCE §28); a tool travels with its server. */
export type McpServerMapper = Workato.McpServer;
export type McpServerConnectionMapper = Page<McpServerMapper> & { totalCount: number | null };
export type McpServerEdgeMapper = Edge<McpServerMapper>;
export type McpToolMapper = { tool: Workato.McpServerTool; server: Workato.McpServer };
export type McpToolConnectionMapper = Page<McpToolMapper> & { totalCount: number | null };
export type McpToolEdgeMapper = Edge<McpToolMapper>;
export type McpUserGroupMapper = Workato.McpUserGroup;
export type McpUserGroupConnectionMapper = Page<McpUserGroupMapper>;
export type McpUserGroupEdgeMapper = Edge<McpUserGroupMapper>;

/** Event streams (REFERENCE §26): topics carry their scope; messages are the consume answer's items as sent. */
export type EventTopicMapper = Scoped<Workato.EventTopic>;
export type EventTopicConnectionMapper = Page<EventTopicMapper> & { totalCount: number };
export type EventTopicEdgeMapper = Edge<EventTopicMapper>;
/** A message with the topic it was read from (its global id names the topic). */
export type EventMessageMapper = Workato.EventMessage & { topicId: number };
export type EventMessageConnectionMapper = Page<EventMessageMapper>;
export type EventMessageEdgeMapper = Edge<EventMessageMapper>;

/** Every UserError implementation: built by payload.ts, tagged with its `__typename`. */
export type UserErrorMapper = UserErrorValue;
