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

/**
 * A family with a page/per_page list and a get by id (REFERENCE §30, "list once, index many"), as two loaders: `page`
 * (one list page per distinct page/per_page; every item primes `byId`) and `byId`. An id some list page of this
 * request holds costs nothing: the batch first lets sibling fields start their list pages, then waits for them. One
 * id left: its GET. Several: the list's pages of 100 until all are found or the list ends, then a GET for each id
 * still missing (404 → NotFoundError), so N ids never cost N calls when the list holds them.
 */
export function listedById<T, K extends string | number, R>(family: {
  entity: string;
  idOf(item: T): K;
  list(params: PageKey): Promise<R>;
  items(page: R): T[];
  get(id: K): Promise<T>;
}) {
  const FULL = 100;
  const listed = new Map<K, T>();
  const pending: Promise<unknown>[] = [];
  const page = listLoader((params: PageKey) => {
    const read = family.list(params).then((answer) => {
      for (const item of family.items(answer)) {
        listed.set(family.idOf(item), item);
        byId.prime(family.idOf(item), item);
      }
      return answer;
    });
    pending.push(read);
    return read;
  });
  const byId = requestLoader<K, T>(BATCHED, async (ids) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.allSettled(pending);
    if (ids.filter((id) => !listed.has(id)).length > 1) {
      for (let p = 1; ; p++) {
        const items = family.items(await page.load({ page: p, per_page: FULL }));
        if (items.length < FULL || ids.every((id) => listed.has(id))) break;
      }
    }
    return Promise.all(
      ids.map(
        (id) =>
          listed.get(id) ??
          family.get(id).catch((e: unknown) => (e instanceof WorkatoError && e.status === 404 ? new NotFoundError(family.entity, String(id)) : toError(e))),
      ),
    );
  });
  /** After a write: lists and the written id are read again. */
  const forget = (id?: K) => {
    page.clearAll();
    pending.length = 0;
    listed.clear();
    if (id !== undefined) byId.clear(id);
  };
  return { page, byId, forget };
}
