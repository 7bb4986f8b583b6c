import DataLoader from 'dataloader';
import { getCustomConnectorCode, listCustomConnectors } from '../workato/custom-connectors.js';
import type { WorkatoApi } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { toError } from './util.js';

/** Custom connectors of one workspace (REFERENCE §16.3): one unpaged list, no get-by-id; code per connector. */
export function createCustomConnectorLoaders(api: WorkatoApi, scope: string | undefined) {
  let all: Promise<Scoped<Workato.CustomConnector>[]> | undefined;
  /** The whole list, once per request (§30 "list once, index many"). */
  const customConnectors = () => (all ??= listCustomConnectors(api).then((list) => tag(list, scope)));

  const customConnectorById = new DataLoader<number, Scoped<Workato.CustomConnector>>(async (ids) => {
    const byId = new Map((await customConnectors()).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('CustomConnector', String(id)));
  });

  /** GET /custom_connectors/:id/code, once per connector per request. */
  const customConnectorCode = new DataLoader<number, string>((ids) =>
    Promise.all(ids.map((id) => getCustomConnectorCode(api, id).catch((e: unknown) => toError(e)))),
  );

  /** After a write: the list and code are read again; the written connector is known from the answer. */
  function rememberCustomConnector(written: Workato.CustomConnector): Scoped<Workato.CustomConnector> {
    all = undefined;
    customConnectorById.clearAll();
    customConnectorCode.clear(written.id);
    const c = tagOne(written, scope);
    customConnectorById.prime(c.id, c);
    return c;
  }

  return { customConnectors, customConnectorById, customConnectorCode, rememberCustomConnector };
}

export type CustomConnectorLoaders = ReturnType<typeof createCustomConnectorLoaders>;
