/**
 * How the Node types of the families added after the first six load from their id's parts, one line per family
 * (`Tag: tagNode`), each loader function living in the family's own resolver file (which must not import node.ts:
 * node.ts imports this file). node.ts asks here first.
 * Use `typed(value, 'Tag')` from helpers.ts to mark the loader's object with its type.
 */
import { collaboratorRoleNode, iamUserGroupNode, iamUserNode } from './collaborators.js';
import type { GatewayContext } from '../server/context.js';
import { API_PLATFORM_NODES } from './api-platform.js';
import { auditLogEntryNode } from './audit-log.js';
import { customConnectorNode } from './custom-connectors.js';
import type { NodeValue } from './node.js';
import { lookupTableRowNode } from './lookup-tables.js';
import { onPremAgentNode, onPremGroupNode } from './on-prem.js';
import type { GlobalId, NodeType } from './relay.js';
import { tagNode } from './tags.js';
import { dataTableNode, dataTableRecordNode } from './data-tables.js';
import { testCaseNode, testRunNode } from './test-automation.js';
import { eventMessageNode, eventTopicNode } from './event-streams.js';
import { customOAuthProfileNode } from './custom-oauth-profiles.js';
import { propertyNode } from './properties.js';
import { developerApiClientNode, developerApiClientRoleNode } from './developer-api-clients.js';
import { genieNode, knowledgeBaseDataSourceNode, knowledgeBaseNode, skillNode } from './agent-studio.js';
import { mcpServerNode, mcpToolNode, mcpUserGroupNode } from './mcp-servers.js';
import { packageNode } from './packages.js';

/** `id()` is the global id as the caller gave it (for messages). */
export type FamilyNodeLoader = (parsed: GlobalId, ctx: GatewayContext, id: () => string) => Promise<NodeValue>;

export const FAMILY_NODES: Partial<Record<NodeType, FamilyNodeLoader>> = {
  Tag: tagNode,
  LookupTableRow: lookupTableRowNode,
  CollaboratorRole: collaboratorRoleNode,
  IamUser: iamUserNode,
  IamUserGroup: iamUserGroupNode,
  ApiCollection: API_PLATFORM_NODES.ApiCollection,
  ApiEndpoint: API_PLATFORM_NODES.ApiEndpoint,
  ApiPlatformClient: API_PLATFORM_NODES.ApiPlatformClient,
  ApiKey: API_PLATFORM_NODES.ApiKey,
  ApiPortal: API_PLATFORM_NODES.ApiPortal,
  AuditLogEntry: auditLogEntryNode,
  CustomConnector: customConnectorNode,
  Property: propertyNode,
  CustomOAuthProfile: customOAuthProfileNode,
  OnPremGroup: onPremGroupNode, OnPremAgent: onPremAgentNode,
  DeveloperApiClient: developerApiClientNode,
  DeveloperApiClientRole: developerApiClientRoleNode,
  DataTable: dataTableNode, DataTableRecord: dataTableRecordNode,
  TestCase: testCaseNode, TestRun: testRunNode,
  Genie: genieNode, Skill: skillNode, KnowledgeBase: knowledgeBaseNode, KnowledgeBaseDataSource: knowledgeBaseDataSourceNode,
  McpServer: mcpServerNode, McpTool: mcpToolNode, McpUserGroup: mcpUserGroupNode,
  EventTopic: eventTopicNode, EventMessage: eventMessageNode,
  Package: packageNode,
};
