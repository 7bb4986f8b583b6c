/** Connection forms of an Embedded customer through the gateway (REFERENCE §17.3 #6, §17.8), over HTTP against the simulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { api } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const FIELD = 'name label type controlType hint optional default options { label value } pickList visibleWhen extendsSchema attributes';

describe('ManagedUser.connectorInputSchema', () => {
  it('reads the base form of a connector, with nested fields, SDK defaults and every attribute Workato sent', async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      netsuite: connectorInputSchema(application: "netsuite") { ${FIELD} properties { ${FIELD} properties { name } } }
      again: connectorInputSchema(application: " netsuite ") { name }
      salesforce: connectorInputSchema(application: "salesforce") { name pickList options { value } }
    } }`);
    const [type, host, , password, advanced] = managedUser.netsuite;
    expect(type).toMatchObject({
      name: 'connection_type', label: 'Connection type', type: 'string', controlType: 'select', optional: false, default: 'cloud',
      options: [{ label: 'Cloud', value: 'cloud' }, { label: 'On-prem', value: 'on_prem' }], pickList: null, visibleWhen: null, extendsSchema: true,
    });
    expect(host.hint).toContain('<code>');
    expect(password.controlType).toBe('password');
    expect(advanced).toMatchObject({ type: 'object', optional: true, controlType: null, options: null });
    expect(advanced.properties).toEqual([
      expect.objectContaining({ name: 'timeout', type: 'integer', default: 60, optional: true, visibleWhen: null, properties: null }),
      expect.objectContaining({ name: 'verify_ssl', type: 'boolean', default: true, visibleWhen: "input.connection_type != 'on_prem'" }),
    ]);
    expect(type.attributes).toMatchObject({ name: 'connection_type', control_type: 'select', extends_schema: true });
    expect(managedUser.again).toEqual(managedUser.netsuite.map((f: { name: string }) => ({ name: f.name })));
    expect(managedUser.salesforce[1]).toEqual({ name: 'region', pickList: 'regions', options: null });
    // One call per connector and request: the trimmed name is the same key.
    expect(stack.sim.counts()).toEqual({ 'GET /api/v2/managed_users/:managed_user_id/connectors/:connector_name/input_schema': 2 });
  });

  it("keeps a connector's form in the caller's reference cache, per customer, as other connector metadata", async () => {
    const FORM = `query($id: ID!) { managedUser(id: $id) { connectorInputSchema(application: "jira") { name } } }`;
    const first = await stack.gql(FORM, { id: '19030' });
    stack.sim.resetCounts();
    const again = await stack.request(FORM, { id: '19030' });
    expect(again.data).toEqual(first);
    expect(stack.sim.counts()).toEqual({});
    expect(again.extensions?.workato).toMatchObject({ calls: 0, cached: 1 });
    // Another customer's form is its own entry.
    await stack.gql(FORM, { id: '19041' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/v2/managed_users/:managed_user_id/connectors/:connector_name/input_schema': 1 });
  });

  it('answers NOT_FOUND for a connector Workato does not have and BAD_USER_INPUT for a blank name', async () => {
    const r = await stack.request(`{ managedUser(id: "19029") {
      nope: connectorInputSchema(application: "no_such_app") { name }
      blank: connectorInputSchema(application: "  ") { name }
    } }`);
    expect(r.data?.managedUser).toEqual({ nope: null, blank: null });
    const code = (alias: string) => r.errors?.find((e) => e.path?.at(-1) === alias)?.extensions?.code;
    expect(code('nope')).toBe('NOT_FOUND');
    expect(code('blank')).toBe('BAD_USER_INPUT');
  });
});

describe('ManagedUser.connectionInputSchema', () => {
  it('reads the form of one connection, extended by the settings its input chose', async () => {
    // A connection created with on-prem access (REST, as another client of the workspace would).
    const created = await api(stack.sim, '/managed_users/19029/connections', {
      body: { name: 'Plant DB', provider: 'netsuite', input: { connection_type: 'on_prem', host: 'db.plant.example', username: 'u', password: 'hunter2' } },
    });
    expect(created.status).toBe(200);
    const { managedUser: { connection } } = await stack.gql(`{ managedUser(id: "19029") { connection(id: "${created.body.id}") { id } } }`);
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`query($id: ID!) { managedUser(id: "19029") {
      byWorkatoId: connectionInputSchema(connectionId: "${created.body.id}") { name visibleWhen }
      byGlobalId: connectionInputSchema(connectionId: $id) { name }
    } }`, { id: connection.id });
    expect(managedUser.byWorkatoId.map((f: { name: string }) => f.name)).toEqual(['connection_type', 'host', 'username', 'password', 'advanced', 'profile']);
    expect(managedUser.byWorkatoId.at(-1)).toEqual({ name: 'profile', visibleWhen: '!line.use_managed_connection' });
    expect(managedUser.byGlobalId).toEqual(managedUser.byWorkatoId.map((f: { name: string }) => ({ name: f.name })));
    // The global id and the Workato id are one key: one call.
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/connections/:connection_id/input_schema': 1 });
  });

  it('answers NOT_FOUND for a connection the customer does not have, BAD_USER_INPUT for another workspace\'s connection', async () => {
    const r = await stack.request(`{ managedUser(id: "19029") {
      missing: connectionInputSchema(connectionId: "1") { name }
      foreign: connectionInputSchema(connectionId: "${toGlobalId('Connection', ['880101'])}") { name }
    } }`);
    expect(r.data?.managedUser).toEqual({ missing: null, foreign: null });
    const code = (alias: string) => r.errors?.find((e) => e.path?.at(-1) === alias)?.extensions?.code;
    expect(code('missing')).toBe('NOT_FOUND');
    expect(code('foreign')).toBe('BAD_USER_INPUT');
  });
});
