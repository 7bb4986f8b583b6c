/** Collaborators (§20): each token sees only its own members, roles, IAM users and groups. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const ids = (list: Array<{ id: number }>) => list.map((x) => String(x.id));

const shapes: IsolationShape[] = [
  {
    query: `members { nodes { workatoId } } collaboratorRoles { workatoId }`,
    truth: async (token, sim) => new Set([...ids((await rest(sim, '/members', token)).data), ...ids(await rest(sim, '/roles', token))]),
    keys: (data) => [...data.members.nodes.map((m: any) => m.workatoId), ...data.collaboratorRoles.map((r: any) => r.workatoId)],
  },
  {
    query: `iamUsers { nodes { workatoId userGroups { workatoId } } } iamUserGroups { workatoId }`,
    truth: async (token, sim) => new Set([...ids((await rest(sim, '/iam/users', token)).data), ...ids((await rest(sim, '/iam/user_groups', token)).data)]),
    keys: (data) => [
      ...data.iamUsers.nodes.flatMap((u: any) => [u.workatoId, ...u.userGroups.map((g: any) => g.workatoId)]),
      ...data.iamUserGroups.map((g: any) => g.workatoId),
    ],
  },
];

export default shapes;
