import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY, type Answer } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-jobs': FIXTURE_ONLY, 'tok-big': { recipes: 5, jobsPerRecipe: 5000 } } });
});
afterAll(() => sim.close());

async function send(method: string, path: string, body?: unknown, token = sim.token): Promise<Answer> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('POST /api/recipes/:recipe_id/poll_now (§10.10)', () => {
  it('starts a pending job in front of the history, then reports it in progress', async () => {
    const before = (await api(sim, '/recipes/3307712/jobs?per_page=1')).body;
    expect(await send('POST', '/recipes/3307712/poll_now')).toMatchObject({ status: 200, body: { success: true, message: 'Job started' } });
    const after = (await api(sim, '/recipes/3307712/jobs?per_page=2')).body;
    expect(after.job_count).toBe(before.job_count + 1);
    expect(after.items[0]).toMatchObject({ completed_at: null, is_error: false });
    expect(after.items[1].id).toBe(before.items[0].id);
    expect((await api(sim, `/recipes/3307712/jobs/${after.items[0].id}`)).body).toMatchObject({ status: 'pending', is_repeat: false, recipe_id: 3307712 });
    expect((await api(sim, '/recipes/3307712/jobs?status=pending')).body.job_scope_count).toBe(1);
    expect((await send('POST', '/recipes/3307712/poll_now')).body).toEqual({ success: true, message: 'Job already in progress' });
  });

  it('refuses stopped recipes and triggers that do not poll with 400', async () => {
    expect(await send('POST', '/recipes/3307698/poll_now')).toMatchObject({ status: 400, body: { message: expect.any(String) } });
    expect(await send('POST', '/recipes/3307601/poll_now')).toMatchObject({ status: 400, body: { message: expect.any(String) } });
  });

  it('answers an unknown recipe with its documented 404 body, {"success": false, "message": "Not Found"}', async () => {
    for (const path of ['/recipes/1/poll_now', '/recipes/abc/poll_now', '/managed_users/19029/recipes/3307712/poll_now']) {
      expect(await send('POST', path), path).toMatchObject({ status: 404, body: { success: false, message: 'Not Found' } });
    }
  });

  it('adds a job to a recipe with 5,000 generated jobs; the walk still has no gap or duplicate', async () => {
    // A running recipe whose newest job has finished, so poll now starts one.
    const running = (await api(sim, '/recipes?running=true', { token: 'tok-big' })).body.items;
    const heads = await Promise.all(running.map((r: any) => api(sim, `/recipes/${r.id}/jobs?per_page=100`, { token: 'tok-big' })));
    const at = heads.findIndex((h) => h.body.items[0].completed_at !== null);
    const [rid, head] = [running[at].id, heads[at]!.body];
    expect(head.job_count).toBe(5000);
    expect((await send('POST', `/recipes/${rid}/poll_now`, undefined, 'tok-big')).body.message).toBe('Job started');
    const seen: string[] = [];
    let offset = '';
    for (;;) {
      const page = (await api(sim, `/recipes/${rid}/jobs?per_page=100${offset}`, { token: 'tok-big' })).body;
      if (page.items.length === 0) break;
      seen.push(...page.items.map((j: any) => j.id));
      offset = `&offset_job_id=${page.items.at(-1).id}`;
    }
    expect(seen).toHaveLength(head.job_count + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[1]).toBe(head.items[0].id);
  });
});

describe('POST /api/recipes/:recipe_id/repeat_jobs and cancel_jobs (§11.4, §11.5)', () => {
  it('repeats a job as a new pending job pointing at it; unknown handles fail one by one', async () => {
    const r = await send('POST', '/recipes/3307712/repeat_jobs', { job_ids: ['j-AXk9Yb71-Qm3rT8', 'j-Nope0000-000000'] });
    expect(r).toMatchObject({ status: 200 });
    expect(r.body).toEqual({
      results: [
        { job_id: 'j-AXk9Yb71-Qm3rT8', status: 'enqueued' },
        { job_id: 'j-Nope0000-000000', status: 'failed', error: 'Job not found' },
      ],
    });
    const newest = (await api(sim, '/recipes/3307712/jobs?per_page=1')).body.items[0];
    const detail = (await api(sim, `/recipes/3307712/jobs/${newest.id}`)).body;
    expect(detail).toMatchObject({ is_repeat: true, master_job_id: 'j-AXk9Yb71-Qm3rT8', master_job_handle: 'j-AXk9Yb71-Qm3rT8', status: 'pending' });
    expect(detail.title).toBe('Salesforce: updated opportunity: Globex - Expansion');
    expect((await api(sim, '/recipes/3307712/jobs?rerun_only=true&per_page=1')).body.items[0].id).toBe(newest.id);
  });

  it('allows one call per second per endpoint when the simulator enforces quotas (429 with Retry-After)', async () => {
    const limited = await startSimulator({ quiet: true, rateLimits: true, workspaces: { 'tok-rl': FIXTURE_ONLY } });
    try {
      const call = () => fetch(`${limited.url}/recipes/3307712/repeat_jobs`, {
        method: 'POST',
        headers: { authorization: 'Bearer tok-rl', 'content-type': 'application/json' },
        body: JSON.stringify({ job_ids: ['j-AXk9X4nR-Vd2sE6'] }),
      });
      expect((await call()).status).toBe(200);
      const second = await call();
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(await second.json()).toEqual({ message: expect.any(String) });
    } finally {
      await limited.close();
    }
  });

  it('refuses more than 25 ids, an empty list and a missing body with 400', async () => {
    expect((await send('POST', '/recipes/3307712/repeat_jobs')).status).toBe(400);
    const ids = Array.from({ length: 26 }, (_, i) => `j-AAAAAAAA-${String(i).padStart(6, '0')}`);
    expect(await send('POST', '/recipes/3307712/repeat_jobs', { job_ids: ids })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/25/) } });
    expect((await send('POST', '/recipes/3307712/cancel_jobs', { job_ids: [] })).status).toBe(400);
  });

  it('cancels pending jobs only: the job completes as an error with status cancelled and counts as failed', async () => {
    const jobs = (await api(sim, '/recipes/3307712/jobs?per_page=5')).body;
    const pending = jobs.items.find((j: any) => j.completed_at === null).id;
    const done = jobs.items.find((j: any) => j.completed_at !== null).id;
    const r = await send('POST', '/recipes/3307712/cancel_jobs', { job_ids: [pending, done] });
    expect(r).toMatchObject({ status: 200 });
    expect(r.body.results).toEqual([
      { job_id: pending, status: 'cancelled' },
      { job_id: done, status: 'failed', error: expect.any(String) },
    ]);
    expect((await api(sim, `/recipes/3307712/jobs/${pending}`)).body).toMatchObject({ status: 'cancelled', is_error: true, completed_at: expect.any(String) });
    const after = (await api(sim, '/recipes/3307712/jobs?per_page=1')).body;
    expect(after.job_failed_count).toBe(jobs.job_failed_count + 1);
    expect((await api(sim, '/recipes/3307712')).body.job_failed_count).toBe(after.job_failed_count);
  });
});

describe('POST /api/job/resume (§11.3)', () => {
  it('answers 204 with an empty body', async () => {
    const res = await fetch(`${sim.url}/job/resume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'resume-abc', data: { approved: true } }),
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('refuses a missing token and non-object data with 400', async () => {
    expect((await send('POST', '/job/resume', { data: {} })).status).toBe(400);
    expect((await send('POST', '/job/resume', { token: 't', data: [1] })).status).toBe(400);
  });
});
