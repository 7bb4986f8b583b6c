import { currentAttribution, runAttributed } from '../workato/ledger.js';
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
