import { expect } from 'vitest';
import type { Stack } from './stack.js';

/** Server-sent events of one subscription, read until the server ends the stream (or `stopAfter` events). */
export async function subscribe(stack: Stack, query: string, variables: Record<string, unknown>, options: { stopAfter?: number; signal?: AbortSignal } = {}) {
  // With `stopAfter`, the stream is left open (the caller aborts `signal` to disconnect).
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${stack.sim.token}` },
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Array<{ event: string; data: any }> = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { events, ended: true };
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      if (!event) continue; // keep-alive comments
      const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? '';
      events.push({ event, data: data ? JSON.parse(data) : null });
      if (options.stopAfter !== undefined && events.filter((e) => e.event === 'next').length >= options.stopAfter) {
        return { events, ended: false };
      }
    }
  }
}
