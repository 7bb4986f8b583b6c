/**
 * MCP servers (REFERENCE §28), read-only: servers and their tools, each tool linked to the recipe behind it. Shapes
 * [wk] (src/workato/inferred.ts). No token is exposed: `token_renew` is not modelled and `mcpUrl` loses any token.
 */
import type { Resolvers } from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import { mcpHandleOf } from '../loaders/mcp-servers.js';
import type { GatewayContext } from '../server/context.js';
import { MCP_URL_TOKEN_PARAMS } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { agenticKey, folderOf, nodeKeys, projectOf, recipeOf } from './agent-studio.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { found, prop, typed } from './helpers.js';
import type { McpServerConnectionMapper, McpToolConnectionMapper, McpToolMapper } from './mappers.js';
import { pageOfPagedList, pageSize, toGlobalId } from './relay.js';

const mcp = (ctx: GatewayContext) => ctx.loaders.scope().mcpServers;

/** The URL without a token in its query (legacy `token` servers, [wk]); a value that is not a URL is dropped. */
export function withoutToken(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    for (const name of MCP_URL_TOKEN_PARAMS) parsed.searchParams.delete(name);
    return parsed.toString();
  } catch {
    return null;
  }
}

async function toolPage(server: Workato.McpServer, args: { first?: number | null; after?: string | null }, ctx: GatewayContext): Promise<McpToolConnectionMapper> {
  let totalCount: number | null = null;
  const handle = mcpHandleOf(server);
  const page = await pageOfPagedList<McpToolMapper>(pageSize(args.first), args.after, async (page, per_page) => {
    const answer = await mcp(ctx).toolPage.load({ handle, page, per_page });
    totalCount = answer.count;
    return answer.data.map((tool) => ({ tool, server }));
  });
  return { ...page, totalCount };
}

export const mcpServerNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await mcp(ctx).servers.byId.load(nodeKeys(parsed, 1, id)[0]!), 'McpServer');

/** A tool by (handle, id): the server's tool pages of 100 until it turns up. */
export const mcpToolNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [handle, toolId] = nodeKeys(parsed, 2, id) as [string, string];
  const server = await mcp(ctx).servers.byId.load(handle);
  for (let page = 1; ; page++) {
    const answer = await mcp(ctx).toolPage.load({ handle, page, per_page: 100 });
    const tool = answer.data.find((t) => String(t.id) === toolId);
    if (tool) return typed({ tool, server }, 'McpTool');
    if (answer.data.length < 100) throw new NotFoundError('McpTool', `${handle}/${toolId}`);
  }
};

export const mcpUserGroupNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await mcp(ctx).userGroups.byId.load(nodeKeys(parsed, 1, id)[0]!), 'McpUserGroup');

export const mcpServerResolvers: Resolvers = {
  Query: {
    mcpServers: async (_root, args, ctx): Promise<McpServerConnectionMapper> => {
      let totalCount: number | null = null;
      const page = await pageOfPagedList(pageSize(args.first), args.after, async (page, per_page) => {
        const answer = await mcp(ctx).servers.page.load({ page, per_page });
        totalCount = answer.count;
        return answer.data;
      });
      return { ...page, totalCount };
    },
    mcpServer: (_root, args, ctx) => mcp(ctx).servers.byId.load(agenticKey('McpServer', args.id, 'id')),
    mcpUserGroups: (_root, args, ctx) => pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => mcp(ctx).userGroups.page.load({ page, per_page })),
  },
  McpServer: {
    id: (s) => toGlobalId('McpServer', [mcpHandleOf(s)]),
    workatoId: (s) => mcpHandleOf(s),
    name: (s) => s.name ?? '',
    description: prop('description'),
    authenticationMethod: (s) => s.authentication_method ?? s.auth_type ?? null,
    mcpUrl: (s) => withoutToken(s.mcp_url),
    toolCount: prop('tools_count'),
    folder: folderOf,
    project: projectOf,
    tools: (s, args, ctx) => toolPage(s, args, ctx),
    userGroups: async (s, _args, ctx) => found(await mcp(ctx).userGroups.byId.loadMany((s.idp_user_group_ids ?? []).map(String))),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  McpUserGroup: {
    id: (g) => toGlobalId('McpUserGroup', [g.id]),
    workatoId: (g) => String(g.id),
    name: (g) => g.name ?? '',
    userCount: prop('users_count'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  McpTool: {
    id: (t) => toGlobalId('McpTool', [mcpHandleOf(t.server), t.tool.id]),
    workatoId: (t) => String(t.tool.id),
    name: (t) => t.tool.name ?? '',
    description: (t) => t.tool.description ?? null,
    originalDescription: (t) => t.tool.original_description ?? null,
    triggerApplication: (t) => t.tool.trigger_application ?? null,
    actionApplications: (t) => t.tool.action_applications ?? [],
    active: (t) => t.tool.active === true,
    enabled: (t) => t.tool.enabled === true,
    requiresVerifiedUserAccess: (t) => t.tool.vua_required === true,
    incompatibilityReasons: (t) => t.tool.incompatibility_reasons ?? [],
    recipe: (t, _args, ctx, info) => recipeOf(t, t.tool.flow_id, ctx, info),
    server: (t) => t.server,
  },
};
