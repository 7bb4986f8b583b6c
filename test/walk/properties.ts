/** §19 properties: an upsert into a project, and prefixes that find properties at every level. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [['propertiesUpsert', () => ({ projectId: '44021', properties: [{ name: 'walk.flag', value: 'on' }] })]],
  args: () => ({
    'Query.properties': { prefix: 'salesforce_sync.' },
    'Project.properties': { prefix: 'sync.' },
    'ManagedUser.properties': { prefix: 'salesforce_sync.' },
  }),
};

export default walk;
