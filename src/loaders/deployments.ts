import type { WorkatoApi } from '../workato/http.js';
import { getDeployment, getProjectBuild, listDeployments, type ListDeploymentsParams } from '../workato/deployments.js';
import { projectIdOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { listLoader, notFoundAs, toError } from './util.js';

/** One GET per id, in parallel (Workato has no batch get); 404 → NotFoundError for that key only. */
export function byIdLoader<T extends object>(mode: LoaderMode, entity: string, scope: string | undefined, get: (id: number) => Promise<T>) {
  return requestLoader<number, Scoped<T>>(mode, (ids) =>
    Promise.all(
      ids.map((id) =>
        get(id).then(
          (value) => tagOne(value, scope),
          notFoundAs(entity, String(id)),
        ),
      ),
    ),
  );
}

/** The deployments of one project, with the list's other filters (`Project.deployments`). */
export interface ProjectDeploymentsKey {
  projectId: number;
  filters: Omit<ListDeploymentsParams, 'project_id' | 'folder_id'>;
}

/**
 * Project builds and deployments (REFERENCE §14.4). Their state changes on Workato's side, so nothing outlives the request.
 * @param projectsRead the workspace's project list, when this request has read it (never reads it itself).
 */
export function createDeploymentLoaders(
  api: WorkatoApi,
  scope: string | undefined,
  mode: LoaderMode = BATCHED,
  projectsRead: () => Promise<readonly { id: number }[]> | undefined = () => undefined,
) {
  const projectBuildById = byIdLoader<Workato.ProjectBuild>(mode, 'ProjectBuild', scope, (id) => getProjectBuild(api, id));
  const deploymentById = byIdLoader<Workato.Deployment>(mode, 'Deployment', scope, (id) => getDeployment(api, id));

  /** GET /deployments with filters: every match in one answer (no paging, §6); items prime deploymentById. */
  const deploymentList = listLoader(async (params: ListDeploymentsParams) => {
    const items = tag(await listDeployments(api, params), scope);
    for (const d of items) deploymentById.prime(d.id, d);
    return items;
  }, mode);

  /**
   * The deployments of many projects (`projects { nodes { deployments } }`). GET /deployments takes one `project_id`
   * and has no paging: unfiltered, it answers every deployment of the workspace, each with its `project_id` (§14.4).
   * That list is unbounded — a workspace that deploys often holds thousands — and carries the deployments of every
   * project, asked for or not. So the projects of one batch (same other filters) share one unfiltered call only when
   * they are at least two and at least half of the workspace's projects (from the project list this request has
   * read; not read, no sharing): the answer then holds, in proportion, at most about twice the deployments their own
   * calls would, for one call instead of one per project. A page of 25 of 1,000 projects keeps its 25 filtered
   * calls rather than read 40 times the deployments it needs; a single project always gets its own filtered call.
   */
  const deploymentsByProject = requestLoader<ProjectDeploymentsKey, Scoped<Workato.Deployment>[], string>(
    mode,
    async (keys) => {
      const groups = new Map<string, { filters: ProjectDeploymentsKey['filters']; projects: Set<number>; all?: Promise<Scoped<Workato.Deployment>[]> }>();
      const groupOf = keys.map(({ projectId, filters }) => {
        const key = JSON.stringify(filters);
        const group = groups.get(key) ?? { filters, projects: new Set<number>() };
        group.projects.add(projectId);
        groups.set(key, group);
        return group;
      });
      const projects = await projectsRead()?.catch(() => undefined);
      const shared = (n: number) => projects !== undefined && n >= 2 && n * 2 >= projects.length;
      return Promise.all(
        keys.map(async ({ projectId, filters }, i) => {
          const group = groupOf[i]!;
          try {
            if (!shared(group.projects.size)) return await deploymentList.load({ ...filters, project_id: projectId });
            const all = await (group.all ??= deploymentList.load(filters));
            return all.filter((d) => projectIdOf(d.project_id) === projectId);
          } catch (e) {
            return toError(e);
          }
        }),
      );
    },
    { cacheKeyFn: (k) => JSON.stringify([k.projectId, k.filters]) },
  );

  /** After a build or deploy: lists may hold a new deployment. Builds and deployments by id stay valid. */
  function forgetDeployments(): void {
    deploymentList.clearAll();
    deploymentsByProject.clearAll();
  }

  return { projectBuildById, deploymentById, deploymentList, deploymentsByProject, forgetDeployments };
}

export type DeploymentLoaders = ReturnType<typeof createDeploymentLoaders>;
