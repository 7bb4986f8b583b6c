/** Every domain's resolver map; the server joins them with the SDL in one makeExecutableSchema call. */
import type { Resolvers } from '../generated/graphql.js';
import { collaboratorResolvers } from './collaborators.js';
import { apiPlatformResolvers } from './api-platform.js';
import { auditLogResolvers } from './audit-log.js';
import { connectionExtraResolvers } from './connection-extras.js';
import { connectionMutationResolvers } from './connection-mutations.js';
import { connectionResolvers } from './connections.js';
import { connectorResolvers } from './connectors.js';
import { customConnectorMutationResolvers } from './custom-connector-mutations.js';
import { customConnectorResolvers } from './custom-connectors.js';
import { customOAuthProfileResolvers } from './custom-oauth-profiles.js';
import { deploymentResolvers } from './deployments.js';
import { developerApiClientMutationResolvers } from './developer-api-client-mutations.js';
import { developerApiClientResolvers } from './developer-api-clients.js';
import { folderMutationResolvers } from './folder-mutations.js';
import { folderResolvers } from './folders.js';
import { inputSchemaResolvers } from './input-schemas.js';
import { jobMutationResolvers } from './job-mutations.js';
import { jobResolvers } from './jobs.js';
import { lookupTableResolvers } from './lookup-table-mutations.js';
import { managedUserMutationResolvers } from './managed-user-mutations.js';
import { managedUserWorkspaceResolvers } from './managed-user-workspace.js';
import { managedUserResolvers } from './managed-users.js';
import { nodeResolvers } from './node.js';
import { onPremMutationResolvers } from './on-prem-mutations.js';
import { onPremResolvers } from './on-prem.js';
import { eventStreamMutationResolvers } from './event-stream-mutations.js';
import { eventStreamResolvers } from './event-streams.js';
import { packageMutationResolvers } from './package-mutations.js';
import { packageStatusResolvers } from './package-status.js';
import { packageResolvers } from './packages.js';
import { projectMutationResolvers } from './project-mutations.js';
import { projectResolvers } from './projects.js';
import { propertyResolvers } from './properties.js';
import { recipeMutationResolvers } from './recipe-mutations.js';
import { recipeOperationResolvers } from './recipe-operations.js';
import { recipeVersionResolvers } from './recipe-versions.js';
import { recipeResolvers } from './recipes.js';
import { quotaResolvers } from './quota.js';
import { scalarResolvers } from './scalars.js';
import { tagMutationResolvers } from './tag-mutations.js';
import { tagResolvers } from './tags.js';
import { dataTableResolvers } from './data-table-mutations.js';
import { secretsManagementResolvers } from './secrets-management.js';
import { workspaceResolvers } from './workspace.js';
import { testAutomationMutationResolvers, testAutomationResolvers } from './test-automation-mutations.js';
import { agentStudioResolvers } from './agent-studio.js';
import { mcpServerResolvers } from './mcp-servers.js';

export const resolvers: Resolvers[] = [
  scalarResolvers,
  quotaResolvers,
  nodeResolvers,
  workspaceResolvers,
  recipeResolvers,
  recipeMutationResolvers,
  recipeOperationResolvers,
  recipeVersionResolvers,
  jobResolvers,
  jobMutationResolvers,
  connectionResolvers,
  connectionMutationResolvers,
  connectorResolvers,
  folderResolvers,
  folderMutationResolvers,
  projectResolvers,
  projectMutationResolvers,
  deploymentResolvers,
  packageResolvers,
  packageMutationResolvers,
  packageStatusResolvers,
  managedUserResolvers,
  managedUserWorkspaceResolvers,
  inputSchemaResolvers,
  managedUserMutationResolvers,
  tagResolvers, tagMutationResolvers,
  dataTableResolvers,
  lookupTableResolvers,
  collaboratorResolvers,
  apiPlatformResolvers,
  auditLogResolvers,
  customConnectorResolvers,
  customConnectorMutationResolvers,
  propertyResolvers,
  secretsManagementResolvers,
  customOAuthProfileResolvers,
  onPremResolvers, onPremMutationResolvers,
  connectionExtraResolvers,
  developerApiClientResolvers, developerApiClientMutationResolvers,
  testAutomationResolvers, testAutomationMutationResolvers,
  agentStudioResolvers, mcpServerResolvers,
  eventStreamResolvers, eventStreamMutationResolvers,
];
