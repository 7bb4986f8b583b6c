import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY, type Answer } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-writes': FIXTURE_ONLY } });
});
afterAll(() => sim.close());

/** A write with a JSON body. */
async function send<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('connections (§12.2–§12.5)', () => {
  it('answers a bad create with the recorded validation shape (fixtures/error-400-validation.json)', async () => {
    const r = await send('POST', '/connections', { provider: 'not_a_connector' });
    expect(r).toMatchObject({
      status: 400,
      body: { message: 'Validation failed', errors: { name: ["can't be blank"], provider: ['is not included in the list'] } },
    });
  });

  it('creates a connection, tests its credentials and never stores or echoes them', async () => {
    const r = await send('POST', '/connections', { name: 'Jira', provider: 'jira', folder_id: '1201102', input: { apitoken: 's3cr3t' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ application: 'jira', name: 'Jira', folder_id: 1201102, authorization_status: 'success', parent_id: null });
    expect(Object.keys(r.body)).not.toContain('input');
    expect(JSON.stringify((await api(sim, '/connections')).body)).not.toContain('s3cr3t');
    const untested = await send('POST', '/connections', { name: 'Jira 2', provider: 'jira' });
    expect(untested.body).toMatchObject({ authorization_status: 'failed', authorization_error: expect.any(String) });
  });

  it('creates OAuth connectors only as shell connections', async () => {
    expect((await send('POST', '/connections', { name: 'SF', provider: 'salesforce' })).body.errors).toEqual({
      shell_connection: ['must be true for OAuth connectors'],
    });
    const shell = await send('POST', '/connections', { name: 'SF', provider: 'salesforce', shell_connection: true });
    expect(shell.body).toMatchObject({ authorization_status: null, authorized_at: null });
  });

  it('updates the fields sent and answers 404 for an unknown id', async () => {
    const r = await send('PUT', '/connections/880103', { name: 'Ops Slack 2', external_id: 'x' });
    expect(r.body).toMatchObject({ id: 880103, name: 'Ops Slack 2', external_id: 'x', folder_id: 1201103, authorization_status: 'success' });
    expect((await send('PUT', '/connections/1', { name: 'x' })).status).toBe(404);
    expect((await send('PUT', '/connections/880103', { folder_id: 5 })).body.errors).toEqual({ folder_id: ['is invalid'] });
  });

  it('disconnects (force needed while running recipes use it) and deletes only disconnected, unused connections', async () => {
    expect(await send('DELETE', '/connections/880102')).toMatchObject({ status: 400, body: { message: 'Connection is active' } });
    expect(await send('POST', '/connections/880102/disconnect')).toMatchObject({ status: 400, body: { message: 'Connection is used by active recipes' } });
    expect(await send('POST', '/connections/880102/disconnect?force=true')).toMatchObject({ status: 200, body: { success: true, status: 'disconnected' } });
    expect(await send('POST', '/connections/880102/disconnect')).toMatchObject({ status: 200, body: { success: true, status: 'disconnected' } });
    const listed = (await api(sim, '/connections')).body.find((c: { id: number }) => c.id === 880102);
    expect(listed).toMatchObject({ authorization_status: null, authorized_at: '2025-01-20T10:09:52.604-08:00' });
    expect(await send('DELETE', '/connections/880102')).toMatchObject({ status: 400, body: { message: 'Connection is used by active recipes' } });
    expect(await send('DELETE', '/connections/880104')).toMatchObject({ status: 200, body: { success: true } });
    expect((await send('DELETE', '/connections/880104')).status).toBe(404);
  });
});

describe('folders (§13.2–§13.4)', () => {
  it('creates a project at the top level and a plain folder below it', async () => {
    const top = await send('POST', '/folders', { name: 'Billing' });
    expect(top.body).toMatchObject({ name: 'Billing', parent_id: 1201000, is_project: true, project_id: expect.any(Number) });
    const projects = (await api(sim, '/projects')).body;
    expect(projects[0]).toEqual({ id: top.body.project_id, description: null, folder_id: top.body.id, name: 'Billing' });
    const child = await send('POST', '/folders', { name: 'Invoices', parent_id: String(top.body.id) });
    expect(child.body).toMatchObject({ parent_id: top.body.id, is_project: false, project_id: top.body.project_id });
    expect((await send('POST', '/folders', { name: ' ', parent_id: 77 })).body).toEqual({
      message: 'Validation failed', errors: { name: ["can't be blank"], parent_id: ['is invalid'] },
    });
  });

  it('renames and moves folders, but never a project or into its own subtree', async () => {
    const moved = await send('PUT', '/folders/1201211', { name: 'NetSuite', parent_id: 1201210 });
    expect(moved.body).toMatchObject({ id: 1201211, name: 'NetSuite', parent_id: 1201210, project_id: 44021 });
    expect((await send('PUT', '/folders/1201210', { parent_id: 1201211 })).body.errors).toEqual({ parent_id: ['is invalid'] });
    expect((await send('PUT', '/folders/1201103', { parent_id: 1201101 })).body.errors).toEqual({ parent_id: ['cannot move a project'] });
    await send('PUT', '/folders/1201103', { name: 'Shared' });
    expect((await api(sim, '/projects')).body.find((p: { id: number }) => p.id === 44023).name).toBe('Shared');
  });

  it('deletes an empty folder, refuses a non-empty one without force, and routes projects to DELETE /projects', async () => {
    expect(await send('DELETE', '/folders/1201210')).toMatchObject({ status: 400, body: { message: 'Folder is not empty: contains recipes' } });
    expect(await send('DELETE', '/folders/1201101?force=true')).toMatchObject({ status: 400, body: { message: expect.stringContaining('DELETE /api/projects') } });
    expect(await send('DELETE', '/folders/1201000')).toMatchObject({ status: 400 });
    expect(await send('DELETE', '/folders/1201210?force=true')).toMatchObject({ status: 200, body: { success: true } });
    // The subtree went with it (1201211 had been moved inside), with its recipes.
    expect((await api(sim, '/folders?parent_id=1201101')).body).toEqual([]);
    expect((await api(sim, '/recipes/3307712')).status).toBe(404);
    expect((await api(sim, '/recipes/3307698')).status).toBe(404);
  });
});

describe('projects (§14.2–§14.3)', () => {
  it('updates a project and its folder name', async () => {
    const r = await send('PUT', '/projects/44021', { name: 'Quote to Cash', description: 'Q2C' });
    expect(r.body).toEqual({ id: 44021, description: 'Q2C', folder_id: 1201101, name: 'Quote to Cash' });
    expect((await api(sim, '/folders')).body.find((f: { id: number }) => f.id === 1201101).name).toBe('Quote to Cash');
  });

  it('deletes a project with its folder tree, recipes and connections; 404 by folder id', async () => {
    expect((await send('DELETE', '/projects/1201101')).status).toBe(404);
    expect(await send('DELETE', '/projects/44021')).toMatchObject({ status: 200, body: { success: true } });
    expect((await api(sim, '/projects')).body.map((p: { id: number }) => p.id)).not.toContain(44021);
    expect((await api(sim, '/folders')).body.map((f: { id: number }) => f.id)).not.toContain(1201101);
    expect((await api(sim, '/connections?folder_id=1201101')).body).toEqual([]);
  });
});
