/** REFERENCE §16: connector metadata. */
import type { Workato } from '../../workato/types.js';
import { CONNECTOR_BY_NAME, CONNECTORS } from '../catalogue.js';
import { ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';
import { INFERRED } from '../inferred.js';
import { customConnectorMetadata } from './custom-connectors.js';

export const connectorRoutes: RouteDef[] = [
  {
    // §16.1 `applications=a,b` (query; the current docs also show a JSON body on the GET — accepted too)
    // → {"items": [Connector]} in request order; unknown names are simply absent [inferred].
    method: 'GET',
    path: '/api/integrations',
    handler: async ({ store, query, readJson }) => {
      let names = query.csv('applications');
      if (names === undefined) {
        const body = (await readJson()) as { applications?: unknown } | undefined;
        if (body && typeof body.applications === 'string') names = body.applications.split(',').map((s) => s.trim());
      }
      const items: Workato.Connector[] = [];
      for (const name of new Set(names ?? [])) {
        // The workspace's custom connectors are known by name too [inferred] (§16.3).
        const c = CONNECTOR_BY_NAME.get(name) ?? customConnectorMetadata(store, name);
        if (c) items.push(structuredClone(c));
      }
      return ok({ items });
    },
  },
  {
    // §16.2 → {"items", "count", "page", "per_page"}; per_page max 100, default 100 [inferred].
    method: 'GET',
    path: '/api/integrations/all',
    handler: ({ query }) => {
      const w = pageParams(query, { perPage: INFERRED.integrationsDefaultPerPage });
      const body: Workato.ConnectorPage = {
        items: paginate(CONNECTORS, w).map((c) => structuredClone(c)),
        count: CONNECTORS.length,
        page: w.page,
        per_page: w.perPage,
      };
      return ok(body);
    },
  },
];
