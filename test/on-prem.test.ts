import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { toGlobalId } from '../src/resolvers/relay.js';
import { activationCodeOf, onPremStatusOf, pickListItems, unwrapList, unwrapSingle } from '../src/workato/inferred.js';
import { startGateway } from '../src/server/gateway.js';
import { createLogger } from '../src/server/logger.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const V2 = 'GET /api/v2/managed_users/:managed_user_id';

describe('on-prem groups with their agents and status', () => {
  it('reads every group, its agents and its status with one list each and one status call per group', async () => {
    stack.sim.resetCounts();
    const { onPremGroups } = await stack.gql(`{ onPremGroups(first: 10) {
      totalCount pageInfo { hasNextPage }
      nodes { workatoId name inUse useManagedConnection configVersion logsEnabled whitelistedIps
        agents { workatoId name state group { workatoId } } status { state active agentCount activeAgentCount } }
    } }`);
    expect(onPremGroups.totalCount).toBe(3);
    expect(onPremGroups.nodes[0]).toEqual({
      workatoId: '16801', name: 'CRM server', inUse: true, useManagedConnection: true, configVersion: 9, logsEnabled: false,
      whitelistedIps: ['198.51.100.10', '192.0.2.0/24'],
      agents: [
        { workatoId: '29101', name: 'CRM server opa-01', state: 'active', group: { workatoId: '16801' } },
        { workatoId: '29102', name: 'CRM server opa-02', state: 'active', group: { workatoId: '16801' } },
      ],
      status: { state: 'active', active: true, agentCount: 2, activeAgentCount: 2 },
    });
    expect(onPremGroups.nodes[2]).toMatchObject({ workatoId: '16803', agents: [], status: { state: 'inactive', active: false } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_groups': 1, 'GET /api/on_prem_agents': 1, 'GET /api/on_prem_groups/:id/status': 3 });
  });

  it('pages over the one list with opaque cursors', async () => {
    const first = await stack.gql(`{ onPremGroups(first: 2) { nodes { workatoId } pageInfo { hasNextPage endCursor } } }`);
    expect(first.onPremGroups.nodes.map((g: any) => g.workatoId)).toEqual(['16801', '16802']);
    const next = await stack.gql(`query($after: String) { onPremGroups(first: 2, after: $after) { nodes { workatoId } pageInfo { hasNextPage } } }`, {
      after: first.onPremGroups.pageInfo.endCursor,
    });
    expect(next.onPremGroups).toEqual({ nodes: [{ workatoId: '16803' }], pageInfo: { hasNextPage: false } });
  });

  it('answers a group by id from the list the request already read, and by GET otherwise', async () => {
    stack.sim.resetCounts();
    const both = await stack.gql(`{ onPremGroups { nodes { workatoId } } onPremGroup(id: "16802") { name } }`);
    expect(both.onPremGroup).toEqual({ name: 'Data center East' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_groups': 1 });
    stack.sim.resetCounts();
    const alone = await stack.gql(`{ onPremGroup(id: "${toGlobalId('OnPremGroup', [16803])}") { id workatoId name } }`);
    expect(alone.onPremGroup).toEqual({ id: toGlobalId('OnPremGroup', [16803]), workatoId: '16803', name: 'SAP gateway' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_groups/:id': 1 });
  });

  it('returns NOT_FOUND for an unknown group and BAD_USER_INPUT for an id of another type', async () => {
    const missing = await stack.request(`{ onPremGroup(id: "99") { name } }`);
    expect(missing.data).toEqual({ onPremGroup: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await stack.request(`{ onPremGroup(id: "${toGlobalId('Recipe', [1])}") { name } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves federation representations by workatoId through the same loaders', async () => {
    stack.sim.resetCounts();
    const { _entities } = await stack.gql(`{ _entities(representations: [
      { __typename: "OnPremGroup", workatoId: "16801" }, { __typename: "OnPremAgent", id: "${toGlobalId('OnPremAgent', [29102])}" }
    ]) { __typename ... on OnPremGroup { name } ... on OnPremAgent { name } } }`);
    expect(_entities).toEqual([{ __typename: 'OnPremGroup', name: 'CRM server' }, { __typename: 'OnPremAgent', name: 'CRM server opa-02' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_groups/:id': 1, 'GET /api/on_prem_agents/:id': 1 });
  });

  it('resolves groups and agents through node(id)', async () => {
    stack.sim.resetCounts();
    const { nodes } = await stack.gql(`{ nodes(ids: ["${toGlobalId('OnPremGroup', [16801])}", "${toGlobalId('OnPremAgent', [29103])}"]) {
      __typename ... on OnPremGroup { name } ... on OnPremAgent { name } } }`);
    expect(nodes).toEqual([{ __typename: 'OnPremGroup', name: 'CRM server' }, { __typename: 'OnPremAgent', name: 'Data center East opa-01' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_groups/:id': 1, 'GET /api/on_prem_agents/:id': 1 });
  });
});

describe('refusals of on-prem reads', () => {
  it('checks page arguments before calling Workato, and keeps 401 and 404 as coded errors', async () => {
    stack.sim.resetCounts();
    const big = await stack.request(`{ onPremGroups(first: 101) { totalCount } }`);
    const cursor = await stack.request(`{ onPremAgents(after: "nope") { totalCount } }`);
    expect([big.errors?.[0]?.extensions?.code, cursor.errors?.[0]?.extensions?.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(stack.sim.counts()).toEqual({});
    const anonymous = await stack.request(`{ onPremGroups { totalCount } onPremAgents { totalCount } }`, {}, { token: 'not-a-workato-token' });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const agent = await stack.request(`{ onPremAgent(id: "99") { name } }`);
    expect(agent).toMatchObject({ data: { onPremAgent: null }, errors: [{ path: ['onPremAgent'], extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('on-prem agents', () => {
  it("filters one group's agents from the one list, and reads agents' groups with one group list", async () => {
    stack.sim.resetCounts();
    const { onPremAgents } = await stack.gql(`{ onPremAgents(groupId: "16802") {
      totalCount nodes { workatoId os awaitingSetup enabled activated commonName lastSeenVersion groupId group { name } status { state active lastSeenAt version } }
    } }`);
    expect(onPremAgents.totalCount).toBe(2);
    expect(onPremAgents.nodes[1]).toMatchObject({
      workatoId: '29104', awaitingSetup: true, activated: false, lastSeenVersion: null, groupId: '16802', group: { name: 'Data center East' },
      status: { state: 'awaiting_setup', active: false, lastSeenAt: null },
    });
    expect(onPremAgents.nodes[0].commonName).toMatch(/^[0-9a-f]{40}$/);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_agents': 1, 'GET /api/on_prem_groups': 1, 'GET /api/on_prem_agents/:id/status': 2 });
  });

  it('finds agents by common name with Workato search, and answers the agent by id without another call', async () => {
    const cn = (await rest(stack.sim, '/on_prem_agents'))[2].cn as string;
    stack.sim.resetCounts();
    const data = await stack.gql(`query($cn: String) { onPremAgents(commonName: $cn) { nodes { workatoId } } onPremAgent(id: "29103") { name } }`, { cn: cn.slice(0, 10) });
    expect(data.onPremAgents.nodes).toEqual([{ workatoId: '29103' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_agents/search': 1, 'GET /api/on_prem_agents/:id': 1 });
    stack.sim.resetCounts();
    await stack.gql(`{ onPremAgents { nodes { workatoId } } onPremAgent(id: "29103") { name } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_agents': 1 });
  });

  it('refuses an empty common name before calling Workato', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ onPremAgents(commonName: " ") { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
  });
});

describe('an Embedded customer', () => {
  it("reads the customer's groups, agents and statuses under /v2/managed_users, with ids that carry the customer", async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      onPremGroups { nodes { id workatoId agents { id workatoId } status { state } } }
      onPremAgents(first: 1) { nodes { workatoId group { workatoId } } }
    } }`);
    const group = managedUser.onPremGroups.nodes[0];
    expect(group).toMatchObject({ id: toGlobalId('OnPremGroup', [145801], '19029'), workatoId: '145801', status: { state: 'active' } });
    expect(group.agents.map((a: any) => a.workatoId)).toEqual(['158101', '158102']);
    expect(managedUser.onPremAgents.nodes).toEqual([{ workatoId: '158101', group: { workatoId: '145801' } }]);
    expect(stack.sim.counts()).toEqual({
      [`${V2}/on_prem_groups`]: 1,
      [`${V2}/on_prem_agents`]: 1,
      [`${V2}/on_prem_groups/:id/status`]: 2,
    });
    stack.sim.resetCounts();
    const again = await stack.gql(`{ node(id: "${group.id}") { ... on OnPremGroup { name workatoId } } }`);
    expect(again.node.workatoId).toBe('145801');
    expect(stack.sim.counts()).toEqual({ [`${V2}/on_prem_groups/:id`]: 1 });
  });

  it("refuses a global id of the caller's own group as a customer's", async () => {
    const r = await stack.request(`{ managedUser(id: "19029") { onPremGroup(id: "${toGlobalId('OnPremGroup', [16801])}") { name } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const GROUP_CREATE = `mutation($input: OnPremGroupCreateInput!) { onPremGroupCreate(input: $input) {
  onPremGroup { id workatoId name useManagedConnection whitelistedIps agents { id } } userErrors { code message field } } }`;
const AGENT_CREATE = `mutation($input: OnPremAgentCreateInput!) { onPremAgentCreate(input: $input) {
  onPremAgent { id workatoId name os state awaitingSetup group { workatoId } } userErrors { code message field } } }`;
const REVEAL = `mutation($id: ID!) { onPremAgentActivationCodeReveal(input: { id: $id }) {
  activationCode onPremAgent { workatoId } userErrors { code message field } } }`;

describe('on-prem mutations', () => {
  it('creates, updates and deletes a group', async () => {
    stack.sim.resetCounts();
    const created = await stack.gql(GROUP_CREATE, { input: { name: 'Plant floor', useManagedConnection: true, whitelistedIps: ['10.20.0.0/16'] } });
    expect(created.onPremGroupCreate).toMatchObject({
      onPremGroup: { name: 'Plant floor', useManagedConnection: true, whitelistedIps: ['10.20.0.0/16'], agents: [] }, userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/on_prem_groups': 1, 'GET /api/on_prem_agents': 1 });
    const id = created.onPremGroupCreate.onPremGroup.id;
    const updated = await stack.gql(`mutation($id: ID!) { onPremGroupUpdate(input: { id: $id, name: "Plant floor 2" }) {
      onPremGroup { name whitelistedIps } userErrors { code } } }`, { id });
    expect(updated.onPremGroupUpdate).toEqual({ onPremGroup: { name: 'Plant floor 2', whitelistedIps: ['10.20.0.0/16'] }, userErrors: [] });
    const deleted = await stack.gql(`mutation($id: ID!) { onPremGroupDelete(input: { id: $id }) { deletedOnPremGroupId userErrors { code } } }`, { id });
    expect(deleted.onPremGroupDelete).toEqual({ deletedOnPremGroupId: id, userErrors: [] });
    const workatoId = created.onPremGroupCreate.onPremGroup.workatoId;
    expect((await rest(stack.sim, '/on_prem_groups')).map((g: any) => String(g.id))).not.toContain(workatoId);
  });

  it('refuses a blank name without calling Workato, and passes on Workato\'s validation errors', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(GROUP_CREATE, { input: { name: '  ' } });
    expect(blank.onPremGroupCreate).toEqual({ onPremGroup: null, userErrors: [{ code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }] });
    expect(stack.sim.counts()).toEqual({});
    const taken = await stack.gql(GROUP_CREATE, { input: { name: 'CRM server', whitelistedIps: ['300.1.1.1'] } });
    expect(taken.onPremGroupCreate.userErrors).toEqual([
      { code: 'INVALID', message: 'name has already been taken', field: ['input', 'name'] },
      { code: 'INVALID', message: 'whitelisted_ips must be IPv4 addresses or CIDR ranges', field: ['input', 'whitelistedIps'] },
    ]);
  });

  it('answers NOT_FOUND for an unknown group, and REFUSED for deleting a group that has agents', async () => {
    const update = await stack.gql(`mutation { onPremGroupUpdate(input: { id: "99", name: "x" }) { onPremGroup { name } userErrors { code field } } }`);
    expect(update.onPremGroupUpdate).toEqual({ onPremGroup: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    const del = await stack.gql(`mutation { onPremGroupDelete(input: { id: "16801" }) { deletedOnPremGroupId userErrors { code message field } } }`);
    expect(del.onPremGroupDelete).toEqual({
      deletedOnPremGroupId: null, userErrors: [{ code: 'REFUSED', message: 'On-prem group has agents; delete them first', field: null }],
    });
  });

  it('creates an agent, disables it, reveals its activation code once per ask, and deletes it', async () => {
    const created = await stack.gql(AGENT_CREATE, { input: { groupId: '16803', name: 'sap-opa-01', os: 'LINUX' } });
    expect(created.onPremAgentCreate).toMatchObject({
      onPremAgent: { name: 'sap-opa-01', os: 'linux', state: 'awaiting_setup', awaitingSetup: true, group: { workatoId: '16803' } }, userErrors: [],
    });
    const id = created.onPremAgentCreate.onPremAgent.id;
    stack.sim.resetCounts();
    const first = await stack.gql(REVEAL, { id });
    const second = await stack.gql(REVEAL, { id });
    expect(first.onPremAgentActivationCodeReveal).toMatchObject({ activationCode: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{8}$/), userErrors: [] });
    expect(second.onPremAgentActivationCodeReveal.activationCode).not.toBe(first.onPremAgentActivationCodeReveal.activationCode);
    expect(stack.sim.counts()).toEqual({ 'GET /api/on_prem_agents/:id/activation_code': 2, 'GET /api/on_prem_agents/:id': 2 });
    const disabled = await stack.gql(`mutation($id: ID!) { onPremAgentUpdate(input: { id: $id, enabled: false }) { onPremAgent { enabled state } userErrors { code } } }`, { id });
    expect(disabled.onPremAgentUpdate).toEqual({ onPremAgent: { enabled: false, state: 'disabled' }, userErrors: [] });
    const deleted = await stack.gql(`mutation($id: ID!) { onPremAgentDelete(input: { id: $id }) { deletedOnPremAgentId userErrors { code } } }`, { id });
    expect(deleted.onPremAgentDelete).toEqual({ deletedOnPremAgentId: id, userErrors: [] });
    const again = await stack.gql(`mutation($id: ID!) { onPremAgentDelete(input: { id: $id }) { deletedOnPremAgentId userErrors { code } } }`, { id });
    expect(again.onPremAgentDelete).toEqual({ deletedOnPremAgentId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it("refuses an agent for an unknown group on the input's field, and an update of an unknown agent", async () => {
    const created = await stack.gql(AGENT_CREATE, { input: { groupId: '99', name: 'x', os: 'MAC' } });
    expect(created.onPremAgentCreate).toEqual({ onPremAgent: null, userErrors: [{ code: 'INVALID', message: 'on_prem_group_id is invalid', field: ['input', 'groupId'] }] });
    const update = await stack.gql(`mutation { onPremAgentUpdate(input: { id: "99", name: "x" }) { onPremAgent { name } userErrors { code } } }`);
    expect(update.onPremAgentUpdate).toEqual({ onPremAgent: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it('refuses to reveal the code of an agent that is already activated', async () => {
    const r = await stack.gql(REVEAL, { id: '29101' });
    expect(r.onPremAgentActivationCodeReveal).toEqual({
      activationCode: null, onPremAgent: null, userErrors: [{ code: 'REFUSED', message: 'On-prem agent is already activated', field: null }],
    });
  });

  it("creates a group and an agent in an Embedded customer's workspace", async () => {
    const group = await stack.gql(GROUP_CREATE, { input: { name: 'Acme DC', managedUser: { externalId: 'ACME-001' } } });
    const created = group.onPremGroupCreate.onPremGroup;
    expect(created.id).toBe(toGlobalId('OnPremGroup', [Number(created.workatoId)], '19029'));
    const agent = await stack.gql(AGENT_CREATE, { input: { groupId: created.id, name: 'acme-opa', os: 'WINDOWS' } });
    expect(agent.onPremAgentCreate.onPremAgent).toMatchObject({ os: 'windows', group: { workatoId: created.workatoId } });
    const agents = await rest(stack.sim, '/v2/managed_users/19029/on_prem_agents');
    expect(agents.data.map((a: any) => a.name)).toContain('acme-opa');
    const customer = await stack.gql(`{ managedUser(id: "19029") { onPremAgent(id: "${agent.onPremAgentCreate.onPremAgent.id}") { name commonName } } }`);
    expect(customer.managedUser.onPremAgent).toMatchObject({ name: 'acme-opa' });
    stack.sim.resetCounts();
    const found = await stack.gql(`query($cn: String) { managedUser(id: "19029") { onPremAgents(commonName: $cn) { nodes { workatoId } } } }`, {
      cn: customer.managedUser.onPremAgent.commonName,
    });
    expect(found.managedUser.onPremAgents.nodes).toEqual([{ workatoId: agent.onPremAgentCreate.onPremAgent.workatoId }]);
    expect(stack.sim.counts()).toEqual({ [`${V2}/on_prem_agents/search`]: 1 });
    stack.sim.resetCounts();
    const code = await stack.gql(REVEAL, { id: agent.onPremAgentCreate.onPremAgent.id });
    expect(code.onPremAgentActivationCodeReveal).toMatchObject({ activationCode: expect.any(String), onPremAgent: { workatoId: agent.onPremAgentCreate.onPremAgent.workatoId } });
    expect(stack.sim.counts()).toEqual({ [`${V2}/on_prem_agents/:id/activation_code`]: 1, [`${V2}/on_prem_agents/:id`]: 1 });
    const agentId = agent.onPremAgentCreate.onPremAgent.id;
    const renamed = await stack.gql(`mutation($id: ID!) { onPremAgentUpdate(input: { id: $id, name: "acme-opa-1" }) { onPremAgent { id name } userErrors { code } } }`, { id: agentId });
    expect(renamed.onPremAgentUpdate).toEqual({ onPremAgent: { id: agentId, name: 'acme-opa-1' }, userErrors: [] });
    const gone = await stack.gql(`mutation($a: ID!, $g: ID!) {
      a: onPremAgentDelete(input: { id: $a }) { deletedOnPremAgentId userErrors { code } }
      g: onPremGroupUpdate(input: { id: $g, whitelistedIps: [] }) { onPremGroup { whitelistedIps } userErrors { code } }
      d: onPremGroupDelete(input: { id: $g }) { deletedOnPremGroupId userErrors { code } }
    }`, { a: agentId, g: created.id });
    expect(gone).toEqual({
      a: { deletedOnPremAgentId: agentId, userErrors: [] },
      g: { onPremGroup: { whitelistedIps: [] }, userErrors: [] },
      d: { deletedOnPremGroupId: created.id, userErrors: [] },
    });
    expect((await rest(stack.sim, '/v2/managed_users/19029/on_prem_groups')).data.map((g: any) => String(g.id))).not.toContain(created.workatoId);
  });
});

describe('the activation code is a secret', () => {
  it('is never written to the log, even at debug level', async () => {
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WORKATO_BASE_URL: stack.sim.url, LOG_LEVEL: 'debug', WORKATO_RETRIES: '0' });
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const gateway = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: undefined, logger });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: REVEAL, variables: { id: '29104' } }),
      });
      const { data } = (await response.json()) as any;
      const code = data.onPremAgentActivationCodeReveal.activationCode as string;
      expect(code).toMatch(/^[0-9A-F]{8}-/);
      logger.info({ answer: { activation_code: code }, payload: { reveal: { activationCode: code } } }, 'a logged object holding the code');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join('\n')).not.toContain(code);
      expect(lines.at(-1)).toContain('[redacted]');
    } finally {
      await gateway.close();
    }
  });

  it('is never answered from the response cache', async () => {
    const cached = await startStack({ env: { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_TTL_MS: '60000' } });
    try {
      const read = `{ onPremGroups { totalCount } }`;
      await cached.gql(read);
      await cached.gql(read);
      expect(cached.sim.counts()['GET /api/on_prem_groups']).toBe(1); // the cache is on
      cached.sim.resetCounts();
      const a = await cached.gql(REVEAL, { id: '29104' });
      const b = await cached.gql(REVEAL, { id: '29104' });
      expect(cached.sim.counts()['GET /api/on_prem_agents/:id/activation_code']).toBe(2);
      expect(a.onPremAgentActivationCodeReveal.activationCode).not.toBe(b.onPremAgentActivationCodeReveal.activationCode);
    } finally {
      await cached.close();
    }
  });
});

describe("reading Workato's on-prem answers leniently (src/workato/inferred.ts)", () => {
  it('takes the object out of the one-element arrays older pages answered with, and reads both list envelopes', () => {
    const group = { id: 16803, name: 'CRM server' };
    expect(unwrapSingle([group])).toBe(group);
    expect(unwrapSingle(group)).toBe(group);
    expect(unwrapList({ data: [group] })).toEqual([group]);
    expect(unwrapList({ result: [group] })).toEqual([group]);
  });

  it('reads statuses from `state`, `status` or `data`, lower-cased, and activation codes from either name', () => {
    expect(onPremStatusOf({ state: 'ACTIVE', agents_count: 2 })).toEqual({ state: 'active', agents_count: 2 });
    expect(onPremStatusOf({ data: { status: 'No_Response' } })).toEqual({ status: 'No_Response', state: 'no_response' });
    expect(onPremStatusOf({})).toEqual({ state: null });
    expect([activationCodeOf({ activation_code: 'A-1' }), activationCodeOf({ data: { code: 'B-2' } }), activationCodeOf({ code: '' })]).toEqual(['A-1', 'B-2', null]);
  });

  it('turns pick list tuples into label/value pairs, skipping malformed entries', () => {
    expect(pickListItems({ data: [['Record ID', 'Id'], ['Status', 'Status__c', null, true], ['Amount', 12], ['lonely'], 'x'] })).toEqual([
      { label: 'Record ID', value: 'Id' }, { label: 'Status', value: 'Status__c' }, { label: 'Amount', value: '12' },
    ]);
  });
});
