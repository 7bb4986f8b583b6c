import type { WorkatoApi } from '../workato/http.js';
import { listProjects } from '../workato/projects.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, memo, requestLoader, type LoaderMode } from './options.js';
import { tag, type Scoped } from './scope.js';
import { allPages } from './util.js';

/** No get-by-id for projects (REFERENCE §14): list all pages once per request and index by id and folder id. */
export function createProjectLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode = BATCHED) {
  const all = memo(mode, () => allPages((page, per_page) => listProjects(api, { page, per_page })).then((p) => tag(p, scope)));
  const projects = all.get;

  const projectById = requestLoader<number, Scoped<Workato.Project>>(mode, async (ids) => {
    const byId = new Map((await projects()).map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Project', String(id)));
  });

  const projectByFolderId = requestLoader<number, Scoped<Workato.Project> | null>(mode, async (folderIds) => {
    const byFolder = new Map((await projects()).map((p) => [p.folder_id, p]));
    return folderIds.map((id) => byFolder.get(id) ?? null);
  });

  /** After a project write (or a top-level folder create, which makes a project, §13.2). */
  function forgetProjects(): void {
    all.clear();
    projectById.clearAll();
    projectByFolderId.clearAll();
  }

  return { projects, projectsStarted: all.peek, projectById, projectByFolderId, forgetProjects };
}

export type ProjectLoaders = ReturnType<typeof createProjectLoaders>;
