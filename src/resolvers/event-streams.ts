/**
 * Event streams (REFERENCE §26): topics in the caller's workspace and, with the same types, in an Embedded customer's
 * (`ManagedUser.eventTopics`); one batch of a topic's messages (`EventTopic.messages`); and the `topicMessages`
 * subscription, which follows a topic with Workato's long poll on the event-streams host.
 */
import { Repeater } from 'graphql-yoga';
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { NotFoundError } from '../loaders/errors.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { consumeEventMessages } from '../workato/event-streams.js';
import type { WorkatoApi } from '../workato/http.js';
import { EVENT_STREAMS, schemaFields } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { prop, typed, workatoId } from './helpers.js';
import { settledById } from './lookahead.js';
import { customerKey, customerLoaders } from './managed-users.js';
import type { EventMessageMapper, EventTopicMapper } from './mappers.js';
import { pause, retryAfterMs } from './polling.js';
import { decodeCursor, globalIdOf, makePage, pageOfList, pageSize, toGlobalId, WORKATO_INT_ID, workatoIntKey } from './relay.js';

/** The topic list, filtered by name in memory as Workato does (a case-sensitive substring), paged by id. */
async function topicPage(loaders: ScopedLoaders, args: { name?: string | null; first?: number | null; after?: string | null }) {
  decodeCursor(args.after, 'id');
  const first = pageSize(args.first);
  let all = await loaders.eventStreams.eventTopics();
  if (args.name != null) all = all.filter((t) => t.name.includes(args.name!));
  return { ...pageOfList(all, first, args.after), totalCount: all.length };
}

/** Topic fields whose call needs only the topic id and answers 404 for an unknown topic: its messages (consume). */
const TOPIC_ID_FINDS: ReadonlySet<string> = new Set(['messages']);


/** The event-streams host for the caller's own workspace; a customer's topic has no public-API variant [inferred]. */
export function messagesApi(ctx: GatewayContext, scope: string | undefined, argument: string): WorkatoApi {
  if (scope !== undefined) {
    throw badUserInput(`\`${argument}\` is a topic of an Embedded customer: its messages are read and published with the customer's own token.`, argument);
  }
  return ctx.api.onHost(ctx.hosts.eventStreams);
}

/** `after` as a message id: a cursor of `EventTopic.messages`, or a `messageId` as is. */
function messageOffset(after: string | null | undefined): string | undefined {
  if (after == null) return undefined;
  try {
    return decodeCursor(after, 'msg')!.m;
  } catch {
    if (after.trim() === '') throw badUserInput('`after` must be a message id or cursor; got an empty string.', 'after');
    return after;
  }
}

/** The consume body's offset: `after_message_id` or `since_time`, never both (Workato refuses both). */
function offsetOf(after: string | null | undefined, since: string | null | undefined): Workato.EventConsumeBody {
  const id = messageOffset(after);
  if (id !== undefined && since != null) throw badUserInput('Give `after` or `since`, not both.', 'since');
  return id !== undefined ? { after_message_id: id } : since != null ? { since_time: since } : {};
}

/** One emission of `topicMessages`: a message, or why a poll failed. */
type TopicEvent = { message: EventMessageMapper } | { error: unknown };

/** Pause after a failed poll that is worth repeating (rate limit, Workato unavailable). */
const RETRY_MS = 2_000;
/** Consume calls of one subscription are at least this far apart when they come back empty (60 / min quota). */
const MIN_QUIET_POLL_MS = 1_000;

/**
 * Long-polls the topic until the client goes away: each answer's messages are sent one by one, and the next poll
 * starts after the last of them. Yoga returns the iterator on disconnect, which stops the repeater, aborts the poll
 * in flight and cuts any pause short.
 */
function followTopic(ctx: GatewayContext, api: WorkatoApi, topicId: number, start: Workato.EventConsumeBody): AsyncIterable<TopicEvent> {
  return new Repeater<TopicEvent>(async (push, stop) => {
    const controller = new AbortController();
    let gone = false;
    void stop.then(() => {
      gone = true;
      controller.abort();
    });
    let offset = start;
    const longPoll = ctx.eventStreamPollSecs;
    while (!gone) {
      const started = Date.now();
      let wait: number | undefined = 0;
      try {
        const body = { ...offset, batch_size: EVENT_STREAMS.maxConsumeBatch, timeout_secs: longPoll };
        const batch = await consumeEventMessages(api, topicId, body, controller.signal);
        for (const message of batch) {
          if (gone) break;
          await push({ message: { ...message, topicId } });
        }
        const last = batch.at(-1);
        if (last) offset = { after_message_id: String(last.message_id) };
        // An empty answer costs a call too: never ask again sooner than the long poll (or 1 s) after the last one.
        else wait = Math.max(0, Math.max(longPoll * 1000, MIN_QUIET_POLL_MS) - (Date.now() - started));
      } catch (error) {
        if (gone) break;
        await push({ error });
        wait = retryAfterMs(error, RETRY_MS);
      }
      if (wait === undefined) break;
      if (wait > 0) await pause(wait, stop);
    }
    stop();
  });
}

