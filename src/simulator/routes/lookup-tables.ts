/** REFERENCE §18: lookup tables (the list; Embedded customers get it under /api/managed_users/:id too, §17.7). */
import { ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';

export const lookupTableRoutes: RouteDef[] = [
  {
    // §18 #1 → bare array of LookupTable (`schema` a JSON string, `project_id` a string); page/per_page ≤ 100.
    method: 'GET',
    path: '/api/lookup_tables',
    handler: ({ store, query }) => {
      const window = pageParams(query);
      // [inferred] id-descending, as in fixtures/lookup-tables-list.json.
      const tables = [...store.lookupTables.values()].sort((a, b) => b.id - a.id);
      return ok(paginate(tables, window).map((t) => ({ ...t })));
    },
  },
];
