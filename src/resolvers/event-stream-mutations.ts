/**
 * Event-stream writes (REFERENCE §26): topics create/update/purge/delete on the Developer API host (a customer's
 * too), and publishing messages on the event-streams host. The documented limits (1 MB per payload, 100 per batch,
 * 90 days of retention) are checked before any call. Refusals (400/404/409/422, 200 `success:false`) become
 * userErrors; publishing is a POST and never retried.
 */
import type { Resolvers } from '../generated/graphql.js';
import { type Scoped, tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import {
  createEventTopic,
  deleteEventTopic,
  publishEventMessage,
  publishEventMessages,
  purgeEventTopic,
  updateEventTopic,
} from '../workato/event-streams.js';
import { EVENT_STREAMS, objectWithId } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { messagesApi } from './event-streams.js';
import { customerId } from './managed-user-mutations.js';
import type { EventTopicMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoIntKey } from './relay.js';
import { given } from './helpers.js';

interface TopicFields {
  name?: string | null;
  schema?: unknown;
  retentionSeconds?: number | null;
}

/** What Workato documents about a topic's fields, checked before a call; `creating` requires name and schema. */
function topicErrors(input: TopicFields, creating: boolean): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if (input.name == null ? creating : input.name.trim() === '') errors.push(inputError('INVALID', "name can't be blank", ['input', 'name']));
  if (input.schema == null ? creating : !Array.isArray(input.schema) || input.schema.length === 0 || input.schema.some((f) => !f || typeof f !== 'object' || Array.isArray(f))) {
    errors.push(inputError('INVALID', 'schema must be a non-empty list of field objects, such as [{"name": "order_id", "type": "string"}]', ['input', 'schema']));
  }
  const r = input.retentionSeconds;
  if (r != null && (r < 1 || r > EVENT_STREAMS.maxRetentionSecs)) {
    errors.push(inputError('INVALID', `retentionSeconds must be between 1 and ${EVENT_STREAMS.maxRetentionSecs} (90 days); got ${r}`, ['input', 'retentionSeconds']));
  }
  return errors;
}

const topicBody = (input: TopicFields & { description?: string | null }): Workato.EventTopicWrite =>
  given({ name: input.name?.trim(), schema: input.schema as unknown[] | null | undefined, description: input.description, retention: input.retentionSeconds });

/** A write whose 2xx body may still be a refusal (§4.3). */
async function write<T>(run: () => Promise<T>, notFoundField?: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(run, notFoundField);
  if (!outcome.ok) return outcome;
  const refusals = refusalErrors(outcome.value as Workato.SuccessResponse | undefined);
  return refusals.length ? refused(refusals) : outcome;
}

/** The topic a mutation changes, with the workspace its global id names. */
function target(ctx: GatewayContext, value: string) {
  const key = workatoIntKey('EventTopic', value, 'input.id');
  return { ...key, loaders: ctx.loaders.scope(key.scope) };
}

/** After a write: forget the request's topics, keep Workato's answer when it is the topic, and read it back. */
async function readBack(ctx: GatewayContext, value: string, run: (t: ReturnType<typeof target>) => Promise<unknown>): Promise<Outcome<Scoped<Workato.EventTopic>>> {
  const t = target(ctx, value);
  const outcome = await write(() => run(t));
  if (!outcome.ok) return outcome;
  const { eventStreams } = t.loaders;
  eventStreams.forgetEventTopics();
  const answered = objectWithId<Workato.EventTopic>(outcome.value);
  if (answered) eventStreams.eventTopicById.prime(t.id, tagOne(answered, t.scope));
  return { ok: true, value: await eventStreams.eventTopicById.load(t.id) };
}

/** A payload Workato can take: a JSON object of at most 1 MB. */
function payloadErrors(value: unknown, field: string[]): UserErrorValue[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [inputError('INVALID', 'A payload must be a JSON object whose keys are the topic schema’s fields.', field)];
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > EVENT_STREAMS.maxPayloadBytes) {
    return [inputError('PAYLOAD_TOO_LARGE', `The payload is ${bytes} bytes; Workato takes at most ${EVENT_STREAMS.maxPayloadBytes} (1 MB).`, field)];
  }
  return [];
}

/** The message host and topic of a publish: the token's own workspace only. */
function publishTarget(ctx: GatewayContext, topicId: string) {
  const { id, scope } = workatoIntKey('EventTopic', topicId, 'input.topicId');
  return { id, api: messagesApi(ctx, scope, 'input.topicId') };
}

