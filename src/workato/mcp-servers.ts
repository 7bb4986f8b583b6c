/**
 * MCP servers (REFERENCE §28): servers and their tools. Paths [doc]; envelopes and fields [wk] (inferred.ts).
 * Workspace only: §17.8 lists no Embedded variant. `token_renew` hands out a token and is not modelled.
 */
import type { PageParams } from './agent-studio.js';
import type { WorkatoApi } from './http.js';
import { countedList, dataObject, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /mcp/mcp_servers — one page (page/per_page) with the total `count` [wk]. */
export async function listMcpServers(api: WorkatoApi, params: PageParams = {}): Promise<{ data: Workato.McpServer[]; count: number | null }> {
  return countedList<Workato.McpServer>(await api.get('/mcp/mcp_servers', params));
}

/** GET /mcp/mcp_servers/:handle → `{"data": server}` [wk]; 404 for an unknown handle. */
export async function getMcpServer(api: WorkatoApi, handle: string): Promise<Workato.McpServer> {
  return dataObject<Workato.McpServer>(await api.get(`/mcp/mcp_servers/${encodeURIComponent(handle)}`));
}

/** GET /mcp/mcp_servers/:handle/tools — one page with the total `count`, `{"items", "count", …}` [wk]. */
export async function listMcpServerTools(api: WorkatoApi, handle: string, params: PageParams = {}): Promise<{ data: Workato.McpServerTool[]; count: number | null }> {
  return countedList<Workato.McpServerTool>(await api.get(`/mcp/mcp_servers/${encodeURIComponent(handle)}/tools`, params));
}

/** GET /mcp/user_groups — one page (page/per_page) of identity-provider groups, `{"data": [...]}` [wk]; no get by id. */
export async function listMcpUserGroups(api: WorkatoApi, params: PageParams = {}): Promise<Workato.McpUserGroup[]> {
  return unwrapList<Workato.McpUserGroup>(await api.get('/mcp/user_groups', params));
}
