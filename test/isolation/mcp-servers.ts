/** §28: each token's MCP servers. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const shapes: IsolationShape[] = [
  {
    query: 'mcpServers(first: 10) { nodes { workatoId } }',
    truth: async (token, sim) => new Set((await rest<{ data: Array<{ id: string }> }>(sim, '/mcp/mcp_servers', token)).data.map((s) => s.id)),
    keys: (data) => (data.mcpServers?.nodes ?? []).map((s: { workatoId: string }) => s.workatoId),
  },
  {
    query: 'mcpUserGroups(first: 10) { nodes { workatoId } }',
    truth: async (token, sim) => new Set((await rest<{ data: Array<{ id: string }> }>(sim, '/mcp/user_groups', token)).data.map((g) => g.id)),
    keys: (data) => (data.mcpUserGroups?.nodes ?? []).map((g: { workatoId: string }) => g.workatoId),
  },
];

export default shapes;
