/** Test automation and recipe health (REFERENCE §28): run a recipe's test cases (and a customer's), analyse a recipe. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['testCasesRun', () => ({ recipeId: '3307712' }), 'testRun'],
    ['testCasesRun', () => ({ recipeId: '3307712', testCaseIds: [] })], // refused before any call: InputError
    ['testCasesRun', () => ({ recipeId: '132307709', managedUser: { id: '19029' } }), 'customerTestRun'],
    ['recipeHealthCheck', () => ({ recipeId: '3307712' })],
  ],
  args: (s) => ({
    'Query.testRun': { id: s.testRun! },
    'ManagedUser.testRun': { id: s.customerTestRun! },
  }),
  // A report with findings: Northwind's stopped invoice sync, analysed a week ago.
  deep: () => [['{ recipe(id: "3307698") ', 'Recipe', '}']],
};

export default walk;
