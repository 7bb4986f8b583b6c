import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { listConnections, type ListConnectionsParams } from '../workato/connections.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listLoader } from './util.js';

export function createConnectionLoaders(api: WorkatoApi, scope: string | undefined) {
  /** GET /connections with filters; Workato sends the whole list at once (REFERENCE §12.1). */
  const connectionList = listLoader(async (params: ListConnectionsParams) =>
    tag(await listConnections(api, { ...params, includes: ['tags'] }), scope),
  );

  /** No get-by-id exists: the unfiltered list, loaded once per request, indexed by id (§30). */
  let index: Promise<Map<number, Scoped<Workato.Connection>>> | undefined;
  const connectionById = new DataLoader<number, Scoped<Workato.Connection>>(async (ids) => {
    index ??= connectionList.load({}).then((all) => new Map(all.map((c) => [c.id, c])));
    const byId = await index;
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Connection', String(id)));
  });

  return { connectionList, connectionById };
}

export type ConnectionLoaders = ReturnType<typeof createConnectionLoaders>;
