/** The audit log and custom connectors of each token's own workspace: ids that only that workspace's log and list hold. */
import type { IsolationShape } from './types.js';

async function get<T>(sim: Parameters<IsolationShape['truth']>[1], token: string, path: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as T;
}

const shapes: IsolationShape[] = [
  {
    query: 'auditLog(first: 20) { nodes { workatoId } }',
    truth: async (token, sim) => new Set((await get<{ data: Array<{ id: number }> }>(sim, token, '/activity_logs?page%5Bsize%5D=100')).data.map((e) => String(e.id))),
    keys: (data) => data.auditLog.nodes.map((n: { workatoId: string }) => n.workatoId),
  },
  {
    query: 'customConnectors { nodes { workatoId } }',
    truth: async (token, sim) => new Set((await get<{ result: Array<{ id: number }> }>(sim, token, '/custom_connectors/search')).result.map((c) => String(c.id))),
    keys: (data) => data.customConnectors.nodes.map((n: { workatoId: string }) => n.workatoId),
  },
];

export default shapes;
