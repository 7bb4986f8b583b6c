/**
 * Reading no more than the operation needs, and the same fields for the same object. Same object, same fields: Workato's single-job call has no `flow_run_id` (REFERENCE §8.4), its job list has. A job
 * read alone after its list, in the same request, keeps the list's value (loaders/jobs.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobLoaders } from '../src/loaders/jobs.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { rest, simulatorApi } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(() => sim.close());

it('a job fetched after its list keeps flow_run_id; fetched alone it has none, as Workato sends it', async () => {
  const loaders = createJobLoaders(simulatorApi(sim), undefined);
  const page = await loaders.jobList.load({ recipeId: 3307712, perPage: 2 });
  const listedJob = page.items[0]!;
  expect(listedJob.flow_run_id).toEqual(expect.any(Number));
  const detail = await loaders.jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(detail.flow_run_id).toBe(listedJob.flow_run_id);

  const alone = await createJobLoaders(simulatorApi(sim), undefined).jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(alone.flow_run_id ?? null).toBeNull();
});

it('a failed job fetched after its list keeps error_parts, which only the list carries (§8.4)', async () => {
  const loaders = createJobLoaders(simulatorApi(sim), undefined);
  const page = await loaders.jobList.load({ recipeId: 3307712, perPage: 50, status: 'failed' });
  const listedJob = page.items.find((j) => j.error_parts != null)!;
  expect(listedJob).toBeDefined();
  const detail = await loaders.jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(detail.error_parts).toEqual(listedJob.error_parts);
  const alone = await createJobLoaders(simulatorApi(sim), undefined).jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(alone.error_parts ?? null).toBeNull();
});

describe('nothing fetched that the operation does not read', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('recipe(id:) { id jobs } costs the jobs call only; a recipe that does not exist is NOT_FOUND from that call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ recipe(id: "3307712") { id workatoId jobs(first: 2) { nodes { handle } } } }`);
    expect(data.recipe.workatoId).toBe('3307712');
    expect(data.recipe.jobs.nodes).toHaveLength(2);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:recipe_id/jobs': 1 });

    const missing = await stack.request(`{ recipe(id: "999") { id jobs(first: 2) { nodes { handle } } } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // `{ id }` alone is an existence check: with no call to find out, the recipe is read.
    stack.sim.resetCounts();
    const exists = await stack.request(`{ recipe(id: "999") { id } }`);
    expect(exists.data?.recipe).toBeNull();
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1 });

    stack.sim.resetCounts();
    await stack.gql(`{ recipe(id: "3307712") { name jobs(first: 2) { nodes { handle } } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1, 'GET /api/recipes/:recipe_id/jobs': 1 });
  });
});

describe('the root of a chain of callable-recipe calls (REFERENCE §8.4, [wk])', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const DETAIL_ROUTE = 'GET /api/recipes/:recipe_id/jobs/:job_handle';
  const JOB = `query($h: String!) { job(recipeId: "3307601", handle: $h) {
    callingRecipeId callingJobHandle rootRecipeId rootJobHandle rootRecipe { workatoId name }
  } }`;

  /** A job of the callable recipe, as Workato's single-job call answers for one started by a call from 3307712. */
  async function calledJob(rootRecipeId: number) {
    const handle = (await rest(stack.sim, '/recipes/3307601/jobs?per_page=1')).items[0].id as string;
    const detail = await rest(stack.sim, `/recipes/3307601/jobs/${handle}`);
    const body = { ...detail, calling_recipe_id: 3307712, calling_job_id: 'j-AXk9ZfQ2-pL7cW1', calling_job_handle: 'j-AXk9ZfQ2-pL7cW1',
      root_recipe_id: rootRecipeId, root_job_id: 'j-AXk9ZfQ2-pL7cW1' };
    stack.sim.inject({ route: DETAIL_ROUTE, status: 200, body, times: 1 });
    return handle;
  }

  it('reads root_recipe_id and root_job_id from the single-job call, and links the root recipe', async () => {
    const h = await calledJob(3307712);
    expect((await stack.gql(JOB, { h })).job).toEqual({
      callingRecipeId: '3307712', callingJobHandle: 'j-AXk9ZfQ2-pL7cW1',
      rootRecipeId: '3307712', rootJobHandle: 'j-AXk9ZfQ2-pL7cW1',
      rootRecipe: { workatoId: '3307712', name: 'Salesforce won opportunity -> NetSuite sales order' },
    });
  });

  it('answers a root recipe that is gone with null and keeps its id', async () => {
    const h = await calledJob(999);
    const result = await stack.request(JOB, { h });
    expect(result.errors).toBeUndefined();
    expect(result.data?.job).toMatchObject({ rootRecipeId: '999', rootRecipe: null });
  });

  it('reads them for a listed job with the detail call its other detail fields share; null when Workato sends none', async () => {
    stack.sim.resetCounts();
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { jobs(first: 2) { nodes {
      isRepeat rootRecipeId rootJobHandle rootRecipe { workatoId } lines { recipeLineNumber }
    } } } }`);
    expect(recipe.jobs.nodes).toHaveLength(2);
    for (const job of recipe.jobs.nodes) expect(job).toMatchObject({ rootRecipeId: null, rootJobHandle: null, rootRecipe: null });
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:recipe_id/jobs': 1, [DETAIL_ROUTE]: 2 });
  });
});
