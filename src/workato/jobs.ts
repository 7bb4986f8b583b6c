import type { WorkatoApi } from './http.js';
import { JOBS_PAGE_SIZE_PARAM } from './inferred.js';
import type { Workato } from './types.js';

export interface ListJobsParams {
  /** Cursor: a job handle (REFERENCE §11.1). */
  offset_job_id?: string;
  /** false: jobs older than the offset (default); true: newer. */
  prev?: boolean;
  status?: 'succeeded' | 'failed' | 'pending';
  rerun_only?: boolean;
  perPage?: number;
}

/** GET /recipes/:recipe_id/jobs — newest first, with the recipe's job counters. */
export async function listJobs(api: WorkatoApi, recipeId: number, params: ListJobsParams = {}): Promise<Workato.JobList> {
  const { perPage, ...rest } = params;
  const body = await api.get<Workato.JobList | { result: Workato.JobList }>(`/recipes/${recipeId}/jobs`, {
    ...rest,
    [JOBS_PAGE_SIZE_PARAM]: perPage,
  });
  // Embedded answers may wrap the envelope in `result` (REFERENCE §17.5).
  const list = 'items' in body ? body : (body as { result: Workato.JobList }).result;
  return { ...list, items: list?.items ?? [] };
}

/** GET /recipes/:recipe_id/jobs/:job_handle — one job with its step lines. */
export function getJob(api: WorkatoApi, recipeId: number, handle: string): Promise<Workato.JobDetail> {
  return api.get<Workato.JobDetail>(`/recipes/${recipeId}/jobs/${encodeURIComponent(handle)}`);
}
