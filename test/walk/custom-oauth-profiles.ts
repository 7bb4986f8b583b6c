/** §28: create, update and delete a profile; the seeded 321 for the by-id query. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['customOAuthProfileCreate', () => ({ name: 'Walk app', provider: 'hubspot', clientId: 'walk-client', clientSecret: 'walk-secret' }), 'oauthProfile'],
    ['customOAuthProfileUpdate', (state) => ({ id: state.oauthProfile!, name: 'Walk app 2' })],
    ['customOAuthProfileDelete', (state) => ({ id: state.oauthProfile! })],
  ],
  args: () => ({ 'Query.customOAuthProfile': { id: '321' } }),
};

export default walk;
