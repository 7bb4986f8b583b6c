/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The outcome of a job. */
export type JobStatus =
  /** The job ended with an error. */
  | 'FAILED'
  /** The job has not finished yet. */
  | 'PENDING'
  /** The job finished without error. */
  | 'SUCCEEDED';

/** Why a mutation was refused. */
export type UserErrorCode =
  /** The API endpoint's recipe is not running; start it (`recipeStart`) before enabling the endpoint. */
  | 'API_ENDPOINT_RECIPE_STOPPED'
  /** The connection is still connected; disconnect it (`connectionDisconnect`) before deleting it. */
  | 'CONNECTION_CONNECTED'
  /** Running recipes use the connection; stop them first, or pass `force: true` where the mutation allows it. */
  | 'CONNECTION_IN_USE'
  /** The workspace has no Environments add-on, so projects cannot be built or deployed (Workato's `Environments not provisioned`). */
  | 'ENVIRONMENTS_NOT_PROVISIONED'
  /** The folder is a project's folder; delete the project with `projectDelete` instead. */
  | 'FOLDER_IS_PROJECT'
  /** The folder still holds recipes or connections; pass `force: true` to delete them with it. */
  | 'FOLDER_NOT_EMPTY'
  /** The genie is already running: `genieStart` changes nothing. */
  | 'GENIE_RUNNING'
  /** The genie is already stopped: `genieStop` changes nothing. */
  | 'GENIE_STOPPED'
  /** Workato rejected the input (its validation messages are in `message`). */
  | 'INVALID'
  /**
   * Workato already sent an invitation to this e-mail address for this workspace in the last 20 minutes; it sends
   * one per address and workspace every 20 minutes. `message` says when to try again.
   */
  | 'INVITATION_ALREADY_SENT'
  /** The request names nothing to change: no recipe or connection, or no tag to add or remove. */
  | 'NOTHING_TO_CHANGE'
  /** The object to change does not exist, or the token cannot see it. */
  | 'NOT_FOUND'
  /** Workato refused the uploaded file as a package (for example, it is not a zip). */
  | 'PACKAGE_INVALID'
  /** A message payload is larger than Workato's 1 MB limit for event streams (measured as JSON, UTF-8). */
  | 'PAYLOAD_TOO_LARGE'
  /** The upsert would take the environment or project past Workato's limit of 1,000 properties. */
  | 'PROPERTY_LIMIT_EXCEEDED'
  /** A property name is longer than Workato's limit of 100 characters. */
  | 'PROPERTY_NAME_TOO_LONG'
  /** A property value is longer than Workato's limit of 1,024 characters. */
  | 'PROPERTY_VALUE_TOO_LONG'
  /** The workspace has run out of transaction credit or action quota; no job can start until it has more. */
  | 'QUOTA_EXCEEDED'
  /** The recipe has errors in its steps (Workato's `code_errors`). */
  | 'RECIPE_INVALID'
  /** The recipe is running; stop it first. */
  | 'RECIPE_RUNNING'
  /** The recipe is already stopped. */
  | 'RECIPE_STOPPED'
  /** A connector of the recipe has no working connection (Workato's `config_errors`). */
  | 'RECIPE_UNCONNECTED'
  /** On a record create, the records host answered 404 for a table just read: it is not this workspace's; set `WORKATO_DATA_TABLES_URL` to its data-tables API root. */
  | 'RECORDS_HOST_NOT_FOUND'
  /** Workato refused the change for another reason; `message` says which. */
  | 'REFUSED'
  /** More job handles than Workato takes in one call (25). Split the list; Workato allows one such call per second. */
  | 'TOO_MANY_JOBS'
  /** More messages than Workato publishes in one batch (100). Split the list. */
  | 'TOO_MANY_MESSAGES'
  /**
   * The recipe's trigger is in back-off after repeated errors and cannot poll now; `message` says until when.
   * Retrying sooner does not help.
   */
  | 'TRIGGER_BACK_OFF'
  /** A cell names a column the lookup table does not have (labels are compared exactly: Workato keys rows by label). */
  | 'UNKNOWN_COLUMN';

export type DashboardQueryVariables = Exact<{
  first: number;
  jobs?: number | null | undefined;
}>;


export type DashboardQuery = { __typename: 'Query', me: { __typename: 'Workspace', id: string, name: string, activeRecipesCount: number | null } | null, recipes: { __typename: 'RecipeConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { __typename: 'Recipe', jobs: { __typename: 'JobConnection', totalCount: number | null, nodes: Array<(
          { __typename: 'Job' }
          & { ' $fragmentRefs'?: { 'JobRowFragment': JobRowFragment } }
        )> } | null }
      & { ' $fragmentRefs'?: { 'RecipeSummaryFragment': RecipeSummaryFragment } }
    )> } | null, connections: { __typename: 'ConnectionConnection', nodes: Array<(
      { __typename: 'Connection' }
      & { ' $fragmentRefs'?: { 'ConnectionHealthFragment': ConnectionHealthFragment } }
    )> } | null };

