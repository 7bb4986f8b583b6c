/** REFERENCE §12: connections (list only in this task; no GET by id exists, §12). */
import type { Workato } from '../../workato/types.js';
import { inScope, ok, type RouteDef } from '../http-helpers.js';
import { wantsTags } from './recipes.js';

export const connectionRoutes: RouteDef[] = [
  {
    // §12.1 → bare array, NOT paginated (page/per_page are ignored), filters only.
    method: 'GET',
    path: '/api/connections',
    handler: ({ store, query, folderScope }) => {
      const provider = query.string('provider');
      const folderId = query.int('folder_id');
      const parentId = query.int('parent_id');
      const externalId = query.string('external_id');
      const runtime = query.bool('include_runtime_connections') ?? false;
      const tags = wantsTags(query);
      const out: Workato.Connection[] = [];
      for (const row of store.connectionsByIdAsc()) {
        const c = row.connection;
        // [inferred] runtime-user (child) connections only with include_runtime_connections or a parent_id filter.
        if (c.parent_id != null && !runtime && parentId === undefined) continue;
        if (!inScope(folderScope, c.folder_id)) continue; // §2.1: outside a folder-scoped client's folders
        if (provider !== undefined && (c.application ?? c.provider) !== provider) continue;
        if (folderId !== undefined && c.folder_id !== folderId) continue;
        if (parentId !== undefined && c.parent_id !== parentId) continue;
        if (externalId !== undefined && c.external_id !== externalId) continue;
        out.push(tags ? { ...c, tags: [...row.tags] } : { ...c });
      }
      return ok(out);
    },
  },
];
