import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
const NO_ENVIRONMENTS = 'tok-no-environments';
beforeAll(async () => {
  stack = await startStack({
    simulator: { workspaces: { 'tok-builds': FIXTURE_ONLY, [NO_ENVIRONMENTS]: { ...FIXTURE_ONLY, environments: false } } },
  });
});
afterAll(() => stack.close());

const BUILD = `mutation($input: ProjectBuildInput!) { projectBuild(input: $input) {
  build { id workatoId state description includeTestCases downloadUrl performedByName project { workatoId } }
  userErrors { message code field }
} }`;
const READ_BUILD = `query($id: ID!) { projectBuild(id: $id) { state downloadUrl updatedAt } }`;
const BUILD_DEPLOY = `mutation($input: ProjectBuildDeployInput!) { projectBuildDeploy(input: $input) {
  deployment { id workatoId state environmentType description build { workatoId } project { workatoId } }
  userErrors { message code field }
} }`;
const DEPLOY = `mutation($input: ProjectDeployInput!) { projectDeploy(input: $input) {
  deployment { id workatoId state environmentType build { id workatoId } } userErrors { message code field }
} }`;
const READ_DEPLOYMENT = `query($id: ID!) { deployment(id: $id) { state build { state downloadUrl } } }`;

/** Reads a build or deployment until it leaves PENDING, as a client would; returns the final object and the polls. */
async function poll(query: string, id: string, field: string): Promise<{ value: Record<string, any>; polls: number }> {
  for (let polls = 1; polls <= 10; polls++) {
    const value = (await stack.gql(query, { id }))[field];
    if (value.state !== 'PENDING') return { value, polls };
  }
  throw new Error(`${field} ${id} never finished`);
}

describe('projectBuild', () => {
  it('starts a pending build with one POST and is polled until it succeeds', async () => {
    stack.sim.resetCounts();
    const { projectBuild } = await stack.gql(BUILD, { input: { projectId: '44021', description: 'Release 2025.07', includeTestCases: true } });
    expect(projectBuild).toMatchObject({
      build: { state: 'PENDING', description: 'Release 2025.07', includeTestCases: true, downloadUrl: null, performedByName: 'API client', project: { workatoId: '44021' } },
      userErrors: [],
    });
    // The build answer is the payload (no read-back); its project, asked for its id only, is the build's project_id.
    expect(stack.sim.counts()).toEqual({ 'POST /api/projects/:id/build': 1 });
    stack.sim.resetCounts();
    const { value, polls } = await poll(READ_BUILD, projectBuild.build.id, 'projectBuild');
    expect(value).toMatchObject({ state: 'SUCCESS', downloadUrl: expect.stringContaining(`${projectBuild.build.workatoId}.zip`) });
    expect(polls).toBe(2); // the simulator's default: the second read sees the outcome
    expect(stack.sim.counts()).toEqual({ 'GET /api/project_builds/:id': 2 });
  });

  it("normalises the build's string project_id to its Project", async () => {
    const { projectBuild } = await stack.gql(`{ projectBuild(id: "98211") { state project { workatoId name } } }`);
    expect(projectBuild).toEqual({ state: 'SUCCESS', project: { workatoId: '44021', name: 'Order to Cash' } });
  });

  it('accepts the global id of the project folder (sent as f<folder_id>)', async () => {
    const { folder } = await stack.gql(`{ folder(id: "1201101") { id } }`);
    stack.sim.resetCounts();
    const { projectBuild } = await stack.gql(BUILD, { input: { projectId: folder.id } });
    expect(projectBuild.userErrors).toEqual([]);
    expect(stack.sim.log().filter((e) => e.method === 'POST').map((e) => e.path)).toEqual(['/api/projects/f1201101/build']);
  });

  it('ends FAILED for a project with nothing to package, and refuses to deploy it', async () => {
    const created = await stack.gql(`mutation { folderCreate(input: { name: "Empty project" }) { folder { project { id } } } }`);
    const { projectBuild } = await stack.gql(BUILD, { input: { projectId: created.folderCreate.folder.project.id } });
    const { value } = await poll(READ_BUILD, projectBuild.build.id, 'projectBuild');
    expect(value).toMatchObject({ state: 'FAILED', downloadUrl: null });
    const { projectBuildDeploy } = await stack.gql(BUILD_DEPLOY, { input: { buildId: projectBuild.build.id, environmentType: 'TEST' } });
    expect(projectBuildDeploy).toEqual({ deployment: null, userErrors: [{ code: 'INVALID', message: 'Project build failed', field: null }] });
  });

  it('answers an unknown project with NOT_FOUND', async () => {
    const { projectBuild } = await stack.gql(BUILD, { input: { projectId: '99999' } });
    expect(projectBuild).toEqual({ build: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'projectId'], message: expect.any(String) }] });
  });
});

