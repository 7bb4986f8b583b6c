import { queryString, type WorkatoApi } from '../workato/http.js';
import { listConnections, type ListConnectionsParams } from '../workato/connections.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, memo, READS_EVERYTHING, requestLoader, type LoaderMode, type ReadHints } from './options.js';
import { directReads, type ReferenceReads } from './reference-cache.js';
import { tag, type Scoped } from './scope.js';
import { listLoader } from './util.js';

/** @param reads what the operation reads: lists ask for `tags` (`includes[]=tags`) only when it reads `Connection.tags`. */
export function createConnectionLoaders(
  api: WorkatoApi,
  scope: string | undefined,
  mode: LoaderMode = BATCHED,
  reads: ReadHints = () => READS_EVERYTHING,
  reference: ReferenceReads = directReads(api),
) {
  /** GET /connections with filters; Workato sends the whole list at once (REFERENCE §12.1). Through `reference`. */
  const connectionList = listLoader(async (filters: ListConnectionsParams) => {
    const params = { ...filters, includes: reads().connectionTags ? ['tags'] : undefined };
    return tag(await reference.one(`/connections${queryString({ ...params })}`, (caller) => listConnections(caller, params)), scope);
  }, mode);

  const indexOf = (filters: ListConnectionsParams) =>
    memo(mode, () => connectionList.load(filters).then((all): Map<number, Scoped<Workato.Connection>> => new Map(all.map((c) => [c.id, c]))));
  /** No get-by-id exists: the unfiltered list, loaded once per request, indexed by id (§30). */
  const index = indexOf({});
  /**
   * The unfiltered list leaves out runtime-user connections (§12.1): an id it lacks is looked for once more in the
   * list that includes them, so a child connection is found by id — and an unknown id costs that one call more.
   */
  const runtimeIndex = indexOf({ include_runtime_connections: true });
  const connectionById = requestLoader<number, Scoped<Workato.Connection>>(mode, async (ids) => {
    const byId = await index.get();
    const withRuntime = ids.some((id) => !byId.has(id)) ? await runtimeIndex.get() : undefined;
    return ids.map((id) => byId.get(id) ?? withRuntime?.get(id) ?? new NotFoundError('Connection', String(id)));
  });

  /**
   * After a write: drop every connection list and the id index of this request, so later fields re-list
   * (no get-by-id exists, REFERENCE §12). A write that answered the connection primes it back afterwards.
   */
  function forgetConnections(): void {
    connectionList.clearAll();
    connectionById.clearAll();
    index.clear();
    runtimeIndex.clear();
  }

  return { connectionList, connectionById, forgetConnections };
}

export type ConnectionLoaders = ReturnType<typeof createConnectionLoaders>;
