import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const CUSTOMER = `managedUser { id workatoId name externalId notificationEmail planId inTrial originUrl frameAncestors customTaskLimit }`;
const ERRORS = `userErrors { __typename code message field }`;
const CREATE = `mutation($input: ManagedUserCreateInput!) { managedUserCreate(input: $input) { ${CUSTOMER} ${ERRORS} } }`;
const UPDATE = `mutation($input: ManagedUserUpdateInput!) { managedUserUpdate(input: $input) { ${CUSTOMER} ${ERRORS} } }`;
const DELETE = `mutation($input: ManagedUserDeleteInput!) { managedUserDelete(input: $input) { deletedManagedUserId ${ERRORS} } }`;
const MEMBER = `member { id workatoId name email roles { environmentType roleName } }`;
const ADD = `mutation($input: ManagedUserMemberAddInput!) { managedUserMemberAdd(input: $input) { ${MEMBER} ${ERRORS} } }`;
const SET_ROLES = `mutation($input: ManagedUserMemberUpdateInput!) { managedUserMemberUpdate(input: $input) { ${MEMBER} ${ERRORS} } }`;
const REMOVE = `mutation($input: ManagedUserMemberRemoveInput!) { managedUserMemberRemove(input: $input) { deletedMemberId ${ERRORS} } }`;

