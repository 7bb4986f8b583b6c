/**
 * Following an asynchronous Workato object over a subscription (package status §15.5, test runs §28): poll it, emit
 * when it changes, stop when it is done or when the client goes away. Yoga serves the stream as server-sent events.
 */
import { Repeater } from 'graphql-yoga';
import { createLoaders } from '../loaders/index.js';
import type { GatewayContext } from '../server/context.js';
import { WorkatoError } from '../workato/http.js';

/** One emission: the object as read by one poll, or why the poll failed. */
export type PollEvent<T> = { value: T } | { error: unknown };

/** Failures worth another poll: Workato busy or unreachable. Anything else (404, 401, 403) ends the stream. */
export function retryAfterMs(error: unknown, pollMs: number): number | undefined {
  if (!(error instanceof WorkatoError)) return undefined;
  if (error.status === 429) return Math.max(pollMs, (error.retryAfter ?? 0) * 1000);
  if (error.kind === 'timeout' || error.kind === 'network' || error.status >= 500) return pollMs;
  return undefined;
}

/** Resolves after `ms`, or at once when the subscriber has gone (the timer is cleared either way). */
export function pause(ms: number, stop: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void stop.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface Follow<T> {
  /** One poll, through `ctx.loaders` (fresh for each poll). */
  load(ctx: GatewayContext): Promise<T>;
  /** What must change for the object to be sent again (a status, or a status and its results). */
  versionOf(value: T): string;
  /** True once the object will not change any more: the last emission. */
  done(value: T): boolean;
}

/**
 * Polls until `done`, or until the client disconnects (yoga then returns the iterator, which stops the repeater and
 * cuts the pause short). Emits the first read, then each read whose version differs from the last one sent.
 */
export function follow<T>(ctx: GatewayContext, how: Follow<T>): AsyncIterable<PollEvent<T>> {
  return new Repeater<PollEvent<T>>(async (push, stop) => {
    let gone = false;
    void stop.then(() => (gone = true));
    let last: string | undefined;
    while (!gone) {
      // Each poll is its own "request": fresh loaders, so neither the object nor any field under it is served from
      // an earlier poll's cache. The previous emission has been executed by now.
      ctx.loaders = createLoaders(ctx.api);
      let wait: number | undefined = ctx.packagePollMs;
      try {
        const value = await how.load(ctx);
        const version = how.versionOf(value);
        if (version !== last) {
          last = version;
          await push({ value });
        }
        if (how.done(value)) wait = undefined;
      } catch (error) {
        await push({ error });
        wait = retryAfterMs(error, ctx.packagePollMs);
      }
      if (wait === undefined) break;
      await pause(wait, stop);
    }
    stop();
  });
}

/** The subscription's `resolve`: a failed poll becomes a GraphQL error in the stream (coded by maskError). */
export function polled<T>(event: PollEvent<T>): T {
  if ('error' in event) throw event.error;
  return event.value;
}