describe('deployments', () => {
  it('deploys a finished build to PROD and lists it first under the project', async () => {
    const { projectBuild } = await stack.gql(BUILD, { input: { projectId: '44021' } });
    const early = await stack.gql(BUILD_DEPLOY, { input: { buildId: projectBuild.build.workatoId, environmentType: 'PROD' } });
    expect(early.projectBuildDeploy.userErrors).toEqual([{ code: 'INVALID', message: 'Project build is not finished', field: null }]);
    await poll(READ_BUILD, projectBuild.build.id, 'projectBuild');
    const { projectBuildDeploy } = await stack.gql(BUILD_DEPLOY, {
      input: { buildId: projectBuild.build.id, environmentType: 'PROD', description: 'Go live' },
    });
    expect(projectBuildDeploy).toMatchObject({
      deployment: { state: 'PENDING', environmentType: 'PROD', description: 'Go live', build: { workatoId: projectBuild.build.workatoId }, project: { workatoId: '44021' } },
      userErrors: [],
    });
    const { value } = await poll(READ_DEPLOYMENT, projectBuildDeploy.deployment.id, 'deployment');
    expect(value.state).toBe('SUCCESS');
    const { project } = await stack.gql(`{ project(id: "44021") { deployments(first: 1) { totalCount nodes { workatoId state } pageInfo { hasNextPage } } } }`);
    expect(project.deployments).toEqual({
      totalCount: 2, // with the recorded deployment 51177
      nodes: [{ workatoId: projectBuildDeploy.deployment.workatoId, state: 'SUCCESS' }],
      pageInfo: { hasNextPage: true },
    });
  });

  it('builds and deploys in one step; finishing the deployment finishes its build', async () => {
    stack.sim.resetCounts();
    const { projectDeploy } = await stack.gql(DEPLOY, { input: { projectId: '44023', environmentType: 'TEST' } });
    expect(projectDeploy).toMatchObject({ deployment: { state: 'PENDING', environmentType: 'TEST' }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/projects/:id/deploy': 1, 'GET /api/project_builds/:id': 1 });
    expect(stack.sim.log()[0]!.path).toBe('/api/projects/44023/deploy?environment_type=test');
    const { value } = await poll(READ_DEPLOYMENT, projectDeploy.deployment.id, 'deployment');
    expect(value).toEqual({ state: 'SUCCESS', build: { state: 'SUCCESS', downloadUrl: expect.any(String) } });
  });

  it('pages and filters the workspace deployments newest first, with one list call per filter set', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(`{ deployments(first: 2) { totalCount edges { cursor node { workatoId } } pageInfo { hasNextPage endCursor } } }`);
    const second = await stack.gql(`query($after: String) { deployments(first: 2, after: $after) { nodes { workatoId } pageInfo { hasNextPage } } }`,
      { after: first.deployments.pageInfo.endCursor });
    const ids = [...first.deployments.edges.map((e: any) => Number(e.node.workatoId)), ...second.deployments.nodes.map((n: any) => Number(n.workatoId))];
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids).toHaveLength(first.deployments.totalCount);
    expect(second.deployments.pageInfo.hasNextPage).toBe(false);
    const filtered = await stack.gql(`{ deployments(projectId: "44021", environmentType: PROD, state: SUCCESS) { nodes { workatoId environmentType } } }`);
    expect(filtered.deployments.nodes.every((n: any) => n.environmentType === 'PROD')).toBe(true);
    expect(filtered.deployments.nodes.map((n: any) => n.workatoId)).toContain('51177');
    const byFolder = await stack.gql(`{ deployments(folderId: "1201103") { nodes { project { workatoId } } } }`);
    expect(byFolder.deployments.nodes.map((n: any) => n.project.workatoId)).toEqual(['44023']);
    expect(stack.sim.log().filter((e) => e.route === 'GET /api/deployments').map((e) => e.path)).toContain('/api/deployments?folder_id=f1201103');
  });

  it('resolves builds and deployments through node(id)', async () => {
    const { deployment } = await stack.gql(`{ deployment(id: "51177") { id build { id } } }`);
    const { nodes } = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [deployment.id, deployment.build.id] });
    expect(nodes).toEqual([{ __typename: 'Deployment', id: deployment.id }, { __typename: 'ProjectBuild', id: deployment.build.id }]);
  });
});

describe('a workspace without the Environments add-on', () => {
  it('answers builds and deploys with ENVIRONMENTS_NOT_PROVISIONED userErrors', async () => {
    const options = { token: NO_ENVIRONMENTS };
    const build = await stack.gql(BUILD, { input: { projectId: '44021' } }, options);
    const deploy = await stack.gql(DEPLOY, { input: { projectId: '44021', environmentType: 'PROD' } }, options);
    for (const userErrors of [build.projectBuild.userErrors, deploy.projectDeploy.userErrors]) {
      expect(userErrors).toEqual([{ code: 'ENVIRONMENTS_NOT_PROVISIONED', message: 'Environments not provisioned', field: null }]);
    }
    const listed = await stack.request(`{ deployments { totalCount } }`, undefined, options);
    expect(listed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('Environments not provisioned') });
  });
});
