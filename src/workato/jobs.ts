import type { WorkatoApi } from './http.js';
import { JOBS_PAGE_SIZE_PARAM, jobResults, type JobResult } from './inferred.js';
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

/** §11.4: at most 25 job ids per repeat_jobs call (and the endpoint allows 1 request per second). */
export const REPEAT_JOBS_MAX_IDS = 25;

/** A repeat/cancel answer: one result per job, or Workato's refusal of the whole call (HTTP 200 `success: false`). */
export interface JobActionAnswer {
  results: JobResult[];
  refusal?: Workato.SuccessResponse;
}

function jobActionAnswer(body: unknown): JobActionAnswer {
  const refusal = body && typeof body === 'object' && (body as Workato.SuccessResponse).success === false ? (body as Workato.SuccessResponse) : undefined;
  return { results: jobResults(body), refusal };
}

/** POST /recipes/:recipe_id/repeat_jobs `{"job_ids": [...]}` → one result per job ([wk] shape, read leniently). */
export async function repeatJobs(api: WorkatoApi, recipeId: number, handles: readonly string[]): Promise<JobActionAnswer> {
  return jobActionAnswer(await api.send<unknown>('POST', `/recipes/${recipeId}/repeat_jobs`, { body: { job_ids: handles } }));
}

/** POST /recipes/:recipe_id/cancel_jobs — body and answer assumed to mirror repeat_jobs (§11.5 [inferred]). */
export async function cancelJobs(api: WorkatoApi, recipeId: number, handles: readonly string[]): Promise<JobActionAnswer> {
  return jobActionAnswer(await api.send<unknown>('POST', `/recipes/${recipeId}/cancel_jobs`, { body: { job_ids: handles } }));
}

/** POST /job/resume `{"token", "data"}` → 204 with no body (§11.3). */
export async function resumeJob(api: WorkatoApi, token: string, data?: Record<string, unknown>): Promise<void> {
  await api.send<undefined>('POST', '/job/resume', { body: data === undefined ? { token } : { token, data } });
}
