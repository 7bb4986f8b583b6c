/**
 * Event topics of one workspace scope (REFERENCE §26; an Embedded customer's, OEM docs). The list comes whole (at
 * most 20 topics, with their schemas): it is read at most once per request and primes `eventTopicById`, which
 * otherwise reads one topic per id. Messages are not cached: each consume is its own call (resolvers).
 */
import { getEventTopic, listEventTopics } from '../workato/event-streams.js';
import type { WorkatoApi } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import { listAndById } from './on-prem.js';

export function createEventStreamLoaders(api: WorkatoApi, scope: string | undefined) {
  const topics = listAndById<Workato.EventTopic>('EventTopic', scope, () => listEventTopics(api), (id) => getEventTopic(api, id));
  return { eventTopics: topics.all, eventTopicById: topics.byId, forgetEventTopics: topics.clear };
}

export type EventStreamLoaders = ReturnType<typeof createEventStreamLoaders>;
