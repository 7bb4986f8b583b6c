/** REFERENCE §13: folders (list only in this task; there is no GET /api/folders/:id). */
import { inScope, notFound, ok, pageParams, paginate, type RouteDef } from '../http-helpers.js';

export const folderRoutes: RouteDef[] = [
  {
    // §13.1 → bare array of one level (default parent = Home); the root itself is never listed; page/per_page ≤ 100.
    method: 'GET',
    path: '/api/folders',
    handler: ({ store, query, folderScope }) => {
      const window = pageParams(query);
      const parentId = query.int('parent_id') ?? store.rootFolderId;
      if (!store.folders.has(parentId)) throw notFound(); // [inferred] unknown parent → 404
      // [inferred] with_nested_folders=true → the whole subtree (depth-first).
      const nested = query.bool('with_nested_folders') ?? false;
      const all = nested ? store.descendantFolders(parentId) : store.childFolders(parentId);
      // §2.1: a folder-scoped client sees its folders and what is below them, wherever it lists from.
      const list = all.filter((f) => inScope(folderScope, f.id));
      return ok(paginate(list, window).map((f) => ({ ...f })));
    },
  },
];
