import { currentAttribution, runAttributed } from '../workato/ledger.js';
import { WorkatoError } from '../workato/workato-error.js';
import { NotFoundError } from './errors.js';
import { BATCHED, requestLoader, type LoaderMode, type RequestLoader } from './options.js';

/** A loader for list calls keyed by their parameters, so identical lists in one request cost one call. */
export function listLoader<P, R>(fetch: (params: P) => Promise<R>, mode: LoaderMode = BATCHED): RequestLoader<P, R, string> {
  return requestLoader<P, R, string>(mode, (keys) => {
    // Traced: each key's call names only the fields that asked for that key.
    const who = currentAttribution();
    const one = (k: P) => (who?.byKey ? runAttributed({ paths: who.byKey(k), keys: 1 }, () => fetch(k)) : fetch(k));
    return Promise.all(keys.map((k) => one(k).catch((e: unknown) => toError(e))));
  }, {
    cacheKeyFn: (params) => JSON.stringify(params),
  });
}

/** DataLoader wants Error instances in place of failed keys. */
export function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** A failed by-id call as a loader result: Workato's 404 is the entity's NotFoundError, anything else itself. */
export const notFoundAs = (entity: string, key: string) => (e: unknown) =>
  e instanceof WorkatoError && e.status === 404 ? new NotFoundError(entity, key) : toError(e);

/** Fetches every page of a page/per_page list (stop on a short page, REFERENCE §6). */
export async function allPages<T>(fetchPage: (page: number, perPage: number) => Promise<T[]>, perPage = 100): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const items = await fetchPage(page, perPage);
    all.push(...items);
    if (items.length < perPage) return all;
  }
}

/** Page parameters of a page/per_page list (REFERENCE §6). */
export interface PageKey {
  page: number;
  per_page: number;
}

/** A list answer with its total (`{ data, count }`: API platform clients and portals, MCP servers). */
export type Counted<T> = { data: T[]; count: number | null };
/** `items` of a list that answers a bare array. */
export const itemsOfArray = <T>(page: T[]): T[] => page;
/** `items` of a list that answers `{ data, count }`. */
export const itemsOfCounted = <T>(page: Counted<T>): T[] => page.data;

/**
 * A family with a page/per_page list (REFERENCE §30, "list once, index many"), as two loaders: `page` (one list page
 * per distinct parameters, filters included; every item primes `byId`) and `byId`. An id some list page of this
 * request holds costs nothing: the batch first lets sibling fields start their list pages, then waits for them. One
 * id left: its GET. Several: the list's pages of 100 until all are found, the list ends or the pages stop finding
 * them, then a GET for each id still missing (404 → NotFoundError), so N ids never cost N calls when the first pages
 * hold them, and never more than N + 1 when they do not. A family with no get by
 * id (API collections, endpoints, portals, lookup tables) leaves `get` out: an id no page holds is looked for in
 * the list's pages of 100, walked once per request (and NOT_FOUND when the list ends without it).
 *
 * `F` are the list's optional filters (`api_collection_id`, `project_id`): a filtered page's items are objects of
 * the family like any other. `keysOf`: every key an item is loaded by, when there is more than its id (a customer's
 * `E<external id>` segment, §17.0); an item a page or a get brings is known by all of them.
 */
export function listedById<T, K extends string | number, R, F extends object = object>(family: {
  entity: string;
  idOf(item: T): K;
  keysOf?(item: T): K[];
  list(params: PageKey & Partial<F>): Promise<R>;
  items(page: R): T[];
  get?(id: K): Promise<T>;
}) {
  const FULL = 100;
  const listed = new Map<K, T>();
  const pending: Promise<unknown>[] = [];
  const keysOf = family.keysOf ?? ((item: T) => [family.idOf(item)]);
  const page = listLoader((params: PageKey & Partial<F>) => {
    const read = family.list(params).then((answer) => {
      for (const item of family.items(answer)) {
        for (const key of keysOf(item)) {
          listed.set(key, item);
          byId.prime(key, item);
        }
      }
      return answer;
    });
    pending.push(read);
    return read;
  });
  /** Without a get by id: every page of 100, once per request (pages the walk for several ids read are shared). */
  let everything: Promise<unknown> | undefined;
  const fromEveryPage = async (id: K): Promise<T> => {
    everything ??= allPages(async (p, per_page) => family.items(await page.load({ page: p, per_page } as PageKey & Partial<F>)), FULL);
    await everything;
    const found = listed.get(id);
    if (found === undefined) throw new NotFoundError(family.entity, String(id));
    return found;
  };
  const get = family.get ?? fromEveryPage;
  const byId = requestLoader<K, T>(BATCHED, async (ids) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.allSettled(pending);
    const unlisted = ids.filter((id) => !listed.has(id)).length;
    if (unlisted > 1) {
      for (let p = 1; ; p++) {
        const items = family.items(await page.load({ page: p, per_page: FULL } as PageKey & Partial<F>));
        const left = ids.filter((id) => !listed.has(id)).length;
        // Every page so far must have found a wanted id on average, or GETs would have been cheaper: the walk
        // stops then, so a long list (a partner's thousands of customers) costs at most one call more than a GET per id.
        if (items.length < FULL || left === 0 || unlisted - left < p) break;
      }
    }
    return Promise.all(
      ids.map(
        (id) =>
          listed.get(id) ??
          get(id).then((item) => {
            for (const key of keysOf(item)) byId.prime(key, item); // read by one key, known by all of them
            return item;
          }, notFoundAs(family.entity, String(id))),
      ),
    );
  });
  /** After a write: lists are read again, and the written id (without one, every id). */
  const forget = (id?: K) => {
    page.clearAll();
    pending.length = 0;
    listed.clear();
    everything = undefined;
    if (id === undefined) byId.clearAll();
    else byId.clear(id);
  };
  return { page, byId, forget };
}
