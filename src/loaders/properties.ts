import type { WorkatoApi } from '../workato/http.js';
import { PROJECT_PROPERTY_KEYS_STRIPPED } from '../workato/inferred.js';
import { listProperties } from '../workato/properties.js';
import { tag, type Scoped } from './scope.js';
import { listLoader } from './util.js';

/** One property as the gateway hands it to resolvers: its full name, the prefix it was read with, its project. */
export interface PropertyValue {
  /** The full name (for a project property: the prefix Workato stripped, put back). */
  name: string;
  /** The `prefix` of the read that returned it ('' for one written by `propertiesUpsert`). */
  prefix: string;
  value: string;
  /** null for an environment property. */
  project_id: number | null;
}

export interface PropertyListKey {
  prefix: string;
  projectId: number | null;
}

/** Environment and project properties of one workspace scope (REFERENCE §19; Embedded §17.8). */
export function createPropertyLoaders(api: WorkatoApi, scope: string | undefined) {
  /** GET /properties?prefix=…(&project_id=…): identical reads in one request cost one call. Name order. */
  const propertyList = listLoader(async ({ prefix, projectId }: PropertyListKey): Promise<Scoped<PropertyValue>[]> => {
    const map = await listProperties(api, { prefix, project_id: projectId ?? undefined });
    const stripped = projectId !== null && PROJECT_PROPERTY_KEYS_STRIPPED;
    const values = Object.entries(map).map(([key, value]) => ({ name: stripped ? prefix + key : key, prefix, value, project_id: projectId }));
    values.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return tag(values, scope);
  });

  /** After an upsert: every later read in the request asks Workato again. */
  const forgetProperties = () => void propertyList.clearAll();

  return { propertyList, forgetProperties };
}
