/**
 * Project builds and deployments (REFERENCE §14.4): reads by id, the deployments list (every match in one
 * answer, paged here newest first) and their relations. `project_id` is a string on both (§7): normalised here.
 */
import type { DeploymentState, EnvironmentType, ProjectBuildState, Resolvers } from '../generated/graphql.js';
import type { ProjectDeploymentsKey } from '../loaders/deployments.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf } from '../loaders/scope.js';
import type { ListDeploymentsParams } from '../workato/deployments.js';
import { deploymentStateOf } from '../workato/inferred.js';
import { given, fromWire, prop, toWire, workatoId } from './helpers.js';
import type { DeploymentConnectionMapper, DeploymentMapper } from './mappers.js';
import { decodeCursor, globalIdOf, makePage, pageSize, workatoIntKey, workatoKey } from './relay.js';
import { linkTo } from './links.js';

/** `"44021"` → 44021; null when Workato sent something that is not a project id. */
export function projectIdOf(value: string | number | null | undefined): number | null {
  const n = Number(value);
  return value != null && value !== '' && Number.isInteger(n) ? n : null;
}

const projectOf = linkTo((value: { project_id: string }) => projectIdOf(value.project_id), (l) => l.projectById);

/** Newest (highest id) first, keyset cursor on the id: stable while deployments are added during a walk. */
function newestFirst(all: readonly DeploymentMapper[], first: number, after: string | null | undefined): DeploymentConnectionMapper {
  const cursor = decodeCursor(after, 'id');
  const sorted = [...all].sort((a, b) => b.id - a.id);
  const start = cursor ? sorted.findIndex((d) => d.id < cursor.id) : 0;
  const from = start === -1 ? sorted.length : start;
  const page = makePage(sorted.slice(from, from + first), (d) => ({ k: 'id', id: d.id }), from + first < sorted.length, from > 0);
  return { ...page, totalCount: all.length };
}

interface DeploymentArgs {
  first?: number | null;
  after?: string | null;
  environmentType?: EnvironmentType | null;
  state?: DeploymentState | null;
  from?: string | null;
  to?: string | null;
}

/** The list filters of the arguments (project and folder aside). */
const listFilters = (args: DeploymentArgs): ProjectDeploymentsKey['filters'] =>
  given({
    environment_type: toWire(args.environmentType) as ListDeploymentsParams['environment_type'],
    state: toWire(args.state),
    from: args.from ?? undefined,
    to: args.to ?? undefined,
  });

async function deploymentPage(loaders: ScopedLoaders, filters: ListDeploymentsParams, args: DeploymentArgs) {
  const first = pageSize(args.first);
  const all = await loaders.deploymentList.load({ ...filters, ...listFilters(args) });
  return newestFirst(all, first, args.after);
}

/** A project's deployments: its own filtered call, or its share of one unfiltered call (deploymentsByProject). */
async function projectDeploymentPage(loaders: ScopedLoaders, projectId: number, args: DeploymentArgs) {
  const first = pageSize(args.first);
  return newestFirst(await loaders.deploymentsByProject.load({ projectId, filters: listFilters(args) }), first, args.after);
}

const environmentOf = (value: string | null | undefined): EnvironmentType | null =>
  value === 'test' || value === 'prod' ? fromWire<EnvironmentType>(value) : null;

export const deploymentResolvers: Resolvers = {
  Query: {
    projectBuild: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('ProjectBuild', args.id, 'id');
      return ctx.loaders.scope(scope).projectBuildById.load(id);
    },
    deployment: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('Deployment', args.id, 'id');
      return ctx.loaders.scope(scope).deploymentById.load(id);
    },
    deployments: (_root, args, ctx) => {
      const project = args.projectId ? workatoKey('Project', args.projectId, 'projectId') : undefined;
      const folder = args.folderId ? workatoKey('Folder', args.folderId, 'folderId') : undefined;
      const loaders = ctx.loaders.scope(project?.scope ?? folder?.scope);
      // §14.4: the folder filter takes the `f<folder_id>` form.
      const filters = given({ project_id: project ? Number(project.key) : undefined, folder_id: folder ? `f${folder.key}` : undefined });
      return deploymentPage(loaders, filters, args);
    },
  },
  Project: {
    // Workato's Embedded API has no deployments endpoint for customer workspaces (REFERENCE §17.6): null, no call.
    deployments: (p, args, ctx) => (scopeOf(p) === undefined ? projectDeploymentPage(ctx.loaders.scope(), p.id, args) : null),
  },
  ProjectBuild: {
    id: (b) => globalIdOf('ProjectBuild', b, b.id),
    workatoId,
    state: (b) => fromWire<ProjectBuildState>(deploymentStateOf(b.state)),
    project: projectOf,
    description: prop('description'),
    includeTestCases: prop('include_test_cases'),
    performedByName: prop('performed_by_name'),
    downloadUrl: prop('download_url'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  Deployment: {
    id: (d) => globalIdOf('Deployment', d, d.id),
    workatoId,
    state: (d) => fromWire<DeploymentState>(deploymentStateOf(d.state)),
    environmentType: (d) => environmentOf(d.environment_type),
    project: projectOf,
    build: (d, _args, ctx) => (d.project_build_id == null ? null : ctx.loaders.scope(scopeOf(d)).projectBuildById.load(d.project_build_id)),
    description: prop('description'),
    performedByName: prop('performed_by_name'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
};
