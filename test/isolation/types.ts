/**
 * What a family added after the first six contributes to test/isolation.test.ts (two users, interleaved and
 * concurrent): one file per family in this folder (`test/isolation/<family>.ts`, default export an array of
 * IsolationShape), so no family edits the test itself.
 */
import type { Simulator } from '../../src/simulator/index.js';

export interface IsolationShape {
  /** A query of the family's reads; the test adds `me { name }` and sends it with each user's token. */
  query: string;
  /** The keys (Workato ids, handles, names) this token may see, read from the simulator over REST before the run. */
  truth(token: string, sim: Simulator): Promise<Set<string>>;
  /** The keys found in one answer's `data`; every one must be in the token's truth, and at least one must be found. */
  keys(data: any): string[];
}
