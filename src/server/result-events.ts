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

/**
 * The events of a subscription, each step (next, return, throw) run by `within` (inside a tracing context, say), and
 * `done` called once when the stream ends, however it ends.
 */
export function withinEachStep<T>(source: AsyncIterable<T>, within: <R>(step: () => R) => R, done: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let ended = false;
  const end = <R extends IteratorResult<T>>(result: R): R => {
    if (result.done && !ended) {
      ended = true;
      done();
    }
    return result;
  };
  const fail = (error: unknown): never => {
    if (!ended) {
      ended = true;
      done();
    }
    throw error;
  };
  return {
    next: () => within(() => iterator.next()).then(end, fail),
    return: (value?: unknown) => within(() => iterator.return?.(value) ?? Promise.resolve({ done: true as const, value: value as T })).then(end, fail),
    throw: (error?: unknown) => within(() => iterator.throw?.(error) ?? Promise.reject(error)).then(end, fail),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
