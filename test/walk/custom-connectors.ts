/** §16 #5–#7: create a custom connector, change its code, release it; a blank title walks the refusal. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['customConnectorCreate', () => ({ title: 'Walk connector', code: "{ title: 'Walk connector' }", note: 'first' }), 'customConnector'],
    ['customConnectorCreate', () => ({ title: ' ', code: '{}' })], // refused before any call
    ['customConnectorUpdate', (state) => ({ id: state.customConnector!, code: "{ title: 'Walk connector 2' }", note: 'second' })],
    ['customConnectorRelease', (state) => ({ id: state.customConnector! })],
  ],
};

export default walk;
