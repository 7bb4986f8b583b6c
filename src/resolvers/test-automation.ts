/**
 * Test automation (REFERENCE §28) and recipe health (§10 #15–16): a recipe's test cases and health report, runs of
 * test cases by id, and the `testRunStatus` subscription (polling.ts, shared with `packageStatus`). Everything is
 * read in the scope of the object it hangs off, so a customer's recipe reads its customer's test cases.
 */
import type { RecipeHealthStatus, Resolvers, TestCaseResultStatus, TestRunStatus } from '../generated/graphql.js';
import { scopeOf } from '../loaders/scope.js';
import type { TestCaseValue } from '../loaders/test-automation.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { recipeHealthStatusOf, testResultStatusOf, testRunStatusOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { fromWire, prop, typed } from './helpers.js';
import type { TestRunMapper } from './mappers.js';
import { customerWorkatoKey } from './managed-users.js';
import { follow, polled } from './polling.js';
import { decodeCursor, globalIdOf, makePage, pageSize, WORKATO_INT_ID, workatoKey } from './relay.js';
import { linkTo } from './links.js';

/** §28: a test case's handle, e.g. `citc-AG48N4xo-g6ccgP` (a run's: TEST_RUN_HANDLE, relay.ts). */
export const TEST_CASE_HANDLE = /^citc-[A-Za-z0-9_-]+$/;

const automationOf = (ctx: GatewayContext, scope: string | undefined) => ctx.loaders.scope(scope).testAutomation;

/** A run `id` (global) or bare handle → the handle and the scope a global id names. */
export function testRunKey(value: string, argument: string): { key: string; scope?: string } {
  return workatoKey('TestRun', value, argument);
}

export const testCaseNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [recipeId, handle] = parsed.keys;
  if (parsed.keys.length !== 2 || !WORKATO_INT_ID.test(recipeId!) || !TEST_CASE_HANDLE.test(handle!)) {
    throw badUserInput(`"${id()}" is not a test case id this API issued.`, 'id');
  }
  return typed(await automationOf(ctx, parsed.scope).testCase(Number(recipeId), handle!), 'TestCase');
};

export const testRunNode: FamilyNodeLoader = async (parsed, ctx) =>
  typed(await automationOf(ctx, parsed.scope).testRunById.load(parsed.keys[0]!), 'TestRun');

/** Pages cut from the one list Workato sends: offset cursors, exact `hasNextPage`. */
function testCasePage(all: readonly TestCaseValue[], args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first);
  const from = decodeCursor(args.after, 'off')?.o ?? 0;
  return makePage(all.slice(from, from + first), (_n, i) => ({ k: 'off', o: from + i + 1 }), from + first < all.length, from > 0);
}

/** The run Workato reports, followed until it is no longer running; a result changing is a change too. */
const followRun = (scope: string | undefined, handle: string) => ({
  load: (ctx: GatewayContext) => automationOf(ctx, scope).testRunById.load(handle),
  versionOf: (run: Workato.TestRun) => [testRunStatusOf(run.status), ...(run.results ?? []).map((r) => testResultStatusOf(r.status))].join(),
  done: (run: Workato.TestRun) => testRunStatusOf(run.status) !== 'running',
});

type ResultValue = Workato.TestCaseRunResult & { scope: string | undefined };

export const testAutomationResolvers: Resolvers = {
  Query: {
    testRun: (_root, args, ctx) => {
      const { key, scope } = testRunKey(args.id, 'id');
      return automationOf(ctx, scope).testRunById.load(key);
    },
  },
  ManagedUser: {
    testRun: (u, args, ctx) => automationOf(ctx, String(u.id)).testRunById.load(customerWorkatoKey('TestRun', args.id, 'id', u)),
  },
  Subscription: {
    testRunStatus: {
      subscribe: (_root, args, ctx) => {
        const { key, scope } = testRunKey(args.id, 'id');
        return follow<TestRunMapper>(ctx, followRun(scope, key));
      },
      resolve: polled,
    },
  },
  Recipe: {
    testCases: async (r, args, ctx) => testCasePage(await automationOf(ctx, scopeOf(r)).testCasesByRecipeId.load(r.id), args),
    health: (r, _args, ctx) => automationOf(ctx, scopeOf(r)).healthByRecipeId.load(r.id),
  },
  TestCase: {
    id: (c) => globalIdOf('TestCase', c, c.recipe_id, c.id),
    workatoId: (c) => c.id,
    name: (c) => c.name ?? '',
    description: prop<TestCaseValue, 'description'>('description'),
    recipe: linkTo((c) => c.recipe_id, (l) => l.recipeById),
    createdAt: prop<TestCaseValue, 'created_at'>('created_at'),
    updatedAt: prop<TestCaseValue, 'updated_at'>('updated_at'),
  },
  TestRun: {
    id: (t) => globalIdOf('TestRun', t, t.id),
    workatoId: (t) => t.id,
    status: (t) => fromWire<TestRunStatus>(testRunStatusOf(t.status)),
    startedByUserId: (t) => (t.user?.id == null ? null : String(t.user.id)),
    createdAt: prop<TestRunMapper, 'created_at'>('created_at'),
    updatedAt: prop<TestRunMapper, 'updated_at'>('updated_at'),
    results: (t): ResultValue[] => (t.results ?? []).map((r) => ({ ...r, scope: scopeOf(t) })),
  },
  TestCaseResult: {
    status: (r) => fromWire<TestCaseResultStatus>(testResultStatusOf(r.status)),
    testCaseWorkatoId: (r) => r.test_case?.id ?? null,
    testCaseName: (r) => r.test_case?.name ?? null,
    testCase: (r, _args, ctx) =>
      r.recipe?.id == null || !r.test_case?.id ? null : automationOf(ctx, r.scope).testCase(r.recipe.id, r.test_case.id),
    recipe: (r, _args, ctx) => (r.recipe?.id == null ? null : ctx.loaders.scope(r.scope).recipeById.load(r.recipe.id)),
    job: async (r, _args, ctx) => {
      if (r.recipe?.id == null || !r.job?.id) return null;
      const recipeId = r.recipe.id;
      const job = await ctx.loaders.scope(r.scope).jobByKey.load({ recipeId, handle: r.job.id });
      return Object.assign(job, { recipe_id: job.recipe_id ?? recipeId });
    },
  },
  RecipeHealthReport: {
    status: (h) => fromWire<RecipeHealthStatus>(recipeHealthStatusOf(h.status)),
    requestedAt: prop<Workato.RecipeHealth, 'requested_at'>('requested_at'),
    completedAt: prop<Workato.RecipeHealth, 'completed_at'>('completed_at'),
    jobCount: prop<Workato.RecipeHealth, 'job_count'>('job_count'),
    failedJobCount: prop<Workato.RecipeHealth, 'failed_job_count'>('failed_job_count'),
    successRate: prop<Workato.RecipeHealth, 'success_rate'>('success_rate'),
    findings: (h) => h.findings ?? [],
  },
  RecipeHealthFinding: {
    code: (f) => f.code ?? 'unknown',
    // [inferred] severities; anything else reads as LOW rather than failing the report.
    severity: (f) => (f.severity === 'high' ? 'HIGH' : f.severity === 'medium' ? 'MEDIUM' : 'LOW'),
    message: (f) => f.message ?? '',
    step: (f) => f.step_number ?? null,
  },
};
