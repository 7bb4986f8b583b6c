import { WorkatoError, type WorkatoApi } from '../workato/http.js';
import { getDeployment, getProjectBuild, listDeployments, type ListDeploymentsParams } from '../workato/deployments.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

/** One GET per id, in parallel (Workato has no batch get); 404 → NotFoundError for that key only. */
export function byIdLoader<T extends object>(mode: LoaderMode, entity: string, scope: string | undefined, get: (id: number) => Promise<T>) {
  return requestLoader<number, Scoped<T>>(mode, (ids) =>
    Promise.all(
      ids.map((id) =>
        get(id).then(
          (value) => tag([value], scope)[0]!,
          (e: unknown) => (e instanceof WorkatoError && e.status === 404 ? new NotFoundError(entity, String(id)) : toError(e)),
        ),
      ),
    ),
  );
}

/** Project builds and deployments (REFERENCE §14.4). Their state changes on Workato's side, so nothing outlives the request. */
export function createDeploymentLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode = BATCHED) {
  const projectBuildById = byIdLoader<Workato.ProjectBuild>(mode, 'ProjectBuild', scope, (id) => getProjectBuild(api, id));
  const deploymentById = byIdLoader<Workato.Deployment>(mode, 'Deployment', scope, (id) => getDeployment(api, id));

  /** GET /deployments with filters: every match in one answer (no paging, §6); items prime deploymentById. */
  const deploymentList = listLoader(async (params: ListDeploymentsParams) => {
    const items = tag(await listDeployments(api, params), scope);
    for (const d of items) deploymentById.prime(d.id, d);
    return items;
  }, mode);

  /** After a build or deploy: lists may hold a new deployment. Builds and deployments by id stay valid. */
  function forgetDeployments(): void {
    deploymentList.clearAll();
  }

  return { projectBuildById, deploymentById, deploymentList, forgetDeployments };
}

export type DeploymentLoaders = ReturnType<typeof createDeploymentLoaders>;
