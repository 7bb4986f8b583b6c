/** REFERENCE §14.2–§14.3: update and delete a project (by project id, not folder id). */
import type { Workato } from '../../workato/types.js';
import { notFound, ok, pathInt, type RouteDef } from '../http-helpers.js';
import type { WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';
import { blank, bodyOf, removeTree, subtree, Validation } from '../writes.js';

function findProject(store: WorkspaceStore, raw: string | undefined): Workato.Project {
  const project = store.projects.get(pathInt(raw));
  if (!project) throw notFound();
  return project;
}

export const projectWriteRoutes: RouteDef[] = [
  {
    // §14.2 [inferred] `name` and/or `description` → the Project; the project's folder carries the same name.
    method: 'PUT',
    path: '/api/projects/:project_id',
    handler: async (ctx) => {
      const { store } = ctx;
      const project = findProject(store, ctx.params.project_id);
      const body = await bodyOf(ctx);
      const v = new Validation();
      if ('name' in body && blank(body.name)) v.add('name', "can't be blank");
      if ('description' in body && body.description !== null && typeof body.description !== 'string') v.add('description', 'is invalid');
      v.check();
      if ('name' in body) project.name = String(body.name).trim();
      if ('description' in body) project.description = (body.description as string | null) ?? null;
      const folder = store.folders.get(project.folder_id);
      if (folder) Object.assign(folder, { name: project.name, updated_at: formatTime(Date.now()) });
      store.touch();
      return ok({ ...project });
    },
  },
  {
    // §14.3 → `{"success": true}`: the project with its folders, recipes and connections. A missing privilege
    // would be 403 `Cannot destroy folder` (fixtures/error-403.json; inject it as a fault to test it).
    method: 'DELETE',
    path: '/api/projects/:project_id',
    handler: ({ store, params }) => {
      const project = findProject(store, params.project_id);
      removeTree(store, subtree(store, project.folder_id));
      store.projects.delete(project.id);
      store.touch();
      return ok({ success: true });
    },
  },
];
