import { expect } from 'vitest';
import type { Stack } from './stack.js';

/** The JSON parts of a multipart/mixed or text/event-stream answer (@defer, @stream), in order. */
export function jsonParts<T = Record<string, any>>(text: string): T[] {
  return text.split(/\r?\n/).filter((line) => /^(data: )?\{/.test(line)).map((line) => JSON.parse(line.replace(/^data: /, '')) as T);
}

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

/** A subscription left open keeps polling (`polls` grows); after `controller.abort()` the count stops moving for good. */
export async function expectPollingStopsOnDisconnect(polls: () => number, controller: AbortController): Promise<void> {
  // Still polling while connected.
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const seen = polls();
  for (let i = 0; i < 50 && polls() <= seen; i++) await sleep(100);
  expect(polls()).toBeGreaterThan(seen);
  controller.abort();
  // Once the disconnect has reached the gateway, the count stops moving for good.
  let last = -1;
  for (let i = 0; i < 50 && polls() !== last; i++) {
    last = polls();
    await sleep(100); // five poll intervals
  }
  const stopped = polls();
  await sleep(300);
  expect(polls()).toBe(stopped);
}
