/**
 * Data tables (REFERENCE §25). Tables are on the Developer API host; an Embedded customer's under
 * `/v2/managed_users/<id>/…` like the §17.8 families (which do not list it: [inferred]), hence `embeddedV2`. Records
 * are on the data-tables host (`api.onHost(...)`, config WORKATO_DATA_TABLES_URL) under `/v1/tables/…`; their shapes
 * are [inferred] (inferred.ts).
 */
import type { WorkatoApi } from './http.js';
import { dataObject, EMBEDDED_RECORDS_V2, recordPageOf, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

const V2 = { embeddedV2: true } as const;
const RECORDS_V2 = { embeddedV2: EMBEDDED_RECORDS_V2 };
const table = (id: string) => `/data_tables/${encodeURIComponent(id)}`;
const records = (id: string) => `/v1/tables/${encodeURIComponent(id)}`;

/** GET /data_tables (page/per_page ≤ 100) → `{"data": [DataTable]}`. */
export async function listDataTables(api: WorkatoApi, params: { page?: number; per_page?: number } = {}): Promise<Workato.DataTable[]> {
  return unwrapList<Workato.DataTable>(await api.get('/data_tables', params, V2));
}

/** GET /data_tables/:id → `{"data": DataTable}`. */
export async function getDataTable(api: WorkatoApi, id: string): Promise<Workato.DataTable> {
  return dataObject<Workato.DataTable>(await api.get(table(id), {}, V2));
}

/** POST /data_tables (`name`, `folder_id`, `schema`) → `{"data": DataTable}`. */
export async function createDataTable(api: WorkatoApi, body: Workato.DataTableWrite): Promise<Workato.DataTable> {
  return dataObject<Workato.DataTable>(await api.send('POST', '/data_tables', { body, ...V2 }));
}

/** PUT /data_tables/:id with the keys to change → `{"data": DataTable}`. */
export async function updateDataTable(api: WorkatoApi, id: string, body: Workato.DataTableWrite): Promise<Workato.DataTable> {
  return dataObject<Workato.DataTable>(await api.send('PUT', table(id), { body, ...V2 }));
}

/** DELETE /data_tables/:id. */
export function deleteDataTable(api: WorkatoApi, id: string): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', table(id), V2);
}

/** POST /data_tables/:id/truncate: deletes every record, keeps the table. */
export function truncateDataTable(api: WorkatoApi, id: string): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('POST', `${table(id)}/truncate`, V2);
}

/** POST /v1/tables/:id/query on the records host → one page of records and the next page's token. */
export async function queryRecords(api: WorkatoApi, id: string, body: Workato.DataTableQuery): Promise<{ records: Workato.DataTableRecord[]; next: string | null }> {
  return recordPageOf(await api.send('POST', `${records(id)}/query`, { body, ...RECORDS_V2 }));
}

/** POST /v1/tables/:id/records `{"data": {column: value}}` → `{"data": record}`. */
export async function createRecord(api: WorkatoApi, id: string, data: Record<string, unknown>): Promise<Workato.DataTableRecord> {
  return dataObject<Workato.DataTableRecord>(await api.send('POST', `${records(id)}/records`, { body: { data }, ...RECORDS_V2 }));
}

/** PUT /v1/tables/:id/records/:record_id with the columns to change → `{"data": record}`. */
export async function updateRecord(api: WorkatoApi, id: string, recordId: string, data: Record<string, unknown>): Promise<Workato.DataTableRecord> {
  return dataObject<Workato.DataTableRecord>(await api.send('PUT', `${records(id)}/records/${encodeURIComponent(recordId)}`, { body: { data }, ...RECORDS_V2 }));
}

/** DELETE /v1/tables/:id/records/:record_id. */
export function deleteRecord(api: WorkatoApi, id: string, recordId: string): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `${records(id)}/records/${encodeURIComponent(recordId)}`, RECORDS_V2);
}
