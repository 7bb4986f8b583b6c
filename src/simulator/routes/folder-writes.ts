/**
 * REFERENCE §13.2–§13.4: create (a project at the top level), update and delete a folder. Choices the reference
 * leaves open: inferred.ts (INFERRED_WRITES).
 */
import type { Workato } from '../../workato/types.js';
import { badRequest, notFound, ok, pathInt, type RouteDef } from '../http-helpers.js';
import { INFERRED_WRITES } from '../inferred.js';
import type { WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';
import { blank, bodyBool, bodyId, bodyOf, contents, removeTree, subtree, Validation } from '../writes.js';

/** A listed folder (never Home, which §13.1 never lists); 404 otherwise. */
function findFolder(store: WorkspaceStore, raw: string | undefined): Workato.Folder {
  const id = pathInt(raw);
  if (id === store.rootFolderId) throw badRequest(INFERRED_WRITES.homeFolderChange);
  const folder = store.folders.get(id);
  if (!folder) throw notFound();
  return folder;
}

export const folderWriteRoutes: RouteDef[] = [
  {
    // §13.2 → the Folder; without `parent_id` (or with Home's id) it is a project, with its own project row.
    method: 'POST',
    path: '/api/folders',
    handler: async (ctx) => {
      const { store } = ctx;
      const body = await bodyOf(ctx);
      const v = new Validation();
      if (blank(body.name)) v.add('name', "can't be blank");
      const parentId = body.parent_id === undefined || body.parent_id === null ? store.rootFolderId : bodyId(body.parent_id);
      const parent = parentId === undefined ? undefined : store.folders.get(parentId);
      if (!parent) v.add('parent_id', 'is invalid');
      v.check();
      const now = formatTime(Date.now());
      const topLevel = parent!.id === store.rootFolderId;
      const folder: Workato.Folder = {
        id: store.allocateId('folder'), name: String(body.name).trim(), parent_id: parent!.id, is_project: topLevel,
        project_id: topLevel ? store.allocateId('project') : (parent!.project_id ?? null), created_at: now, updated_at: now,
      };
      store.folders.set(folder.id, folder);
      if (topLevel) store.projects.set(folder.project_id!, { id: folder.project_id!, description: null, folder_id: folder.id, name: folder.name });
      store.touch();
      return ok({ ...folder });
    },
  },
  {
    // §13.3 [inferred] `name` and/or `parent_id` → the Folder.
    method: 'PUT',
    path: '/api/folders/:folder_id',
    handler: async (ctx) => {
      const { store } = ctx;
      const folder = findFolder(store, ctx.params.folder_id);
      const body = await bodyOf(ctx);
      const v = new Validation();
      if ('name' in body && blank(body.name)) v.add('name', "can't be blank");
      let parent: Workato.Folder | undefined;
      if (body.parent_id !== undefined && body.parent_id !== null) {
        const parentId = bodyId(body.parent_id);
        parent = parentId === undefined ? undefined : store.folders.get(parentId);
        if (folder.is_project) {
          if (parentId !== folder.parent_id) v.add('parent_id', INFERRED_WRITES.projectMove);
        } else if (!parent || parent.id === store.rootFolderId || subtree(store, folder.id).has(parent.id)) {
          v.add('parent_id', 'is invalid');
        }
      }
      v.check();
      const now = formatTime(Date.now());
      if ('name' in body) {
        folder.name = String(body.name).trim();
        const project = folder.project_id == null ? undefined : store.projects.get(folder.project_id);
        if (folder.is_project && project) project.name = folder.name;
      }
      if (parent && !folder.is_project && parent.id !== folder.parent_id) {
        folder.parent_id = parent.id;
        for (const id of subtree(store, folder.id)) store.folders.get(id)!.project_id = parent.project_id ?? null;
      }
      folder.updated_at = now;
      store.touch();
      return ok({ ...folder });
    },
  },
  {
    // §13.4 → `{"success": true}`; non-empty without `force` → 400; projects go through DELETE /api/projects/:id.
    method: 'DELETE',
    path: '/api/folders/:folder_id',
    handler: async (ctx) => {
      const { store } = ctx;
      const folder = findFolder(store, ctx.params.folder_id);
      if (folder.is_project) throw badRequest(INFERRED_WRITES.projectFolderDelete);
      const force = ctx.query.bool('force') ?? bodyBool((await bodyOf(ctx)).force) ?? false;
      const tree = subtree(store, folder.id);
      if (!force) {
        const held = contents(store, tree);
        if (held.recipes.length) throw badRequest(INFERRED_WRITES.folderHasRecipes);
        if (held.connections.length) throw badRequest(INFERRED_WRITES.folderHasConnections);
      }
      removeTree(store, tree);
      return ok({ success: true });
    },
  },
];
