/**
 * The reference cache's policy on a clock the test moves: fresh, stale (served, refreshed once), past the hard limit
 * (not served); a drop during a fill; store faults. The fetches are the test's own: no Workato call is made.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ReferenceCache } from '../src/loaders/reference-cache.js';
import { memoryReferenceStore, type ReferenceStore } from '../src/loaders/reference-store.js';
import { createTransport, WorkatoApi } from '../src/workato/http.js';

const transport = createTransport({ connections: 1, timeouts: { connectMs: 100, headersMs: 100, bodyMs: 100 } });
afterAll(() => transport.dispatcher.close());
const apiOf = (token: string) => new WorkatoApi(transport, 'http://127.0.0.1:9/api', token);

const TTL = 1_000;

function setUp(store: ReferenceStore = memoryReferenceStore()) {
  const clock = { now: 0 };
  const faults: string[] = [];
  const cache = new ReferenceCache(store, { ttlMs: TTL, now: () => clock.now, onStoreFault: (m) => faults.push(m) });
  let version = 0;
  const fetches: Array<{ resolve: () => void }> = [];
  /** A fetch that answers `{ version }` once the test lets it (`release`), counting calls. */
  const fetch = () =>
    new Promise<{ version: number }>((resolve) => {
      const answer = { version: ++version };
      fetches.push({ resolve: () => resolve(answer) });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  /** Lets every fetch asked for so far answer (a read asks once its store look-up is done: a tick later). */
  const release = async () => {
    await tick();
    while (fetches.length) fetches.shift()!.resolve();
    await tick();
  };
  return { cache, clock, faults, fetch, release, calls: () => version };
}

describe('ReferenceCache', () => {
  it('serves a fresh entry as is, a stale one at once while one refresh runs for all, and nothing past twice the TTL', async () => {
    const { cache, clock, fetch, release, calls } = setUp();
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    const first = reads.one('/folders', fetch);
    await release();
    expect(await first).toEqual({ version: 1 });
    clock.now = TTL - 1;
    expect(await reads.one('/folders', fetch)).toEqual({ version: 1 });
    expect(calls()).toBe(1);

    clock.now = TTL + 1;
    const stale = await Promise.all(Array.from({ length: 5 }, () => reads.one('/folders', fetch)));
    expect(stale).toEqual(Array(5).fill({ version: 1 }));
    expect(calls()).toBe(2); // one refresh for the five
    await release();
    expect(await reads.one('/folders', fetch)).toEqual({ version: 2 });

    clock.now = TTL + 1 + 2 * TTL; // the refreshed entry is now past the hard limit
    const waiting = reads.one('/folders', fetch);
    await release();
    expect(await waiting).toEqual({ version: 3 });
  });

  it('shares one fetch among concurrent misses, and gives each its own parsed copy', async () => {
    const { cache, fetch, release, calls } = setUp();
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    const both = Promise.all([reads.one('/connections', fetch), reads.one('/connections', fetch)]);
    await release();
    const [a, b] = await both;
    expect(calls()).toBe(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('fails every sharer of a failed fetch, stores nothing, and fetches again next time', async () => {
    const { cache } = setUp();
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    let calls = 0;
    const failing = async () => {
      calls++;
      await new Promise((r) => setImmediate(r));
      throw new Error('Workato said no');
    };
    const results = await Promise.allSettled([reads.one('/folders', failing), reads.one('/folders', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(await reads.one('/folders', async () => 'fine')).toBe('fine');
  });

  it('keeps callers and scopes apart', async () => {
    const { cache, fetch, release, calls } = setUp();
    const keys = [cache.readsFor(apiOf('token-a'), undefined), cache.readsFor(apiOf('token-b'), undefined), cache.readsFor(apiOf('token-a'), '19029')];
    for (const reads of keys) {
      const read = reads.one('/folders', fetch);
      await release();
      await read;
    }
    expect(calls()).toBe(3);
  });

  it('does not store a fill that started before a drop', async () => {
    const { cache, fetch, release, calls } = setUp();
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    const before = reads.one('/connections', fetch);
    await reads.drop();
    await release();
    await before;
    const after = reads.one('/connections', fetch);
    await release();
    expect(await after).toEqual({ version: 2 });
    expect(calls()).toBe(2);
  });

  it('reads only the missing names of a batch, in one fetch', async () => {
    const { cache } = setUp();
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    const asked: string[][] = [];
    const names = (resources: string[]) => reads.many(resources, async (_api, missing) => {
      asked.push(missing.map((i) => resources[i]!));
      return missing.map((i) => `value of ${resources[i]}`);
    });
    await names(['a', 'b']);
    expect(await names(['b', 'c', 'a'])).toEqual(['value of b', 'value of c', 'value of a']);
    expect(asked).toEqual([['a', 'b'], ['c']]);
  });

  it('calls Workato when the store fails, and says so once until it answers again', async () => {
    let broken = true;
    const memory = memoryReferenceStore();
    const flaky: ReferenceStore = {
      get: (owner, resources) => (broken ? Promise.reject(new Error('down')) : memory.get(owner, resources)),
      set: (owner, generation, entries) => (broken ? Promise.reject(new Error('down')) : memory.set(owner, generation, entries)),
      drop: (owner) => (broken ? Promise.reject(new Error('down')) : memory.drop(owner)),
      close: () => memory.close(),
    };
    const { cache, faults } = setUp(flaky);
    const reads = cache.readsFor(apiOf('token-a'), undefined);
    let calls = 0;
    for (let i = 0; i < 3; i++) expect(await reads.one('/folders', async () => ++calls)).toBe(i + 1);
    await reads.drop();
    expect(faults).toEqual(['Reference cache: a read failed; calling Workato instead']);
    broken = false;
    await reads.one('/folders', async () => ++calls);
    expect(await reads.one('/folders', async () => ++calls)).toBe(4);
    expect(faults).toEqual(['Reference cache: a read failed; calling Workato instead', 'Reference cache: the store answers again']);
  });

  it('never caches for a caller without a keyed token hash', async () => {
    const { cache } = setUp();
    const reads = cache.readsFor(WorkatoApi.refusing(transport, 'http://127.0.0.1:9/api', 'no token'), undefined);
    let calls = 0;
    await reads.one('/folders', async () => ++calls);
    await reads.one('/folders', async () => ++calls);
    expect(calls).toBe(2);
  });

  it('keeps memory bounded: least recently used owners go past the owner or the entry limit', async () => {
    const put = async (store: ReferenceStore, owner: string, ...resources: string[]) => {
      const { generation } = await store.get(owner, []);
      await store.set(owner, generation, resources.map((r) => [r, { at: 0, text: '1' }] as const));
    };
    const held = async (store: ReferenceStore, owner: string, resource: string) => (await store.get(owner, [resource])).entries[0] !== undefined;
    const owners = memoryReferenceStore(100, 2);
    await put(owners, 'a', 'x');
    await put(owners, 'b', 'x');
    await owners.get('refused token', []); // a look-up alone makes an owner: the oldest, a, goes
    expect(await held(owners, 'a', 'x')).toBe(false);
    const entries = memoryReferenceStore(3, 100);
    await put(entries, 'a', 'x');
    await put(entries, 'b', 'x', 'y');
    await put(entries, 'c', 'z'); // a fourth entry: the oldest owner, a, goes
    expect(await held(entries, 'a', 'x')).toBe(false);
    expect(await held(entries, 'b', 'y')).toBe(true);
    expect(await held(entries, 'c', 'z')).toBe(true);
  });
});