/**
 * §26: a payload that does not fit the topic's schema is refused with keys that are paths inside the payload
 * (`total_cents`, `address.city`; in a batch `payloads[1].total_cents`) [inferred, EVENT_STREAMS]: the userError points
 * at the payload (`input.payload`, or `input.payloads.<i>`), its message names the path.
 */
const PAYLOAD_FIELD = (): string[] => ['input', 'payload'];
const BATCH_FIELD = (wire: string): string[] => {
  const at = EVENT_STREAMS.batchErrorKey.exec(wire);
  return at ? ['input', 'payloads', at[1]!] : ['input', 'payloads'];
};

const topic = (outcome: Outcome<EventTopicMapper>) => payload<'eventTopic', EventTopicMapper>('eventTopic', outcome);
const TOPIC_ID = ['input', 'topicId'];
const published = (outcome: Outcome<string | null>) => payload<'messageId', string | null>('messageId', outcome);
const batch = (outcome: Outcome<Array<string | null>>) => payload<'messageIds', Array<string | null>>('messageIds', outcome);

export const eventStreamMutationResolvers: Resolvers = {
  Mutation: {
    eventTopicCreate: async (_root, { input }, ctx) => {
      const invalid = topicErrors(input, true);
      if (invalid.length) return topic(refused(invalid));
      let scope: string | undefined;
      if (input.managedUser != null) {
        const customer = await customerId(ctx, input.managedUser, 'input.managedUser');
        if (!customer.ok) return topic(customer);
        scope = String(customer.value);
      }
      const { api, eventStreams } = ctx.loaders.scope(scope);
      const outcome = await write(() => createEventTopic(api, topicBody(input)));
      if (!outcome.ok) return topic(outcome);
      eventStreams.forgetEventTopics();
      const created = tagOne(outcome.value, scope);
      eventStreams.eventTopicById.prime(created.id, created);
      return topic({ ok: true, value: created });
    },
    eventTopicUpdate: async (_root, { input }, ctx) => {
      const invalid = topicErrors(input, false);
      if (invalid.length) return topic(refused(invalid));
      return topic(await readBack(ctx, input.id, (t) => updateEventTopic(t.loaders.api, t.id, topicBody(input))));
    },
    eventTopicPurge: async (_root, { input }, ctx) => topic(await readBack(ctx, input.id, (t) => purgeEventTopic(t.loaders.api, t.id))),
    eventTopicDelete: async (_root, { input }, ctx) => {
      const t = target(ctx, input.id);
      const outcome = await write(() => deleteEventTopic(t.loaders.api, t.id));
      if (outcome.ok) t.loaders.eventStreams.forgetEventTopics();
      return payload<'deletedEventTopicId', string>('deletedEventTopicId', outcome.ok ? { ok: true, value: toGlobalId('EventTopic', [t.id], t.scope) } : outcome);
    },
    eventMessagePublish: async (_root, { input }, ctx) => {
      const { id, api } = publishTarget(ctx, input.topicId);
      const invalid = payloadErrors(input.payload, ['input', 'payload']);
      if (invalid.length) return published(refused(invalid));
      const outcome = await attempt(() => publishEventMessage(api, id, input.payload), TOPIC_ID, PAYLOAD_FIELD);
      if (outcome.ok && outcome.value === null) return published(refused([inputError('REFUSED', 'Workato answered without a message id.')]));
      return published(outcome);
    },
    eventMessagesPublish: async (_root, { input }, ctx) => {
      const { id, api } = publishTarget(ctx, input.topicId);
      const { payloads } = input;
      if (payloads.length === 0) return batch(refused([inputError('INVALID', 'Give at least one payload.', ['input', 'payloads'])]));
      if (payloads.length > EVENT_STREAMS.maxBatch) {
        return batch(refused([inputError('TOO_MANY_MESSAGES', `${payloads.length} payloads; Workato publishes at most ${EVENT_STREAMS.maxBatch} per call.`, ['input', 'payloads'])]));
      }
      const invalid = payloads.flatMap((p, i) => payloadErrors(p, ['input', 'payloads', String(i)]));
      if (invalid.length) return batch(refused(invalid));
      const outcome = await attempt(() => publishEventMessages(api, id, payloads), TOPIC_ID, BATCH_FIELD);
      if (!outcome.ok) return batch(outcome);
      const missing = outcome.value.ids.flatMap((m, i) => (m === null ? [inputError('REFUSED', `Workato did not publish payload ${i}.`, ['input', 'payloads', String(i)])] : []));
      return { messageIds: outcome.value.ids, userErrors: missing };
    },
  },
};
