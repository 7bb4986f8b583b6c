import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { listProjects } from '../workato/projects.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { allPages } from './util.js';

/** No get-by-id for projects (REFERENCE §14): list all pages once per request and index by id and folder id. */
export function createProjectLoaders(api: WorkatoApi, scope: string | undefined) {
  let all: Promise<Scoped<Workato.Project>[]> | undefined;
  const projects = () => (all ??= allPages((page, per_page) => listProjects(api, { page, per_page })).then((p) => tag(p, scope)));

  const projectById = new DataLoader<number, Scoped<Workato.Project>>(async (ids) => {
    const byId = new Map((await projects()).map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Project', String(id)));
  });

  const projectByFolderId = new DataLoader<number, Scoped<Workato.Project> | null>(async (folderIds) => {
    const byFolder = new Map((await projects()).map((p) => [p.folder_id, p]));
    return folderIds.map((id) => byFolder.get(id) ?? null);
  });

  return { projects, projectById, projectByFolderId };
}

export type ProjectLoaders = ReturnType<typeof createProjectLoaders>;
