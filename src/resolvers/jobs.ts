import type { JobStatus, Resolvers } from '../generated/graphql.js';
import { nullIfNotFound } from '../loaders/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import { JOBS_MAX_PAGE_SIZE, deriveJobStatus } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { flag, fromWire, prop, toWire } from './helpers.js';
import type { JobConnectionMapper, JobMapper, RecipeMapper } from './mappers.js';
import { badUserInput } from '../server/errors.js';
import { decodeCursor, globalIdOf, makePage, pageSize, workatoIntKey } from './relay.js';
import { linkTo } from './links.js';

export interface JobPageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  status?: JobStatus | null;
  rerunOnly?: boolean | null;
}

/** Which way a page goes: `after` to older jobs (`prev=false`), `before` to newer ones (`prev=true`, §11.1). */
function direction(args: JobPageArgs) {
  if (args.before != null) {
    if (args.after != null) throw badUserInput('Pass `after` (older jobs) or `before` (newer jobs), not both.', 'before');
    return { newer: true, size: pageSize(args.last, 25, undefined, 'last'), cursor: decodeCursor(args.before, 'job', 'before') };
  }
  if (args.last != null) throw badUserInput('`last` pages to newer jobs and needs `before` (a `startCursor`).', 'last');
  return { newer: false, size: pageSize(args.first), cursor: decodeCursor(args.after, 'job') };
}

/** The jobList key of one page; jobPage and prefetchJobPage share it, so a prefetched page is the one read. */
function jobListKey(recipeId: number, args: JobPageArgs, { newer, size, cursor } = direction(args)) {
  return {
    recipeId,
    offset_job_id: cursor?.h,
    prev: cursor ? newer : undefined,
    status: toWire(args.status) as 'succeeded' | 'failed' | 'pending' | undefined,
    rerun_only: args.rerunOnly ?? undefined,
    perPage: Math.min(size + 1, JOBS_MAX_PAGE_SIZE),
  };
}

/**
 * A page of a recipe's jobs, newest first: `offset_job_id` + `prev=false` walks to older jobs, `prev=true` to the
 * jobs just newer than the cursor (REFERENCE §11.1). One look-ahead job makes the far side's flag exact: the oldest
 * one past the page going back (`hasNextPage`), the newest one past it going forward (`hasPreviousPage`). The
 * counters come free with every page.
 */
export async function jobPage(loaders: ScopedLoaders, recipe: Pick<RecipeMapper, 'id'>, args: JobPageArgs): Promise<JobConnectionMapper> {
  const way = direction(args);
  const { newer, size, cursor } = way;
  const key = jobListKey(recipe.id, args, way);
  const perPage = key.perPage;
  const { items, ...counters } = await loaders.jobList.load(key);
  const more = items.length > size || (perPage === size && items.length === perPage);
  const kept = newer ? items.slice(Math.max(0, items.length - size)) : items.slice(0, size);
  const nodes: JobMapper[] = kept.map((j) => Object.assign(j, { recipe_id: recipe.id }));
  const cursorOf = (j: JobMapper) => ({ k: 'job' as const, h: j.id });
  // Going to newer jobs, the cursor's own job is older than the page: there is a next (older) page.
  return { ...(newer ? makePage(nodes, cursorOf, true, more) : makePage(nodes, cursorOf, more, cursor !== undefined)), counters };
}

/** Starts loading a page that `jobPage` will read, when only the recipe id is known yet (a bad cursor: left to it). */
export function prefetchJobPage(loaders: ScopedLoaders, recipeId: number, args: JobPageArgs): void {
  try {
    loaders.jobList.prefetch(jobListKey(recipeId, args));
  } catch {
    // jobPage reports the bad argument.
  }
}

/** Detail fields are not in list items (§8.4): read the job itself only when one is asked for. */
async function detail(job: JobMapper, loaders: ScopedLoaders): Promise<Workato.JobDetail> {
  if ('lines' in job) return job;
  return loaders.jobByKey.load({ recipeId: job.recipe_id, handle: job.id });
}

const fromDetail =
  <K extends keyof Workato.JobDetail>(key: K) =>
  async (job: JobMapper, _args: unknown, ctx: { loaders: { scope(s?: string): ScopedLoaders } }) =>
    (await detail(job, ctx.loaders.scope(scopeOf(job))))[key] ?? null;

export const jobResolvers: Resolvers = {
  Query: {
    job: async (_root, args, ctx) => {
      const { id: recipeId, scope } = workatoIntKey('Recipe', args.recipeId, 'recipeId');
      const job = await ctx.loaders.scope(scope).jobByKey.load({ recipeId, handle: args.handle });
      return tagOne({ ...job, recipe_id: recipeId }, scope);
    },
  },
  Job: {
    id: (j) => globalIdOf('Job', j, j.recipe_id, j.id),
    handle: (j) => j.id,
    recipe: linkTo((j) => j.recipe_id, (l) => l.recipeById),
    flowRunId: prop('flow_run_id'),
    status: (j) => fromWire<JobStatus>(deriveJobStatus(j)),
    startedAt: prop('started_at'),
    completedAt: prop('completed_at'),
    isError: flag('is_error'),
    isPollError: flag('is_poll_error'),
    errorParts: prop('error_parts'),
    isRepeat: fromDetail('is_repeat'),
    isTest: fromDetail('is_test'),
    isTestCaseJob: fromDetail('is_test_case_job'),
    masterJobHandle: async (j, args, ctx) =>
      (await fromDetail('master_job_handle')(j, args, ctx)) ?? (await fromDetail('master_job_id')(j, args, ctx)),
    callingRecipeId: fromDetail('calling_recipe_id'),
    callingJobHandle: async (j, args, ctx) =>
      (await fromDetail('calling_job_handle')(j, args, ctx)) ?? (await fromDetail('calling_job_id')(j, args, ctx)),
    // [wk]-only detail fields (REFERENCE §8.4): the chain of callable-recipe calls a job belongs to, at its top.
    rootRecipeId: fromDetail('root_recipe_id'),
    rootRecipe: async (j, args, ctx) => {
      const id = await fromDetail('root_recipe_id')(j, args, ctx);
      if (id === null) return null;
      // Gone or invisible: null, with the id kept in rootRecipeId (as RecipeConfigEntry.connection does).
      return ctx.loaders.scope(scopeOf(j)).recipeById.load(id).catch(nullIfNotFound);
    },
    rootJobHandle: fromDetail('root_job_id'),
    lines: fromDetail('lines'),
  },
  JobErrorParts: {
    errorType: prop('error_type'),
    errorId: prop('error_id'),
    errorAt: prop('error_at'),
    innerMessage: prop('inner_message'),
  },
  JobLine: {
    recipeLineNumber: prop('recipe_line_number'),
    adapterName: prop('adapter_name'),
    adapterOperation: prop('adapter_operation'),
    lineStat: prop('line_stat'),
  },
  JobConnection: {
    totalCount: (p) => p.counters.job_scope_count ?? p.counters.job_count ?? null,
    jobCount: (p) => p.counters.job_count ?? null,
    succeededCount: (p) => p.counters.job_succeeded_count ?? null,
    failedCount: (p) => p.counters.job_failed_count ?? null,
    pendingCount: ({ counters: c }) =>
      c.job_count == null ? null : Math.max(0, c.job_count - (c.job_succeeded_count ?? 0) - (c.job_failed_count ?? 0)),
  },
};
