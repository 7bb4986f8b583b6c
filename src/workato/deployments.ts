/**
 * Project builds and deployments (REFERENCE §14.4; Environments feature only — workspaces without it get 400
 * `Environments not provisioned`). All writes are asynchronous: a 200 means "accepted"; read `state` afterwards.
 */
import type { WorkatoApi } from './http.js';
import { unwrapList, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/**
 * The `:id` of the project build/deploy paths: a project id, or a folder id written `f<folder_id>` (§14.4).
 */
export type ProjectRef = { projectId: number } | { folderId: number };

const projectSegment = (ref: ProjectRef): string => ('projectId' in ref ? String(ref.projectId) : `f${ref.folderId}`);

export type EnvironmentType = 'test' | 'prod';

/** POST /projects/:id/build → a `pending` ProjectBuild. */
export async function buildProject(
  api: WorkatoApi,
  project: ProjectRef,
  body: { description?: string; include_test_cases?: boolean },
): Promise<Workato.ProjectBuild> {
  return unwrapObject<Workato.ProjectBuild>(await api.send('POST', `/projects/${projectSegment(project)}/build`, { body }));
}

/** GET /project_builds/:id — poll until `state` is final and `download_url` is set. */
export async function getProjectBuild(api: WorkatoApi, id: number): Promise<Workato.ProjectBuild> {
  return unwrapObject<Workato.ProjectBuild>(await api.get(`/project_builds/${id}`));
}

/** POST /project_builds/:id/deploy?environment_type= → a Deployment of an existing build. */
export async function deployProjectBuild(
  api: WorkatoApi,
  buildId: number,
  environmentType: EnvironmentType,
  body: { description?: string },
): Promise<Workato.Deployment> {
  return unwrapObject<Workato.Deployment>(
    await api.send('POST', `/project_builds/${buildId}/deploy`, { query: { environment_type: environmentType }, body }),
  );
}

/** POST /projects/:id/deploy?environment_type= → build and deploy in one step; answers the Deployment. */
export async function deployProject(
  api: WorkatoApi,
  project: ProjectRef,
  environmentType: EnvironmentType,
  body: { description?: string },
): Promise<Workato.Deployment> {
  return unwrapObject<Workato.Deployment>(
    await api.send('POST', `/projects/${projectSegment(project)}/deploy`, { query: { environment_type: environmentType }, body }),
  );
}

/** GET /deployments/:id */
export async function getDeployment(api: WorkatoApi, id: number): Promise<Workato.Deployment> {
  return unwrapObject<Workato.Deployment>(await api.get(`/deployments/${id}`));
}

/** Filters of GET /deployments; `folder_id` in its `f<id>` form (§14.4). */
export interface ListDeploymentsParams {
  project_id?: number;
  folder_id?: string;
  environment_type?: EnvironmentType;
  state?: string;
  /** ISO 8601 creation-time bounds. */
  from?: string;
  to?: string;
}

/** GET /deployments → `{"items": [...]}`, every match at once (no paging documented). */
export async function listDeployments(api: WorkatoApi, params: ListDeploymentsParams = {}): Promise<Workato.Deployment[]> {
  return unwrapList<Workato.Deployment>(await api.get('/deployments', { ...params }));
}
