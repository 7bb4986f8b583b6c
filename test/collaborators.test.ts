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

const codes = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.map((e) => e.extensions?.code);

describe('Query.members and Query.member (§20 #2, #3)', () => {
  it('pages the whole member list by id, read once, with totalCount and the last activity', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(`{ members(first: 2) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id workatoId name email grantType roles { environmentType roleName } lastActivityAt lastActivityEventType }
    } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/members': 1 });
    expect(first.members.totalCount).toBe(4);
    expect(first.members.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.members.nodes[0]).toMatchObject({
      id: toGlobalId('Member', [90017]), workatoId: '90017', name: 'Priya Raman', email: 'priya.raman@northwind.example', grantType: 'team',
      roles: [{ environmentType: 'dev', roleName: 'Admin' }, { environmentType: 'prod', roleName: 'Admin' }], lastActivityEventType: 'recipe_updated',
    });
    expect(first.members.nodes[0].lastActivityAt).toMatch(/^2025-06-1\dT/);
    const rest2 = await stack.gql(`query($after: String) { members(first: 2, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, {
      after: first.members.pageInfo.endCursor,
    });
    expect(rest2.members).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: '90031' }, { workatoId: '90038' }] });
  });

  it('answers member(id) from the list read earlier in the same request, at no extra call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ members { nodes { workatoId } } member(id: "90024") { name } }`);
    expect(data.member).toEqual({ name: 'Marcus Lee' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/members': 1 });
    stack.sim.resetCounts();
    const alone = await stack.gql(`query($id: ID!) { member(id: $id) { workatoId name } }`, { id: toGlobalId('Member', [90031]) });
    expect(alone.member).toEqual({ workatoId: '90031', name: 'Dana Whitfield' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/members/:id': 1 });
  });

  it("passes `email` to Workato's filter and primes member(id) from it", async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ members(email: "PRIYA.RAMAN@northwind.example") { totalCount nodes { workatoId } } }`);
    expect(data.members).toEqual({ totalCount: 1, nodes: [{ workatoId: '90017' }] });
    expect(stack.sim.log().map((l) => `${l.method} ${l.path}`)).toEqual(['GET /api/members?page=1&per_page=100&email=PRIYA.RAMAN%40northwind.example']);
  });

  it('returns NOT_FOUND for an unknown member, BAD_USER_INPUT for a foreign id or page size, FORBIDDEN on 403', async () => {
    const missing = await stack.request(`{ member(id: "1") { name } members(first: 1) { totalCount } }`);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.data).toEqual({ member: null, members: { totalCount: 4 } });
    stack.sim.resetCounts();
    const wrong = await stack.request(`query($id: ID!) { member(id: $id) { name } }`, { id: toGlobalId('Recipe', [3307712]) });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.request(`{ members(first: 101) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.request(`{ members(after: "nope") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(stack.sim.total()).toBe(0);
    stack.sim.inject({ route: 'GET /api/members', status: 403, body: { message: 'Forbidden' } });
    const forbidden = await stack.request(`{ members { totalCount } }`);
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.data).toEqual({ members: null });
  });
});

const ACCESS = `privileges { environmentType roleName privileges { resource actions } folderIds folders { workatoId } }
  projectGrants { projectId project { workatoId name } environmentType roleName }
  projectPrivileges { projectId project { workatoId } environmentType privileges { resource actions } }`;

describe('Member.privileges, projectGrants, projectPrivileges (§20 #6–#8)', () => {
  it("reads one member's privileges and grants with one call each, and links folders and projects", async () => {
    const grants = (await rest(stack.sim, '/members/90038/project_grants')).data;
    const roles = await rest(stack.sim, '/roles');
    stack.sim.resetCounts();
    const { member } = await stack.gql(`{ member(id: "90038") { ${ACCESS} } }`);
    const developer = roles.find((r: any) => r.name === 'Integration developer');
    expect(member.privileges).toEqual([{
      environmentType: 'dev', roleName: 'Integration developer',
      privileges: [{ resource: 'Recipes', actions: ['read', 'create', 'update', 'delete'] }, { resource: 'Connections', actions: ['read', 'create', 'update'] }, { resource: 'Folders', actions: ['read', 'create'] }],
      folderIds: developer.folder_ids.map(String), folders: developer.folder_ids.map((id: number) => ({ workatoId: String(id) })),
    }]);
    expect(member.projectGrants).toEqual(grants.map((g: any) => ({ projectId: String(g.project_id), project: { workatoId: String(g.project_id), name: expect.any(String) }, environmentType: 'dev', roleName: 'Integration developer' })));
    expect(member.projectPrivileges.map((p: any) => p.project.workatoId)).toEqual(grants.map((g: any) => String(g.project_id)));
    // Both folders sit in Home: the shared folder walk finds them with one call for the Home level.
    expect(stack.sim.counts()).toEqual({
      'GET /api/members/:id': 1, 'GET /api/members/:id/privileges': 1, 'GET /api/members/:id/project_grants': 1, 'GET /api/members/:id/projects_privileges': 1,
      'GET /api/projects': 1, 'GET /api/folders': 1,
    });
  });

  it('costs one privileges call per member over a list (Workato has no batch endpoint, §30)', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ members { nodes { workatoId privileges { roleName } } } }`);
    expect(data.members.nodes.map((m: any) => m.privileges.map((p: any) => p.roleName))).toEqual([['Admin', 'Admin'], ['Analyst'], ['Operator'], ['Integration developer']]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/members': 1, 'GET /api/members/:id/privileges': 4 });
  });

  it('nulls only the failing field when Workato refuses a member\'s privileges', async () => {
    stack.sim.inject({ route: 'GET /api/members/:id/privileges', status: 403, body: { message: 'Forbidden' } });
    const r = await stack.request(`{ member(id: "90017") { name privileges { roleName } projectGrants { projectId } } }`);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toEqual({ member: { name: 'Priya Raman', privileges: null, projectGrants: [] } });
  });

  it("answers a customer's members from the customer workspace (§17.2 #6–#8), ids carrying the customer", async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { members { id workatoId name ${ACCESS} } } }`);
    const operator = managedUser.members.find((m: any) => m.privileges[0].roleName === 'Operator');
    expect(operator.id).toBe(toGlobalId('Member', [operator.workatoId], '19029'));
    expect(operator.projectGrants.length).toBeGreaterThan(0);
    expect(operator.projectGrants[0].project.name).toEqual(expect.any(String));
    const n = managedUser.members.length;
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:id/members': 1,
      'GET /api/managed_users/:managed_user_id/members/:id/privileges': n,
      'GET /api/managed_users/:managed_user_id/members/:id/project_grants': n,
      'GET /api/managed_users/:managed_user_id/members/:id/projects_privileges': n,
      'GET /api/managed_users/:managed_user_id/projects': 1,
    });
    stack.sim.resetCounts();
    const again = await stack.gql(`query($id: ID!) { member(id: $id) { name privileges { roleName } } }`, { id: operator.id });
    expect(again.member).toEqual({ name: operator.name, privileges: [{ roleName: 'Operator' }] });
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:id/members/:member_id': 1, 'GET /api/managed_users/:managed_user_id/members/:id/privileges': 1 });
  });
});

describe('Query.collaboratorRoles (§20 #9)', () => {
  it('lists the roles with typed privileges and folders, and node(id) reuses the same list', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ collaboratorRoles { id workatoId name inheritable folderIds privileges { resource actions } createdAt updatedAt } }`);
    expect(data.collaboratorRoles.map((r: any) => r.name)).toEqual(['Admin', 'Analyst', 'Operator', 'Integration developer']);
    expect(data.collaboratorRoles[1]).toMatchObject({
      id: toGlobalId('CollaboratorRole', [6102]), workatoId: '6102', inheritable: true, folderIds: [],
      privileges: [{ resource: 'Recipes', actions: ['read', 'update'] }, { resource: 'Connections', actions: ['read'] }, { resource: 'Folders', actions: ['read'] }, { resource: 'Projects', actions: ['read'] }],
    });
    expect(stack.sim.counts()).toEqual({ 'GET /api/roles': 1 });
    stack.sim.resetCounts();
    const both = await stack.gql(`query($id: ID!) { collaboratorRoles { workatoId } node(id: $id) { ... on CollaboratorRole { name folders { name } } } }`, {
      id: data.collaboratorRoles[3].id,
    });
    expect(both.node.name).toBe('Integration developer');
    expect(both.node.folders).toHaveLength(2);
    expect(stack.sim.counts()['GET /api/roles']).toBe(1);
  });

  it('resolves federation representations by workatoId or id from one role list', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on CollaboratorRole { name } ... on IamUserGroup { name } } }`, {
      reps: [
        { __typename: 'CollaboratorRole', workatoId: '6103' },
        { __typename: 'CollaboratorRole', id: toGlobalId('CollaboratorRole', [6101]) },
        { __typename: 'IamUserGroup', workatoId: '4302' },
      ],
    });
    expect(data._entities).toEqual([{ name: 'Operator' }, { name: 'Admin' }, { name: 'Finance ops' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/roles': 1, 'GET /api/iam/user_groups': 1 });
  });

  it('returns NOT_FOUND for a role id Workato does not list, FORBIDDEN on 403', async () => {
    const missing = await stack.request(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('CollaboratorRole', [1]) });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    stack.sim.inject({ route: 'GET /api/roles', status: 403, body: { message: 'Forbidden' } });
    const r = await stack.request(`{ collaboratorRoles { name } }`);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toEqual({ collaboratorRoles: null });
  });
});

describe('IAM users and user groups (§20 #10–#15, [inferred] shapes)', () => {
  it('pages the users and links their groups with one group list; iamUser and node of one user cost one GET', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ iamUsers(first: 2) { pageInfo { hasNextPage } nodes { id workatoId name email status userGroups { workatoId name } createdAt } } iamUserGroups { workatoId name description } }`);
    expect(data.iamUsers.pageInfo.hasNextPage).toBe(true);
    expect(data.iamUsers.nodes[0]).toMatchObject({ name: 'Priya Raman', status: 'active', userGroups: [{ name: 'Integration team' }] });
    expect(data.iamUsers.nodes[1].userGroups.map((g: any) => g.name)).toEqual(['Integration team', 'Finance ops']);
    expect(data.iamUserGroups.map((g: any) => g.name)).toEqual(['Integration team', 'Finance ops']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/iam/users': 1, 'GET /api/iam/user_groups': 1 });
    stack.sim.resetCounts();
    const one = await stack.gql(`query($id: ID!) { iamUser(id: $id) { name } node(id: $id) { ... on IamUser { email } } }`, { id: data.iamUsers.nodes[1].id });
    expect(one.iamUser.name).toBe(data.iamUsers.nodes[1].name);
    expect(stack.sim.counts()).toEqual({ 'GET /api/iam/users/:id': 1 });
  });

  it('returns NOT_FOUND for an unknown user and BAD_USER_INPUT for another type\'s id', async () => {
    expect(codes(await stack.request(`{ iamUser(id: "1") { name } }`))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.request(`query($id: ID!) { iamUser(id: $id) { name } }`, { id: toGlobalId('Member', [90017]) }))).toEqual(['BAD_USER_INPUT']);
  });
});
