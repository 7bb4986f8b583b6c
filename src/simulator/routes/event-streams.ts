/**
 * REFERENCE §26: event streams. Topics are plain CRUD through crud.ts (Embedded under /api/managed_users/:id, the OEM
 * docs); purge and the message routes are hand-written over the same tables. The message routes are served on the
 * simulator's own origin, which in demo and test mode is the event-streams host too. Consume really long-polls: it
 * holds the request until a message of the topic is published or `timeout_secs` pass. Choices: INFERRED_EVENT_STREAMS.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, HttpError, isObject, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_EVENT_STREAMS as ES } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, HOUR, MINUTE, SIM_NOW } from '../time.js';
import { blank, bodyOf, checkName, Validation } from '../writes.js';

/** A stored message: the wire fields, with the id as a number (ids grow per workspace, so order is id order). */
export interface MessageRow {
  id: number;
  topicId: number;
  payload: Record<string, unknown>;
  time: number;
}

const field = (name: string, type: string) => ({ name, label: name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), type, control_type: type === 'integer' ? 'integer' : 'text' });
const SEED = [
  { name: 'Order placed', description: 'Orders accepted by the web shop, published by the checkout recipe.', schema: [field('order_id', 'string'), field('customer_email', 'string'), field('total_cents', 'integer')] },
  { name: 'Invoice paid', description: 'NetSuite invoices marked paid.', schema: [field('invoice_id', 'string'), field('amount_cents', 'integer')] },
  { name: 'Employee onboarded', description: null, schema: [field('employee_id', 'string'), field('start_date', 'string')] },
];

/** 2–3 topics per workspace, ids `3801 + index × 1000`. */
export const EVENT_TOPICS: TableSpec<Workato.EventTopic> = {
  name: 'event_topics',
  idOf: (t) => t.id,
  seed: (store) =>
    SEED.slice(0, 2 + (store.index % 2)).map((t, i): Workato.EventTopic => ({
      id: 3801 + store.index * 1000 + i,
      name: t.name,
      description: t.description,
      schema: t.schema,
      retention: i === 0 ? ES.defaultRetention : 3 * ES.defaultRetention,
      created_at: formatTime(SIM_NOW - (200 - 30 * i - (store.index % 40)) * DAY),
      updated_at: formatTime(SIM_NOW - (20 - 3 * i) * DAY),
    })),
};

/** Three messages on each workspace's first topic, ids `(index + 1) × 1,000,000 + n`; later ids grow from there. */
export const EVENT_MESSAGES: TableSpec<MessageRow> = {
  name: 'event_messages',
  idOf: (m) => m.id,
  seed: (store) => {
    const topic = EVENT_TOPICS.seed!(store)[0]!;
    return [0, 1, 2].map((n) => ({
      id: (store.index + 1) * 1_000_000 + n + 1,
      topicId: topic.id,
      payload: { order_id: `SO-${10_400 + store.index * 100 + n}`, customer_email: `buyer${n + 1}@northwind.example`, total_cents: 4_999 + 1_250 * n },
      time: SIM_NOW - 2 * HOUR + n * 7 * MINUTE,
    }));
  },
};

/** Consumers waiting on a workspace's topics; a publish wakes them all and each checks its own topic again. */
const waiting = new WeakMap<WorkspaceStore, Set<() => void>>();

function wake(store: WorkspaceStore): void {
  for (const resume of waiting.get(store) ?? []) resume();
}

/** Resolves when something is published in this workspace or after `ms`. */
function nextPublish(store: WorkspaceStore, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const set = waiting.get(store) ?? new Set();
    waiting.set(store, set);
    const done = () => {
      clearTimeout(timer);
      set.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    set.add(done);
  });
}

function applyTopic(topic: Workato.EventTopic, body: Record<string, unknown>, store: WorkspaceStore, creating: boolean): void {
  const v = new Validation();
  checkName(v, body, creating, ES.maxNameLength, (name) => [...rowsOf(store, EVENT_TOPICS).values()].some((t) => t.id !== topic.id && t.name === name));
  if (creating || 'schema' in body) {
    const schema = body.schema;
    if (!Array.isArray(schema) || schema.length === 0) v.add('schema', "can't be blank");
    else if (schema.some((f) => !f || typeof f !== 'object' || blank((f as { name?: unknown }).name))) v.add('schema', 'is invalid');
  }
  if ('retention' in body && body.retention !== null) {
    const r = body.retention;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > ES.maxRetention) v.add('retention', `must be between 1 and ${ES.maxRetention}`);
  }
  if (creating && rowsOf(store, EVENT_TOPICS).size >= ES.maxTopics) v.add('base', `Maximum number of topics (${ES.maxTopics}) reached`);
  v.check();
  if (typeof body.name === 'string') topic.name = body.name.trim();
  if (Array.isArray(body.schema)) topic.schema = body.schema as Workato.SchemaField[];
  if ('description' in body) topic.description = typeof body.description === 'string' ? body.description : null;
  if (typeof body.retention === 'number') topic.retention = body.retention;
}

