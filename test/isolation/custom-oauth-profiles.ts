/** §28: each token's custom OAuth profiles (ids 321+ per workspace index × 1000). */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const shapes: IsolationShape[] = [
  {
    query: 'customOAuthProfiles(first: 10) { nodes { workatoId clientId } }',
    truth: async (token, sim) => new Set((await rest<{ result: Array<{ id: number }> }>(sim, '/custom_oauth_profiles', token)).result.map((p) => String(p.id))),
    keys: (data) => (data.customOAuthProfiles?.nodes ?? []).map((p: { workatoId: string }) => p.workatoId),
  },
];

export default shapes;
