import type { WorkatoApi } from '../workato/http.js';
import { getMcpServer, listMcpServers, listMcpServerTools, listMcpUserGroups } from '../workato/mcp-servers.js';
import type { Workato } from '../workato/types.js';
import { listedById, listLoader, type PageKey, type Counted, itemsOfArray, itemsOfCounted } from './util.js';


/** Workato's handle of a server: `handle` when sent, else its string `id` ([wk], inferred.ts). */
export const mcpHandleOf = (server: Workato.McpServer): string => server.handle ?? String(server.id);

/** MCP servers of the caller's workspace (REFERENCE §28): a counted page/per_page list, a get by handle, tools per server. */
export function createMcpServerLoaders(api: WorkatoApi, _scope: string | undefined) {
  const servers = listedById<Workato.McpServer, string, Counted<Workato.McpServer>>({
    entity: 'McpServer',
    idOf: mcpHandleOf,
    items: itemsOfCounted,
    list: (p) => listMcpServers(api, p),
    get: (handle) => getMcpServer(api, handle),
  });
  /** One page of a server's tools (GET …/mcp_servers/:handle/tools), with the count. */
  const toolPage = listLoader((key: PageKey & { handle: string }) => listMcpServerTools(api, key.handle, { page: key.page, per_page: key.per_page }));
  /**
   * GET /mcp/user_groups pages; no get by id exists, so a group no page of the request holds is looked for in every
   * page of 100 (walked once per request, however many servers ask).
   */
  const userGroups = listedById<Workato.McpUserGroup, string, Workato.McpUserGroup[]>({
    entity: 'McpUserGroup',
    idOf: (g) => String(g.id),
    items: itemsOfArray,
    list: (p) => listMcpUserGroups(api, p),
  });
  return { servers, toolPage, userGroups };
}

export type McpServerLoaders = ReturnType<typeof createMcpServerLoaders>;
