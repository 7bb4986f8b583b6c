/** §21 developer API clients and roles: the mutations in a working order, and the ids the by-id fields need. */
import type { FamilyWalk } from './types.js';

/** Customer 19029's first client role: seeded at 26779 + 1000 × the customer's seed index (129, simulator/embedded.ts). */
const ACME_ROLE = '155779';

const walk: FamilyWalk = {
  mutations: [
    ['developerApiClientCreate', () => ({ name: 'Walk client', roleId: '26779', allFolders: false, folderIds: ['1201101'], ipAllowList: ['192.0.2.7'] }), 'devClient'],
    ['developerApiClientUpdate', (s) => ({ id: s.devClient!, name: 'Walk client 2' })],
    ['developerApiClientTokenRegenerate', (s) => ({ id: s.devClient! })],
    ['developerApiClientCreate', () => ({ managedUser: { id: '19029' }, name: 'Walk customer client', roleId: ACME_ROLE, allFolders: true }), 'customerDevClient'],
    ['developerApiClientRoleCopy', () => ({ id: ACME_ROLE, managedUser: { id: '19029' } })],
    ['developerApiClientCreate', () => ({ name: 'Walk throwaway', roleId: '26779', allFolders: true }), 'devClientGone'],
    ['developerApiClientDelete', (s) => ({ id: s.devClientGone! })],
  ],
  args: (s) => ({
    'Query.developerApiClient': { id: s.devClient! },
    'ManagedUser.developerApiClient': { id: s.customerDevClient! },
  }),
};

export default walk;
