/** Test automation (REFERENCE §28): the test cases of the newest recipes, read per recipe. */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const NEWEST = 3;

const shapes: IsolationShape[] = [
  {
    query: `recipes(first: ${NEWEST}) { nodes { testCases { nodes { workatoId } } } }`,
    truth: async (token, sim) => {
      const recipes: Array<{ id: number }> = (await rest(sim, `/recipes?per_page=${NEWEST}`, token)).items;
      const lists = await Promise.all(recipes.map(async (r) => (await rest(sim, `/recipes/${r.id}/test_cases`, token)).data as Array<{ id: string }>));
      return new Set(lists.flat().map((c) => c.id));
    },
    keys: (data) => data.recipes.nodes.flatMap((r: { testCases: { nodes: Array<{ workatoId: string }> } }) => r.testCases.nodes.map((c) => c.workatoId)),
  },
];

export default shapes;