const dropMessages = (store: WorkspaceStore, topicId: number) => {
  const messages = rowsOf(store, EVENT_MESSAGES);
  for (const [id, m] of messages) if (m.topicId === topicId) messages.delete(id);
};

const data = (row: unknown) => ({ data: row });

const TOPICS: CrudSpec<Workato.EventTopic> = {
  table: EVENT_TOPICS,
  path: '/api/event_streams/topics',
  param: 'topic_id',
  embedded: 'managed_users',
  list: {
    paging: false,
    filter: (t, ctx) => {
      const name = ctx.query.string('name');
      return name === undefined || t.name.includes(name);
    },
    order: (a, b) => a.id - b.id,
    envelope: data,
  },
  get: { envelope: data },
  create: {
    build: (body, c) => {
      const now = c.now();
      const topic: Workato.EventTopic = { id: 0, name: '', description: null, schema: [], retention: ES.defaultRetention, created_at: now, updated_at: now };
      applyTopic(topic, body, c.store, true);
      topic.id = c.nextId(); // only once valid: a refused create uses no id
      return topic;
    },
    envelope: data,
  },
  update: {
    apply: (topic, body, c) => {
      applyTopic(topic, body, c.store, false);
      topic.updated_at = c.now();
    },
    envelope: data,
  },
  remove: { check: (topic, c) => dropMessages(c.store, topic.id) },
  // §26: the list sends each topic's schema only with `include_schema=true`.
  wire: (topic, ctx) => {
    const listing = ctx.method === 'GET' && ctx.params.topic_id === undefined;
    if (!listing || ctx.query.bool('include_schema')) return { ...topic };
    const { schema: _schema, ...rest } = topic;
    return rest;
  },
};

/** The topic of a message route (`:topic_id`); 404 `{"message": "Not found"}` for an unknown one. */
const topicOf = (ctx: Parameters<RouteDef['handler']>[0]) => findRow(TOPICS, ctx);

const wireMessage = (m: MessageRow): Workato.EventMessage => ({ message_id: String(m.id), payload: m.payload, time: formatTime(m.time) });

/** A payload as published: a JSON object within 1 MB, else the 400 Workato answers. */
function checkPayload(payload: unknown, where: string): Record<string, unknown> {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw badRequest(`${where}: ${ES.payloadNotObject}`);
  if (Buffer.byteLength(JSON.stringify(payload)) > ES.maxPayloadBytes) throw new HttpError(413, { message: `${where}: ${ES.payloadTooLarge}` });
  return payload as Record<string, unknown>;
}


/** Why `value` is not of the schema type `type` (the SDK's default is `string`); undefined when it is. Unknown types pass. */
function typeProblem(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'string': return typeof value === 'string' ? undefined : ES.typeMessages.string;
    case 'integer': return typeof value === 'number' && Number.isInteger(value) ? undefined : ES.typeMessages.integer;
    case 'number': return typeof value === 'number' && Number.isFinite(value) ? undefined : ES.typeMessages.number;
    case 'boolean': return typeof value === 'boolean' ? undefined : ES.typeMessages.boolean;
    case 'date':
    case 'date_time':
    case 'timestamp': return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : ES.typeMessages.date;
    case 'object': return isObject(value) ? undefined : ES.typeMessages.object;
    case 'array': return Array.isArray(value) ? undefined : ES.typeMessages.array;
    default: return undefined;
  }
}

/**
 * §26 "the message payload (must fit the topic schema)" [doc]: every key a field of the schema, every value (null
 * aside) of its field's type, nested `properties` of objects and arrays of objects too. Problems are collected
 * per path (`total_cents`, `address.city`, `lines[0].sku`) [inferred: what Workato checks and how it answers].
 */
function schemaErrors(fields: readonly Workato.SchemaField[], payload: Record<string, unknown>, prefix: string, v: Validation): void {
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const key of Object.keys(payload)) if (!byName.has(key)) v.add(prefix + key, ES.unknownField);
  for (const f of fields) {
    const value = payload[f.name];
    if (value === undefined || value === null) continue;
    const at = prefix + f.name;
    const problem = typeProblem(f.type ?? 'string', value);
    if (problem) {
      v.add(at, problem);
    } else if (f.type === 'object' && f.properties?.length) {
      schemaErrors(f.properties, value as Record<string, unknown>, `${at}.`, v);
    } else if (f.type === 'array') {
      (value as unknown[]).forEach((item, i) => {
        if (item === null) return;
        const of = f.of ?? (f.properties?.length ? 'object' : undefined);
        const itemProblem = of === undefined ? undefined : typeProblem(of, item);
        if (itemProblem) v.add(`${at}[${i}]`, itemProblem);
        else if (of === 'object' && f.properties?.length) schemaErrors(f.properties, item as Record<string, unknown>, `${at}[${i}].`, v);
      });
    }
  }
}

