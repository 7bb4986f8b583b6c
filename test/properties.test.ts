import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { api } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const UPSERT = `mutation($input: PropertiesUpsertInput!) { propertiesUpsert(input: $input) {
  properties { id name relativeName value project { workatoId } }
  userErrors { code message field }
} }`;

const restPost = async (path: string, body: unknown) => (await api(stack.sim, path, { body })).status;

describe('properties(prefix) (§19)', () => {
  it('reads environment properties with full and relative names, in one call per distinct prefix', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      a: properties(prefix: "salesforce_sync.") { id name relativeName value project { name } }
      b: properties(prefix: "salesforce_sync.") { name }
      c: properties(prefix: "alerts.") { name value }
    }`);
    expect(data.a).toEqual([
      { id: toGlobalId('Property', ['env', 'salesforce_sync.object_field']), name: 'salesforce_sync.object_field', relativeName: 'object_field', value: 'Id', project: null },
      { id: toGlobalId('Property', ['env', 'salesforce_sync.object_name']), name: 'salesforce_sync.object_name', relativeName: 'object_name', value: 'Account', project: null },
    ]);
    expect(data.b.map((p: { name: string }) => p.name)).toEqual(data.a.map((p: { name: string }) => p.name));
    expect(data.c).toEqual([{ name: 'alerts.slack_channel', value: '#ops-alerts-0' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/properties': 2 });
  });

  it("reads a project's properties with the prefix Workato strips put back", async () => {
    stack.sim.resetCounts();
    const { project } = await stack.gql(`{ project(id: "44021") { properties(prefix: "sync.") { id name relativeName value project { workatoId name } } } }`);
    expect(project.properties).toEqual([
      { id: toGlobalId('Property', ['44021', 'sync.batch_size']), name: 'sync.batch_size', relativeName: 'batch_size', value: '100', project: { workatoId: '44021', name: 'Order to Cash' } },
    ]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/projects': 1, 'GET /api/properties': 1 });
    expect(stack.sim.log().find((e) => e.route === 'GET /api/properties')?.path).toBe('/api/properties?prefix=sync.&project_id=44021');
  });

  it('refuses an empty prefix with BAD_USER_INPUT before calling Workato', async () => {
    stack.sim.resetCounts();
    const result = await stack.request(`{ properties(prefix: "") { name } }`);
    expect(result.errors?.[0]).toMatchObject({ path: ['properties'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(stack.sim.counts()).toEqual({});
  });

  it("refuses an empty prefix on a project too, and keeps the project's other fields", async () => {
    stack.sim.resetCounts();
    const result = await stack.request(`{ project(id: "44021") { name properties(prefix: "") { name } } }`);
    expect(result.errors?.[0]).toMatchObject({ path: ['project', 'properties'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.data?.project).toEqual({ name: 'Order to Cash', properties: null });
    expect(stack.sim.counts()).toEqual({ 'GET /api/projects': 1 });
  });

  it('resolves a Property by its global id with one prefix read, and NOT_FOUND for a name that is gone', async () => {
    stack.sim.resetCounts();
    const id = toGlobalId('Property', ['44021', 'sync.batch_size']);
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Property { name relativeName value } } }`, { id });
    expect(node).toEqual({ __typename: 'Property', id, name: 'sync.batch_size', relativeName: 'sync.batch_size', value: '100' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/properties': 1 });
    const missing = await stack.request(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Property', ['env', 'no.such.property']) });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps a 403 a top-level FORBIDDEN error', async () => {
    stack.sim.inject({ route: 'GET /api/properties', status: 403, body: { message: 'Access denied' }, times: 1 });
    const result = await stack.request(`{ properties(prefix: "alerts.") { name } }`);
    expect(result.errors?.[0]).toMatchObject({ path: ['properties'], extensions: { code: 'FORBIDDEN' } });
    expect(result.data?.properties).toBeNull();
  });
});

describe('ManagedUser.properties (Embedded §17.8)', () => {
  it("reads a customer's environment properties and its projects' properties in the customer workspace", async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      properties(prefix: "salesforce_sync.") { id name value }
      projects(first: 1) { nodes { workatoId properties(prefix: "public") { id name relativeName value project { workatoId } } } }
    } }`);
    expect(managedUser.properties).toEqual([
      { id: toGlobalId('Property', ['env', 'salesforce_sync.object_field'], '19029'), name: 'salesforce_sync.object_field', value: 'External_Id_129__c' },
      { id: toGlobalId('Property', ['env', 'salesforce_sync.object_name'], '19029'), name: 'salesforce_sync.object_name', value: 'Contact' },
    ]);
    const project = managedUser.projects.nodes[0];
    expect(project.properties).toEqual([
      { id: toGlobalId('Property', [project.workatoId, 'public_url'], '19029'), name: 'public_url', relativeName: '_url', value: 'https://billing-129.example.com', project: { workatoId: project.workatoId } },
    ]);
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:managed_user_id/properties': 2,
      'GET /api/managed_users/:managed_user_id/projects': 1,
    });
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { ... on Property { value } } }`, { id: managedUser.properties[1].id });
    expect(node).toEqual({ value: 'Contact' });
  });
});

