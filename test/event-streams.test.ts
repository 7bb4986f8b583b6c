import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { toGlobalId } from '../src/resolvers/relay.js';
import { startSimulator } from '../src/simulator/index.js';
import { rest } from './support/rest.js';
import { subscribe } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { EVENT_STREAM_POLL_SECONDS: '1' } });
});
afterAll(() => stack.close());

const LIST = 'GET /api/event_streams/topics';
const CONSUME = 'POST /api/v1/topics/:topic_id/consume';
const SCHEMA = [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'integer' }];
const CREATE = `mutation($input: EventTopicCreateInput!) { eventTopicCreate(input: $input) {
  eventTopic { id workatoId name description retentionSeconds schema { name type } } userErrors { code field message } } }`;
const PUBLISH = `mutation($input: EventMessagePublishInput!) { eventMessagePublish(input: $input) { messageId userErrors { code field message } } }`;
const BATCH = `mutation($input: EventMessagesPublishInput!) { eventMessagesPublish(input: $input) { messageIds userErrors { code field message } } }`;

async function newTopic(name: string): Promise<{ id: string; workatoId: string }> {
  const { eventTopicCreate } = await stack.gql(CREATE, { input: { name, schema: SCHEMA } });
  expect(eventTopicCreate.userErrors).toEqual([]);
  return eventTopicCreate.eventTopic;
}

