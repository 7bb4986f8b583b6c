import { toGlobalId } from '../../src/resolvers/relay.js';
import type { FamilyWalk } from './types.js';

/** §26 event topics and messages. A customer's topic answers `messages` with BAD_USER_INPUT (no Embedded public API). */
const walk: FamilyWalk = {
  mutations: [
    ['eventTopicCreate', () => ({ name: 'Walk topic', schema: [{ name: 'sku', type: 'string' }], retentionSeconds: 3600 }), 'eventTopic'],
    ['eventTopicCreate', () => ({ name: ' ', schema: [] })], // refused before any call: InputError
    ['eventTopicUpdate', (s) => ({ id: s.eventTopic!, description: 'Walked' })],
    ['eventMessagePublish', (s) => ({ topicId: s.eventTopic!, payload: { sku: 'W-1' } })],
    ['eventMessagesPublish', (s) => ({ topicId: s.eventTopic!, payloads: [{ sku: 'W-2' }, { sku: 'W-3' }] })],
    ['eventTopicPurge', (s) => ({ id: s.eventTopic! })],
    ['eventTopicDelete', (s) => ({ id: s.eventTopic! })],
  ],
  args: () => ({
    'Query.eventTopic': { id: '3801' },
    'ManagedUser.eventTopic': { id: toGlobalId('EventTopic', [132801], '19029') },
    'EventTopic.messages': { first: 2 },
  }),
};

export default walk;
