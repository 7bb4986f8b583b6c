import type { WorkatoApi } from '../workato/http.js';
import { getConnectionInputSchema, getConnectorInputSchema } from '../workato/input-schemas.js';
import type { Workato } from '../workato/types.js';
import type { ReferenceReads } from './reference-cache.js';
import { listLoader } from './util.js';

/**
 * Connection forms of one Embedded customer (REFERENCE §17.3 #6, §17.8): one call per connection or connector and
 * request, however many fields ask. A connector's form is connector metadata, static until the connector changes:
 * it is kept in the caller's reference cache (and dropped by connector writes, like the rest of it). A connection's
 * form follows the connection's input, which any client (not only this gateway) can change: read every request.
 */
export function createInputSchemaLoaders(api: WorkatoApi, _scope: string | undefined, reference: ReferenceReads) {
  return {
    connectionInputSchema: listLoader<number, Workato.SchemaField[]>((connectionId) => getConnectionInputSchema(api, connectionId)),
    connectorInputSchema: listLoader<string, Workato.SchemaField[]>((application) =>
      reference.one(`/connectors/${encodeURIComponent(application)}/input_schema`, (caller) => getConnectorInputSchema(caller, application)),
    ),
  };
}
