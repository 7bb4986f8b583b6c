/** Every route the simulator serves. Later tasks add families (mutations, packages, Embedded) as new files here. */
import type { RouteDef } from '../http-helpers.js';
import { collaboratorRoutes } from './collaborators.js';
import { apiPlatformRoutes } from './api-platform.js';
import { agentStudioRoutes } from './agent-studio.js';
import { mcpServerRoutes } from './mcp-servers.js';
import { auditLogRoutes } from './audit-log.js';
import { connectionExtraRoutes } from './connection-extras.js';
import { connectionWriteRoutes } from './connection-writes.js';
import { connectionRoutes } from './connections.js';
import { connectorRoutes } from './connectors.js';
import { customConnectorRoutes } from './custom-connectors.js';
import { customOAuthProfileRoutes } from './custom-oauth-profiles.js';
import { dataTableRoutes } from './data-tables.js';
import { deploymentRoutes } from './deployments.js';
import { developerApiClientRoutes } from './developer-api-clients.js';
import { embeddedRoutes } from './embedded.js';
import { eventStreamRoutes } from './event-streams.js';
import { folderWriteRoutes } from './folder-writes.js';
import { folderRoutes } from './folders.js';
import { inputSchemaRoutes } from './input-schemas.js';
import { jobActionRoutes } from './job-actions.js';
import { jobRoutes } from './jobs.js';
import { lookupTableRoutes } from './lookup-tables.js';
import { managedUserRoutes } from './managed-users.js';
import { onPremRoutes } from './on-prem.js';
import { manifestRoutes } from './manifests.js';
import { customerPackageRoutes, packageRoutes } from './packages.js';
import { projectWriteRoutes } from './project-writes.js';
import { propertyRoutes } from './properties.js';
import { projectRoutes } from './projects.js';
import { recipeActionRoutes } from './recipe-actions.js';
import { recipeOpRoutes } from './recipe-ops.js';
import { recipeWriteRoutes } from './recipe-writes.js';
import { recipeRoutes } from './recipes.js';
import { tagRoutes } from './tags.js';
import { testAutomationRoutes } from './test-automation.js';
import { secretsManagementRoutes } from './secrets-management.js';
import { userRoutes } from './users.js';

/** The routes of one workspace: the token's own, or (through embeddedRoutes) an Embedded customer's. */
const WORKSPACE_ROUTES: RouteDef[] = [
  ...userRoutes,
  ...recipeRoutes,
  ...recipeActionRoutes,
  ...recipeWriteRoutes,
  ...recipeOpRoutes,
  ...jobRoutes,
  ...jobActionRoutes,
  ...connectionRoutes,
  ...connectionWriteRoutes,
  ...connectorRoutes,
  ...folderRoutes,
  ...folderWriteRoutes,
  ...projectRoutes,
  ...projectWriteRoutes,
  ...deploymentRoutes,
  ...lookupTableRoutes,
  ...manifestRoutes,
  ...packageRoutes,
  ...tagRoutes,
  ...dataTableRoutes,
  ...collaboratorRoutes,
  ...apiPlatformRoutes,
  ...auditLogRoutes,
  ...customConnectorRoutes,
  ...propertyRoutes,
  ...secretsManagementRoutes,
  ...customOAuthProfileRoutes,
  ...onPremRoutes,
  ...connectionExtraRoutes,
  ...developerApiClientRoutes,
  ...testAutomationRoutes,
  ...agentStudioRoutes, ...mcpServerRoutes,
  ...eventStreamRoutes,
];

/**
 * §17: the partner's customer routes, the customer-only connection forms and packages, and every mirrored workspace route again
 * under /api/managed_users/:id.
 */
export const ALL_ROUTES: RouteDef[] = [...WORKSPACE_ROUTES, ...managedUserRoutes, ...inputSchemaRoutes, ...customerPackageRoutes, ...embeddedRoutes(WORKSPACE_ROUTES)];
