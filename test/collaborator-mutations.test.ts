import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => stack.sim.clearFaults());

const ERRORS = `userErrors { __typename code message field }`;
const INVITE = `mutation($input: MemberInviteInput!) { memberInvite(input: $input) {
  invitation { email name envRoles { environmentType roleName } userGroupIds sentAt } ${ERRORS} } }`;
const ROLES = `mutation($input: MemberRolesUpdateInput!) { memberRolesUpdate(input: $input) {
  member { id workatoId name roles { environmentType roleName } privileges { environmentType roleName } } ${ERRORS} } }`;
const REMOVE = `mutation($input: MemberRemoveInput!) { memberRemove(input: $input) { deletedMemberId ${ERRORS} } }`;
const calls = () => stack.sim.log().map((l) => `${l.method} ${l.path}`);
const codes = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.map((e) => e.extensions?.code);

describe('memberInvite (§20 #1, §17.2 #9)', () => {
  it('invites with roles per environment and user groups, in one call', async () => {
    const groups = await stack.gql(`{ iamUserGroups { id workatoId } }`);
    stack.sim.resetCounts();
    const { memberInvite } = await stack.gql(INVITE, {
      input: {
        name: ' Jo Park ', email: 'jo.park@northwind.example', userGroupIds: [groups.iamUserGroups[0].id, groups.iamUserGroups[1].workatoId],
        envRoles: [{ environmentType: 'dev', roleName: 'Analyst' }, { environmentType: 'prod', roleName: 'Operator' }],
      },
    });
    expect(memberInvite).toEqual({
      invitation: {
        email: 'jo.park@northwind.example', name: 'Jo Park', sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        envRoles: [{ environmentType: 'dev', roleName: 'Analyst' }, { environmentType: 'prod', roleName: 'Operator' }],
        userGroupIds: groups.iamUserGroups.map((g: any) => g.workatoId),
      },
      userErrors: [],
    });
    expect(calls()).toEqual(['POST /api/member_invitations']);
  });

  it('maps a second invitation to the same address within 20 minutes to INVITATION_ALREADY_SENT', async () => {
    stack.sim.resetCounts();
    const { memberInvite } = await stack.gql(INVITE, { input: { name: 'Jo', email: 'JO.PARK@northwind.example', envRoles: [{ roleName: 'Admin' }] } });
    expect(memberInvite.invitation).toBeNull();
    expect(memberInvite.userErrors).toEqual([{
      __typename: 'InputError', code: 'INVITATION_ALREADY_SENT', field: ['input', 'email'],
      message: 'Workato already sent an invitation to JO.PARK@northwind.example for this workspace in the last 20 minutes. Try again in 20 minute(s).',
    }]);
    expect(calls()).toEqual(['POST /api/member_invitations']);
  });

  it("keeps Workato's own quota 429 a top-level RATE_LIMITED error", async () => {
    stack.sim.inject({ route: 'POST /api/member_invitations', status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '7' } });
    const r = await stack.request(INVITE, { input: { name: 'Ann', email: 'ann@northwind.example', envRoles: [{ roleName: 'Admin' }] } });
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.errors![0].extensions!.retryAfter).toBe(7);
  });

  it('checks name, e-mail and roles before calling Workato', async () => {
    stack.sim.resetCounts();
    const bad = await stack.gql(INVITE, { input: { name: ' ', email: 'not-an-address', envRoles: [{ environmentType: 'qa', roleName: 'Admin' }, { roleName: 'Admin' }, { environmentType: 'dev', roleName: ' ' }] } });
    expect(bad.memberInvite).toEqual({
      invitation: null,
      userErrors: [
        { __typename: 'InputError', code: 'INVALID', message: 'name must not be blank.', field: ['input', 'name'] },
        { __typename: 'InputError', code: 'INVALID', message: 'email must be an e-mail address; got "not-an-address".', field: ['input', 'email'] },
        { __typename: 'InputError', code: 'INVALID', message: 'environmentType must be dev, test or prod; got "qa".', field: ['input', 'envRoles', '0', 'environmentType'] },
        { __typename: 'InputError', code: 'INVALID', message: 'Give one role per environment; dev has more than one.', field: ['input', 'envRoles', '2', 'environmentType'] },
      ],
    });
    const none = await stack.gql(INVITE, { input: { name: 'Ann', email: 'ann@northwind.example', envRoles: [] } });
    expect(none.memberInvite.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', message: 'Give at least one role.', field: ['input', 'envRoles'] }]);
    expect(codes(await stack.request(INVITE, { input: { name: 'Ann', email: 'ann@northwind.example', envRoles: [{ roleName: 'Admin' }], userGroupIds: ['nope'] } }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.sim.total()).toBe(0);
  });

  it("returns Workato's refusal of an existing collaborator as a userError on the e-mail", async () => {
    const { memberInvite } = await stack.gql(INVITE, { input: { name: 'Priya', email: 'priya.raman@northwind.example', envRoles: [{ roleName: 'Admin' }] } });
    expect(memberInvite).toEqual({
      invitation: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', message: 'email is already a collaborator of this workspace', field: ['input', 'email'] }],
    });
  });

  it("invites into a customer workspace by its external id, and answers FORBIDDEN when Workato refuses the token", async () => {
    stack.sim.resetCounts();
    const { memberInvite } = await stack.gql(INVITE, { input: { managedUser: { externalId: 'GLOBEX-7' }, name: 'Mindy', email: 'mindy@globex.example', envRoles: [{ roleName: 'Operator' }] } });
    expect(memberInvite.userErrors).toEqual([]);
    expect(memberInvite.invitation).toMatchObject({ email: 'mindy@globex.example', envRoles: [{ environmentType: 'dev', roleName: 'Operator' }] });
    expect(calls()).toEqual(['GET /api/managed_users/EGLOBEX-7', 'POST /api/managed_users/19030/member_invitations']);
    const unknown = await stack.gql(INVITE, { input: { managedUser: { id: '99999' }, name: 'Mindy', email: 'mindy@globex.example', envRoles: [{ roleName: 'Operator' }] } });
    expect(unknown.memberInvite.userErrors).toEqual([{ __typename: 'InputError', code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'managedUser'] }]);
    stack.sim.inject({ route: 'POST /api/member_invitations', status: 403, body: { message: 'Forbidden' } });
    expect(codes(await stack.request(INVITE, { input: { name: 'Ann', email: 'ann2@northwind.example', envRoles: [{ roleName: 'Admin' }] } }))).toEqual(['FORBIDDEN']);
  });
});

