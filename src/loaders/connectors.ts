import type { WorkatoApi } from '../workato/http.js';
import { listAllConnectors, listConnectorsByName } from '../workato/connectors.js';
import type { Workato } from '../workato/types.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { listLoader } from './util.js';

export function createConnectorLoaders(api: WorkatoApi, mode: LoaderMode = BATCHED) {
  /**
   * Many names, one call: GET /integrations?applications=a,b,c (REFERENCE §30). Unknown names are absent
   * upstream and null here. Names are sorted so the same set always makes the same request.
   */
  const connectorByName = requestLoader<string, Workato.Connector | null>(
    mode,
    async (names) => {
      const found = await listConnectorsByName(api, [...names].sort());
      const byName = new Map(found.map((c) => [c.name, c]));
      return names.map((n) => byName.get(n) ?? null);
    },
    { maxBatchSize: 50 },
  );

  /** One page of GET /integrations/all, priming connectorByName. */
  const connectorPage = listLoader(async (params: { page: number; per_page: number }) => {
    const page = await listAllConnectors(api, params);
    for (const c of page.items) connectorByName.prime(c.name, c);
    return page;
  }, mode);

  return { connectorByName, connectorPage };
}

export type ConnectorLoaders = ReturnType<typeof createConnectorLoaders>;
