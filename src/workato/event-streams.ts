/**
 * REFERENCE §26: event streams. Topics live on the Developer API host (an Embedded customer's under
 * `/managed_users/<id>/event_streams/topics`, the OEM docs); messages on the data center's event-streams host
 * (`api.onHost(hosts.eventStreams)`: same token, quota family `event_stream_messages`, 60 / min). Envelopes:
 * EVENT_STREAMS in inferred.ts.
 */
import type { WorkatoApi } from './http.js';
import { dataObject, EVENT_STREAMS, eventBatchIdsOf, eventMessageIdOf, eventMessagesOf, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

const TOPICS = '/event_streams/topics';

/** GET /event_streams/topics (with schemas) — every topic at once (no paging documented; at most 20 exist). */
export async function listEventTopics(api: WorkatoApi): Promise<Workato.EventTopic[]> {
  return unwrapList<Workato.EventTopic>(await api.get(TOPICS, EVENT_STREAMS.listQuery));
}

/** GET /event_streams/topics/:topic_id; 404 for an unknown id. */
export async function getEventTopic(api: WorkatoApi, id: number): Promise<Workato.EventTopic> {
  return dataObject<Workato.EventTopic>(await api.get(`${TOPICS}/${id}`));
}

/** POST /event_streams/topics (`name` and `schema` required) → the new topic. */
export async function createEventTopic(api: WorkatoApi, body: Workato.EventTopicWrite): Promise<Workato.EventTopic> {
  return dataObject<Workato.EventTopic>(await api.send('POST', TOPICS, { body }));
}

/** PUT /event_streams/topics/:topic_id with the fields to change → the topic. */
export async function updateEventTopic(api: WorkatoApi, id: number, body: Workato.EventTopicWrite): Promise<Workato.EventTopic> {
  return dataObject<Workato.EventTopic>(await api.send('PUT', `${TOPICS}/${id}`, { body }));
}

/** PUT /event_streams/topics/:topic_id/purge: drops every message, keeps the topic. */
export function purgeEventTopic(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send('PUT', `${TOPICS}/${id}/purge`);
}

/** DELETE /event_streams/topics/:topic_id. */
export function deleteEventTopic(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send('DELETE', `${TOPICS}/${id}`);
}

/**
 * POST /v1/topics/:topic_id/consume on the event-streams host: at most `batch_size` (≤ 50) messages after the offset;
 * with `timeout_secs` Workato holds the call until a message arrives or the time is up (then an empty list).
 */
export async function consumeEventMessages(messages: WorkatoApi, topicId: number, body: Workato.EventConsumeBody, signal?: AbortSignal): Promise<Workato.EventMessage[]> {
  // A read, so retried after 429/502/503/504 like a GET (the offset makes a repeat harmless); publishing never is.
  return eventMessagesOf(await messages.send('POST', `/v1/topics/${topicId}/consume`, { body, signal, idempotent: true }));
}

/** POST /v1/topics/:topic_id/publish: the body is the payload itself → its message id. */
export async function publishEventMessage(messages: WorkatoApi, topicId: number, payload: unknown): Promise<string | null> {
  return eventMessageIdOf(await messages.send('POST', `/v1/topics/${topicId}/publish`, { body: payload }));
}

/** POST /v1/batch/topics/:topic_id/publish with `{"payloads": [...]}` (≤ 100) → the ids, in order. */
export async function publishEventMessages(messages: WorkatoApi, topicId: number, payloads: unknown[]) {
  return eventBatchIdsOf(await messages.send('POST', `/v1/batch/topics/${topicId}/publish`, { body: { payloads } }), payloads.length);
}
