/**
 * Connection forms of an Embedded customer (REFERENCE §17.3 #6, §17.8): the input schema Workato shows for a
 * connector's connections, and the one for an existing connection (the base schema plus the part of the connector's
 * extended settings that the connection's own input activates). Both exist only in a customer's scope: the functions
 * take the customer's scoped API (`api.forManagedUser(segment)`). Both answer `{"result": [field, ...]}`.
 */
import type { WorkatoApi } from './http.js';
import { unwrapList } from './inferred.js';
import type { Workato } from './types.js';

/** GET /managed_users/:id/connections/:connection_id/input_schema — 404 for a connection the customer does not have. */
export async function getConnectionInputSchema(scoped: WorkatoApi, connectionId: number): Promise<Workato.SchemaField[]> {
  return unwrapList<Workato.SchemaField>(await scoped.get(`/connections/${connectionId}/input_schema`));
}

/** GET /v2/managed_users/:id/connectors/:connector_name/input_schema — the connector's static base schema. */
export async function getConnectorInputSchema(scoped: WorkatoApi, application: string): Promise<Workato.SchemaField[]> {
  return unwrapList<Workato.SchemaField>(await scoped.get(`/connectors/${encodeURIComponent(application)}/input_schema`, undefined, { embeddedV2: true }));
}
