import DataLoader from 'dataloader';
import { currentAttribution, runAttributed } from '../workato/ledger.js';

/**
 * How the loaders of one request batch and cache. The gateway always runs `BATCHED`. `UNBATCHED` exists only for
 * the benchmark (`BENCH_DISABLE_BATCHING=1`, bench/README): every load is its own REST call and nothing is kept, as
 * a resolver calling the REST client directly would do, so the benchmark can show the N+1 the loaders remove.
 * Every loader in this folder is made here, so the switch lives in one place.
 */
export interface LoaderMode {
  /** Batch and de-duplicate loads, cache them for the request, and memoise list-and-index lists. */
  readonly batch: boolean;
  /**
   * Every batch tells the calls it makes how many keys they answer (OTEL_TRACING's call spans), without naming the
   * fields that asked: one AsyncLocalStorage run per batch, where naming the fields costs one per resolver.
   */
  readonly countKeys?: boolean;
}

export const BATCHED: LoaderMode = Object.freeze({ batch: true });
export const UNBATCHED: LoaderMode = Object.freeze({ batch: false });

/**
 * A DataLoader that can also warm its cache ahead of the field that will read it. In a traced request it also
 * remembers which fields asked for each key, so the batch's Workato call names every field it served and how many
 * keys it answered (workato/ledger.ts); untraced, a load costs one AsyncLocalStorage look-up more.
 */
export class RequestLoader<K, V, C = K> extends DataLoader<K, V, C> {
  private readonly askedBy: Map<unknown, string[]>;
  private readonly keyOf: (key: K) => unknown;

  constructor(
    batchFn: DataLoader.BatchLoadFn<K, V>,
    options: DataLoader.Options<K, V, C> | undefined,
    private readonly caching: boolean,
    countKeys = false,
  ) {
    const askedBy = new Map<unknown, string[]>();
    const keyOf = (options?.cacheKeyFn ?? ((key: K) => key)) as (key: K) => unknown;
    super((keys) => {
      if (askedBy.size === 0) return countKeys ? runAttributed({ paths: [], keys: keys.length, byKey: () => [] }, () => batchFn(keys)) : batchFn(keys);
      const asked = new Map(keys.map((key) => [keyOf(key), askedBy.get(keyOf(key)) ?? []]));
      for (const id of asked.keys()) askedBy.delete(id);
      const paths = [...asked.values()].flat();
      return runAttributed({ paths, keys: keys.length, byKey: (key) => asked.get(keyOf(key as K)) ?? [] }, () => batchFn(keys));
    }, options);
    this.askedBy = askedBy;
    this.keyOf = keyOf;
  }

  override load(key: K): Promise<V> {
    const who = currentAttribution();
    if (who) {
      const id = this.keyOf(key);
      const asked = this.askedBy.get(id);
      if (asked) asked.push(...who.paths);
      else this.askedBy.set(id, [...who.paths]);
    }
    return super.load(key);
  }

  /**
   * Starts loading `key` now so that a later `load(key)` (from a field resolved after its parent) finds it in
   * flight: independent calls then share a round trip. Without a cache there is nothing to warm, so nothing to do.
   * Errors are left for that later `load` to report.
   */
  prefetch(key: K): void {
    if (this.caching) this.load(key).catch(() => undefined);
  }
}

/** A per-request loader in `mode`: unbatched, `batch` and `cache` are off whatever `options` say. */
export function requestLoader<K, V, C = K>(
  mode: LoaderMode,
  batchFn: DataLoader.BatchLoadFn<K, V>,
  options?: DataLoader.Options<K, V, C>,
): RequestLoader<K, V, C> {
  return mode.batch
    ? new RequestLoader(batchFn, options, true, mode.countKeys)
    : new RequestLoader(batchFn, { ...options, batch: false, cache: false }, false, mode.countKeys);
}

/** One promise kept for the request (a list loaded once and indexed, REFERENCE §30); unbatched, fetched per use. */
export interface Memo<T> {
  get(): Promise<T>;
  /** The promise `get` keeps, when this request has already asked for it (never fetches). */
  peek(): Promise<T> | undefined;
  /** After a write: the next `get` fetches again. */
  clear(): void;
}

export function memo<T>(mode: LoaderMode, fetch: () => Promise<T>): Memo<T> {
  let kept: Promise<T> | undefined;
  return {
    get: () => (mode.batch ? (kept ??= fetch()) : fetch()),
    peek: () => kept,
    clear: () => {
      kept = undefined;
    },
  };
}

/** What one operation document reads, where a REST call can leave out what nobody asked for. */
export interface OperationReads {
  /** Some selection reads `Recipe.code`: recipe lists then keep `code` in their items (REFERENCE §10.1 `exclude_code`). */
  recipeCode: boolean;
  /** Some selection reads `Recipe.tags`: recipe lists then ask for them (`includes[]=tags`). */
  recipeTags: boolean;
  /** Some selection reads `Connection.tags`: connection lists then ask for them (`includes[]=tags`, §12.1). */
  connectionTags: boolean;
}

/** What the request's operation reads, asked when a call is made (the operation is known only once it executes). */
export type ReadHints = () => OperationReads;

/** Before an operation is known (or for a subscription): read everything. */
export const READS_EVERYTHING: OperationReads = Object.freeze({ recipeCode: true, recipeTags: true, connectionTags: true });
