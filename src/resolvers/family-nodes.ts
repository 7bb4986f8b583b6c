/**
 * How the Node types of the families added after the first six load from their id's parts, one line per family
 * (`Tag: tagNode`), each loader function living in the family's own resolver file (which must not import node.ts:
 * node.ts imports this file). node.ts asks here first.
 * Use `typed(value, 'Tag')` from helpers.ts to mark the loader's object with its type.
 */
import type { GatewayContext } from '../server/context.js';
import type { NodeValue } from './node.js';
import type { GlobalId, NodeType } from './relay.js';
import { developerApiClientNode, developerApiClientRoleNode } from './developer-api-clients.js';

/** `id()` is the global id as the caller gave it (for messages). */
export type FamilyNodeLoader = (parsed: GlobalId, ctx: GatewayContext, id: () => string) => Promise<NodeValue>;

export const FAMILY_NODES: Partial<Record<NodeType, FamilyNodeLoader>> = {
  DeveloperApiClient: developerApiClientNode,
  DeveloperApiClientRole: developerApiClientRoleNode,
};