describe('event topics', () => {
  it('lists the topics with their schemas in one call, and answers a topic by id from that list', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      eventTopics(first: 10) { totalCount pageInfo { hasNextPage } nodes { id workatoId name description retentionSeconds createdAt schema { name label type } } }
      eventTopic(id: "3802") { name }
    }`);
    expect(data.eventTopics.totalCount).toBe(2);
    expect(data.eventTopics.nodes[0]).toEqual({
      id: toGlobalId('EventTopic', [3801]), workatoId: '3801', name: 'Order placed', description: expect.any(String), retentionSeconds: 604800,
      createdAt: expect.any(String),
      schema: [
        { name: 'order_id', label: 'Order id', type: 'string' },
        { name: 'customer_email', label: 'Customer email', type: 'string' },
        { name: 'total_cents', label: 'Total cents', type: 'integer' },
      ],
    });
    expect(data.eventTopic).toEqual({ name: 'Invoice paid' });
    expect(stack.sim.counts()).toEqual({ [LIST]: 1 });
  });

  it('filters by name and pages with opaque cursors over the one list', async () => {
    const { eventTopics } = await stack.gql(`{ eventTopics(name: "Invoice") { nodes { workatoId } } }`);
    expect(eventTopics.nodes).toEqual([{ workatoId: '3802' }]);
    const first = await stack.gql(`{ eventTopics(first: 1) { nodes { workatoId } pageInfo { hasNextPage endCursor } } }`);
    expect(first.eventTopics.nodes).toEqual([{ workatoId: '3801' }]);
    const next = await stack.gql(`query($after: String) { eventTopics(first: 1, after: $after) { nodes { workatoId } } }`, { after: first.eventTopics.pageInfo.endCursor });
    expect(next.eventTopics.nodes).toEqual([{ workatoId: '3802' }]);
  });

  it('reads one topic by GET without a list, through node(id) and federation too', async () => {
    stack.sim.resetCounts();
    const { eventTopic, node, _entities } = await stack.gql(`{
      eventTopic(id: "${toGlobalId('EventTopic', [3801])}") { workatoId schemaJson }
      node(id: "${toGlobalId('EventTopic', [3802])}") { __typename ... on EventTopic { name } }
      _entities(representations: [{ __typename: "EventTopic", workatoId: "3801" }]) { ... on EventTopic { name } }
    }`);
    expect(eventTopic.schemaJson[0]).toMatchObject({ name: 'order_id', type: 'string' });
    expect(node).toEqual({ __typename: 'EventTopic', name: 'Invoice paid' });
    expect(_entities).toEqual([{ name: 'Order placed' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/event_streams/topics/:topic_id': 2 });
  });

  it('returns NOT_FOUND for an unknown topic and BAD_USER_INPUT for an id of another type', async () => {
    const missing = await stack.request(`{ eventTopic(id: "99") { name } }`);
    expect(missing.data).toEqual({ eventTopic: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await stack.request(`{ eventTopic(id: "${toGlobalId('Recipe', [1])}") { name } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("reads an Embedded customer's topics under /managed_users/:id, with ids that carry the customer", async () => {
    const truth = await rest(stack.sim, '/managed_users/19029/event_streams/topics');
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { eventTopics { nodes { id workatoId name } } } }`);
    expect(managedUser.eventTopics.nodes.map((t: any) => t.workatoId)).toEqual(truth.data.map((t: any) => String(t.id)));
    const first = managedUser.eventTopics.nodes[0];
    expect(first.id).toBe(toGlobalId('EventTopic', [first.workatoId], '19029'));
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/event_streams/topics': 1 });
    const { node } = await stack.gql(`{ node(id: "${first.id}") { ... on EventTopic { name } } }`);
    expect(node).toEqual({ name: first.name });
  });
});

describe('EventTopic.messages', () => {
  it('reads one batch oldest first without a long poll, and the next batch after its endCursor', async () => {
    stack.sim.resetCounts();
    const { eventTopic } = await stack.gql(`{ eventTopic(id: "3801") { messages(first: 2) {
      nodes { messageId payload publishedAt } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`);
    expect(eventTopic.messages.nodes).toEqual([
      { messageId: '1000001', payload: { order_id: 'SO-10400', customer_email: 'buyer1@northwind.example', total_cents: 4999 }, publishedAt: expect.any(String) },
      { messageId: '1000002', payload: expect.objectContaining({ order_id: 'SO-10401' }), publishedAt: expect.any(String) },
    ]);
    expect(eventTopic.messages.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await stack.gql(`query($after: String) { eventTopic(id: "3801") { messages(after: $after) { nodes { messageId } pageInfo { hasNextPage } } } }`, {
      after: eventTopic.messages.pageInfo.endCursor,
    });
    expect(next.eventTopic.messages).toEqual({ nodes: [{ messageId: '1000003' }], pageInfo: { hasNextPage: false } });
    const byId = await stack.gql(`{ eventTopic(id: "3801") { messages(after: "1000001", first: 1) { nodes { messageId } } } }`);
    expect(byId.eventTopic.messages.nodes).toEqual([{ messageId: '1000002' }]);
    // Nothing of the topic itself is selected: the consume calls only.
    expect(stack.sim.counts()).toEqual({ [CONSUME]: 3 });
  });

  it('gives each message a global id that node(id) reads back with one consume call, and its topic without one', async () => {
    const { eventTopics } = await stack.gql(`{ eventTopics(first: 1) { nodes { messages(first: 3) { nodes { id messageId topic { workatoId } } } } } }`);
    const [, second] = eventTopics.nodes[0].messages.nodes;
    expect(second).toEqual({ id: expect.any(String), messageId: '1000002', topic: { workatoId: '3801' } });
    stack.sim.resetCounts();
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { __typename id ... on EventMessage { messageId payload } } }`, { id: second.id });
    expect(node).toEqual({ __typename: 'EventMessage', id: second.id, messageId: '1000002', payload: expect.objectContaining({ order_id: 'SO-10401' }) });
    expect(stack.sim.counts()).toEqual({ [CONSUME]: 1 });
    const gone = await stack.request(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('EventMessage', [3801, '999', Date.parse('2025-06-12T00:00:00Z')]) });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses first over 50 and after together with since before calling Workato', async () => {
    stack.sim.resetCounts();
    const big = await stack.request(`{ eventTopics { nodes { messages(first: 51) { nodes { messageId } } } } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await stack.request(`{ eventTopics { nodes { messages(after: "1000001", since: "2025-01-01T00:00:00Z") { nodes { messageId } } } } }`);
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(stack.sim.counts()).toEqual({ [LIST]: 2 });
  });

  it("refuses the messages of a customer's topic (the public API has no Embedded variant)", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { eventTopics { nodes { id } } } }`);
    const answer = await stack.request(`query($id: ID!) { eventTopic(id: $id) { messages { nodes { messageId } } } }`, { id: managedUser.eventTopics.nodes[0].id });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('event topic mutations', () => {
  it('creates a topic, refusing a blank name or empty schema before any call, and a taken name as Workato does', async () => {
    stack.sim.resetCounts();
    const bad = await stack.gql(CREATE, { input: { name: ' ', schema: [], retentionSeconds: 0 } });
    expect(bad.eventTopicCreate).toEqual({
      eventTopic: null,
      userErrors: [
        { code: 'INVALID', field: ['input', 'name'], message: "name can't be blank" },
        { code: 'INVALID', field: ['input', 'schema'], message: expect.stringContaining('non-empty list') },
        { code: 'INVALID', field: ['input', 'retentionSeconds'], message: expect.stringContaining('between 1 and 7776000') },
      ],
    });
    expect(stack.sim.counts()).toEqual({});
    const { eventTopicCreate } = await stack.gql(CREATE, { input: { name: 'Stock moved', schema: SCHEMA, description: 'Moves', retentionSeconds: 3600 } });
    expect(eventTopicCreate).toEqual({
      eventTopic: { id: expect.any(String), workatoId: expect.any(String), name: 'Stock moved', description: 'Moves', retentionSeconds: 3600, schema: SCHEMA },
      userErrors: [],
    });
    const taken = await stack.gql(CREATE, { input: { name: 'Stock moved', schema: SCHEMA } });
    expect(taken.eventTopicCreate.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'name'], message: 'name has already been taken' }]);
  });

  it("creates a topic in a customer's workspace with managedUser", async () => {
    const { eventTopicCreate } = await stack.gql(CREATE, { input: { name: 'Customer orders', schema: SCHEMA, managedUser: { id: '19029' } } });
    expect(eventTopicCreate.eventTopic.id).toBe(toGlobalId('EventTopic', [eventTopicCreate.eventTopic.workatoId], '19029'));
    const truth = await rest(stack.sim, '/managed_users/19029/event_streams/topics');
    expect(truth.data.map((t: any) => t.name)).toContain('Customer orders');
  });

  it('updates a topic and reads it back; an unknown topic is a NOT_FOUND userError', async () => {
    const topic = await newTopic('To update');
    const UPDATE = `mutation($input: EventTopicUpdateInput!) { eventTopicUpdate(input: $input) { eventTopic { name description retentionSeconds } userErrors { code field } } }`;
    const { eventTopicUpdate } = await stack.gql(UPDATE, { input: { id: topic.id, description: 'Now described', retentionSeconds: 7200 } });
    expect(eventTopicUpdate).toEqual({ eventTopic: { name: 'To update', description: 'Now described', retentionSeconds: 7200 }, userErrors: [] });
    const missing = await stack.gql(UPDATE, { input: { id: '99', name: 'x' } });
    expect(missing.eventTopicUpdate).toEqual({ eventTopic: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    const blank = await stack.gql(UPDATE, { input: { id: topic.id, name: '' } });
    expect(blank.eventTopicUpdate.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'name'] }]);
  });

  it("purges a topic's messages and keeps the topic; deletes a topic; both NOT_FOUND for an unknown one", async () => {
    const topic = await newTopic('To purge');
    await stack.gql(PUBLISH, { input: { topicId: topic.id, payload: { sku: 'A', qty: 1 } } });
    const PURGE = `mutation($id: ID!) { eventTopicPurge(input: { id: $id }) { eventTopic { name messages { nodes { messageId } } } userErrors { code } } }`;
    expect((await stack.gql(PURGE, { id: topic.id })).eventTopicPurge).toEqual({ eventTopic: { name: 'To purge', messages: { nodes: [] } }, userErrors: [] });
    expect((await stack.gql(PURGE, { id: '99' })).eventTopicPurge).toEqual({ eventTopic: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const DELETE = `mutation($id: ID!) { eventTopicDelete(input: { id: $id }) { deletedEventTopicId userErrors { code } } }`;
    expect((await stack.gql(DELETE, { id: topic.workatoId })).eventTopicDelete).toEqual({ deletedEventTopicId: topic.id, userErrors: [] });
    expect((await stack.gql(DELETE, { id: topic.workatoId })).eventTopicDelete).toEqual({ deletedEventTopicId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});

describe('publishing messages', () => {
  it('publishes one message and a batch, with ids that follow each other', async () => {
    const topic = await newTopic('Publish here');
    stack.sim.resetCounts();
    const one = await stack.gql(PUBLISH, { input: { topicId: topic.id, payload: { sku: 'A-1', qty: 3 } } });
    expect(one.eventMessagePublish).toEqual({ messageId: expect.stringMatching(/^\d+$/), userErrors: [] });
    const batch = await stack.gql(BATCH, { input: { topicId: topic.workatoId, payloads: [{ sku: 'B-1', qty: 1 }, { sku: 'B-2', qty: 2 }] } });
    expect(batch.eventMessagesPublish.userErrors).toEqual([]);
    const ids = batch.eventMessagesPublish.messageIds.map(Number);
    expect(ids).toEqual([Number(one.eventMessagePublish.messageId) + 1, Number(one.eventMessagePublish.messageId) + 2]);
    expect(stack.sim.counts()).toEqual({ 'POST /api/v1/topics/:topic_id/publish': 1, 'POST /api/v1/batch/topics/:topic_id/publish': 1 });
    const { eventTopic } = await stack.gql(`query($id: ID!) { eventTopic(id: $id) { messages { nodes { messageId payload } } } }`, { id: topic.id });
    expect(eventTopic.messages.nodes.map((m: any) => m.payload.sku)).toEqual(['A-1', 'B-1', 'B-2']);
  });

  it('refuses a payload over 1 MB before any call (a gateway that takes bodies that large)', async () => {
    const roomy = await startStack({ env: { MAX_BODY_BYTES: '3000000' } });
    try {
      const big = await roomy.gql(PUBLISH, { input: { topicId: '3802', payload: { invoice_id: 'x'.repeat(1_048_576) } } });
      expect(big.eventMessagePublish).toEqual({ messageId: null, userErrors: [{ code: 'PAYLOAD_TOO_LARGE', field: ['input', 'payload'], message: expect.stringContaining('1 MB') }] });
      const batch = await roomy.gql(BATCH, { input: { topicId: '3802', payloads: [{ invoice_id: 'ok' }, { invoice_id: 'x'.repeat(1_048_576) }] } });
      expect(batch.eventMessagesPublish.userErrors).toEqual([{ code: 'PAYLOAD_TOO_LARGE', field: ['input', 'payloads', '1'], message: expect.any(String) }]);
      expect(roomy.sim.counts()).toEqual({});
    } finally {
      await roomy.close();
    }
  });

  it('refuses a non-object, an empty or 101-message batch before any call', async () => {
    stack.sim.resetCounts();
    const list = await stack.gql(PUBLISH, { input: { topicId: '3802', payload: [1, 2] } });
    expect(list.eventMessagePublish.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'payload'], message: expect.any(String) }]);
    const many = await stack.gql(BATCH, { input: { topicId: '3802', payloads: Array.from({ length: 101 }, () => ({ invoice_id: 'x' })) } });
    expect(many.eventMessagesPublish).toEqual({ messageIds: null, userErrors: [{ code: 'TOO_MANY_MESSAGES', field: ['input', 'payloads'], message: expect.any(String) }] });
    const none = await stack.gql(BATCH, { input: { topicId: '3802', payloads: [] } });
    expect(none.eventMessagesPublish.userErrors[0].code).toBe('INVALID');
    const oneBad = await stack.gql(BATCH, { input: { topicId: '3802', payloads: [{ invoice_id: 'ok' }, 'text'] } });
    expect(oneBad.eventMessagesPublish.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'payloads', '1'], message: expect.any(String) }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's refusal of a payload that does not fit the topic schema as userErrors on the payload", async () => {
    const topic = await newTopic('Schema checked');
    stack.sim.resetCounts();
    const one = await stack.gql(PUBLISH, { input: { topicId: topic.id, payload: { sku: 'A-1', qty: 'three', colour: 'red' } } });
    expect(one.eventMessagePublish).toEqual({
      messageId: null,
      userErrors: [
        { code: 'INVALID', field: ['input', 'payload'], message: 'colour is not a field of the topic schema' },
        { code: 'INVALID', field: ['input', 'payload'], message: 'qty must be an integer' },
      ],
    });
    const batch = await stack.gql(BATCH, { input: { topicId: topic.id, payloads: [{ sku: 'ok', qty: 1 }, { sku: 5 }] } });
    expect(batch.eventMessagesPublish).toEqual({
      messageIds: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'payloads', '1'], message: 'payloads[1].sku must be a string' }],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/v1/topics/:topic_id/publish': 1, 'POST /api/v1/batch/topics/:topic_id/publish': 1 });
  });

  it('answers an unknown topic with a NOT_FOUND userError', async () => {
    const missing = await stack.gql(PUBLISH, { input: { topicId: '99', payload: { a: 1 } } });
    expect(missing.eventMessagePublish).toEqual({ messageId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'topicId'], message: expect.any(String) }] });
  });

  it('never retries a publish after a 503 (a POST), while a consume, a read, is retried like a GET', async () => {
    const retrying = await startStack({ env: { WORKATO_RETRIES: '2', WORKATO_RETRY_BASE_MS: '1' } });
    try {
      retrying.sim.inject({ route: 'POST /api/v1/topics/:topic_id/publish', status: 503, times: 1 });
      const failed = await retrying.request(PUBLISH, { input: { topicId: '3802', payload: { invoice_id: 'x' } } });
      expect(failed.errors?.[0]?.extensions?.code).toMatch(/UPSTREAM/);
      expect(retrying.sim.counts()['POST /api/v1/topics/:topic_id/publish']).toBe(1);
      retrying.sim.resetCounts();
      retrying.sim.inject({ route: CONSUME, status: 503, times: 1 });
      const { eventTopic } = await retrying.gql(`{ eventTopic(id: "3801") { messages(first: 1) { nodes { messageId } } } }`);
      expect(eventTopic.messages.nodes).toEqual([{ messageId: '1000001' }]);
      expect(retrying.sim.counts()[CONSUME]).toBe(2);
    } finally {
      await retrying.close();
    }
  });
});

