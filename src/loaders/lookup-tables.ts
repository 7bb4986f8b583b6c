import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { listLookupTables } from '../workato/lookup-tables.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { allPages, listLoader } from './util.js';

/** Lookup tables of one workspace scope (REFERENCE §18, Embedded §17.7): page-based, no get-by-id. */
export function createLookupTableLoaders(api: WorkatoApi, scope: string | undefined) {
  /** One page of GET /lookup_tables; every table primes lookupTableById. */
  const lookupTablePage = listLoader(async (params: { page: number; per_page: number }) => {
    const tables = tag(await listLookupTables(api, params), scope);
    for (const t of tables) lookupTableById.prime(t.id, t);
    return tables;
  });

  /** No get-by-id exists: every page once per request, indexed (§30 "list once, index many"). */
  let all: Promise<Scoped<Workato.LookupTable>[]> | undefined;
  const lookupTableById = new DataLoader<number, Scoped<Workato.LookupTable>>(async (ids) => {
    all ??= allPages((page, per_page) => lookupTablePage.load({ page, per_page }));
    const byId = new Map((await all).map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('LookupTable', String(id)));
  });

  return { lookupTablePage, lookupTableById };
}

export type LookupTableLoaders = ReturnType<typeof createLookupTableLoaders>;
