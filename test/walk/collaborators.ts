/** Collaborators (§20): invite (then again, refused by the 20-minute rule), change roles, remove. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['memberInvite', () => ({ name: 'Walk Person', email: 'walk.person@northwind.example', envRoles: [{ environmentType: 'dev', roleName: 'Analyst' }] })],
    ['memberInvite', () => ({ name: 'Walk Person', email: 'walk.person@northwind.example', envRoles: [{ roleName: 'Analyst' }] })], // refused: INVITATION_ALREADY_SENT
    ['memberRolesUpdate', () => ({ id: '90024', envRoles: [{ environmentType: 'dev', roleName: 'Operator' }] }), 'walkedMember'],
    ['memberRemove', () => ({ id: '90031' })],
  ],
  args: (state) => ({
    'Query.member': { id: state.walkedMember ?? '90024' },
    'Query.iamUser': { id: '71001' },
  }),
};

export default walk;