const FOLLOW = `subscription($topicId: ID!, $after: String) { topicMessages(topicId: $topicId, after: $after) { messageId payload } }`;

describe('topicMessages subscription (SSE)', () => {
  it('sends every message once, oldest first, then new ones as they are published, resuming after the last id', async () => {
    const topic = await newTopic('Followed');
    await stack.gql(BATCH, { input: { topicId: topic.id, payloads: [{ sku: 'S-1', qty: 1 }, { sku: 'S-2', qty: 2 }] } });
    const controller = new AbortController();
    const following = subscribe(stack, FOLLOW, { topicId: topic.id }, { stopAfter: 3, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    await stack.gql(PUBLISH, { input: { topicId: topic.id, payload: { sku: 'S-3', qty: 3 } } });
    const { events } = await following;
    controller.abort();
    const messages = events.map((e) => e.data.data.topicMessages);
    expect(messages.map((m) => m.payload.sku)).toEqual(['S-1', 'S-2', 'S-3']);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(3);
  });

  it('starts after a given message id', async () => {
    const controller = new AbortController();
    const { events } = await subscribe(stack, FOLLOW, { topicId: '3801', after: '1000002' }, { stopAfter: 1, signal: controller.signal });
    controller.abort();
    expect(events[0]!.data.data.topicMessages.messageId).toBe('1000003');
  });

  it('sends an unknown topic as a NOT_FOUND error and ends the stream', async () => {
    const { events, ended } = await subscribe(stack, FOLLOW, { topicId: '99' });
    expect(ended).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['next', 'complete']);
    expect(events[0]!.data.errors).toEqual([expect.objectContaining({ path: ['topicMessages'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

});

describe('topicMessages pacing and failures (a stack of its own: no other subscription polls there)', () => {
  let own: Stack;
  beforeAll(async () => {
    own = await startStack({ env: { EVENT_STREAM_POLL_SECONDS: '1' } });
  });
  afterAll(() => own.close());

  it('paces a quiet topic with the long poll, and stops polling once the client disconnects', async () => {
    const topic = (await own.gql(CREATE, { input: { name: 'Quiet', schema: SCHEMA } })).eventTopicCreate.eventTopic;
    const polls = () => own.sim.counts()[CONSUME] ?? 0;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    own.sim.resetCounts();
    const controller = new AbortController();
    const following = subscribe(own, FOLLOW, { topicId: topic.id }, { signal: controller.signal }).catch(() => undefined);
    await sleep(2_500);
    // One long poll of 1 s at a time: 2–3 calls in 2.5 s, not a spin.
    expect(polls()).toBeGreaterThanOrEqual(2);
    expect(polls()).toBeLessThanOrEqual(4);
    controller.abort();
    await following;
    await sleep(300);
    const stopped = polls();
    await sleep(1_500);
    expect(polls()).toBe(stopped);
  });

  it('does not spin when the long poll is off (EVENT_STREAM_POLL_SECONDS=0): one empty consume per second at most', async () => {
    const eager = await startStack({ env: { EVENT_STREAM_POLL_SECONDS: '0' } });
    try {
      const topic = (await eager.gql(CREATE, { input: { name: 'Quiet', schema: SCHEMA } })).eventTopicCreate.eventTopic;
      eager.sim.resetCounts();
      const controller = new AbortController();
      const following = subscribe(eager, FOLLOW, { topicId: topic.id }, { signal: controller.signal }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2_200));
      controller.abort();
      await following;
      expect(eager.sim.counts()[CONSUME]).toBeGreaterThanOrEqual(2);
      expect(eager.sim.counts()[CONSUME]).toBeLessThanOrEqual(3);
    } finally {
      await eager.close();
    }
  });

  it('keeps following through a temporary Workato failure, sending it as an error event', async () => {
    own.sim.inject({ route: CONSUME, status: 503, times: 1 });
    const controller = new AbortController();
    const { events } = await subscribe(own, FOLLOW, { topicId: '3801', after: '1000001' }, { stopAfter: 3, signal: controller.signal });
    controller.abort();
    expect(events[0]!.data).toMatchObject({ errors: [{ extensions: { code: expect.stringMatching(/^UPSTREAM/) } }] });
    expect(events.slice(1).map((e) => e.data.data.topicMessages.messageId)).toEqual(['1000002', '1000003']);
  });
});

describe('topicMessages when the client goes away during a long poll', () => {
  it('aborts the consume call in flight at once instead of waiting for Workato to answer', async () => {
    const slow = await startStack({ env: { EVENT_STREAM_POLL_SECONDS: '20' } });
    try {
      const { eventTopicCreate } = await slow.gql(CREATE, { input: { name: 'Held', schema: SCHEMA } });
      const aborted = async () => {
        const text = await (await fetch(`${slow.gateway.origin}/metrics`)).text();
        return /workato_upstream_request_duration_seconds_count\{family="event_stream_messages",method="POST",status="network"\} 1/.test(text);
      };
      const controller = new AbortController();
      const following = subscribe(slow, FOLLOW, { topicId: eventTopicCreate.eventTopic.id }, { signal: controller.signal }).catch(() => undefined);
      for (let i = 0; i < 50 && (slow.sim.counts()[CONSUME] ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(slow.sim.counts()[CONSUME]).toBe(1);
      expect(await aborted()).toBe(false);
      controller.abort();
      await following;
      let seen = false;
      for (let i = 0; i < 50 && !seen; i++) {
        seen = await aborted();
        if (!seen) await new Promise((r) => setTimeout(r, 20));
      }
      // Held for 20 s by the simulator, the call ends (aborted) within a second of the disconnect.
      expect(seen).toBe(true);
      expect(slow.sim.counts()[CONSUME]).toBe(1);
    } finally {
      await slow.close();
    }
  });
});

describe('EventTopic.messages with the response cache on', () => {
  it('is never served from the cache: each query reads the stream anew, while topics alone are cached', async () => {
    const cached = await startStack({ env: { RESPONSE_CACHE: 'memory' } });
    try {
      const query = `{ eventTopic(id: "3802") { name messages { nodes { messageId } } } }`;
      cached.sim.resetCounts();
      const before = await cached.gql(query);
      expect(before.eventTopic.messages.nodes).toEqual([]);
      await cached.gql(PUBLISH, { input: { topicId: '3802', payload: { invoice_id: 'INV-1', amount_cents: 5 } } });
      const after = await cached.gql(query);
      expect(after.eventTopic.messages.nodes).toHaveLength(1);
      expect(cached.sim.counts()[CONSUME]).toBe(2);
      cached.sim.resetCounts();
      await cached.gql(`{ eventTopics { nodes { name } } }`);
      await cached.gql(`{ eventTopics { nodes { name } } }`);
      expect(cached.sim.counts()).toEqual({ [LIST]: 1 });
    } finally {
      await cached.close();
    }
  });
});

describe('EVENT_STREAM_POLL_SECONDS', () => {
  it('defaults to 25 s, or to 5 s under a shorter WORKATO_TIMEOUT_MS, and takes 0–60', () => {
    expect(loadConfig({}).eventStreamPollSecs).toBe(25);
    expect(loadConfig({ WORKATO_TIMEOUT_MS: '12000' }).eventStreamPollSecs).toBe(7);
    expect(loadConfig({ EVENT_STREAM_POLL_SECONDS: '0' }).eventStreamPollSecs).toBe(0);
    expect(loadConfig({ EVENT_STREAM_POLL_SECONDS: '60', WORKATO_TIMEOUT_MS: '65000' }).eventStreamPollSecs).toBe(60);
  });

  it.each([['61', undefined], ['40', '40000'], ['ten', undefined]])('refuses %s (WORKATO_TIMEOUT_MS %s), naming the variable', (secs, timeout) => {
    const env = { EVENT_STREAM_POLL_SECONDS: secs, ...(timeout ? { WORKATO_TIMEOUT_MS: timeout } : {}) };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/^EVENT_STREAM_POLL_SECONDS:/);
  });
});

describe('the event-streams host', () => {
  it('sends message calls to WORKATO_EVENT_STREAMS_URL with the same token, and topic calls to the Developer API', async () => {
    const workspaces = { 'tok-host': { recipes: 1 } };
    const host = await startSimulator({ quiet: true, workspaces });
    const split = await startStack({ simulator: { workspaces }, env: { WORKATO_EVENT_STREAMS_URL: host.url } });
    try {
      const { eventTopic } = await split.gql(`{ eventTopic(id: "3801") { name messages { nodes { messageId } } } }`);
      expect(eventTopic.messages.nodes.map((m: any) => m.messageId)).toEqual(['1000001', '1000002', '1000003']);
      const published = await split.gql(PUBLISH, { input: { topicId: '3801', payload: { order_id: 'SO-1' } } });
      expect(published.eventMessagePublish.userErrors).toEqual([]);
      expect(split.sim.counts()).toEqual({ 'GET /api/event_streams/topics/:topic_id': 1 });
      expect(host.counts()).toEqual({ [CONSUME]: 1, 'POST /api/v1/topics/:topic_id/publish': 1 });
    } finally {
      await split.close();
      await host.close();
    }
  });
});

describe("an Embedded customer's topics", () => {
  it('are changed through their global ids, and their messages are refused with BAD_USER_INPUT', async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { eventTopics { nodes { id workatoId } } } }`);
    const { id, workatoId } = managedUser.eventTopics.nodes[0];
    stack.sim.resetCounts();
    const { eventTopicUpdate } = await stack.gql(`mutation($id: ID!) { eventTopicUpdate(input: { id: $id, description: "Customer's" }) {
      eventTopic { id description } userErrors { code } } }`, { id });
    expect(eventTopicUpdate).toEqual({ eventTopic: { id, description: "Customer's" }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/managed_users/:managed_user_id/event_streams/topics/:topic_id': 1 });
    const truth = await rest(stack.sim, `/managed_users/19029/event_streams/topics/${workatoId}`);
    expect(truth.data.description).toBe("Customer's");
    const { events, ended } = await subscribe(stack, FOLLOW, { topicId: id });
    expect(ended).toBe(true);
    expect(events[0]!.data.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const publish = await stack.request(PUBLISH, { input: { topicId: id, payload: { a: 1 } } });
    expect(publish.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
