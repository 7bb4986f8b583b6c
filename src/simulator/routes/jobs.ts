/** REFERENCE §11: jobs of a recipe. */
import type { Workato } from '../../workato/types.js';
import { badRequest, notFound, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED } from '../inferred.js';
import type { JobStatus } from '../store.js';
import { findRecipe } from './recipes.js';

const STATUSES = new Set<JobStatus>(['succeeded', 'failed', 'pending']);

export const jobRoutes: RouteDef[] = [
  {
    // §11.1 → {job_succeeded_count, job_failed_count, job_count, job_scope_count, items}, newest first.
    method: 'GET',
    path: '/api/recipes/:recipe_id/jobs',
    handler: ({ store, params, query }) => {
      const { jobs } = findRecipe(store, params.recipe_id);
      const perPage = query.int('per_page', { min: 1, max: INFERRED.jobsMaxPerPage }) ?? INFERRED.jobsDefaultPerPage;
      let status = query.string('status') as JobStatus | undefined;
      if (status !== undefined && !STATUSES.has(status)) throw badRequest('status must be one of: succeeded, failed, pending');
      // §11.1: `failed=true` is the deprecated form of status=failed; `rerun_jobs` an old name of `rerun_only`.
      if (status === undefined && query.bool('failed')) status = 'failed';
      const rerunOnly = query.bool('rerun_only') ?? query.bool('rerun_jobs') ?? false;
      const prev = query.bool('prev') ?? false;
      const offsetHandle = query.string('offset_job_id');

      const matches = (i: number): boolean =>
        (status === undefined || jobs.status(i) === status) && (!rerunOnly || jobs.isRepeat(i));
      let scope = 0;
      for (let i = 0; i < jobs.count; i++) if (matches(i)) scope++;

      const picked: number[] = [];
      if (offsetHandle !== undefined) {
        const at = jobs.indexOf(offsetHandle);
        if (at < 0) throw badRequest(INFERRED.unknownOffsetJobMessage); // [inferred] see inferred.ts
        if (prev) {
          // Newer than the offset: the `per_page` jobs closest to it, still listed newest first.
          for (let i = at - 1; i >= 0 && picked.length < perPage; i--) if (matches(i)) picked.push(i);
          picked.reverse();
        } else {
          for (let i = at + 1; i < jobs.count && picked.length < perPage; i++) if (matches(i)) picked.push(i);
        }
      } else {
        for (let i = 0; i < jobs.count && picked.length < perPage; i++) if (matches(i)) picked.push(i);
      }
      const c = jobs.counters();
      const body: Workato.JobList = {
        job_succeeded_count: c.succeeded,
        job_failed_count: c.failed,
        job_count: jobs.count,
        job_scope_count: scope,
        items: picked.map((i) => jobs.item(i)),
      };
      return ok(body);
    },
  },
  {
    // §11.2 → JobDetail; 404 when the handle is not a job of this recipe.
    method: 'GET',
    path: '/api/recipes/:recipe_id/jobs/:job_handle',
    handler: ({ store, params }) => {
      const { jobs } = findRecipe(store, params.recipe_id);
      const at = jobs.indexOf(params.job_handle ?? '');
      if (at < 0) throw notFound();
      return ok(jobs.detail(at));
    },
  },
];
