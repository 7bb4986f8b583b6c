/** §27: the bodiless cache clear. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [['secretsCacheClear', () => ({ clientMutationId: 'walk' })]],
};

export default walk;
