/** §21: each token sees only its own workspace's developer API clients and client roles. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const shapes: IsolationShape[] = [
  {
    query: 'developerApiClients(first: 100) { totalCount nodes { workatoId role { workatoId } } }',
    truth: async (token, sim) => {
      const clients = await rest(sim, '/developer_api_clients?per_page=100', token);
      const roles = await rest(sim, '/developer_api_client_roles', token);
      return new Set([
        ...clients.result.items.map((c: { id: number }) => `client:${c.id}`),
        ...roles.result.map((r: { id: number }) => `role:${r.id}`),
      ]);
    },
    keys: (data) =>
      data.developerApiClients.nodes.flatMap((n: { workatoId: string; role: { workatoId: string } | null }) => [
        `client:${n.workatoId}`,
        ...(n.role ? [`role:${n.role.workatoId}`] : []),
      ]),
  },
  {
    query: 'developerApiClientRoles { workatoId name }',
    truth: async (token, sim) => new Set((await rest(sim, '/developer_api_client_roles', token)).result.map((r: { id: number }) => `role:${r.id}`)),
    keys: (data) => data.developerApiClientRoles.map((r: { workatoId: string }) => `role:${r.workatoId}`),
  },
];

export default shapes;
