/** REFERENCE §11.3–§11.5: resume, repeat and cancel jobs. Their 1 / second quota is in rate-limits.ts (opt-in). */
import type { Workato } from '../../workato/types.js';
import { badRequest, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_RECIPE_WRITES } from '../inferred.js';
import { startJob, syncJobCounters, writableJobs } from '../jobs-overlay.js';
import { formatTime } from '../time.js';
import { findRecipe } from './recipes.js';

type JobResult = Workato.RepeatJobsResponse['results'][number];

/** `{"job_ids": [...]}`: strings, at most 25 (§11.4; cancel assumed alike). */
async function jobIds(readJson: () => Promise<unknown>): Promise<string[]> {
  const body = await readJson();
  const ids = body && typeof body === 'object' ? (body as Record<string, unknown>).job_ids : undefined;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== '')) {
    throw badRequest('Missing required parameter: job_ids');
  }
  if (ids.length > INFERRED_RECIPE_WRITES.maxJobIdsPerCall) throw badRequest(INFERRED_RECIPE_WRITES.tooManyJobIdsMessage);
  return ids as string[];
}

export const jobActionRoutes: RouteDef[] = [
  {
    // §11.4 → {"results": [{"job_id", "status": "enqueued"}]}; each repeat is a new pending job pointing at the original.
    method: 'POST',
    path: '/api/recipes/:recipe_id/repeat_jobs',
    handler: async ({ store, params, readJson }) => {
      const row = findRecipe(store, params.recipe_id);
      const ids = await jobIds(readJson);
      const results: JobResult[] = ids.map((id) => {
        const at = row.jobs.indexOf(id);
        if (at < 0) return { job_id: id, status: 'failed', error: INFERRED_RECIPE_WRITES.jobNotFoundMessage };
        if (row.jobs.status(at) === 'pending') return { job_id: id, status: 'failed', error: INFERRED_RECIPE_WRITES.repeatPendingMessage };
        startJob(store, row, row.jobs.item(at));
        return { job_id: id, status: 'enqueued' };
      });
      syncJobCounters(row);
      return ok({ results });
    },
  },
  {
    // §11.5 [inferred shape, mirroring repeat]: only pending (running) jobs can be cancelled.
    method: 'POST',
    path: '/api/recipes/:recipe_id/cancel_jobs',
    handler: async ({ store, params, readJson }) => {
      const row = findRecipe(store, params.recipe_id);
      const ids = await jobIds(readJson);
      const jobs = writableJobs(row);
      const now = formatTime(Date.now());
      const results: JobResult[] = ids.map((id) => {
        const at = jobs.indexOf(id);
        if (at < 0) return { job_id: id, status: 'failed', error: INFERRED_RECIPE_WRITES.jobNotFoundMessage };
        if (jobs.status(at) !== 'pending') return { job_id: id, status: 'failed', error: INFERRED_RECIPE_WRITES.cancelFinishedMessage };
        const item = { ...jobs.item(at), completed_at: now, is_error: true, error: INFERRED_RECIPE_WRITES.cancelledJobError };
        jobs.replace(at, { status: 'failed', item, detail: { ...jobs.detail(at), ...item, status: INFERRED_RECIPE_WRITES.cancelledJobStatus } });
        return { job_id: id, status: 'cancelled' };
      });
      syncJobCounters(row);
      return ok({ results });
    },
  },
  {
    // §11.3 → 204, no body. The simulator issues no resume tokens, so any non-blank token is accepted [inferred].
    method: 'POST',
    path: '/api/job/resume',
    handler: async ({ readJson }) => {
      const body = await readJson();
      const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      if (typeof b.token !== 'string' || b.token.trim() === '') throw badRequest('Missing required parameter: token');
      if (b.data !== undefined && b.data !== null && (typeof b.data !== 'object' || Array.isArray(b.data))) {
        throw badRequest('data must be a JSON object');
      }
      return { status: 204, body: undefined };
    },
  },
];
