/**
 * Test automation (REFERENCE §28) and recipe health (§10 #15–16). Not CRUD (read-only lists and asynchronous runs),
 * so these are hand-written routes over three tables. A run starts one test job per test case on the recipe (the
 * jobs list shows them) and, like builds (deployments.ts), finishes on its `asyncPolls`-th read; a health report is
 * computed from the recipe's jobs and test cases when it completes. Open choices: inferred.ts.
 * The recipe paths are mirrored for Embedded customers by routes/embedded.ts (§17.4); the run requests declare
 * theirs (Workato's Embedded test automation docs: /api/managed_users/:id/test_cases/run_requests).
 */
import type { Workato } from '../../workato/types.js';
import { rowsOf } from '../crud.js';
import { notFound, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_TEST_AUTOMATION as T } from '../inferred.js';
import { startJob, syncJobCounters, writableJobs } from '../jobs-overlay.js';
import { handle, hash32, Rng } from '../random.js';
import type { RecipeRow, TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { bodyId, bodyOf, Validation } from '../writes.js';
import { findRecipe } from './recipes.js';

export interface TestCaseRow {
  wire: Workato.TestCase & { recipe_id: number };
  /** Whether a run of this case succeeds (simulator-side, never sent). */
  passes: boolean;
}

interface TestRunRow {
  wire: Workato.TestRun;
  reads: number;
  /** Per result: the test job started for it, and whether it passes. */
  runs: Array<{ recipeId: number; job: string; passes: boolean }>;
}

interface HealthRow {
  wire: Workato.RecipeHealth;
  reads: number;
}

/** Recipes in id order: seeds depend on the workspace's recipes, not on map insertion order. */
const recipesAsc = (store: WorkspaceStore) => [...store.recipes.values()].sort((a, b) => a.recipe.id - b.recipe.id);

/** Two recipes in three have 1–3 test cases; a quarter of the cases fail when run. */
function seedTestCases(store: WorkspaceStore): TestCaseRow[] {
  return recipesAsc(store).flatMap((row, i) => {
    if (i % 3 === 2) return [];
    const rng = new Rng(hash32(store.index, row.recipe.id, 28));
    const names = rng.sample(T.testCaseNames, rng.int(1, 3));
    return names.map((name, k) => {
      const created = SIM_NOW - rng.int(5, 120) * DAY;
      return {
        wire: {
          id: handle('citc', rng), name, description: k === 0 ? `Checks that "${row.recipe.name}" ${name.toLowerCase()}.` : null,
          recipe_id: row.recipe.id, created_at: formatTime(created), updated_at: formatTime(created + rng.int(0, 4) * DAY),
        },
        passes: !rng.chance(T.failureRate),
      };
    });
  });
}

export const TEST_CASES: TableSpec<TestCaseRow, string> = { name: 'test_cases', idOf: (row) => row.wire.id, seed: seedTestCases };
const TEST_RUNS: TableSpec<TestRunRow, string> = { name: 'test_runs', idOf: (row) => row.wire.id };

const casesOf = (store: WorkspaceStore, recipeId: number) => [...rowsOf(store, TEST_CASES).values()].filter((c) => c.wire.recipe_id === recipeId);

/** The report of a recipe's jobs and test cases, as of now. */
function analyse(store: WorkspaceStore, row: RecipeRow): Omit<Workato.RecipeHealth, 'requested_at'> {
  const { succeeded, failed, pending } = row.jobs.counters();
  const findings: Workato.RecipeHealthFinding[] = [];
  const finished = succeeded + failed;
  const rate = finished ? succeeded / finished : null;
  if (finished && failed / finished > T.highFailureRate) {
    findings.push({ code: 'high_failure_rate', severity: 'high', message: `${failed} of ${finished} finished jobs failed.`, step_number: null });
  }
  if (casesOf(store, row.recipe.id).length === 0) {
    findings.push({ code: 'no_test_cases', severity: 'medium', message: 'The recipe has no test cases.', step_number: null });
  }
  if (!row.recipe.running) findings.push({ code: 'recipe_stopped', severity: 'low', message: 'The recipe is stopped.', step_number: null });
  return {
    recipe_id: row.recipe.id, status: 'completed', completed_at: formatTime(Date.now()), job_count: succeeded + failed + pending,
    failed_job_count: failed, success_rate: rate === null ? null : Math.round(rate * 1000) / 1000, findings,
  };
}

/** Every other recipe has a completed report from a week ago; the rest have never been analysed. */
function seedHealth(store: WorkspaceStore): HealthRow[] {
  return recipesAsc(store)
    .filter((_row, i) => i % 2 === 0)
    .map((row) => {
      const at = SIM_NOW - 7 * DAY;
      return { wire: { ...analyse(store, row), requested_at: formatTime(at - 60_000), completed_at: formatTime(at) }, reads: 0 };
    });
}

const HEALTH: TableSpec<HealthRow, number> = { name: 'recipe_health', idOf: (row) => row.wire.recipe_id!, seed: seedHealth };

const pollsOf = (store: WorkspaceStore) => Math.max(1, store.asyncPolls);

/** One read of a run: counts toward `asyncPolls`; the last one finishes its jobs and results. */
function readRun(store: WorkspaceStore, row: TestRunRow): Workato.TestRun {
  if (row.wire.status !== 'running' || ++row.reads < pollsOf(store)) return row.wire;
  const now = formatTime(Date.now());
  row.runs.forEach(({ recipeId, job, passes }, i) => {
    const recipe = store.recipes.get(recipeId);
    if (recipe) finishJob(recipe, job, passes, now);
    row.wire.results![i]!.status = passes ? 'succeeded' : 'failed';
  });
  Object.assign(row.wire, { status: 'completed', updated_at: now });
  return row.wire;
}

function finishJob(row: RecipeRow, jobId: string, passes: boolean, now: string): void {
  const jobs = writableJobs(row);
  const i = jobs.indexOf(jobId);
  if (i < 0) return;
  const error = passes ? null : 'Test case failed: expected output did not match';
  const item = { ...jobs.item(i), completed_at: now, is_error: !passes, error };
  jobs.replace(i, { status: passes ? 'succeeded' : 'failed', item, detail: { ...jobs.detail(i), ...item, status: passes ? 'succeeded' : 'failed' } });
  syncJobCounters(row);
}

/** The test cases a run request names (§28: by recipe, or by id); 400 validation answers otherwise. */
function selectCases(store: WorkspaceStore, body: Record<string, unknown>): TestCaseRow[] {
  const v = new Validation();
  for (const key of ['manifest_id', 'project_id', 'folder_id']) if (body[key] != null) v.add(key, T.unsupportedSelector(key));
  v.check();
  const cases = rowsOf(store, TEST_CASES);
  if (body.test_case_ids != null) {
    const ids = Array.isArray(body.test_case_ids) ? body.test_case_ids : [body.test_case_ids];
    const picked = ids.map((id) => (typeof id === 'string' ? cases.get(id) : undefined));
    ids.forEach((id, i) => picked[i] === undefined && v.add('test_case_ids', T.unknownTestCase(String(id))));
    if (ids.length === 0) v.add('test_case_ids', "can't be blank");
    v.check();
    return picked as TestCaseRow[];
  }
  if (body.recipe_id == null) {
    v.add('base', T.selectorRequired);
    v.check();
  }
  const recipeId = bodyId(body.recipe_id);
  if (recipeId === undefined || !store.recipes.has(recipeId)) throw notFound();
  const own = casesOf(store, recipeId);
  if (own.length === 0) v.add('recipe_id', T.noTestCases);
  v.check();
  return own;
}

export const testAutomationRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/recipes/:recipe_id/test_cases',
    handler: ({ store, params }) => {
      const recipe = findRecipe(store, params.recipe_id);
      return ok({ data: casesOf(store, recipe.recipe.id).map((c) => ({ ...c.wire })) });
    },
  },
  {
    method: 'POST',
    path: '/api/test_cases/run_requests',
    embedded: 'managed_users',
    handler: async (ctx) => {
      const { store } = ctx;
      const cases = selectCases(store, await bodyOf(ctx));
      const runs = rowsOf(store, TEST_RUNS);
      const rng = new Rng(hash32(store.index, runs.size, 0x28));
      let id = handle('cirr', rng);
      while (runs.has(id)) id = handle('cirr', rng);
      const now = formatTime(Date.now());
      const started = cases.map((c) => {
        const recipe = store.recipes.get(c.wire.recipe_id)!;
        const job = startJob(store, recipe);
        Object.assign(job.detail, { is_test: true, is_test_case_job: true });
        job.item.title = `Test case: ${c.wire.name}`;
        job.detail.title = job.item.title;
        return { recipe, c, job: job.item.id };
      });
      store.touch();
      const wire: Workato.TestRun = {
        id, status: 'running', user: { id: store.workspace.id }, created_at: now, updated_at: now,
        results: started.map(({ recipe, c, job }) => ({
          recipe: { id: recipe.recipe.id, name: recipe.recipe.name }, test_case: { id: c.wire.id, name: c.wire.name ?? null }, job: { id: job }, status: 'pending',
        })),
      };
      runs.set(id, { wire, reads: 0, runs: started.map(({ recipe, c, job }) => ({ recipeId: recipe.recipe.id, job, passes: c.passes })) });
      return ok({ data: structuredClone(wire) });
    },
  },
  {
    method: 'GET',
    path: '/api/test_cases/run_requests/:id',
    embedded: 'managed_users',
    handler: ({ store, params }) => {
      const row = rowsOf(store, TEST_RUNS).get(params.id ?? '');
      if (!row) throw notFound();
      return ok({ data: structuredClone(readRun(store, row)) });
    },
  },
  {
    method: 'GET',
    path: '/api/recipes/:recipe_id/health',
    handler: ({ store, params }) => {
      const recipe = findRecipe(store, params.recipe_id);
      const row = rowsOf(store, HEALTH).get(recipe.recipe.id);
      if (!row) throw notFound();
      if (row.wire.status === 'pending' && ++row.reads >= pollsOf(store)) Object.assign(row.wire, analyse(store, recipe));
      return ok({ data: structuredClone(row.wire) });
    },
  },
  {
    method: 'POST',
    path: '/api/recipes/:recipe_id/health',
    handler: ({ store, params }) => {
      const recipe = findRecipe(store, params.recipe_id);
      const reports = rowsOf(store, HEALTH);
      const current = reports.get(recipe.recipe.id);
      if (current?.wire.status === 'pending') return ok({ data: structuredClone(current.wire) });
      const wire: Workato.RecipeHealth = {
        recipe_id: recipe.recipe.id, status: 'pending', requested_at: formatTime(Date.now()), completed_at: null,
        job_count: null, failed_job_count: null, success_rate: null, findings: [],
      };
      reports.set(recipe.recipe.id, { wire, reads: 0 });
      return ok({ data: structuredClone(wire) });
    },
  },
];
