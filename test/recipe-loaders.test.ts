/**
 * Recipes by id in batches (loaders/recipes.ts `recipeById`): Workato has no batch get, so several ids walk the
 * id-descending list. What the walk keeps is what was asked: the other recipes of each page are garbage at once
 * instead of living (and being copied by every scavenge) for the rest of the request.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecipeLoaders } from '../src/loaders/recipes.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { simulatorApi } from './support/rest.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(() => sim.close());

const loaders = () => createRecipeLoaders(simulatorApi(sim), undefined);

it('a batch of ids costs one list page and keeps only the recipes asked for; a listed page keeps them all', async () => {
  const listed = (await loaders().recipeList.load({ per_page: 100 })).map((r) => r.id);
  expect(listed.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = listed as [number, number, number];

  const walk = loaders();
  sim.resetCounts();
  const found = await Promise.all([walk.recipeById.load(first), walk.recipeById.load(third)]);
  expect(found.map((r) => r.id)).toEqual([first, third]);
  expect(sim.counts()).toEqual({ 'GET /api/recipes': 1 });
  sim.resetCounts();
  await walk.recipeById.load(second); // on the walked page, but not asked: not kept
  expect(sim.counts()).toEqual({ 'GET /api/recipes/:id': 1 });

  const page = loaders();
  await page.recipeList.load({ per_page: 100 });
  sim.resetCounts();
  await page.recipeById.load(second); // a list the operation shows primes every recipe on it
  expect(sim.counts()).toEqual({});
});
