/**
 * Project writes (REFERENCE §14.2–§14.4): update, delete, builds and deployments. Builds and deployments are
 * asynchronous: the payload returns what Workato accepted (usually `pending`), and clients read `projectBuild(id)`
 * or `deployment(id)` again to follow it — no resolver polls.
 */
import type { EnvironmentType as GqlEnvironmentType, Resolvers } from '../generated/graphql.js';
import { tagOne } from '../loaders/scope.js';
import { buildProject, deployProject, deployProjectBuild, type ProjectRef } from '../workato/deployments.js';
import { objectWithId, REFUSAL_PATTERNS } from '../workato/inferred.js';
import { deleteProject, updateProject } from '../workato/projects.js';
import type { Workato } from '../workato/types.js';
import { forgetTree } from './folder-mutations.js';
import { given, toWire } from './helpers.js';
import type { DeploymentMapper, ProjectBuildMapper, ProjectMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { fromGlobalId, toGlobalId, WORKATO_INT_ID, workatoIntKey, workatoKey } from './relay.js';

/** §14.4: workspaces without the Environments add-on answer every build/deploy call with this 400. */
const environmentErrors = (errors: UserErrorValue[]): UserErrorValue[] =>
  errors.map((e) => (REFUSAL_PATTERNS.environmentsNotProvisioned.test(e.message) ? inputError('ENVIRONMENTS_NOT_PROVISIONED', e.message) : e));

/**
 * The project of a build/deploy: a project id (global or Workato's), or its folder's global id, which Workato
 * takes as `f<folder_id>` (§14.4) — so a client holding only a Folder needs no project lookup.
 */
export function projectRef(value: string, argument: string): { ref: ProjectRef; scope: string | undefined } {
  const parsed = WORKATO_INT_ID.test(value) ? undefined : fromGlobalId(value);
  if (parsed?.type === 'Folder') {
    const { id, scope } = workatoIntKey('Folder', value, argument);
    return { ref: { folderId: id }, scope };
  }
  const { id, scope } = workatoIntKey('Project', value, argument);
  return { ref: { projectId: id }, scope };
}

const environment = (value: GqlEnvironmentType) => toWire(value) as 'test' | 'prod';

/** Runs a build/deploy write and shapes its refusals (200 `success: false` included, §4.3). */
async function accepted<T>(write: () => Promise<T>, notFoundField: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(write, notFoundField);
  const refusals = outcome.ok ? refusalErrors(outcome.value as Workato.SuccessResponse) : outcome.userErrors;
  return refusals.length ? refused(environmentErrors(refusals)) : outcome;
}

export const projectMutationResolvers: Resolvers = {
  Mutation: {
    projectUpdate: async (_root, { input }, ctx) => {
      const { key, scope } = workatoKey('Project', input.id, 'input.id');
      const id = Number(key);
      const loaders = ctx.loaders.scope(scope);
      const outcome = await attempt(() => updateProject(loaders.api, id, given({ name: input.name, description: input.description })));
      if (!outcome.ok) return payload<'project', ProjectMapper>('project', outcome);
      // The project's folder carries its name (§8.7): forget both; prime the answer when it is the project.
      await forgetTree(loaders, false);
      const answered = objectWithId<Workato.Project>(outcome.value);
      if (answered) loaders.projectById.prime(answered.id, tagOne(answered, scope));
      return payload<'project', ProjectMapper>('project', { ok: true, value: await loaders.projectById.load(id) });
    },
    projectDelete: async (_root, { input }, ctx) => {
      const { key, scope } = workatoKey('Project', input.id, 'input.id');
      const id = Number(key);
      const loaders = ctx.loaders.scope(scope);
      // A 403 (`Cannot destroy folder`, §14.3) is a privilege problem: attempt() leaves it a top-level FORBIDDEN.
      const outcome = await attempt(() => deleteProject(loaders.api, id));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'deletedProjectId', string>('deletedProjectId', refused(refusals));
      await forgetTree(loaders, true);
      loaders.forgetDeployments();
      return payload<'deletedProjectId', string>('deletedProjectId', { ok: true, value: toGlobalId('Project', [id], scope) });
    },
    projectBuild: async (_root, { input }, ctx) => {
      const { ref, scope } = projectRef(input.projectId, 'input.projectId');
      const loaders = ctx.loaders.scope(scope);
      const body = given({ description: input.description, include_test_cases: input.includeTestCases });
      const outcome = await accepted(() => buildProject(loaders.api, ref, body), ['input', 'projectId']);
      if (!outcome.ok) return payload<'build', ProjectBuildMapper>('build', outcome);
      const build = tagOne(outcome.value, scope);
      loaders.projectBuildById.prime(build.id, build);
      return payload<'build', ProjectBuildMapper>('build', { ok: true, value: build });
    },
    projectDeploy: async (_root, { input }, ctx) => {
      const { ref, scope } = projectRef(input.projectId, 'input.projectId');
      const loaders = ctx.loaders.scope(scope);
      const write = () => deployProject(loaders.api, ref, environment(input.environmentType), given({ description: input.description }));
      const outcome = await accepted(write, ['input', 'projectId']);
      if (!outcome.ok) return payload<'deployment', DeploymentMapper>('deployment', outcome);
      loaders.forgetDeployments();
      const deployment = tagOne(outcome.value, scope);
      loaders.deploymentById.prime(deployment.id, deployment);
      return payload<'deployment', DeploymentMapper>('deployment', { ok: true, value: deployment });
    },
    projectBuildDeploy: async (_root, { input }, ctx) => {
      const { key, scope } = workatoKey('ProjectBuild', input.buildId, 'input.buildId');
      const loaders = ctx.loaders.scope(scope);
      const write = () =>
        deployProjectBuild(loaders.api, Number(key), environment(input.environmentType), given({ description: input.description }));
      const outcome = await accepted(write, ['input', 'buildId']);
      if (!outcome.ok) return payload<'deployment', DeploymentMapper>('deployment', outcome);
      loaders.forgetDeployments();
      const deployment = tagOne(outcome.value, scope);
      loaders.deploymentById.prime(deployment.id, deployment);
      return payload<'deployment', DeploymentMapper>('deployment', { ok: true, value: deployment });
    },
  },
};
