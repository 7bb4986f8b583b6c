/**
 * Reference data kept across requests of one caller: folder listings, connection lists and connector metadata
 * (issue 18). They change rarely and are what nested queries fan out over (a page of recipes asks for each one's
 * folder: the folder tree is walked level by level, REFERENCE §13).
 *
 * Entries belong to an owner: the caller's keyed token hash (`api.callerKey`, never the token) and the workspace scope
 * (an Embedded customer workspace's data is its own). An entry younger than `ttlMs` is served as is; one younger than
 * `2 × ttlMs` is served and refreshed in the background, once per key however many requests want it; an older one is
 * not served. Gateway writes that can change reference data drop the owner's entries before their answer is sent
 * (`drop`). A store fault (Redis down or slow) is a miss: the loaders call Workato, and the fault is logged once.
 *
 * Loaders get a `ReferenceReads` bound to their API and scope (`referenceReads`); without a cache it calls Workato.
 */
import type { WorkatoApi } from '../workato/http.js';
import type { ReferenceStore, StoredEntry } from './reference-store.js';

export interface ReferenceCacheOptions {
  /** How long an entry is served as is; it is served stale (and refreshed) for as long again, then not at all. */
  ttlMs: number;
  /** Told once when the store starts failing, and once when it answers again. */
  onStoreFault?: (message: string, error?: unknown) => void;
  now?: () => number;
}

/** The loaders' view: reads of one caller and scope, through the cache or straight to Workato. */
export interface ReferenceReads {
  /**
   * Values of `resources` (paths below the scope, as Workato would be asked: `/folders?parent_id=5`); `fetch` gets
   * the indexes of those not cached and answers them in that order, with the API to call them with.
   */
  many<T>(resources: readonly string[], fetch: (api: WorkatoApi, missing: number[]) => Promise<T[]>): Promise<T[]>;
  one<T>(resource: string, fetch: (api: WorkatoApi) => Promise<T>): Promise<T>;
  /** After a write through the gateway that can change this scope's reference data. */
  drop(): Promise<void>;
  /**
   * Drops the first time this process sees `event` for this caller and scope: a finished package import (its folders
   * and connections appear when it ends, not when it starts), read again and again while a client polls it.
   */
  dropOnce(event: string): Promise<void>;
}

export class ReferenceCache {
  /** Fills and refreshes in flight, by owner, generation and resource: one upstream read each, shared. */
  private readonly flights = new Map<string, Promise<string>>();
  /** Events already dropped for (`dropOnce`), oldest first, at most 1,000. */
  private readonly seen = new Set<string>();
  private failing = false;
  private readonly now: () => number;

