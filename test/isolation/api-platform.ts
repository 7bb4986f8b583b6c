/** §22 API platform: collections with their endpoints, and clients with their keys, per token. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const ids = (list: Array<{ workatoId?: string; id?: number }>, prefix: string) => list.map((x) => `${prefix}:${x.workatoId ?? x.id}`);

const shapes: IsolationShape[] = [
  {
    query: `apiCollections { nodes { workatoId endpoints { nodes { workatoId } } } }`,
    async truth(token, sim) {
      const collections = await rest(sim, '/api_collections', token);
      const endpoints = await rest(sim, '/api_endpoints', token);
      return new Set([...ids(collections, 'collection'), ...ids(endpoints, 'endpoint')]);
    },
    keys: (data) =>
      data.apiCollections.nodes.flatMap((c: { workatoId: string; endpoints: { nodes: Array<{ workatoId: string }> } }) => [
        `collection:${c.workatoId}`,
        ...ids(c.endpoints.nodes, 'endpoint'),
      ]),
  },
  {
    query: `apiPlatformClients { nodes { workatoId keys { nodes { workatoId } } } }`,
    async truth(token, sim) {
      const clients = (await rest(sim, '/v2/api_clients', token)).data as Array<{ id: number }>;
      const keys = await Promise.all(clients.map(async (c) => (await rest(sim, `/v2/api_clients/${c.id}/api_keys`, token)).data));
      return new Set([...ids(clients, 'client'), ...ids(keys.flat(), 'key')]);
    },
    keys: (data) =>
      data.apiPlatformClients.nodes.flatMap((c: { workatoId: string; keys: { nodes: Array<{ workatoId: string }> } }) => [`client:${c.workatoId}`, ...ids(c.keys.nodes, 'key')]),
  },
];

export default shapes;
