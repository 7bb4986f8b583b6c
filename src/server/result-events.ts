/**
 * Results that are streams of events (subscriptions): plugins that touch every result map each event instead.
 */

export function isAsyncIterable<T = unknown>(value: unknown): value is AsyncIterable<T> {
  return typeof (value as AsyncIterable<unknown> | undefined)?.[Symbol.asyncIterator] === 'function';
}

/**
 * The events of a subscription, each mapped. A hand-made iterator rather than an async generator: `return()` (the
 * client went away) must reach the source at once, even while it waits for its next event — an async generator
 * would hold it until that event came, and the subscription would keep polling Workato.
 */
export function eachEvent<T>(source: AsyncIterable<T>, map: (event: T) => T): AsyncIterableIterator<T> {
  const inner = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await inner.next();
      return step.done ? step : { done: false, value: map(step.value) };
    },
    return: (value?: unknown) => inner.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined }),
    throw: (error?: unknown) => inner.throw?.(error) ?? Promise.reject(error),
  };
}
