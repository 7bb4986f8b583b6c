import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, asyncPolls: 2, workspaces: { 'tok-ta': FIXTURE_ONLY, 'tok-ta-other': FIXTURE_ONLY } });
});
afterAll(() => sim.close());

const post = (path: string, body: unknown, token = 'tok-ta') => api(sim, path, { method: 'POST', body, token });
const get = (path: string, token = 'tok-ta') => api(sim, path, { token });

/** The Northwind recipe ids that have test cases, and their cases. */
async function recipesWithCases(token = 'tok-ta'): Promise<Array<{ recipeId: number; cases: any[] }>> {
  const recipes = (await get('/recipes?per_page=100', token)).body.items as Array<{ id: number }>;
  const out = [];
  for (const r of recipes) {
    const cases = (await get(`/recipes/${r.id}/test_cases`, token)).body.data;
    if (cases.length) out.push({ recipeId: r.id, cases });
  }
  return out;
}

describe('GET /api/recipes/:recipe_id/test_cases (§28)', () => {
  it('answers {"data": [...]} with citc- ids, names and the recipe id, different per workspace', async () => {
    const mine = await recipesWithCases();
    expect(mine.length).toBeGreaterThan(0);
    const [first] = mine;
    expect(first!.cases[0]).toEqual({
      id: expect.stringMatching(/^citc-A[A-Za-z0-9]{7}-[A-Za-z0-9]{6}$/), name: expect.any(String), description: expect.any(String),
      recipe_id: first!.recipeId, created_at: expect.any(String), updated_at: expect.any(String),
    });
    const other = await recipesWithCases('tok-ta-other');
    expect(other.flatMap((r) => r.cases.map((c) => c.id))).not.toEqual(mine.flatMap((r) => r.cases.map((c) => c.id)));
  });

  it('answers 404 for an unknown recipe', async () => {
    const r = await get('/recipes/999999/test_cases');
    expect(r).toMatchObject({ status: 404, body: { message: 'Not found' } });
  });
});

describe('POST /api/test_cases/run_requests and GET …/:id (§28)', () => {
  it('starts a running run with pending results and test jobs, and completes on the second read', async () => {
    const [{ recipeId, cases }] = await recipesWithCases();
    const started = await post('/test_cases/run_requests', { recipe_id: recipeId });
    expect(started.status).toBe(200);
    const run = started.body.data;
    expect(run).toMatchObject({ id: expect.stringMatching(/^cirr-/), status: 'running', user: { id: expect.any(Number) } });
    expect(run.results.map((r: any) => [r.recipe.id, r.test_case.id, r.status])).toEqual(cases.map((c) => [recipeId, c.id, 'pending']));
    const job = await get(`/recipes/${recipeId}/jobs/${run.results[0].job.id}`);
    expect(job.body).toMatchObject({ status: 'pending', is_test_case_job: true });

    expect((await get(`/test_cases/run_requests/${run.id}`)).body.data.status).toBe('running');
    const done = (await get(`/test_cases/run_requests/${run.id}`)).body.data;
    expect(done.status).toBe('completed');
    for (const result of done.results) {
      expect(['succeeded', 'failed']).toContain(result.status);
      const finished = await get(`/recipes/${recipeId}/jobs/${result.job.id}`);
      expect(finished.body.status).toBe(result.status);
    }
  });

  it('runs chosen test cases by id, and refuses unknown ids, no selector and unsupported selectors with 400', async () => {
    const [, second] = await recipesWithCases();
    const one = await post('/test_cases/run_requests', { test_case_ids: [second!.cases[0].id] });
    expect(one.body.data.results.map((r: any) => r.test_case.id)).toEqual([second!.cases[0].id]);
    expect(await post('/test_cases/run_requests', { test_case_ids: ['citc-Anope000-000000'] })).toMatchObject({
      status: 400, body: { message: 'Validation failed', errors: { test_case_ids: ['citc-Anope000-000000 not found'] } },
    });
    expect(await post('/test_cases/run_requests', {})).toMatchObject({ status: 400, body: { errors: { base: ['recipe_id or test_case_ids is required'] } } });
    expect((await post('/test_cases/run_requests', { project_id: 1 })).status).toBe(400);
    expect((await post('/test_cases/run_requests', { recipe_id: 999999 })).status).toBe(404);
  });

  it('refuses a recipe without test cases, and answers 404 for an unknown run', async () => {
    const recipes = (await get('/recipes?per_page=100')).body.items as Array<{ id: number }>;
    const withCases = new Set((await recipesWithCases()).map((r) => r.recipeId));
    const bare = recipes.find((r) => !withCases.has(r.id))!;
    expect(await post('/test_cases/run_requests', { recipe_id: bare.id })).toMatchObject({ status: 400, body: { errors: { recipe_id: ['has no test cases'] } } });
    expect((await get('/test_cases/run_requests/cirr-Anope000-000000')).status).toBe(404);
  });

  it("serves a customer's runs under /api/managed_users/:id, apart from the workspace's", async () => {
    const recipes = (await get('/managed_users/19029/recipes?per_page=100')).body.result as Array<{ id: number }>;
    let recipeId: number | undefined;
    for (const r of recipes) if ((await get(`/managed_users/19029/recipes/${r.id}/test_cases`)).body.data.length) recipeId ??= r.id;
    const run = (await post('/managed_users/19029/test_cases/run_requests', { recipe_id: recipeId })).body.data;
    expect((await get(`/managed_users/19029/test_cases/run_requests/${run.id}`)).status).toBe(200);
    expect((await get(`/test_cases/run_requests/${run.id}`)).status).toBe(404);
  });
});

describe('GET/POST /api/recipes/:recipe_id/health (§10 #15–16, [inferred])', () => {
  it('answers a seeded report computed from the jobs, 404 for a recipe never analysed, and analyses on request', async () => {
    const recipes = (await get('/recipes?per_page=100')).body.items as Array<{ id: number; job_succeeded_count: number; job_failed_count: number }>;
    const answers = await Promise.all(recipes.map(async (r) => ({ r, a: await get(`/recipes/${r.id}/health`) })));
    const seeded = answers.find(({ a }) => a.status === 200)!;
    expect(seeded.a.body.data).toMatchObject({ recipe_id: seeded.r.id, status: 'completed', failed_job_count: expect.any(Number), findings: expect.any(Array) });
    const never = answers.find(({ a }) => a.status === 404)!;
    const requested = await post(`/recipes/${never.r.id}/health`, {});
    expect(requested.body.data).toMatchObject({ recipe_id: never.r.id, status: 'pending', completed_at: null });
    expect((await post(`/recipes/${never.r.id}/health`, {})).body.data.requested_at).toBe(requested.body.data.requested_at);
    expect((await get(`/recipes/${never.r.id}/health`)).body.data.status).toBe('pending');
    const done = (await get(`/recipes/${never.r.id}/health`)).body.data;
    expect(done).toMatchObject({ status: 'completed', completed_at: expect.any(String) });
    expect(done.failed_job_count).toBe(never.r.job_failed_count);
    expect((await get('/recipes/999999/health')).status).toBe(404);
  });
});
