/**
 * REFERENCE §28 MCP servers [wk]: the counted server list and get over a family table (crud.ts), and each server's
 * tools (recipes of the workspace) as a route of its own. No token is stored or sent: list and get carry `mcp_url`
 * without one, and `token_renew` is not served.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';
import { INFERRED_MCP as INF } from '../inferred.js';
import { handle, hash32, Rng } from '../random.js';
import type { TableSpec } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';

export interface McpServerRow {
  server: Workato.McpServer;
  tools: Workato.McpServerTool[];
}

/** Identity-provider groups (GET /api/mcp/user_groups, [wk] shape); identity-based servers name some of them. */
export const MCP_USER_GROUPS: TableSpec<Workato.McpUserGroup, string> = {
  name: 'mcp_user_groups',
  idOf: (g) => g.id,
  seed: (store) => {
    const rng = new Rng(hash32(store.index, 28, 5));
    return INF.seedUserGroups.map((name, k) => {
      const created = SIM_NOW - (300 - k * 50) * DAY;
      return { id: handle('group', rng), name, users_count: rng.int(3, 80), created_at: formatTime(created), updated_at: formatTime(created + rng.int(1, 40) * DAY) };
    });
  },
};

export const MCP_SERVERS: TableSpec<McpServerRow, string> = {
  name: 'mcp_servers',
  idOf: (row) => row.server.id,
  seed: (store) => {
    const rng = new Rng(hash32(store.index, 28, 4));
    const recipes = store.recipesByIdDesc();
    const groups = [...rowsOf(store, MCP_USER_GROUPS).keys()];
    return INF.seedServers.map(([name, method, toolCount], k) => {
      const id = handle('mcps', rng);
      const created = SIM_NOW - (150 - k * 40) * DAY;
      const mine = recipes.slice(k * 3, k * 3 + toolCount);
      return {
        server: {
          id,
          name: `${store.workspace.name} ${name}`,
          description: `${name} for AI assistants`,
          mcp_url: `${INF.urlBase}/${id}`,
          authentication_method: method,
          folder_id: mine[0]?.recipe.folder_id ?? null,
          project_id: store.projectsByIdDesc().find((p) => p.folder_id === mine[0]?.recipe.folder_id)?.id ?? null,
          tools_count: mine.length,
          idp_user_group_ids: method === INF.identityMethod ? groups.slice(0, 2) : [],
          created_at: formatTime(created),
          updated_at: formatTime(created + rng.int(1, 30) * DAY),
        },
        tools: mine.map(({ recipe }, n) => ({
          id: 7700 + store.index * 1000 + k * 100 + n,
          name: recipe.name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''),
          description: recipe.description ?? recipe.name,
          original_description: recipe.description ?? recipe.name,
          trigger_application: INF.toolTrigger,
          action_applications: [...(recipe.action_applications ?? [])],
          flow_id: recipe.id,
          active: recipe.running === true,
          enabled: true,
          vua_required: false,
          incompatibility_reasons: [],
        })),
      };
    });
  },
};

const spec: CrudSpec<McpServerRow, string> = {
  table: MCP_SERVERS,
  path: '/api/mcp/mcp_servers',
  param: 'handle',
  parseId: (raw) => raw,
  list: {
    envelope: (rows, { all, window }) => ({ data: rows, count: all.length, page: window?.page ?? 1, per_page: window?.perPage ?? INF.perPage }),
    paging: { perPage: INF.perPage },
  },
  get: { envelope: (row) => ({ data: row }) },
  wire: (row) => ({ ...row.server, idp_user_group_ids: [...(row.server.idp_user_group_ids ?? [])] }),
};

/** The group list only: Workato documents no get by id. */
const groupSpec: CrudSpec<Workato.McpUserGroup, string> = {
  table: MCP_USER_GROUPS,
  path: '/api/mcp/user_groups',
  param: 'id',
  parseId: (raw) => raw,
  list: { envelope: (rows) => ({ data: rows }) },
};

export const mcpServerRoutes: RouteDef[] = [
  ...crudRoutes(spec),
  ...crudRoutes(groupSpec),
  {
    method: 'GET',
    path: '/api/mcp/mcp_servers/:handle/tools',
    handler: (ctx) => {
      const { tools } = findRow(spec, ctx);
      const window = pageParams(ctx.query, { perPage: 100 });
      return ok({ items: paginate(tools, window).map((t) => ({ ...t, action_applications: [...(t.action_applications ?? [])] })), count: tools.length, page: window.page, per_page: window.perPage });
    },
  },
];
