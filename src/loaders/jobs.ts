import DataLoader from 'dataloader';
import { WorkatoError, type WorkatoApi } from '../workato/http.js';
import { getJob, listJobs, type ListJobsParams } from '../workato/jobs.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

export interface JobKey {
  recipeId: number;
  handle: string;
}

export function createJobLoaders(api: WorkatoApi, scope: string | undefined) {
  /** One page of a recipe's jobs with its counters (REFERENCE §11.1). */
  const jobList = listLoader(async ({ recipeId, ...params }: ListJobsParams & { recipeId: number }) => {
    const list = await listJobs(api, recipeId, params);
    return { ...list, items: tag(list.items, scope) };
  });

  /** GET /recipes/:recipe_id/jobs/:handle — a job needs its recipe id (§11.2); composite key. */
  const jobByKey = new DataLoader<JobKey, Scoped<Workato.JobDetail>, string>(
    (keys) =>
      Promise.all(
        keys.map(({ recipeId, handle }) =>
          getJob(api, recipeId, handle).then(
            (j) => tag([j], scope)[0]!,
            (e: unknown) =>
              e instanceof WorkatoError && e.status === 404 ? new NotFoundError('Job', `${recipeId}/${handle}`) : toError(e),
          ),
        ),
      ),
    { cacheKeyFn: (k) => `${k.recipeId}/${k.handle}` },
  );

  return { jobList, jobByKey };
}

export type JobLoaders = ReturnType<typeof createJobLoaders>;