/** Refuses (400, §4.2 validation shape [inferred]) payloads that do not fit the schema; `where` prefixes each key in a batch. */
function checkSchema(topic: Workato.EventTopic, payloads: ReadonlyArray<Record<string, unknown>>, where?: (i: number) => string): void {
  const v = new Validation(ES.validationMessage);
  payloads.forEach((p, i) => schemaErrors(topic.schema ?? [], p, where ? `${where(i)}.` : '', v));
  v.check();
}

/** Stores a payload that fits the schema; a schema field it leaves out is null. */
function publish(store: WorkspaceStore, topic: Workato.EventTopic, payload: Record<string, unknown>): MessageRow {
  const shaped = Object.fromEntries((topic.schema ?? []).map((f) => [f.name, payload[f.name] ?? null]));
  const row: MessageRow = { id: store.allocateRowId(EVENT_MESSAGES), topicId: topic.id, payload: shaped, time: Date.now() };
  rowsOf(store, EVENT_MESSAGES).set(row.id, row);
  return row;
}

function intIn(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badRequest(`${name} must be an integer between ${min} and ${max}`);
  return value;
}

const messageRoutes: RouteDef[] = [
  {
    method: 'PUT',
    path: '/api/event_streams/topics/:topic_id/purge',
    embedded: 'managed_users',
    handler: (ctx) => {
      dropMessages(ctx.store, topicOf(ctx).id);
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/topics/:topic_id/consume',
    handler: async (ctx) => {
      const topic = topicOf(ctx);
      const body = await bodyOf(ctx);
      const batch = intIn(body.batch_size, 'batch_size', 1, ES.maxConsumeBatch) ?? ES.maxConsumeBatch;
      const timeout = intIn(body.timeout_secs, 'timeout_secs', 0, ES.maxTimeoutSecs) ?? 0;
      if (body.after_message_id != null && body.since_time != null) throw badRequest(ES.afterAndSince);
      let after = -1;
      if (body.after_message_id != null) {
        if (!/^\d+$/.test(String(body.after_message_id))) throw badRequest(ES.badMessageId);
        after = Number(body.after_message_id);
      }
      const since = body.since_time != null ? Date.parse(String(body.since_time)) : undefined;
      if (Number.isNaN(since)) throw badRequest('since_time must be an RFC 3339 time');
      const read = () =>
        [...rowsOf(ctx.store, EVENT_MESSAGES).values()]
          .filter((m) => m.topicId === topic.id && m.id > after && (since === undefined || m.time >= since))
          .sort((a, b) => a.id - b.id)
          .slice(0, batch);
      const deadline = Date.now() + timeout * 1000;
      let found = read();
      while (found.length === 0 && Date.now() < deadline) {
        await nextPublish(ctx.store, deadline - Date.now());
        found = read();
      }
      return ok({ messages: found.map(wireMessage) });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/topics/:topic_id/publish',
    handler: async (ctx) => {
      const topic = topicOf(ctx);
      const payload = checkPayload(await ctx.readJson(), 'payload');
      checkSchema(topic, [payload]);
      const row = publish(ctx.store, topic, payload);
      wake(ctx.store);
      return ok({ message_id: String(row.id) });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/batch/topics/:topic_id/publish',
    handler: async (ctx) => {
      const topic = topicOf(ctx);
      const { payloads } = await bodyOf(ctx);
      if (!Array.isArray(payloads) || payloads.length === 0) throw badRequest(ES.payloadsMissing);
      if (payloads.length > ES.maxBatch) throw badRequest(`payloads: at most ${ES.maxBatch} messages per batch`);
      const checked = payloads.map((p, i) => checkPayload(p, `payloads[${i}]`));
      checkSchema(topic, checked, (i) => `payloads[${i}]`); // any misfit refuses the whole batch
      const ids = checked.map((p) => publish(ctx.store, topic, p).id);
      wake(ctx.store);
      return ok({ is_partial_error: false, message_ids: Object.fromEntries(ids.map((id, i) => [String(i), { message_id: String(id), result: 'success' }])) });
    },
  },
];

export const eventStreamRoutes: RouteDef[] = [...crudRoutes(TOPICS), ...messageRoutes];
