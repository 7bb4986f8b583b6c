/**
 * What a finished request built must be garbage for the next young-generation collection (a scavenge), not survive
 * it into the old generation to wait for a full collection. The loaders of a request hold everything it loaded, so
 * nothing long-lived may reach them. On Node 20 an object literal with getters is such a thing: V8 gives each one a
 * hidden class of its own, kept in old space, which holds the getters' closures (loaders/index.ts `RequestLoaders`).
 * While they were one, every request's loaders survived every scavenge: in scratch runs one request at a time that
 * was about 15 % of the current-user query's CPU, a third of "25 recipes with relations" and a quarter of 100
 * federation entities, mostly in full collections (ten in 6 s on `me` before, one after).
 */
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { createLoaders } from '../src/loaders/index.js';
import { createTransport, WorkatoApi } from '../src/workato/http.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void;

const newSpaceUsed = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

/** Bytes of young objects still alive after one scavenge, once `build` has run `times` and nothing refers to it. */
function survivingOneScavenge(build: () => void, times: number): number {
  gc({ type: 'minor' });
  gc({ type: 'minor' }); // what was young before is now old: the young generation holds only what follows
  for (let i = 0; i < times; i++) build();
  gc({ type: 'minor' });
  return newSpaceUsed();
}

const transport = createTransport({ connections: 1, timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 } });

it("a request's loaders, once the request is done, do not survive a scavenge", () => {
  const request = (): void => {
    const loaders = createLoaders(new WorkatoApi(transport, 'http://127.0.0.1:9/api', 'token'));
    // What resolvers touch: the caller's workspace, a customer workspace, connector metadata, managed users.
    loaders.scope().me;
    loaders.scope('42').recipeList;
    loaders.connectors.connectorByName;
    loaders.managedUsers;
  };
  request(); // warm: first-use allocations (hidden classes, compiled code) are not what this counts
  const runs = [1, 2, 3].map(() => survivingOneScavenge(request, 2_000));
  // 2,000 requests' loaders are several MB; with anything long-lived holding them, over 1 MB survives (scratch:
  // 1.2–2.2 MB before the fix, a few kB after). The threshold leaves room for the test runner's own allocations.
  expect(Math.min(...runs)).toBeLessThan(256 * 1024);
});
