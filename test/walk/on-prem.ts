import { toGlobalId } from '../../src/resolvers/relay.js';
import { Enum, type FamilyWalk } from './types.js';

/** §24 on-prem groups and agents, and §12.6/§12.7 connection pick lists and runtime-user connections. */
const walk: FamilyWalk = {
  mutations: [
    ['onPremGroupCreate', () => ({ name: 'Walk group', whitelistedIps: ['203.0.113.0/24'] }), 'onPremGroup'],
    ['onPremGroupCreate', () => ({ name: ' ' })], // refused before any call: InputError
    ['onPremGroupUpdate', (s) => ({ id: s.onPremGroup!, name: 'Walk group 2', useManagedConnection: true })],
    ['onPremAgentCreate', (s) => ({ groupId: s.onPremGroup!, name: 'walk-opa', os: new Enum('LINUX') }), 'onPremAgent'],
    ['onPremAgentActivationCodeReveal', (s) => ({ id: s.onPremAgent! })],
    ['onPremAgentUpdate', (s) => ({ id: s.onPremAgent!, enabled: false })],
    ['onPremAgentDelete', (s) => ({ id: s.onPremAgent! })],
    ['onPremGroupDelete', (s) => ({ id: s.onPremGroup! })],
    ['connectionRuntimeUserCreate', () => ({ parentId: '880101', folderId: '1201101', externalId: 'walk@example.com' })],
  ],
  args: () => ({
    'Query.onPremGroup': { id: '16801' },
    'Query.onPremAgent': { id: '29101' },
    'ManagedUser.onPremGroup': { id: toGlobalId('OnPremGroup', [145801], '19029') },
    'ManagedUser.onPremAgent': { id: toGlobalId('OnPremAgent', [158101], '19029') },
    'Connection.pickList': { name: 'sobjects' },
  }),
};

export default walk;
