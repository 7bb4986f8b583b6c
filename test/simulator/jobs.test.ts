import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-jobs': { recipes: 30, jobsPerRecipe: 137 } } });
});
afterAll(() => sim.close());

async function walkJobs(recipeId: number, extra = '', perPage = 40): Promise<any[]> {
  const out: any[] = [];
  let offset: string | undefined;
  for (;;) {
    const r = await api(sim, `/recipes/${recipeId}/jobs?per_page=${perPage}${extra}${offset ? `&offset_job_id=${offset}` : ''}`);
    expect(r.status).toBe(200);
    if (r.body.items.length === 0) return out;
    out.push(...r.body.items);
    offset = r.body.items[r.body.items.length - 1].id;
  }
}

describe('GET /api/recipes/:recipe_id/jobs', () => {
  it('has the counters envelope, default per_page 25, list items without status/recipe_id', async () => {
    const r = await api(sim, '/recipes/3307712/jobs');
    expect(Object.keys(r.body)).toEqual(['job_succeeded_count', 'job_failed_count', 'job_count', 'job_scope_count', 'items']);
    expect(r.body.items).toHaveLength(25);
    for (const j of r.body.items) {
      expect(j.id).toMatch(/^j-[A-Za-z0-9]{8}-[A-Za-z0-9]{6}$/);
      expect(j).not.toHaveProperty('status');
      expect(j).not.toHaveProperty('recipe_id');
      expect(j.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[78]:00$/);
    }
  });

  it('walks all 421 jobs of 3307712 with offset_job_id, newest first, no gap or duplicate', async () => {
    const jobs = await walkJobs(3307712, '', 100);
    expect(jobs).toHaveLength(421);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(421);
    const starts = jobs.map((j) => Date.parse(j.started_at));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(jobs.filter((j) => j.is_error)).toHaveLength(9);
    expect(jobs[0].id).toBe('j-AXk9ZfQ2-pL7cW1');
  });

  it('counters agree with the recipe and with a walk of every generated recipe', async () => {
    const recipes = (await api(sim, '/recipes?per_page=100&exclude_code=true')).body.items.slice(4, 10);
    for (const rec of recipes) {
      const first = await api(sim, `/recipes/${rec.id}/jobs`);
      expect(first.body.job_succeeded_count).toBe(rec.job_succeeded_count);
      expect(first.body.job_failed_count).toBe(rec.job_failed_count);
      expect(first.body.job_count).toBe(137);
      const all = await walkJobs(rec.id, '', 33);
      expect(all).toHaveLength(137);
      expect(all.filter((j) => j.is_error)).toHaveLength(rec.job_failed_count);
      expect(all.filter((j) => !j.is_error && j.completed_at)).toHaveLength(rec.job_succeeded_count);
    }
  });

  it('status filter sets job_scope_count and filters items; rerun_only yields repeats', async () => {
    const failed = await api(sim, '/recipes/3307650/jobs?status=failed&per_page=100');
    expect(failed.body.job_scope_count).toBe(41);
    expect(failed.body.job_count).toBe(1544);
    expect(failed.body.items).toHaveLength(41);
    expect(failed.body.items.every((j: any) => j.is_error)).toBe(true);
    expect((await walkJobs(3307650, '&status=succeeded', 100)).length).toBe(1503);
    const reruns = await api(sim, '/recipes/3307650/jobs?rerun_only=true&per_page=100');
    expect(reruns.body.job_scope_count).toBeGreaterThan(0);
    for (const j of reruns.body.items.slice(0, 5)) {
      const d = (await api(sim, `/recipes/3307650/jobs/${j.id}`)).body;
      expect(d.is_repeat).toBe(true);
      expect(d.master_job_id).toMatch(/^j-/);
    }
    expect((await api(sim, '/recipes/3307650/jobs?status=weird')).status).toBe(400);
  });

  it('prev=true returns the jobs newer than the offset (newest first)', async () => {
    const page1 = (await api(sim, '/recipes/3307712/jobs?per_page=10')).body.items;
    const newer = (await api(sim, `/recipes/3307712/jobs?per_page=4&prev=true&offset_job_id=${page1[9].id}`)).body.items;
    expect(newer.map((j: any) => j.id)).toEqual(page1.slice(5, 9).map((j: any) => j.id));
    const none = (await api(sim, `/recipes/3307712/jobs?prev=true&offset_job_id=${page1[0].id}`)).body.items;
    expect(none).toEqual([]);
  });

  it('validates per_page 1..100, unknown offset (400), unknown recipe (404)', async () => {
    expect((await api(sim, '/recipes/3307712/jobs?per_page=101')).status).toBe(400);
    expect((await api(sim, '/recipes/3307712/jobs?per_page=0')).status).toBe(400);
    expect((await api(sim, '/recipes/3307712/jobs?per_page=100')).body.items).toHaveLength(100);
    const bad = await api(sim, '/recipes/3307712/jobs?offset_job_id=j-nope');
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty('message');
    const missing = await api(sim, '/recipes/999/jobs');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'Not found' });
  });

  it('job detail carries status, handle, recipe_id and lines', async () => {
    const rec = (await api(sim, '/recipes?per_page=10')).body.items[6];
    const list = (await api(sim, `/recipes/${rec.id}/jobs?per_page=100`)).body.items;
    for (const j of list.slice(0, 20)) {
      const d = (await api(sim, `/recipes/${rec.id}/jobs/${encodeURIComponent(j.id)}`)).body;
      expect(d).toMatchObject({ id: j.id, handle: j.id, recipe_id: rec.id, started_at: j.started_at, is_error: j.is_error });
      expect(d.status).toBe(j.is_error ? 'failed' : j.completed_at ? 'succeeded' : 'pending');
      expect(Array.isArray(d.lines)).toBe(true);
    }
    expect((await api(sim, `/recipes/${rec.id}/jobs/j-AAAAAAAA-AAAAAA`)).status).toBe(404);
  });
});
