import type { WorkatoApi } from './http.js';
import { CUSTOM_CONNECTORS_LIST_PATH, schemaFields, unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /custom_connectors/search — every custom (SDK) connector, unpaged, as `{"result": [...]}` (§16.3). */
export async function listCustomConnectors(api: WorkatoApi): Promise<Workato.CustomConnector[]> {
  return unwrapList<Workato.CustomConnector>(await api.get(CUSTOM_CONNECTORS_LIST_PATH));
}

/** GET /custom_connectors/:id/code — the connector's Ruby source (§16.3); 404 for an unknown id. */
export async function getCustomConnectorCode(api: WorkatoApi, id: number): Promise<string> {
  const body = await api.get<Workato.CustomConnectorCode>(`/custom_connectors/${id}/code`);
  return body.data.code;
}

/** POST /sdk/generate_schema/json — Workato schema fields from a JSON sample sent as a string (§16.3). */
export async function generateSchemaFromJson(api: WorkatoApi, sample: string): Promise<Workato.SchemaField[]> {
  return schemaFields(await api.send('POST', '/sdk/generate_schema/json', { body: { sample } }));
}

/** POST /sdk/generate_schema/csv — schema fields from a CSV sample; `col_sep` comma|semicolon|space|tab|colon|pipe (§16.3). */
export async function generateSchemaFromCsv(api: WorkatoApi, sample: string, colSep: string): Promise<Workato.SchemaField[]> {
  return schemaFields(await api.send('POST', '/sdk/generate_schema/csv', { body: { sample, col_sep: colSep } }));
}

/**
 * POST /custom_connectors (§16 #5; body from api-docs "Create custom connector": `title`, `code` as a string of at most
 * 10 MB, `description` (Markdown), `logo` (Base64), `note` for the first version) → the connector.
 */
export async function createCustomConnector(api: WorkatoApi, body: Workato.CustomConnectorWrite): Promise<Workato.CustomConnectorWritten> {
  return unwrapObject<Workato.CustomConnectorWritten>(await api.send('POST', '/custom_connectors', { body }));
}

/** PUT /custom_connectors/:id (§16 #6) with the fields to change [inferred: the create fields] → the connector. */
export async function updateCustomConnector(api: WorkatoApi, id: number, body: Workato.CustomConnectorWrite): Promise<Workato.CustomConnectorWritten> {
  return unwrapObject<Workato.CustomConnectorWritten>(await api.send('PUT', `/custom_connectors/${id}`, { body }));
}

/** POST /custom_connectors/:id/release (§16 #7): releases the newest version [inferred: no body, answers the connector]. */
export async function releaseCustomConnector(api: WorkatoApi, id: number): Promise<Workato.CustomConnectorWritten> {
  return unwrapObject<Workato.CustomConnectorWritten>(await api.send('POST', `/custom_connectors/${id}/release`));
}