describe('memberRolesUpdate (§20 #4, §17.2 #4)', () => {
  it('sets the roles, then reads the member and its privileges back fresh', async () => {
    const before = await stack.gql(`{ member(id: "90024") { privileges { roleName } } }`);
    expect(before.member.privileges).toEqual([{ roleName: 'Analyst' }]);
    stack.sim.resetCounts();
    const { memberRolesUpdate } = await stack.gql(ROLES, {
      input: { id: toGlobalId('Member', [90024]), envRoles: [{ environmentType: 'dev', roleName: 'Operator' }, { environmentType: 'test', roleName: 'Analyst' }] },
    });
    expect(memberRolesUpdate).toEqual({
      member: {
        id: toGlobalId('Member', [90024]), workatoId: '90024', name: 'Marcus Lee',
        roles: [{ environmentType: 'dev', roleName: 'Operator' }, { environmentType: 'test', roleName: 'Analyst' }],
        privileges: [{ environmentType: 'dev', roleName: 'Operator' }, { environmentType: 'test', roleName: 'Analyst' }],
      },
      userErrors: [],
    });
    expect(calls()).toEqual(['PUT /api/members/90024', 'GET /api/members/90024', 'GET /api/members/90024/privileges']);
    expect((await rest(stack.sim, '/members/90024')).roles).toEqual([{ environment_type: 'dev', role_name: 'Operator' }, { environment_type: 'test', role_name: 'Analyst' }]);
  });

  it("returns Workato's refusal of an unknown role, and NOT_FOUND for an unknown member, as userErrors", async () => {
    const unknownRole = await stack.gql(ROLES, { input: { id: '90024', envRoles: [{ roleName: 'Wizard' }] } });
    expect(unknownRole.memberRolesUpdate).toEqual({
      member: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', message: 'env_roles role Wizard does not exist', field: ['input', 'envRoles'] }],
    });
    const missing = await stack.gql(ROLES, { input: { id: '5', envRoles: [{ roleName: 'Admin' }] } });
    expect(missing.memberRolesUpdate.userErrors).toEqual([{ __typename: 'InputError', code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }]);
  });

  it('refuses an empty role list or two roles for one environment without calling Workato', async () => {
    stack.sim.resetCounts();
    const empty = await stack.gql(ROLES, { input: { id: '90024', envRoles: [] } });
    expect(empty.memberRolesUpdate.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', message: 'Give at least one role.', field: ['input', 'envRoles'] }]);
    const twice = await stack.gql(ROLES, { input: { id: '90024', envRoles: [{ roleName: 'Admin' }, { environmentType: 'dev', roleName: 'Analyst' }] } });
    expect(twice.memberRolesUpdate.userErrors.map((e: any) => e.field)).toEqual([['input', 'envRoles', '1', 'environmentType']]);
    expect(codes(await stack.request(ROLES, { input: { id: toGlobalId('Recipe', [1]), envRoles: [{ roleName: 'Admin' }] } }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.sim.total()).toBe(0);
  });

  it("changes a customer member's roles by its global id, or by workatoId with managedUser", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { members { id workatoId name } } }`);
    const target = managedUser.members[1];
    stack.sim.resetCounts();
    const byId = await stack.gql(ROLES, { input: { id: target.id, envRoles: [{ roleName: 'Analyst' }] } });
    expect(byId.memberRolesUpdate.member).toMatchObject({ id: target.id, roles: [{ environmentType: 'dev', roleName: 'Analyst' }], privileges: [{ roleName: 'Analyst' }] });
    expect(calls()).toEqual([
      `PUT /api/managed_users/19029/members/${target.workatoId}`, `GET /api/managed_users/19029/members/${target.workatoId}`,
      `GET /api/managed_users/19029/members/${target.workatoId}/privileges`,
    ]);
    const byWorkatoId = await stack.gql(ROLES, { input: { id: target.workatoId, managedUser: { externalId: 'ACME-001' }, envRoles: [{ roleName: 'Operator' }] } });
    expect(byWorkatoId.memberRolesUpdate.member.roles).toEqual([{ environmentType: 'dev', roleName: 'Operator' }]);
    const mismatch = await stack.request(ROLES, { input: { id: target.id, managedUser: { id: '19030' }, envRoles: [{ roleName: 'Operator' }] } });
    expect(codes(mismatch)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('memberRemove (§20 #5, §17.2 #5)', () => {
  it('removes a member; the list no longer holds it, and a second removal is NOT_FOUND', async () => {
    stack.sim.resetCounts();
    const { memberRemove } = await stack.gql(REMOVE, { input: { id: toGlobalId('Member', [90038]) } });
    expect(memberRemove).toEqual({ deletedMemberId: toGlobalId('Member', [90038]), userErrors: [] });
    expect(calls()).toEqual(['DELETE /api/members/90038']);
    const after = await stack.gql(`{ members { totalCount nodes { workatoId } } }`);
    expect(after.members.nodes.map((m: any) => m.workatoId)).not.toContain('90038');
    const again = await stack.gql(REMOVE, { input: { id: '90038' } });
    expect(again.memberRemove).toEqual({
      deletedMemberId: null,
      userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'id'] }],
    });
  });

  it("removes a customer's member by its global id, and keeps Workato's 5xx a top-level UPSTREAM_ERROR", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19030") { members { id workatoId } } }`);
    const target = managedUser.members[0];
    stack.sim.inject({ route: 'DELETE /api/managed_users/:id/members/:member_id', status: 500, body: { message: 'Server error', id: 'err-1' } });
    expect(codes(await stack.request(REMOVE, { input: { id: target.id } }))).toEqual(['UPSTREAM_ERROR']);
    stack.sim.clearFaults();
    stack.sim.resetCounts();
    const { memberRemove } = await stack.gql(REMOVE, { input: { id: target.id } });
    expect(memberRemove).toEqual({ deletedMemberId: target.id, userErrors: [] });
    expect(calls()).toEqual([`DELETE /api/managed_users/19030/members/${target.workatoId}`]);
  });
});
