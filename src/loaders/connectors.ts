import type { WorkatoApi } from '../workato/http.js';
import { listAllConnectors, listConnectorsByName } from '../workato/connectors.js';
import type { Workato } from '../workato/types.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { directReads, type ReferenceReads } from './reference-cache.js';
import { listLoader } from './util.js';

/** Connector metadata comes from `reference` (the reference cache, one entry per connector name, or Workato itself). */
export function createConnectorLoaders(api: WorkatoApi, mode: LoaderMode = BATCHED, reference: ReferenceReads = directReads(api)) {
  /**
   * Many names, one call: GET /integrations?applications=a,b,c (REFERENCE §30), for the names not cached. Unknown
   * names are absent upstream and null here. Names are sorted so the same set always makes the same request.
   */
  const connectorByName = requestLoader<string, Workato.Connector | null>(
    mode,
    (names) =>
      reference.many(
        names.map((n) => `/integrations?applications=${encodeURIComponent(n)}`),
        async (caller, missing) => {
          const wanted = missing.map((i) => names[i]!);
          const byName = new Map((await listConnectorsByName(caller, [...wanted].sort())).map((c) => [c.name, c]));
          return wanted.map((n) => byName.get(n) ?? null);
        },
      ),
    { maxBatchSize: 50 },
  );

  /** One page of GET /integrations/all, priming connectorByName. */
  const connectorPage = listLoader(async (params: { page: number; per_page: number }) => {
    const page = await reference.one(`/integrations/all?page=${params.page}&per_page=${params.per_page}`, (caller) => listAllConnectors(caller, params));
    for (const c of page.items) connectorByName.prime(c.name, c);
    return page;
  }, mode);

  return { connectorByName, connectorPage };
}

export type ConnectorLoaders = ReturnType<typeof createConnectorLoaders>;
