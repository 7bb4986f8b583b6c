/**
 * Reading no more than the operation needs, and the same fields for the same object. Same object, same fields: Workato's single-job call has no `flow_run_id` (REFERENCE §8.4), its job list has. A job
 * read alone after its list, in the same request, keeps the list's value (loaders/jobs.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobLoaders } from '../src/loaders/jobs.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { simulatorApi } from './support/rest.js';
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
