import type { WorkatoApi } from '../workato/http.js';
import { getJob, listJobs, type ListJobsParams } from '../workato/jobs.js';
import type { Workato } from '../workato/types.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { listLoader, notFoundAs } from './util.js';

export interface JobKey {
  recipeId: number;
  handle: string;
}

export function createJobLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode = BATCHED) {
  /**
   * Jobs a list of this request carried, by key: the single-job call has no `flow_run_id` (§8.4), so a job read
   * alone after its list keeps what the list said, and a normalized client cache sees the same job twice alike.
   */
  const listed = new Map<string, Workato.Job>();
  /** One page of a recipe's jobs with its counters (REFERENCE §11.1). */
  const jobList = listLoader(async ({ recipeId, ...params }: ListJobsParams & { recipeId: number }) => {
    const list = await listJobs(api, recipeId, params);
    for (const item of list.items) listed.set(`${recipeId}/${item.id}`, item);
    return { ...list, items: tag(list.items, scope) };
  }, mode);

  /** GET /recipes/:recipe_id/jobs/:handle — a job needs its recipe id (§11.2); composite key. */
  const jobByKey = requestLoader<JobKey, Scoped<Workato.JobDetail>, string>(
    mode,
    (keys) =>
      Promise.all(
        keys.map(({ recipeId, handle }) =>
          getJob(api, recipeId, handle).then(
            (j) => {
              // Fields only the job list carries (§8.4): kept from a list of this request that listed the job.
              const item = listed.get(`${recipeId}/${handle}`);
              const job = item ? { ...j, flow_run_id: j.flow_run_id ?? item.flow_run_id, error_parts: j.error_parts ?? item.error_parts } : j;
              return tagOne(job, scope);
            },
            notFoundAs('Job', `${recipeId}/${handle}`),
          ),
        ),
      ),
    { cacheKeyFn: (k) => `${k.recipeId}/${k.handle}` },
  );

  /** After a job write (repeat, cancel, poll now): every job page and the named jobs may have changed. */
  function forgetJobs(recipeId: number, handles: readonly string[] = []): void {
    jobList.clearAll();
    for (const handle of handles) jobByKey.clear({ recipeId, handle });
  }

  return { jobList, jobByKey, forgetJobs };
}

export type JobLoaders = ReturnType<typeof createJobLoaders>;
