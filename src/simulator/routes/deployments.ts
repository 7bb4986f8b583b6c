/**
 * REFERENCE §14.4: project builds and deployments (Environments feature only). Every route answers 400
 * `Environments not provisioned` on a workspace without it, before looking at ids. Open choices: inferred.ts.
 */
import type { Workato } from '../../workato/types.js';
import { readBuild, readDeployment, startBuild, startDeployment } from '../deployments.js';
import { badRequest, notFound, ok, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_WRITES } from '../inferred.js';
import type { WorkspaceStore } from '../store.js';
import { bodyBool, bodyOf } from '../writes.js';
import { projectByRef } from './projects.js';

const ENVIRONMENTS = ['test', 'prod'];
const STATES = ['pending', 'success', 'failed'];

function requireEnvironments(store: WorkspaceStore): void {
  if (!store.environments) throw badRequest(INFERRED_WRITES.environmentsNotProvisioned);
}

/** The `:id` of /projects/:id/build|deploy (projects.ts `projectByRef`); 404 when no project has it. */
function findProject(store: WorkspaceStore, raw: string | undefined): Workato.Project {
  const project = projectByRef(store, raw);
  if (!project) throw notFound();
  return project;
}

/** `environment_type` (required on deploys): missing → 400, unknown → 404 `Not found` (§14.4). */
function environmentType(ctx: RouteContext): string {
  const value = ctx.query.string('environment_type');
  if (value === undefined) throw badRequest(INFERRED_WRITES.missingEnvironmentType);
  if (!ENVIRONMENTS.includes(value)) throw notFound();
  return value;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** GET /project_builds/:id answers the build without `include_test_cases` and `project_build_id` (§14.4). */
function renderBuild(build: Workato.ProjectBuild): Partial<Workato.ProjectBuild> {
  const { include_test_cases: _t, project_build_id: _b, ...rest } = build;
  return { ...rest };
}

export const deploymentRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/projects/:id/build',
    handler: async (ctx) => {
      requireEnvironments(ctx.store);
      const project = findProject(ctx.store, ctx.params.id);
      const body = await bodyOf(ctx);
      const row = startBuild(ctx.store, project, { description: text(body.description), include_test_cases: bodyBool(body.include_test_cases) ?? null });
      return ok({ ...row.wire });
    },
  },
  {
    method: 'GET',
    path: '/api/project_builds/:id',
    handler: ({ store, params }) => {
      requireEnvironments(store);
      const row = store.builds.get(pathInt(params.id));
      if (!row) throw notFound();
      return ok(renderBuild(readBuild(store, row)));
    },
  },
  {
    method: 'POST',
    path: '/api/project_builds/:id/deploy',
    handler: async (ctx) => {
      const { store } = ctx;
      requireEnvironments(store);
      const build = store.builds.get(pathInt(ctx.params.id));
      if (!build) throw notFound();
      const env = environmentType(ctx);
      if (build.wire.state === 'pending') throw badRequest(INFERRED_WRITES.buildNotFinished);
      if (build.wire.state === 'failed') throw badRequest(INFERRED_WRITES.buildFailed);
      const row = startDeployment(store, build, env, text((await bodyOf(ctx)).description));
      return ok({ ...row.wire });
    },
  },
  {
    // Build and deploy in one step: a new build, and a deployment that finishes (and finishes the build) later.
    method: 'POST',
    path: '/api/projects/:id/deploy',
    handler: async (ctx) => {
      const { store } = ctx;
      requireEnvironments(store);
      const project = findProject(store, ctx.params.id);
      const env = environmentType(ctx);
      const description = text((await bodyOf(ctx)).description);
      const build = startBuild(store, project, { description });
      return ok({ ...startDeployment(store, build, env, description).wire });
    },
  },
  {
    method: 'GET',
    path: '/api/deployments/:id',
    handler: ({ store, params }) => {
      requireEnvironments(store);
      const row = store.deployments.get(pathInt(params.id));
      if (!row) throw notFound();
      return ok({ ...readDeployment(store, row) });
    },
  },
  {
    // `{"items": [...]}`, every match (no paging documented), newest first [inferred].
    method: 'GET',
    path: '/api/deployments',
    handler: ({ store, query }) => {
      requireEnvironments(store);
      const projectId = query.int('project_id');
      const folderRaw = query.string('folder_id');
      const folderMatch = folderRaw?.match(/^f?(\d+)$/);
      if (folderRaw !== undefined && !folderMatch) throw badRequest('folder_id is invalid');
      const folderProject = folderMatch ? [...store.projects.values()].find((p) => p.folder_id === Number(folderMatch[1])) : undefined;
      const env = query.string('environment_type');
      if (env !== undefined && !ENVIRONMENTS.includes(env)) throw badRequest('environment_type is invalid');
      const state = query.string('state');
      if (state !== undefined && !STATES.includes(state)) throw badRequest('state is invalid');
      const from = query.time('from');
      const to = query.time('to');
      const items: Workato.Deployment[] = [];
      for (const row of [...store.deployments.values()].sort((a, b) => b.wire.id - a.wire.id)) {
        const d = row.wire;
        if (projectId !== undefined && d.project_id !== String(projectId)) continue;
        if (folderMatch && d.project_id !== String(folderProject?.id)) continue;
        if (env !== undefined && d.environment_type !== env) continue;
        const created = Date.parse(d.created_at ?? '');
        if ((from !== undefined && created < from) || (to !== undefined && created > to)) continue;
        const read = readDeployment(store, row);
        if (state !== undefined && read.state !== state) continue;
        items.push({ ...read });
      }
      return ok({ items });
    },
  },
];