describe('ManagedUser.properties failures', () => {
  it("answers a refused customer read with a FORBIDDEN error on that field only", async () => {
    stack.sim.inject({ route: 'GET /api/managed_users/:managed_user_id/properties', status: 403, body: { message: 'Access denied' }, times: 1 });
    const result = await stack.request(`{ managedUser(id: "19029") { name properties(prefix: "salesforce_sync.") { name } } }`);
    expect(result.errors?.[0]).toMatchObject({ path: ['managedUser', 'properties'], extensions: { code: 'FORBIDDEN' } });
    expect(result.data?.managedUser).toEqual({ name: 'Acme Corporation', properties: null });
  });
});

describe('propertiesUpsert (§19)', () => {
  it('writes environment properties in one call and answers them; a later read in the same request sees them', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`mutation {
      propertiesUpsert(input: { properties: [{ name: "release.channel", value: "beta" }, { name: "release.notes_url", value: "https://example.com/notes" }] }) {
        properties { id name relativeName value project { workatoId } } userErrors { code }
      }
    }`);
    expect(data.propertiesUpsert).toEqual({
      properties: [
        { id: toGlobalId('Property', ['env', 'release.channel']), name: 'release.channel', relativeName: 'release.channel', value: 'beta', project: null },
        { id: toGlobalId('Property', ['env', 'release.notes_url']), name: 'release.notes_url', relativeName: 'release.notes_url', value: 'https://example.com/notes', project: null },
      ],
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/properties': 1 });
    expect(stack.sim.log()[0]!.path).toBe('/api/properties');
    expect(await rest(stack.sim, '/properties?prefix=release.')).toEqual({ 'release.channel': 'beta', 'release.notes_url': 'https://example.com/notes' });

    const again = await stack.gql(`mutation {
      before: propertiesUpsert(input: { properties: [{ name: "release.channel", value: "stable" }] }) { userErrors { code } }
    }`);
    expect(again.before.userErrors).toEqual([]);
    expect((await stack.gql(`{ properties(prefix: "release.channel") { value } }`)).properties).toEqual([{ value: 'stable' }]);
  });

  it("writes a project's properties with ?project_id=", async () => {
    stack.sim.resetCounts();
    const { propertiesUpsert } = await stack.gql(UPSERT, { input: { projectId: toGlobalId('Project', ['44022']), properties: [{ name: 'sync.mode', value: 'full' }] } });
    expect(propertiesUpsert.userErrors).toEqual([]);
    expect(propertiesUpsert.properties[0]).toMatchObject({ name: 'sync.mode', project: { workatoId: '44022' } });
    expect(stack.sim.log().find((e) => e.route === 'POST /api/properties')?.path).toBe('/api/properties?project_id=44022');
    expect(await rest(stack.sim, '/properties?prefix=sync.&project_id=44022')).toEqual({ mode: 'full' });
  });

  it("writes a customer's properties, named by managedUser or by the customer's project id", async () => {
    stack.sim.resetCounts();
    const env = await stack.gql(UPSERT, { input: { managedUser: { externalId: 'ACME-001' }, properties: [{ name: 'tenant.region', value: 'eu' }] } });
    expect(env.propertiesUpsert.userErrors).toEqual([]);
    expect(env.propertiesUpsert.properties[0].id).toBe(toGlobalId('Property', ['env', 'tenant.region'], '19029'));
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:id': 1, 'POST /api/managed_users/:managed_user_id/properties': 1 });
    expect(await rest(stack.sim, '/managed_users/19029/properties?prefix=tenant.')).toEqual({ 'tenant.region': 'eu' });
    expect(await rest(stack.sim, '/properties?prefix=tenant.')).toEqual({});

    const project = toGlobalId('Project', ['1334021'], '19029');
    const byProject = await stack.gql(UPSERT, { input: { projectId: project, properties: [{ name: 'tenant.plan', value: 'gold' }] } });
    expect(byProject.propertiesUpsert.properties[0].project).toEqual({ workatoId: '1334021' });
    expect(await rest(stack.sim, '/managed_users/19029/properties?prefix=tenant.&project_id=1334021')).toEqual({ plan: 'gold' });

    const mismatch = await stack.request(UPSERT, { input: { projectId: project, managedUser: { id: '19030' }, properties: [{ name: 'a', value: 'b' }] } });
    expect(mismatch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("checks Workato's documented limits before calling it, one userError per entry", async () => {
    stack.sim.resetCounts();
    const { propertiesUpsert } = await stack.gql(UPSERT, {
      input: {
        properties: [
          { name: 'n'.repeat(101), value: 'v' },
          { name: 'ok.name', value: 'v'.repeat(1025) },
          { name: ' ', value: '' },
          { name: 'dup', value: '1' },
          { name: 'dup', value: '2' },
        ],
      },
    });
    expect(propertiesUpsert).toEqual({
      properties: null,
      userErrors: [
        { code: 'PROPERTY_NAME_TOO_LONG', message: 'Property names are at most 100 characters; this one has 101.', field: ['input', 'properties', '0', 'name'] },
        { code: 'PROPERTY_VALUE_TOO_LONG', message: 'Property values are at most 1024 characters; "ok.name" has 1025.', field: ['input', 'properties', '1', 'value'] },
        { code: 'INVALID', message: 'A property name must not be blank.', field: ['input', 'properties', '2', 'name'] },
        { code: 'INVALID', message: 'The name "dup" is given twice.', field: ['input', 'properties', '4', 'name'] },
      ],
    });
    const many = Array.from({ length: 1001 }, (_v, i) => ({ name: `bulk.${i}`, value: 'x' }));
    const tooMany = await stack.gql(UPSERT, { input: { properties: many } });
    expect(tooMany.propertiesUpsert.userErrors).toEqual([
      { code: 'PROPERTY_LIMIT_EXCEEDED', message: 'At most 1000 properties per environment or project; got 1001.', field: ['input', 'properties'] },
    ]);
    const none = await stack.gql(UPSERT, { input: { properties: [] } });
    expect(none.propertiesUpsert.userErrors).toEqual([{ code: 'INVALID', message: 'Give at least one property.', field: ['input', 'properties'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("answers Workato's refusal of the total (existing plus new over 1,000) as PROPERTY_LIMIT_EXCEEDED", async () => {
    const existing = Object.fromEntries(Array.from({ length: 998 }, (_v, i) => [`fill.${i}`, 'x']));
    expect(await restPost('/properties?project_id=44023', { properties: existing })).toBe(200);
    stack.sim.resetCounts();
    const { propertiesUpsert } = await stack.gql(UPSERT, {
      input: { projectId: '44023', properties: [{ name: 'fill.0', value: 'y' }, { name: 'fill.new1', value: 'y' }, { name: 'fill.new2', value: 'y' }, { name: 'fill.new3', value: 'y' }] },
    });
    expect(propertiesUpsert).toEqual({
      properties: null,
      userErrors: [{ code: 'PROPERTY_LIMIT_EXCEEDED', message: 'properties exceed the limit of 1000 per project', field: ['input', 'properties'] }],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/properties': 1 });
    const fits = await stack.gql(UPSERT, { input: { projectId: '44023', properties: [{ name: 'fill.0', value: 'y' }, { name: 'fill.new1', value: 'y' }] } });
    expect(fits.propertiesUpsert.userErrors).toEqual([]);
  });

  it('answers an unknown project with NOT_FOUND on input.projectId, and keeps 403 top-level', async () => {
    const { propertiesUpsert } = await stack.gql(UPSERT, { input: { projectId: '99', properties: [{ name: 'a', value: 'b' }] } });
    expect(propertiesUpsert.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Workato has no such object, or the token cannot see it.', field: ['input', 'projectId'] }]);
    stack.sim.inject({ route: 'POST /api/properties', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(UPSERT, { input: { properties: [{ name: 'a', value: 'b' }] } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