/** A message's publishing time in whole milliseconds (floored, so a read `since` it includes it); 0 when unknown. */
function publishedMs(m: Workato.EventMessage): number {
  const ms = m.time ? Date.parse(m.time) : Number.NaN;
  return Number.isNaN(ms) ? 0 : Math.floor(ms);
}

/**
 * node(id) of a message: Workato has no get-by-id, so read the topic from the message's publishing time (one consume,
 * up to 50 messages published in that same millisecond or after) and pick it out; NOT_FOUND once it has expired.
 */
export const eventMessageNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [topic, messageId, ms] = parsed.keys;
  const topicId = Number(topic);
  if (!Number.isSafeInteger(topicId) || !messageId || !WORKATO_INT_ID.test(ms ?? '')) throw badUserInput(`"${id()}" is not an event message id this API issued.`, 'id');
  const since = Number(ms) > 0 ? { since_time: new Date(Number(ms)).toISOString() } : {};
  const batch = await consumeEventMessages(messagesApi(ctx, parsed.scope, 'id'), topicId, { ...since, batch_size: EVENT_STREAMS.maxConsumeBatch, timeout_secs: 0 });
  const found = batch.find((m) => String(m.message_id) === messageId);
  if (!found) throw new NotFoundError('EventMessage', messageId);
  return typed({ ...found, topicId }, 'EventMessage');
};

export const eventTopicNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const key = Number(parsed.keys[0]);
  if (!Number.isSafeInteger(key)) throw badUserInput(`"${id()}" is not an event topic id this API issued.`, 'id');
  return typed(await ctx.loaders.scope(parsed.scope).eventStreams.eventTopicById.load(key), 'EventTopic');
};

export const eventStreamResolvers: Resolvers = {
  Query: {
    eventTopics: (_root, args, ctx) => topicPage(ctx.loaders.scope(), args),
    eventTopic: (_root, args, ctx, info) => {
      const { id, scope } = workatoIntKey('EventTopic', args.id, 'id');
      // `{ id messages }` needs only the topic id: the consume call (§26) answers 404 for an unknown topic, so the
      // topic itself is not read. A customer's topic has no messages here (messagesApi): it is read as before.
      if (scope === undefined && settledById(info, TOPIC_ID_FINDS)) return tagOne({ id } as EventTopicMapper, scope);
      return ctx.loaders.scope(scope).eventStreams.eventTopicById.load(id);
    },
  },
  ManagedUser: {
    eventTopics: (u, args, ctx) => topicPage(customerLoaders(ctx, u), args),
    eventTopic: (u, args, ctx) => customerLoaders(ctx, u).eventStreams.eventTopicById.load(customerKey('EventTopic', args.id, 'id', u)),
  },
  Subscription: {
    topicMessages: {
      subscribe: (_root, args, ctx) => {
        const { id, scope } = workatoIntKey('EventTopic', args.topicId, 'topicId');
        return followTopic(ctx, messagesApi(ctx, scope, 'topicId'), id, offsetOf(args.after, args.since));
      },
      // A failed poll becomes a GraphQL error in the stream (coded by maskError like any other).
      resolve: (event: TopicEvent) => {
        if ('error' in event) throw event.error;
        return event.message;
      },
    },
  },
  EventTopic: {
    id: (t) => globalIdOf('EventTopic', t, t.id),
    workatoId,
    description: prop('description'),
    schema: (t: EventTopicMapper) => schemaFields(t.schema ?? []),
    schemaJson: prop('schema'),
    retentionSeconds: (t) => (t.retention == null ? null : Math.round(Number(t.retention))),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    messages: async (t, args, ctx) => {
      const first = pageSize(args.first, EVENT_STREAMS.maxConsumeBatch, EVENT_STREAMS.maxConsumeBatch);
      const body = { ...offsetOf(args.after, args.since), batch_size: first, timeout_secs: 0 };
      const read = await consumeEventMessages(messagesApi(ctx, scopeOf(t), 'EventTopic.messages'), t.id, body);
      const batch = read.map((m): EventMessageMapper => ({ ...m, topicId: t.id }));
      // Workato counts nothing: a full batch may be followed by more (the short-page rule, §6).
      return makePage(batch, (m) => ({ k: 'msg', m: String(m.message_id) }), batch.length === first, body.after_message_id !== undefined || body.since_time !== undefined);
    },
  },
  EventMessage: {
    id: (m) => toGlobalId('EventMessage', [m.topicId, String(m.message_id), publishedMs(m)]),
    messageId: (m) => String(m.message_id),
    topic: (m, _args, ctx) => ctx.loaders.scope().eventStreams.eventTopicById.load(m.topicId),
    payload: prop('payload'),
    publishedAt: prop('time'),
  },
};
