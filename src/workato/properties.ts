import type { WorkatoApi } from './http.js';
import { propertyMapOf } from './inferred.js';
import type { Workato } from './types.js';

/**
 * GET /properties?prefix=… (§19): environment properties whose names start with `prefix` (required), or with
 * `project_id` one project's properties (names without the prefix, [spec]). Embedded: /managed_users/:id/properties.
 */
export async function listProperties(api: WorkatoApi, params: { prefix: string; project_id?: number }): Promise<Workato.PropertyMap> {
  return propertyMapOf(await api.get('/properties', params));
}

/** POST /properties (`?project_id=` for a project) with `{"properties": {name: value}}` → `{"success": true}` (§19). */
export function upsertProperties(api: WorkatoApi, properties: Record<string, string>, projectId?: number): Promise<Workato.SuccessResponse | undefined> {
  const body: Workato.PropertiesUpsertBody = { properties };
  return api.send<Workato.SuccessResponse | undefined>('POST', '/properties', { body, query: { project_id: projectId } });
}
