/** §28 MCP servers: read-only; the seeded Northwind server for the by-id query. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  args: () => ({ 'Query.mcpServer': { id: 'mcps-AxE3CR6T-jUx5dY' } }),
};

export default walk;
