import type { WorkatoApi } from '../workato/http.js';
import { getConnectionInputSchema, getConnectorInputSchema } from '../workato/input-schemas.js';
import type { Workato } from '../workato/types.js';
import { listLoader } from './util.js';

/**
 * Connection forms of one Embedded customer (REFERENCE §17.3 #6, §17.8): one call per connection or connector and
 * request, however many fields ask. Not kept across requests: a connection's form follows its input, which any
 * client (not only this gateway) can change.
 */
export function createInputSchemaLoaders(api: WorkatoApi, _scope: string | undefined) {
  return {
    connectionInputSchema: listLoader<number, Workato.SchemaField[]>((connectionId) => getConnectionInputSchema(api, connectionId)),
    connectorInputSchema: listLoader<string, Workato.SchemaField[]>((application) => getConnectorInputSchema(api, application)),
  };
}
