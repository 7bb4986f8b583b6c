/** Tags (REFERENCE §23): the tag list, and the tags of recipes read through the shared tag list. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const handles = async (token: string, sim: Parameters<IsolationShape['truth']>[1]) =>
  new Set<string>((await rest(sim, '/tags?per_page=100', token)).data.tags.map((t: { handle: string }) => t.handle));

const shapes: IsolationShape[] = [
  {
    query: 'tags(first: 100) { nodes { workatoId } }',
    truth: handles,
    keys: (data) => data.tags.nodes.map((t: { workatoId: string }) => t.workatoId),
  },
  {
    query: 'recipes(first: 50) { nodes { tags { workatoId } } }',
    truth: handles,
    keys: (data) => data.recipes.nodes.flatMap((r: { tags: Array<{ workatoId: string }> }) => r.tags.map((t) => t.workatoId)),
  },
];

export default shapes;
