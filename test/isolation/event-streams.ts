import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

/** §26: each token sees its own topics, and its own topics' messages. */
const shapes: IsolationShape[] = [
  {
    query: 'eventTopics { nodes { workatoId messages(first: 5) { nodes { messageId } } } }',
    truth: async (token, sim) => {
      const topics: Array<{ id: number }> = (await rest(sim, '/event_streams/topics', token)).data;
      const messages = await Promise.all(
        topics.map(async (t) => {
          const response = await fetch(`${sim.url}/v1/topics/${t.id}/consume`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ batch_size: 5 }),
          });
          return ((await response.json()) as { messages: Array<{ message_id: string }> }).messages.map((m) => `m${m.message_id}`);
        }),
      );
      return new Set([...topics.map((t) => `t${t.id}`), ...messages.flat()]);
    },
    keys: (data) => data.eventTopics.nodes.flatMap((t: any) => [`t${t.workatoId}`, ...t.messages.nodes.map((m: any) => `m${m.messageId}`)]),
  },
];

export default shapes;
