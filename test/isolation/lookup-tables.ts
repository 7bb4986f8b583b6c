/** Lookup tables and their rows (REFERENCE §18): each token sees only its own workspace's tables and rows. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const shapes: IsolationShape[] = [
  {
    query: 'lookupTables(first: 10) { nodes { workatoId rows(first: 5) { nodes { workatoId } } } }',
    async truth(token, sim) {
      const tables: Array<{ id: number }> = await rest(sim, '/lookup_tables', token);
      const rows = await Promise.all(tables.map(async (t) => (await rest<Array<{ id: number }>>(sim, `/lookup_tables/${t.id}/rows`, token)).map((r) => `row:${t.id}/${r.id}`)));
      return new Set([...tables.map((t) => `table:${t.id}`), ...rows.flat()]);
    },
    keys: (data) =>
      (data.lookupTables?.nodes ?? []).flatMap((t: { workatoId: string; rows: { nodes: Array<{ workatoId: string }> } }) => [
        `table:${t.workatoId}`,
        ...t.rows.nodes.map((r) => `row:${t.workatoId}/${r.workatoId}`),
      ]),
  },
  {
    query: 'lookupTableRow(tableId: "1315", match: [{ column: "code", value: "DE" }]) { workatoId table { workatoId } }',
    // Only the first workspace has table 1315; the other token's lookup answers null (its own 404), never that row.
    async truth(token, sim) {
      const tables: Array<{ id: number }> = await rest(sim, '/lookup_tables', token);
      if (!tables.some((t) => t.id === 1315)) return new Set(['none']);
      const rows: Array<{ id: number; data: { code: string } }> = await rest(sim, '/lookup_tables/1315/rows', token);
      return new Set(rows.filter((r) => r.data.code === 'DE').map((r) => `row:${r.id}`));
    },
    keys: (data) => (data.lookupTableRow ? [`row:${data.lookupTableRow.workatoId}`] : data.lookupTableRow === null ? ['none'] : []),
  },
];

export default shapes;
