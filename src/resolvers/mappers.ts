/**
 * Which value each GraphQL type's resolvers receive (codegen `mappers`): Workato wire objects, tagged with the
 * workspace scope they came from, and page objects built by relay.ts.
 */
import type { Scoped } from '../loaders/scope.js';
import type { Workato } from '../workato/types.js';
import type { Edge, Page } from './relay.js';
import type { UserErrorValue } from './payload.js';

export type WorkspaceMapper = Scoped<Workato.Workspace>;
export type RecipeMapper = Scoped<Workato.Recipe>;
export type RecipeConfigEntryMapper = Scoped<Workato.RecipeConfigEntry>;
export type RecipeConnectionMapper = Page<RecipeMapper>;
export type RecipeEdgeMapper = Edge<RecipeMapper>;

/** A job list item or a job detail, with the recipe id it belongs to (list items do not carry it). */
export type JobMapper = Scoped<Workato.Job & Partial<Workato.JobDetail> & { recipe_id: number }>;
export type JobErrorPartsMapper = Workato.JobErrorParts;
export type JobLineMapper = Workato.JobLine;
export type JobConnectionMapper = Page<JobMapper> & { counters: Omit<Workato.JobList, 'items'> };
export type JobEdgeMapper = Edge<JobMapper>;

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

/** Every UserError implementation: built by payload.ts, tagged with its `__typename`. */
export type UserErrorMapper = UserErrorValue;
