import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { createLogger } from '../src/server/logger.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let servers: Array<{ id: string; name: string; mcp_url: string }>;
beforeAll(async () => {
  stack = await startStack();
  servers = (await rest(stack.sim, '/mcp/mcp_servers')).data;
});
afterAll(() => stack.close());

const SERVER = 'id workatoId name description authenticationMethod mcpUrl toolCount createdAt updatedAt';
const TOOL = 'id workatoId name description originalDescription triggerApplication actionApplications active enabled requiresVerifiedUserAccess incompatibilityReasons';

describe('mcpServers / mcpServer (§28)', () => {
  it('lists servers with Workato’s count in one call; a listed server by id costs nothing more', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(
      `query($id: ID!) { mcpServers(first: 10) { totalCount pageInfo { hasNextPage } nodes { ${SERVER} } } mcpServer(id: $id) { name } }`,
      { id: servers[1]!.id },
    );
    expect(data.mcpServers.totalCount).toBe(2);
    expect(data.mcpServers.pageInfo.hasNextPage).toBe(false);
    expect(data.mcpServers.nodes[0]).toEqual({
      id: toGlobalId('McpServer', [servers[0]!.id]),
      workatoId: servers[0]!.id,
      name: 'Northwind Ops Operations MCP',
      description: 'Operations MCP for AI assistants',
      authenticationMethod: 'hashed_token',
      mcpUrl: servers[0]!.mcp_url,
      toolCount: 3,
      createdAt: '2025-01-13T08:00:00.000-08:00',
      updatedAt: '2025-01-31T08:00:00.000-08:00',
    });
    expect(data.mcpServer).toEqual({ name: 'Northwind Ops Directory MCP' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/mcp/mcp_servers': 1 });
  });

  it('pages servers with first/after, keeping the count', async () => {
    const first = await stack.gql(`{ mcpServers(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { workatoId } } }`);
    expect(first.mcpServers).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ workatoId: servers[0]!.id }] });
    const next = await stack.gql(`query($after: String) { mcpServers(first: 1, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, {
      after: first.mcpServers.pageInfo.endCursor,
    });
    expect(next.mcpServers).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: servers[1]!.id }] });
  });

  it('reads a server’s tools with the count, each linked to its recipe; three tools’ recipes cost one recipe list call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($id: ID!) { mcpServer(id: $id) { tools(first: 10) { totalCount nodes { ${TOOL} recipe { workatoId name } server { workatoId } } } } }`, {
      id: toGlobalId('McpServer', [servers[0]!.id]),
    });
    const { tools } = data.mcpServer;
    expect(tools.totalCount).toBe(3);
    expect(tools.nodes[0]).toEqual({
      id: toGlobalId('McpTool', [servers[0]!.id, 7700]),
      workatoId: '7700',
      name: 'salesforce_won_opportunity_netsuite_sales_order',
      description: 'When an opportunity is closed-won, create a NetSuite sales order and notify #revops.',
      originalDescription: 'When an opportunity is closed-won, create a NetSuite sales order and notify #revops.',
      triggerApplication: 'workato_recipe_function',
      actionApplications: ['netsuite', 'slack'],
      active: true,
      enabled: true,
      requiresVerifiedUserAccess: false,
      incompatibilityReasons: [],
      recipe: { workatoId: '3307712', name: 'Salesforce won opportunity -> NetSuite sales order' },
      server: { workatoId: servers[0]!.id },
    });
    expect(tools.nodes.map((t: any) => t.recipe.workatoId)).toEqual(['3307712', '3307698', '3307650']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/mcp/mcp_servers/:handle': 1, 'GET /api/mcp/mcp_servers/:handle/tools': 1, 'GET /api/recipes': 1 });
  });

  it('finds a tool again by node(id), and pages tools with first/after', async () => {
    const id = toGlobalId('McpTool', [servers[0]!.id, 7701]);
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename id ... on McpTool { name } } }`, { id });
    expect(node.node).toEqual({ __typename: 'McpTool', id, name: 'nightly_netsuite_invoice_sync' });
    const page = await stack.gql(`query($id: ID!) { mcpServer(id: $id) { tools(first: 2) { pageInfo { hasNextPage endCursor } nodes { workatoId } } } }`, { id: servers[0]!.id });
    expect(page.mcpServer.tools.nodes.map((t: any) => t.workatoId)).toEqual(['7700', '7701']);
    expect(page.mcpServer.tools.pageInfo.hasNextPage).toBe(true);
    const missing = await stack.request(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('McpTool', [servers[0]!.id, 1]) });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists user groups, and resolves servers’ groups from that same list call (no get by id exists)', async () => {
    const groups = (await rest(stack.sim, '/mcp/user_groups')).data as Array<{ id: string; name: string; users_count: number }>;
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      mcpUserGroups(first: 2) { pageInfo { hasNextPage } nodes { id workatoId name userCount createdAt updatedAt } }
      mcpServers { nodes { workatoId userGroups { workatoId name } } }
    }`);
    expect(data.mcpUserGroups.pageInfo.hasNextPage).toBe(true);
    expect(data.mcpUserGroups.nodes[0]).toMatchObject({ id: toGlobalId('McpUserGroup', [groups[0]!.id]), workatoId: groups[0]!.id, name: 'Engineering', userCount: groups[0]!.users_count });
    expect(data.mcpServers.nodes.map((s: any) => s.userGroups.map((g: any) => g.name))).toEqual([[], ['Engineering', 'Finance']]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/mcp/user_groups': 1, 'GET /api/mcp/mcp_servers': 1 });
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on McpUserGroup { name } } }`, { id: toGlobalId('McpUserGroup', [groups[2]!.id]) });
    expect(node.node).toEqual({ __typename: 'McpUserGroup', name: 'Support' });
    // Its Workato id alone names it: an entity key of its own, which the published SDL declares for routers.
    const { _service } = await stack.gql(`{ _service { sdl } }`);
    expect(_service.sdl).toMatch(/type McpUserGroup implements Node @key\(fields: "id"\) @key\(fields: "workatoId"\)/);
    const { _entities } = await stack.gql(`query($g: _Any!) { _entities(representations: [$g]) { __typename ... on McpUserGroup { name } } }`, {
      g: { __typename: 'McpUserGroup', workatoId: groups[1]!.id },
    });
    expect(_entities).toEqual([{ __typename: 'McpUserGroup', name: groups[1]!.name }]);
  });

  it('strips a token from `mcpUrl` (legacy token servers carry it as `wkt_token`)', async () => {
    stack.sim.inject({
      route: 'GET /api/mcp/mcp_servers/:handle',
      status: 200,
      body: { data: { id: 'mcps-Alegacy0-000000', name: 'Legacy', authentication_method: 'token', mcp_url: 'https://mcp.workato.example/servers/x?wkt_token=s3cr3t-legacy-token&v=2' } },
      times: 1,
    });
    const data = await stack.gql(`{ mcpServer(id: "mcps-Alegacy0-000000") { mcpUrl authenticationMethod } }`);
    expect(data.mcpServer).toEqual({ mcpUrl: 'https://mcp.workato.example/servers/x?v=2', authenticationMethod: 'token' });
  });

  it('redacts a server’s raw `mcp_url` wherever it is logged (it may carry the token)', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const url = 'https://mcp.workato.example/servers/x?wkt_token=s3cr3t-legacy-token';
    logger.info({ body: { data: { id: 'mcps-x', mcp_url: url } } }, 'upstream answer');
    logger.info({ mcp_url: url });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('s3cr3t-legacy-token');
      expect(line).toContain('[redacted]');
    }
    expect(lines[0]).toContain('mcps-x');
  });

  it('answers NOT_FOUND for an unknown handle, BAD_USER_INPUT for another type’s id, FORBIDDEN for a 403', async () => {
    stack.sim.resetCounts();
    const missing = await stack.request(`{ mcpServer(id: "mcps-Anope000-000000") { name } }`);
    expect(missing.errors?.[0]).toMatchObject({ path: ['mcpServer'], extensions: { code: 'NOT_FOUND' } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/mcp/mcp_servers/:handle': 1 });
    const wrong = await stack.request(`query($id: ID!) { mcpServer(id: $id) { name } }`, { id: toGlobalId('Genie', ['gen-1']) });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    stack.sim.inject({ route: 'GET /api/mcp/mcp_servers', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(`{ mcpServers { nodes { id } } }`);
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['mcpServers'], extensions: { code: 'FORBIDDEN' } });
  });
});
