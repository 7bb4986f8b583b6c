/**
 * Job writes (REFERENCE §11.3–§11.5): repeat and cancel by handle, resume by token. A customer's recipe (§17.5) can
 * have its jobs repeated, not cancelled.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { nullIfNotFound } from '../loaders/errors.js';
import { scopeOf, tag, tagOne } from '../loaders/scope.js';
import { CANCEL_JOBS_MAX_IDS, jobResultAccepted, type JobResult } from '../workato/inferred.js';
import { REPEAT_JOBS_MAX_IDS, cancelJobs, repeatJobs, resumeJob, type JobActionAnswer } from '../workato/jobs.js';
import type { GatewayContext } from '../server/context.js';
import type { JobActionResultMapper, RecipeMapper } from './mappers.js';
import { attempt, inputError, refusalErrors, type UserErrorValue } from './payload.js';
import { workatoIntKey } from './relay.js';

type JobAction = (api: ScopedLoaders['api'], recipeId: number, handles: readonly string[]) => Promise<JobActionAnswer>;

interface JobsPayload {
  results: JobActionResultMapper[] | null;
  recipe: RecipeMapper | null;
  userErrors: UserErrorValue[];
}

const refusedJobs = (userErrors: UserErrorValue[]): JobsPayload => ({ results: null, recipe: null, userErrors });

/** Distinct, non-empty handles in input order, or the userError that refuses the call before any upstream request. */
function checkHandles(handles: readonly string[], max: number): string[] | UserErrorValue {
  const distinct = [...new Set(handles.map((h) => h.trim()))];
  if (distinct.length === 0 || distinct.includes('')) {
    return inputError('INVALID', 'Give at least one job handle, and no empty ones.', ['input', 'handles']);
  }
  // §5/§11.4: Workato takes at most 25 ids per call and one call per second, so a longer list is the caller's to
  // split and pace; sending several calls from here would hit the quota (or need a second's sleep per batch).
  if (distinct.length > max) {
    return inputError('TOO_MANY_JOBS', `At most ${max} job handles per call; got ${distinct.length}. Split the list and send the parts a second apart.`, ['input', 'handles']);
  }
  return distinct;
}

/**
 * One result per handle, in input order. A handle Workato's answer leaves out reads as `unknown`: accepted when the
 * answer carried no per-job results at all (the call itself succeeded), not when it reported on other jobs only.
 */
function resultsFor(handles: string[], answer: JobActionAnswer, recipeId: number, scope: string | undefined): JobActionResultMapper[] {
  const byHandle = new Map(answer.results.map((r) => [r.job_id, r]));
  const silent = answer.results.length === 0;
  const results = handles.map(
    (h): JobResult & { recipe_id: number } => ({
      ...(byHandle.get(h) ?? { job_id: h, status: 'unknown', error: silent ? null : 'Workato did not report on this job.' }),
      recipe_id: recipeId,
    }),
  );
  return tag(results, scope);
}

/**
 * §17.5 documents jobs list, job get and repeat_jobs for a customer's recipe, and no cancel_jobs: a customer's recipe
 * is refused before any call (Workato would answer 404 `API not found`, which reads like an unknown recipe).
 */
const noCustomerCancel = (recipeId: number, scope: string) =>
  inputError(
    'INVALID',
    `Recipe ${recipeId} is in Embedded customer ${scope}'s workspace: Workato documents no endpoint to cancel a customer's jobs (only list, get and repeat).`,
    ['input', 'recipeId'],
  );

async function jobsAction(
  ctx: GatewayContext,
  input: { recipeId: string; handles: string[] },
  action: JobAction,
  max: number,
  customers: boolean,
): Promise<JobsPayload> {
  const { id: recipeId, scope } = workatoIntKey('Recipe', input.recipeId, 'input.recipeId');
  if (!customers && scope !== undefined) return refusedJobs([noCustomerCancel(recipeId, scope)]);
  const handles = checkHandles(input.handles, max);
  if (!Array.isArray(handles)) return refusedJobs([handles]);
  const loaders = ctx.loaders.scope(scope);
  const outcome = await attempt(() => action(loaders.api, recipeId, handles), ['input', 'recipeId']);
  if (!outcome.ok) return refusedJobs(outcome.userErrors);
  if (outcome.value.refusal) return refusedJobs(refusalErrors(outcome.value.refusal));
  // New repeat jobs, cancelled jobs and the recipe's counters: everything this request read about them is stale.
  loaders.forgetJobs(recipeId, handles);
  loaders.forgetRecipe(recipeId);
  const recipe = await loaders.recipeById.load(recipeId);
  return { results: resultsFor(handles, outcome.value, recipeId, scope), recipe, userErrors: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const jobMutationResolvers: Resolvers = {
  Mutation: {
    jobsRepeat: (_root, { input }, ctx) => jobsAction(ctx, input, repeatJobs, REPEAT_JOBS_MAX_IDS, true),
    jobsCancel: (_root, { input }, ctx) => jobsAction(ctx, input, cancelJobs, CANCEL_JOBS_MAX_IDS, false),
    jobResume: async (_root, { input }, ctx) => {
      const errors: UserErrorValue[] = [];
      if (input.token.trim() === '') errors.push(inputError('INVALID', '`token` is the resume token the paused job handed out.', ['input', 'token']));
      if (input.data != null && !isObject(input.data)) {
        errors.push(inputError('INVALID', '`data` must be a JSON object (Workato passes it to `before_resume`).', ['input', 'data']));
      }
      if (errors.length) return { resumed: false, userErrors: errors };
      const data = input.data == null ? undefined : (input.data as Record<string, unknown>);
      const outcome = await attempt(() => resumeJob(ctx.loaders.scope().api, input.token, data), ['input', 'token']);
      // Which job resumed is not in the answer (204), so no job cache can be cleared precisely: clear the lists.
      if (outcome.ok) ctx.loaders.scope().jobList.clearAll();
      return { resumed: outcome.ok, userErrors: outcome.ok ? [] : outcome.userErrors };
    },
  },
  JobActionResult: {
    handle: (r) => r.job_id,
    accepted: (r) => jobResultAccepted(r),
    job: async (r, _args, ctx) => {
      const job = await ctx.loaders
        .scope(scopeOf(r))
        .jobByKey.load({ recipeId: r.recipe_id, handle: r.job_id })
        .catch(nullIfNotFound);
      return job && tagOne({ ...job, recipe_id: r.recipe_id }, scopeOf(r));
    },
  },
};
