/**
 * The in-memory store of the response cache (src/server/memory-response-cache.ts) on its own: entries live for their
 * TTL, the least recently used go past the bound, and invalidating an entity deletes exactly the results indexed
 * under it. test/cache.test.ts runs it behind the gateway.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryResponseCache } from '../src/server/memory-response-cache.js';

const result = (n: number) => ({ data: { n } });
const recipe = (id: string) => ({ typename: 'Recipe', id });

describe('memory response cache', () => {
  it('keeps an entry for its TTL, and none with no usable TTL', async () => {
    const cache = createMemoryResponseCache(10);
    cache.set('a', result(1), [], 40);
    cache.set('zero', result(2), [], 0);
    cache.set('forever', result(3), [], Number.POSITIVE_INFINITY);
    expect(cache.get('a')).toEqual(result(1));
    expect(cache.get('zero')).toBeUndefined();
    expect(cache.get('forever')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('a')).toBeUndefined();
  });

  it('invalidates the results holding an entity, and only those', () => {
    const cache = createMemoryResponseCache(10);
    cache.set('a', result(1), [recipe('1'), recipe('2')], 60_000);
    cache.set('b', result(2), [recipe('2')], 60_000);
    cache.set('c', result(3), [recipe('3')], 60_000);
    cache.invalidate([recipe('2')]);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, result(3)]);
    // A type without an id is not indexed: nothing to invalidate.
    cache.invalidate([{ typename: 'Recipe' }]);
    expect(cache.get('c')).toEqual(result(3));
  });

  it('drops the least recently used entry past its bound, and its place in the index with it', () => {
    const cache = createMemoryResponseCache(2);
    cache.set('a', result(1), [recipe('1')], 60_000);
    cache.set('b', result(2), [recipe('2')], 60_000);
    cache.set('c', result(3), [recipe('1')], 60_000);
    expect(cache.get('a')).toBeUndefined();
    cache.invalidate([recipe('1')]);
    expect([cache.get('b'), cache.get('c')]).toEqual([result(2), undefined]);
  });

  it('indexes a replaced entry under its new entities only', () => {
    const cache = createMemoryResponseCache(10);
    cache.set('a', result(1), [recipe('1')], 60_000);
    cache.set('a', result(2), [recipe('2')], 60_000);
    cache.invalidate([recipe('1')]);
    expect(cache.get('a')).toEqual(result(2));
    cache.invalidate([recipe('2')]);
    expect(cache.get('a')).toBeUndefined();
  });
});
