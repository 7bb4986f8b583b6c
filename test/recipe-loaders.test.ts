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
  // 250 recipes: ids far apart on the id-descending list (pages of 100).
  sim = await startSimulator({ quiet: true, workspaces: { 'recipe-loaders-token': { recipes: 246 } } });
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

it('ids that no longer exist, far apart on the list, cost at most one call more than a GET each', async () => {
  const all = loaders();
  const ids: number[] = [];
  for (let since: number | undefined; ; ) {
    const page = await all.recipeList.load({ per_page: 100, ...(since ? { since_id: since } : {}) });
    ids.push(...page.map((r) => r.id));
    if (page.length < 100) break;
    since = page[page.length - 1]!.id;
  }
  // A missing id just below a recipe near 5, 115 and 225 on the list: each on a page of its own, and no page finds one.
  const gapAfter = (from: number) => ids.findIndex((id, i) => i >= from && ids[i + 1] !== undefined && id - ids[i + 1]! > 1);
  const gone = [5, 115, 225].map((from) => ids[gapAfter(from)]! - 1);
  expect(ids.length).toBeGreaterThan(230);
  expect(gone.filter((id) => !ids.includes(id))).toHaveLength(3);
  const walk = loaders();
  sim.resetCounts();
  const answers = await Promise.allSettled(gone.map((id) => walk.recipeById.load(id)));
  expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
  // One page finds none of them, so the walk stops there: 1 list page + 3 GETs, not 3 pages + 3 GETs.
  expect(sim.counts()).toEqual({ 'GET /api/recipes': 1, 'GET /api/recipes/:id': 3 });
});