describe('managedUserCreate / managedUserUpdate / managedUserDelete', () => {
  it('creates a customer, reads it back, and finds it by its external id afterwards', async () => {
    stack.sim.resetCounts();
    const { managedUserCreate } = await stack.gql(CREATE, {
      input: { name: 'Hooli', notificationEmail: 'it@hooli.example', externalId: 'HOOLI 1/2', frameAncestors: 'https://hooli.example' },
    });
    expect(managedUserCreate.userErrors).toEqual([]);
    expect(managedUserCreate.managedUser).toMatchObject({ name: 'Hooli', externalId: 'HOOLI 1/2', planId: 'oem_plan', inTrial: false, frameAncestors: 'https://hooli.example' });
    expect(stack.sim.counts()).toEqual({ 'POST /api/managed_users': 1, 'GET /api/managed_users/:id': 1 });
    const found = await stack.gql(`{ managedUser(externalId: "HOOLI 1/2") { workatoId folders { nodes { id } } recipes { nodes { id } } } }`);
    expect(found.managedUser).toEqual({ workatoId: managedUserCreate.managedUser.workatoId, folders: { nodes: [] }, recipes: { nodes: [] } });
  });

  it("returns Workato's validation refusals as userErrors pointing at the input field", async () => {
    const taken = await stack.gql(CREATE, { input: { name: 'Acme again', notificationEmail: 'x@acme.example', externalId: 'ACME-001' } });
    expect(taken.managedUserCreate).toEqual({
      managedUser: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', message: 'external_id has already been taken', field: ['input', 'externalId'] }],
    });
    const blank = await stack.gql(CREATE, { input: { name: ' ', notificationEmail: 'x@y.example' } });
    expect(blank.managedUserCreate.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }]);
  });

  it('changes only the fields given, clears a field set to null, and reads the customer back', async () => {
    const before = await rest(stack.sim, '/managed_users/19030');
    stack.sim.resetCounts();
    const { managedUserUpdate } = await stack.gql(UPDATE, {
      input: { managedUser: { externalId: 'GLOBEX-7' }, planId: 'oem_enterprise', originUrl: null, customTaskLimit: 50000 },
    });
    expect(managedUserUpdate.userErrors).toEqual([]);
    expect(managedUserUpdate.managedUser).toMatchObject({
      workatoId: '19030', name: before.name, notificationEmail: before.notification_email, planId: 'oem_enterprise', originUrl: null, customTaskLimit: 50000,
    });
    expect(stack.sim.log().map((l) => `${l.method} ${l.path}`)).toEqual(['PUT /api/managed_users/EGLOBEX-7', 'GET /api/managed_users/19030']);
    const after = await rest(stack.sim, '/managed_users/19030');
    expect(after).toMatchObject({ name: before.name, plan_id: 'oem_enterprise', origin_url: null, in_trial: false });
  });

  it('returns a custom task limit at or below current usage as a userError on customTaskLimit', async () => {
    const usage = (await rest(stack.sim, '/managed_users/19041')).task_count;
    const { managedUserUpdate } = await stack.gql(UPDATE, { input: { managedUser: { id: '19041' }, customTaskLimit: usage } });
    expect(managedUserUpdate).toEqual({
      managedUser: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', message: expect.stringMatching(/^custom_task_limit must be greater than the current usage/), field: ['input', 'customTaskLimit'] }],
    });
  });

  it('moves a customer to a new external id: the old one is gone, the new one works, in the same request', async () => {
    const data = await stack.gql(`mutation {
      managedUserUpdate(input: { managedUser: { id: "19041" }, externalId: "INITECH-9", inTrial: false }) { managedUser { externalId inTrial } userErrors { code } }
    }`);
    expect(data.managedUserUpdate).toEqual({ managedUser: { externalId: 'INITECH-9', inTrial: false }, userErrors: [] });
    const found = await stack.gql(`{ managedUser(externalId: "INITECH-9") { workatoId } }`);
    expect(found.managedUser.workatoId).toBe('19041');
  });

  it('refuses to clear a required field and reports an unknown customer as NOT_FOUND', async () => {
    const cleared = await stack.gql(UPDATE, { input: { managedUser: { id: '19029' }, name: null } });
    expect(cleared.managedUserUpdate.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }]);
    const unknown = await stack.gql(UPDATE, { input: { managedUser: { externalId: 'NOBODY' }, name: 'x' } });
    expect(unknown.managedUserUpdate).toEqual({
      managedUser: null,
      userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }],
    });
    const both = await stack.request(UPDATE, { input: { managedUser: { id: '19029', externalId: 'ACME-001' }, name: 'x' } });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('deletes a customer by external id; the customer and its workspace are gone', async () => {
    const created = await stack.gql(CREATE, { input: { name: 'Short-lived', notificationEmail: 'a@b.example', externalId: 'TMP-1' } });
    const { id, workatoId } = created.managedUserCreate.managedUser;
    const { managedUserDelete } = await stack.gql(DELETE, { input: { managedUser: { externalId: 'TMP-1' } } });
    expect(managedUserDelete).toEqual({ deletedManagedUserId: id, userErrors: [] });
    const gone = await stack.request(`{ managedUser(id: "${workatoId}") { name } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await stack.gql(DELETE, { input: { managedUser: { id: workatoId } } });
    expect(again.managedUserDelete.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'managedUser'] });
  });
});

describe('managedUserCreate with authSettings (§17.1 auth_settings[...])', () => {
  // A pass-through in front of the simulator that keeps the JSON bodies the gateway sends: the simulator keeps
  // auth_settings without answering them (REFERENCE documents no read), so the wire is where they can be seen.
  let proxy: Server;
  let recorded: Stack;
  let simOrigin = '';
  const sent: Array<{ method: string; path: string; body: any }> = [];
  beforeAll(async () => {
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      if (raw.length) sent.push({ method: req.method!, path: req.url!, body: JSON.parse(raw.toString('utf8')) });
      const headers = Object.fromEntries(['authorization', 'content-type', 'accept'].flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : [])));
      const answer = await fetch(simOrigin + req.url, { method: req.method, headers, body: raw.length ? raw : undefined });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    recorded = await startStack({ env: { WORKATO_BASE_URL: `http://127.0.0.1:${port}/api` } });
    simOrigin = recorded.sim.origin;
  });
  afterAll(async () => {
    await recorded.close();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('sends SAML SSO settings as one nested auth_settings object, in Workato\'s words, and the customer is created', async () => {
    const saml = { type: 'SAML_SSO', provider: 'okta', metadataUrl: 'https://idp.example/metadata', ssoUrl: 'https://idp.example/sso', samlIssuer: 'pendant', x509Cert: 'MIIC…' };
    const { managedUserCreate } = await recorded.gql(CREATE, { input: { name: 'Pendant Publishing', notificationEmail: 'jp@pendant.example', authSettings: saml } });
    expect(managedUserCreate.userErrors).toEqual([]);
    expect(managedUserCreate.managedUser).toMatchObject({ name: 'Pendant Publishing' });
    expect(sent.filter((r) => r.path === '/api/managed_users').map((r) => r.body)).toEqual([{
      name: 'Pendant Publishing', notification_email: 'jp@pendant.example',
      auth_settings: { type: 'saml_sso', provider: 'okta', metadata_url: 'https://idp.example/metadata', sso_url: 'https://idp.example/sso', saml_issuer: 'pendant', x509_cert: 'MIIC…' },
    }]);
  });

  it('sends only the type when no SAML field is given, and no auth_settings without authSettings', async () => {
    sent.length = 0;
    await recorded.gql(CREATE, { input: { name: 'Two factor', notificationEmail: 'tf@example.com', authSettings: { type: 'TWO_FA_AUTH', ssoUrl: null } } });
    await recorded.gql(CREATE, { input: { name: 'Plain', notificationEmail: 'p@example.com' } });
    expect(sent.filter((r) => r.path === '/api/managed_users').map((r) => r.body.auth_settings)).toEqual([{ type: 'two_fa_auth' }, undefined]);
  });

  it('sends environments as environments[...] on create and update, only the settings given, null clearing', async () => {
    sent.length = 0;
    const { managedUserCreate: created } = await recorded.gql(CREATE, { input: {
      name: 'Staged', notificationEmail: 'st@example.com', externalId: 'STAGED-DEV',
      environments: [{ environmentType: 'TEST', externalId: 'STAGED-TEST' }, { environmentType: 'PROD', errorNotificationEmails: 'ops@staged.example' }],
    } });
    expect(created.userErrors).toEqual([]);
    const { managedUserUpdate: updated } = await recorded.gql(UPDATE, { input: {
      managedUser: { id: created.managedUser.workatoId }, environments: [{ environmentType: 'TEST', externalId: null }],
    } });
    expect(updated.userErrors).toEqual([]);
    expect(sent.filter((r) => r.method !== 'GET').map((r) => r.body.environments)).toEqual([
      [{ environment_type: 'test', external_id: 'STAGED-TEST' }, { environment_type: 'prod', error_notification_emails: 'ops@staged.example' }],
      [{ environment_type: 'test', external_id: null }],
    ]);
    // Workato's refusal of a conflicting assignment is the caller's userError.
    const { managedUserUpdate: twice } = await recorded.gql(UPDATE, { input: {
      managedUser: { id: created.managedUser.workatoId }, environments: [{ environmentType: 'PROD' }, { environmentType: 'PROD' }],
    } });
    expect(twice.managedUser).toBeNull();
    expect(twice.userErrors).toEqual([expect.objectContaining({ field: ['input', 'environments'] })]);
  });
});

describe('managedUserMemberAdd / managedUserMemberUpdate / managedUserMemberRemove', () => {
  it('adds a member with roles, reads it back, changes its roles and removes it', async () => {
    stack.sim.resetCounts();
    const { managedUserMemberAdd: added } = await stack.gql(ADD, {
      input: { managedUser: { externalId: 'ACME-001' }, name: 'Bugs Bunny', email: 'bugs@acme.example', envRoles: [{ roleName: 'Admin' }, { environmentType: 'prod', roleName: 'Viewer' }] },
    });
    expect(added.userErrors).toEqual([]);
    expect(added.member).toMatchObject({ name: 'Bugs Bunny', email: 'bugs@acme.example', roles: [{ environmentType: 'dev', roleName: 'Admin' }, { environmentType: 'prod', roleName: 'Viewer' }] });
    expect(Buffer.from(added.member.id, 'base64url').toString()).toBe(`Member@19029:${added.member.workatoId}`);
    expect(stack.sim.log().map((l) => `${l.method} ${l.path}`)).toEqual([
      'GET /api/managed_users/EACME-001',
      'POST /api/managed_users/19029/members',
      `GET /api/managed_users/19029/members/${added.member.workatoId}`,
    ]);

    const { managedUserMemberUpdate: updated } = await stack.gql(SET_ROLES, { input: { id: added.member.id, roleName: 'Operator' } });
    expect(updated).toMatchObject({ member: { roles: [{ environmentType: 'dev', roleName: 'Operator' }] }, userErrors: [] });

    const { managedUserMemberRemove: removed } = await stack.gql(REMOVE, { input: { id: added.member.workatoId, managedUser: { id: '19029' } } });
    expect(removed).toEqual({ deletedMemberId: added.member.id, userErrors: [] });
    const members = await stack.gql(`{ managedUser(id: "19029") { members { name } } }`);
    expect(members.managedUser.members.map((m: any) => m.name)).not.toContain('Bugs Bunny');
  });

  it('sees the new member later in the same request', async () => {
    const data = await stack.gql(`mutation {
      managedUserMemberAdd(input: { managedUser: { id: "19030" }, name: "Mr. Burns", email: "burns@globex.example", roleName: "Admin" }) { member { name } }
    }`);
    expect(data.managedUserMemberAdd.member.name).toBe('Mr. Burns');
    const list = await stack.gql(`{ managedUser(id: "19030") { members { name } } }`);
    expect(list.managedUser.members.map((m: any) => m.name)).toContain('Mr. Burns');
  });

  it('refuses invalid members as userErrors, unknown ones as NOT_FOUND, and ambiguous ids as BAD_USER_INPUT', async () => {
    const invalid = await stack.gql(ADD, { input: { managedUser: { id: '19029' }, name: 'No Mail' } });
    expect(invalid.managedUserMemberAdd).toMatchObject({ member: null, userErrors: [{ code: 'INVALID', field: ['input', 'email'] }] });
    const taken = await stack.gql(ADD, { input: { managedUser: { id: '19029' }, name: 'Twin', email: 'wile.coyote@acme.example' } });
    expect(taken.managedUserMemberAdd.userErrors[0]).toMatchObject({ code: 'INVALID', message: 'email has already been taken' });
    const unknown = await stack.gql(SET_ROLES, { input: { id: '1', managedUser: { id: '19029' }, roleName: 'Admin' } });
    expect(unknown.managedUserMemberUpdate).toEqual({ member: null, userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
    const unknownCustomer = await stack.gql(REMOVE, { input: { id: '1', managedUser: { externalId: 'NOBODY' } } });
    expect(unknownCustomer.managedUserMemberRemove.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'managedUser'] });
    for (const input of [{ id: '902900', roleName: 'Admin' }, { id: Buffer.from('Member:902900').toString('base64url'), roleName: 'Admin' }]) {
      const r = await stack.request(SET_ROLES, { input });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
  });
});
