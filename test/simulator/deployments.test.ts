import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
const BARE = 'tok-no-environments';
beforeAll(async () => {
  sim = await startSimulator({
    quiet: true,
    asyncPolls: 3,
    workspaces: { 'tok-deployments': FIXTURE_ONLY, [BARE]: { ...FIXTURE_ONLY, environments: false } },
  });
});
afterAll(() => sim.close());

const post = (path: string, body?: unknown, token = sim.token) =>
  fetch(sim.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('project builds (§14.4)', () => {
  it('starts pending and finishes on the asyncPolls-th read, with a download_url', async () => {
    const created = await post('/projects/44021/build', { description: 'R1', include_test_cases: false });
    expect(created).toMatchObject({
      status: 200,
      body: { description: 'R1', include_test_cases: false, project_id: '44021', state: 'pending', download_url: null },
    });
    expect(created.body.project_build_id).toBe(created.body.id);
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push((await api(sim, `/project_builds/${created.body.id}`)).body);
    expect(reads.map((b) => b.state)).toEqual(['pending', 'pending', 'success']);
    expect(reads[2].download_url).toMatch(/\.zip$/);
    // GET answers without include_test_cases / project_build_id (§14.4).
    expect(Object.keys(reads[2])).not.toContain('include_test_cases');
    expect(Object.keys(reads[2])).not.toContain('project_build_id');
  });

  it('takes f<folder_id> for the project and 404s an unknown one', async () => {
    expect((await post('/projects/f1201101/build')).body.project_id).toBe('44021');
    expect((await post('/projects/f999/build')).status).toBe(404);
    expect((await post('/projects/999/build')).status).toBe(404);
  });

  it('keeps the recorded Northwind build and deployment (fixtures/project-build.json, deployment-get.json)', async () => {
    expect((await api(sim, '/project_builds/98211')).body).toMatchObject({ id: 98211, project_id: '44021', state: 'success' });
    expect((await api(sim, '/deployments/51177')).body).toEqual({
      id: 51177, created_at: '2025-06-12T09:02:45.020-07:00', updated_at: '2025-06-12T09:03:10.877-07:00', description: 'Release 2025.06',
      project_build_id: 98211, environment_type: 'prod', project_id: '44021', state: 'success', performed_by_name: 'Priya Raman',
    });
  });
});

describe('deployments (§14.4)', () => {
  it('needs environment_type: missing → 400, unknown → 404', async () => {
    expect(await post('/projects/44021/deploy')).toMatchObject({ status: 400, body: { message: 'Missing required parameter: environment_type' } });
    expect(await post('/projects/44021/deploy?environment_type=dev')).toMatchObject({ status: 404, body: { message: 'Not found' } });
    expect(await post('/project_builds/98211/deploy')).toMatchObject({ status: 400 });
  });

  it('deploys only finished, successful builds', async () => {
    const build = (await post('/projects/44023/build')).body;
    expect(await post(`/project_builds/${build.id}/deploy?environment_type=test`)).toMatchObject({ status: 400, body: { message: 'Project build is not finished' } });
    const deployed = await post('/project_builds/98211/deploy?environment_type=test', { description: 'To test' });
    expect(deployed.body).toMatchObject({ project_build_id: 98211, environment_type: 'test', project_id: '44021', state: 'pending', description: 'To test' });
  });

  it('builds and deploys in one step; the deployment finishing finishes its build', async () => {
    const d = (await post('/projects/44023/deploy?environment_type=prod', { description: 'One step' })).body;
    expect(d).toMatchObject({ state: 'pending', environment_type: 'prod', project_id: '44023' });
    for (let i = 0; i < 3; i++) await api(sim, `/deployments/${d.id}`);
    expect((await api(sim, `/deployments/${d.id}`)).body.state).toBe('success');
    expect((await api(sim, `/project_builds/${d.project_build_id}`)).body).toMatchObject({ state: 'success', download_url: expect.any(String) });
  });

  it('fails the build and deployment of a project with no recipe', async () => {
    const folder = (await post('/folders', { name: 'Nothing here' })).body;
    const d = (await post(`/projects/${folder.project_id}/deploy?environment_type=test`)).body;
    for (let i = 0; i < 3; i++) await api(sim, `/deployments/${d.id}`);
    expect((await api(sim, `/deployments/${d.id}`)).body.state).toBe('failed');
    const build = (await api(sim, `/project_builds/${d.project_build_id}`)).body;
    expect(build).toMatchObject({ state: 'failed', download_url: null });
    expect((await post(`/project_builds/${build.id}/deploy?environment_type=test`)).body.message).toBe('Project build failed');
  });

  it('lists {"items"} newest first with filters; bad filter values are 400', async () => {
    const all = (await api(sim, '/deployments')).body;
    expect(Object.keys(all)).toEqual(['items']);
    const ids = all.items.map((d: { id: number }) => d.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    const prod = (await api(sim, '/deployments?environment_type=prod&project_id=44021')).body.items;
    expect(prod.map((d: { id: number }) => d.id)).toEqual([51177]);
    expect((await api(sim, '/deployments?folder_id=f1201103')).body.items.every((d: { project_id: string }) => d.project_id === '44023')).toBe(true);
    expect((await api(sim, '/deployments?state=failed')).body.items.every((d: { state: string }) => d.state === 'failed')).toBe(true);
    expect((await api(sim, '/deployments?from=2025-06-12T09:02:00-07:00&to=2025-06-12T09:03:00-07:00')).body.items.map((d: { id: number }) => d.id)).toEqual([51177]);
    for (const q of ['state=done', 'environment_type=dev', 'folder_id=x1', 'from=yesterday']) {
      expect((await api(sim, `/deployments?${q}`)).status, q).toBe(400);
    }
  });
});

describe('a workspace without the Environments add-on', () => {
  it('answers every build and deployment route with 400 Environments not provisioned', async () => {
    const answers = [
      await post('/projects/44021/build', {}, BARE),
      await post('/projects/44021/deploy?environment_type=prod', {}, BARE),
      await post('/project_builds/98211/deploy?environment_type=prod', {}, BARE),
      await api(sim, '/project_builds/98211', { token: BARE }),
      await api(sim, '/deployments/51177', { token: BARE }),
      await api(sim, '/deployments', { token: BARE }),
    ];
    for (const a of answers) expect(a).toMatchObject({ status: 400, body: { message: 'Environments not provisioned' } });
  });
});
