/** Data tables (REFERENCE §25): the table list, and the records of each table read from the records host. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const tableIds = async (token: string, sim: Parameters<IsolationShape['truth']>[1]) =>
  new Set<string>((await rest(sim, '/data_tables?per_page=100', token)).data.map((t: { id: string }) => t.id));

async function recordIds(token: string, sim: Parameters<IsolationShape['truth']>[1]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const table of await tableIds(token, sim)) {
    const r = await fetch(`${sim.url}/v1/tables/${table}/query`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ limit: 200 }),
    });
    for (const record of ((await r.json()) as { data: Array<{ $record_id: string }> }).data) ids.add(record.$record_id);
  }
  return ids;
}

const shapes: IsolationShape[] = [
  {
    query: 'dataTables(first: 100) { nodes { workatoId } }',
    truth: tableIds,
    keys: (data) => data.dataTables.nodes.map((t: { workatoId: string }) => t.workatoId),
  },
  {
    query: 'dataTables(first: 10) { nodes { records(first: 20) { nodes { workatoId } } } }', // within the default query cost limit
    truth: recordIds,
    keys: (data) => data.dataTables.nodes.flatMap((t: { records: { nodes: Array<{ workatoId: string }> } }) => t.records.nodes.map((r) => r.workatoId)),
  },
];

export default shapes;
