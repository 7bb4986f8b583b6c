/**
 * Connection pick lists (REFERENCE §12.6) and runtime-user connections' OAuth URLs (§12.7). Both are connection
 * endpoints, limited to 1 request/second (§5): the same ask twice in one request is one call.
 */
import { getConnectionPickList, getRuntimeUserConnectionOauthUrl } from '../workato/connections.js';
import type { WorkatoApi } from '../workato/http.js';
import { BATCHED, requestLoader } from './options.js';
import { listLoader, toError } from './util.js';

export interface PickListKey {
  connectionId: number;
  name: string;
  params?: Record<string, unknown>;
}

export function createConnectionExtraLoaders(api: WorkatoApi, _scope: string | undefined) {
  /** POST /connections/:id/pick_list, keyed by connection, name and parameters. */
  const pickList = listLoader((key: PickListKey) =>
    getConnectionPickList(api, key.connectionId, { pick_list_name: key.name, ...(key.params ? { pick_list_params: key.params } : {}) }),
  );
  /** GET /connections/runtime_user_connections/:id/get_oauth_url, one per connection id. */
  const runtimeUserOauthUrl = requestLoader<number, string>(BATCHED, (ids) =>
    Promise.all(ids.map((id) => getRuntimeUserConnectionOauthUrl(api, id).catch(toError))),
  );
  return { pickList, runtimeUserOauthUrl };
}