  constructor(
    private readonly store: ReferenceStore,
    private readonly options: ReferenceCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Reads of one caller (`api.callerKey`) in one scope. Callers without a keyed token hash are never cached. */
  readsFor(api: WorkatoApi, scope: string | undefined): ReferenceReads {
    if (api.callerKey === 'anonymous' || api.callerKey === 'caller') return directReads(api);
    const owner = `${api.callerKey}:${scope ?? '-'}`;
    return {
      many: (resources, fetch) => this.many(api, owner, resources, fetch),
      one: async (resource, fetch) => (await this.many(api, owner, [resource], (a) => Promise.all([fetch(a)])))[0]!,
      drop: () => this.drop(owner),
      dropOnce: async (event) => {
        const seen = `${owner} ${event}`;
        if (this.seen.has(seen)) return;
        this.seen.add(seen);
        if (this.seen.size > 1_000) this.seen.delete(this.seen.values().next().value!);
        await this.drop(owner);
      },
    };
  }

  async drop(owner: string): Promise<void> {
    try {
      await this.store.drop(owner);
      this.recovered();
    } catch (error) {
      this.fault('a drop failed; entries of this caller may be served until they expire', error);
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async many<T>(
    api: WorkatoApi,
    owner: string,
    resources: readonly string[],
    fetch: (api: WorkatoApi, missing: number[]) => Promise<T[]>,
  ): Promise<T[]> {
    const stored = await this.read(owner, resources);
    if (!stored) return fetch(api, resources.map((_, i) => i));
    const { generation, entries } = stored;
    const now = this.now();
    const values: T[] = new Array(resources.length);
    const missing: number[] = [];
    const stale: number[] = [];
    const joined: Array<Promise<void>> = [];
    resources.forEach((resource, i) => {
      const entry = entries[i];
      // An entry from the future (another replica's clock far ahead, or not ours) is not trusted to be fresh.
      const age = entry && entry.at <= now + FUTURE_SKEW_MS ? now - entry.at : Number.POSITIVE_INFINITY;
      const flight = this.flights.get(flightKey(owner, generation, resource));
      const value = age < 2 * this.options.ttlMs ? readable<T>(entry!.text) : undefined;
      if (value !== undefined) {
        values[i] = value;
        api.answeredByReferenceCache(resource);
        if (age >= this.options.ttlMs && !flight) stale.push(i);
      } else if (flight) {
        // Another request is fetching it right now, under the same generation: its answer is ours too.
        joined.push(flight.then((text) => void (values[i] = JSON.parse(text) as T)));
        api.answeredByReferenceCache(resource);
      } else {
        missing.push(i);
      }
    });
    if (stale.length && !api.ledger.planning) {
      // The caller's answer does not wait, and the refresh is not this request's call: a detached API (own ledger).
      // Explain sends nothing, not even a refresh.
      this.fill(api.detached().exclusive(), owner, generation, resources, stale, fetch).catch(() => undefined);
    }
    if (missing.length) {
      const filled = this.fill(api.exclusive(), owner, generation, resources, missing, fetch);
      joined.push(filled.then((fetched) => missing.forEach((index, j) => (values[index] = fetched[j]!))));
    }
    // All awaited at once: a failed share must not go unhandled while a fill is still running.
    await Promise.all(joined);
    return values;
  }

  /** Fetches `indexes` of `resources` in one `fetch`, shares it while in flight, and stores the answers. */
  private async fill<T>(
    api: WorkatoApi,
    owner: string,
    generation: string,
    resources: readonly string[],
    indexes: number[],
    fetch: (api: WorkatoApi, missing: number[]) => Promise<T[]>,
  ): Promise<T[]> {
    const at = this.now();
    const fetched = fetch(api, indexes).then((values) => values.map((v) => JSON.stringify(v ?? null)));
    const keys = indexes.map((i) => flightKey(owner, generation, resources[i]!));
    keys.forEach((key, j) => {
      const text = fetched.then((texts) => texts[j]!);
      text.catch(() => undefined);
      this.flights.set(key, text);
    });
    try {
      const texts = await fetched;
      await this.write(owner, generation, indexes.map((i, j) => [resources[i]!, { at, text: texts[j]! }] as const));
      // Parsed from the text, as a hit would be: the caller may mark the objects it is given (loaders/scope.ts).
      return texts.map((text) => JSON.parse(text) as T);
    } finally {
      for (const key of keys) this.flights.delete(key);
    }
  }

  private async read(owner: string, resources: readonly string[]) {
    try {
      const stored = await this.store.get(owner, resources);
      this.recovered();
      return stored;
    } catch (error) {
      this.fault('a read failed; calling Workato instead', error);
      return undefined;
    }
  }

  private async write(owner: string, generation: string, entries: ReadonlyArray<readonly [string, StoredEntry]>): Promise<void> {
    try {
      await this.store.set(owner, generation, entries);
      this.recovered();
    } catch (error) {
      this.fault('a write failed; the next read calls Workato again', error);
    }
  }

  private fault(message: string, error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.options.onStoreFault?.(`Reference cache: ${message}`, error);
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.options.onStoreFault?.('Reference cache: the store answers again');
  }
}

const flightKey = (owner: string, generation: string, resource: string) => `${owner} ${generation} ${resource}`;

/** No cache (REFERENCE_CACHE=off, the benchmark's N+1 reference): every read is a Workato call. */
export function directReads(api: WorkatoApi): ReferenceReads {
  return {
    many: (resources, fetch) => fetch(api, resources.map((_, i) => i)),
    one: (_resource, fetch) => fetch(api),
    drop: async () => {},
    dropOnce: async () => {},
  };
}

/** How far ahead of this replica's clock an entry's time may be (clocks of replicas differ a little). */
const FUTURE_SKEW_MS = 5_000;

/** A stored answer, or undefined when it cannot be read (cut short, or not written by this gateway): a miss. */
function readable<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
