import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { getDeveloperApiClient, listDeveloperApiClientRoles, listDeveloperApiClients } from '../workato/developer-api-clients.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { listLoader, notFoundAs } from './util.js';

/**
 * Developer API clients and client roles of one workspace scope (REFERENCE §21; a customer's, §17.8). Lists prime
 * the by-id loaders, so a client the list already brought costs no GET /developer_api_clients/:id.
 */
export function createDeveloperApiClientLoaders(api: WorkatoApi, scope: string | undefined) {
  /** Lists of this request still in flight: a by-id batch waits for them, as they may answer it (§30). */
  const inFlight = new Set<Promise<unknown>>();
  const listed = new Map<number, Scoped<Workato.DeveloperApiClient>>();

  /**
   * GET /developer_api_clients/:id per id (Workato has no batch get), except for ids a list of this request already
   * brought — including one still in flight when the batch starts; 404 → NotFoundError for that key.
   */
  const developerApiClientById = new DataLoader<number, Scoped<Workato.DeveloperApiClient>>(async (ids) => {
    await Promise.allSettled([...inFlight]);
    return Promise.all(
      ids.map((id) => listed.get(id) ?? getDeveloperApiClient(api, id).then((c) => tagOne(c, scope), notFoundAs('DeveloperApiClient', String(id)))),
    );
  });

  /** One page of GET /developer_api_clients with Workato's `count`; every client primes developerApiClientById. */
  const pages = listLoader(async (params: { page: number; per_page: number }) => {
    const { count, items } = await listDeveloperApiClients(api, params);
    const clients = tag(items, scope);
    for (const c of clients) {
      listed.set(c.id, c);
      developerApiClientById.prime(c.id, c);
    }
    return { count: count ?? clients.length, items: clients };
  });
  const developerApiClientPage = (params: { page: number; per_page: number }) => {
    const page = pages.load(params);
    inFlight.add(page);
    void page.finally(() => inFlight.delete(page)).catch(() => undefined);
    return page;
  };

  /** The roles list is unpaged ([inferred]): read once per request and indexed. */
  let roles: Promise<Scoped<Workato.DeveloperApiClientRole>[]> | undefined;
  const developerApiClientRoles = () =>
    (roles ??= listDeveloperApiClientRoles(api).then((list) => tag(list, scope).sort((a, b) => a.id - b.id)));
  const developerApiClientRoleById = new DataLoader<number, Scoped<Workato.DeveloperApiClientRole>>(async (ids) => {
    const byId = new Map((await developerApiClientRoles()).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('DeveloperApiClientRole', String(id)));
  });

  /** After a write: the lists are stale, and so is the written client (`id`), or every role (`roles`). */
  function forgetDeveloperApiClients(change: { id?: number; roles?: boolean }): void {
    pages.clearAll();
    if (change.id !== undefined) {
      listed.delete(change.id);
      developerApiClientById.clear(change.id);
    }
    if (change.roles) {
      roles = undefined;
      developerApiClientRoleById.clearAll();
    }
  }

  return { developerApiClientById, developerApiClientPage, developerApiClientRoles, developerApiClientRoleById, forgetDeveloperApiClients };
}

export type DeveloperApiClientLoaders = ReturnType<typeof createDeveloperApiClientLoaders>;