export type RecipeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type RecipeDetailQuery = { __typename: 'Query', node:
    | { __typename: 'ApiCollection', id: string }
    | { __typename: 'ApiEndpoint', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'ApiPlatformClient', id: string }
    | { __typename: 'ApiPortal', id: string }
    | { __typename: 'AuditLogEntry', id: string }
    | { __typename: 'CollaboratorRole', id: string }
    | { __typename: 'Connection', id: string }
    | { __typename: 'Connector', id: string }
    | { __typename: 'CustomConnector', id: string }
    | { __typename: 'CustomOAuthProfile', id: string }
    | { __typename: 'DataTable', id: string }
    | { __typename: 'DataTableRecord', id: string }
    | { __typename: 'Deployment', id: string }
    | { __typename: 'DeveloperApiClient', id: string }
    | { __typename: 'DeveloperApiClientRole', id: string }
    | { __typename: 'EventMessage', id: string }
    | { __typename: 'EventTopic', id: string }
    | { __typename: 'ExportManifest', id: string }
    | { __typename: 'Folder', id: string }
    | { __typename: 'Genie', id: string }
    | { __typename: 'IamUser', id: string }
    | { __typename: 'IamUserGroup', id: string }
    | { __typename: 'Job', id: string }
    | { __typename: 'KnowledgeBase', id: string }
    | { __typename: 'KnowledgeBaseDataSource', id: string }
    | { __typename: 'LookupTable', id: string }
    | { __typename: 'LookupTableRow', id: string }
    | { __typename: 'ManagedUser', id: string }
    | { __typename: 'McpServer', id: string }
    | { __typename: 'McpTool', id: string }
    | { __typename: 'McpUserGroup', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'OnPremAgent', id: string }
    | { __typename: 'OnPremGroup', id: string }
    | { __typename: 'Package', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'ProjectBuild', id: string }
    | { __typename: 'Property', id: string }
    | (
      { __typename: 'Recipe', description: string | null, applications: Array<string>, id: string }
      & { ' $fragmentRefs'?: { 'RecipeSummaryFragment': RecipeSummaryFragment } }
    )
    | { __typename: 'RecipeVersion', id: string }
    | { __typename: 'Skill', id: string }
    | { __typename: 'Tag', id: string }
    | { __typename: 'TestCase', id: string }
    | { __typename: 'TestRun', id: string }
    | { __typename: 'Workspace', id: string }
   | null };

export type RecipeSummaryFragment = { __typename: 'Recipe', id: string, workatoId: string, name: string, running: boolean, lastRunAt: string | null, folder: { __typename: 'Folder', id: string, name: string } | null } & { ' $fragmentName'?: 'RecipeSummaryFragment' };

export type JobRowFragment = { __typename: 'Job', id: string, handle: string, status: JobStatus, title: string | null, error: string | null, completedAt: string | null } & { ' $fragmentName'?: 'JobRowFragment' };

export type ConnectionHealthFragment = { __typename: 'Connection', id: string, name: string, application: string | null, connected: boolean, authorizationStatus: string | null, authorizationError: string | null, connectionLostAt: string | null } & { ' $fragmentName'?: 'ConnectionHealthFragment' };

export type RecipeStartMutationVariables = Exact<{
  id: string | number;
}>;


export type RecipeStartMutation = { __typename: 'Mutation', recipeStart: { __typename: 'RecipeStartPayload', recipe: (
      { __typename: 'Recipe' }
      & { ' $fragmentRefs'?: { 'RecipeSummaryFragment': RecipeSummaryFragment } }
    ) | null, userErrors: Array<
      | { __typename: 'InputError', message: string, code: UserErrorCode, field: Array<string> | null }
      | { __typename: 'RecipeStepError', step: number, label: string | null, message: string, code: UserErrorCode, field: Array<string> | null }
    > } };

export type RecipeStopMutationVariables = Exact<{
  id: string | number;
}>;


export type RecipeStopMutation = { __typename: 'Mutation', recipeStop: { __typename: 'RecipeStopPayload', recipe: (
      { __typename: 'Recipe' }
      & { ' $fragmentRefs'?: { 'RecipeSummaryFragment': RecipeSummaryFragment } }
    ) | null, userErrors: Array<
      | { __typename: 'InputError', message: string, code: UserErrorCode, field: Array<string> | null }
      | { __typename: 'RecipeStepError', message: string, code: UserErrorCode, field: Array<string> | null }
    > } };

export const RecipeSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workatoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"folder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RecipeSummaryFragment, unknown>;
export const JobRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<JobRowFragment, unknown>;
export const ConnectionHealthFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"application"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationError"}},{"kind":"Field","name":{"kind":"Name","value":"connectionLostAt"}}]}}]} as unknown as DocumentNode<ConnectionHealthFragment, unknown>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activeRecipesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"running"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipeSummary"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FAILED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobRow"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionHealth"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workatoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"folder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"application"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationError"}},{"kind":"Field","name":{"kind":"Name","value":"connectionLostAt"}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const RecipeDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecipeDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipeSummary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workatoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"folder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RecipeDetailQuery, RecipeDetailQueryVariables>;
export const RecipeStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecipeStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recipeStart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recipe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipeSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecipeStepError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workatoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"folder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RecipeStartMutation, RecipeStartMutationVariables>;
export const RecipeStopDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecipeStop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recipeStop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recipe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipeSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipeSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipe"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workatoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"folder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RecipeStopMutation, RecipeStopMutationVariables>;