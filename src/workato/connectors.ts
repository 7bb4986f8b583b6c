import { UnexpectedAnswerError, type WorkatoApi } from './http.js';
import { objectsOnly, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /integrations?applications=a,b — metadata for named connectors; unknown names are absent (§16.1). */
export async function listConnectorsByName(api: WorkatoApi, names: readonly string[]): Promise<Workato.Connector[]> {
  return unwrapList<Workato.Connector>(await api.get('/integrations', { applications: names.join(',') }));
}

/** GET /integrations/all — one page of every connector, with the total `count` (§16.2). */
export async function listAllConnectors(api: WorkatoApi, params: { page: number; per_page: number }): Promise<Workato.ConnectorPage> {
  const page = await api.get<Workato.ConnectorPage | undefined>('/integrations/all', params);
  if (!page || !Array.isArray(page.items)) throw new UnexpectedAnswerError('no `items` list in the connector page');
  objectsOnly<Workato.Connector>(page.items);
  return page;
}
