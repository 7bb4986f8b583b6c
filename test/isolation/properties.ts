/** §19: each token's environment properties (values differ per workspace: `#ops-alerts-<index>`). */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const shapes: IsolationShape[] = [
  {
    query: 'properties(prefix: "alerts.") { name value }',
    truth: async (token, sim) => new Set(Object.entries(await rest<Record<string, string>>(sim, '/properties?prefix=alerts.', token)).map(([n, v]) => `${n}=${v}`)),
    keys: (data) => (data.properties ?? []).map((p: { name: string; value: string }) => `${p.name}=${p.value}`),
  },
];

export default shapes;
