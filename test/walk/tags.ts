/** Tags (REFERENCE §23): create one in the workspace and one in a customer's, change, assign and delete. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['tagCreate', () => ({ title: 'Walk tag', color: 'blue' }), 'tag'],
    ['tagCreate', () => ({ title: ' ' })], // refused before any call: InputError
    ['tagCreate', () => ({ title: 'Walk customer tag', managedUser: { id: '19029' } }), 'customerTag'],
    ['tagUpdate', (s) => ({ id: s.tag!, description: 'walked' })],
    ['tagsAssign', (s) => ({ addTagIds: [s.tag!], recipeIds: ['3307712'], connectionIds: ['880101'] })],
    ['tagDelete', (s) => ({ id: s.tag! })],
  ],
  args: (s) => ({
    'Query.tag': { id: 'tag-ANgeffPL-3gxQwA' },
    'ManagedUser.tag': { id: s.customerTag! },
  }),
};

export default walk;
