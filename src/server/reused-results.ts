/**
 * Answers given without running the operation: yoga's response cache marks the results it serves, and operation
 * sharing (plugins/operation-sharing.ts) the copies it hands to requests that waited for an identical run. The cost
 * report (such an answer cost no Workato call) and the metrics read the marks.
 */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/** Marks a result copied from another request's run. */
export const SHARED_RESULT = Symbol('sharedResult');

export type ReusedSource = 'response_cache' | 'shared_run';

/** Where a result came from when the operation did not run for it; undefined when it ran. */
export function reusedSourceOf(result: object): ReusedSource | undefined {
  const marks = result as Record<symbol, unknown>;
  if (marks[SERVED_FROM_CACHE]) return 'response_cache';
  if (marks[SHARED_RESULT]) return 'shared_run';
  return undefined;
}
