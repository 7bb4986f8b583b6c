import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

/** §24: each token sees its own workspace's groups and agents only. */
const shapes: IsolationShape[] = [
  {
    query: 'onPremGroups { nodes { workatoId agents { workatoId } } } onPremAgents { nodes { workatoId group { workatoId } } }',
    truth: async (token, sim) => {
      const [groups, agents] = await Promise.all([rest(sim, '/on_prem_groups', token), rest(sim, '/on_prem_agents', token)]);
      return new Set([...groups.map((g: { id: number }) => `g${g.id}`), ...agents.map((a: { id: number }) => `a${a.id}`)]);
    },
    keys: (data) => [
      ...data.onPremGroups.nodes.flatMap((g: any) => [`g${g.workatoId}`, ...g.agents.map((a: any) => `a${a.workatoId}`)]),
      ...data.onPremAgents.nodes.flatMap((a: any) => [`a${a.workatoId}`, ...(a.group ? [`g${a.group.workatoId}`] : [])]),
    ],
  },
];

export default shapes;
