/**
 * Which value each GraphQL type's resolvers receive (codegen `mappers`): Workato wire objects, tagged with the
 * workspace scope they came from, and page objects built by relay.ts.
 */
import type { Scoped } from '../loaders/scope.js';
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

/** Developer API clients and roles (REFERENCE §21), tagged with their workspace scope; never holding a token value. */
export type DeveloperApiClientMapper = Scoped<Workato.DeveloperApiClient>;
export type DeveloperApiClientRoleMapper = Scoped<Workato.DeveloperApiClientRole>;
export type DeveloperApiClientConnectionMapper = Page<DeveloperApiClientMapper> & { totalCount: number };
export type DeveloperApiClientEdgeMapper = Edge<DeveloperApiClientMapper>;

/** Every UserError implementation: built by payload.ts, tagged with its `__typename`. */
export type UserErrorMapper = UserErrorValue;
