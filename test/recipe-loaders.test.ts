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

it('ids that no longer exist cost a GET each beside the pages; the walk goes on past them', async () => {
  const all = loaders();
  const ids: number[] = [];
  for (let since: number | undefined; ; ) {
    const page = await all.recipeList.load({ per_page: 100, ...(since ? { since_id: since } : {}) });
    ids.push(...page.map((r) => r.id));
    if (page.length < 100) break;
    since = page[page.length - 1]!.id;
  }
  expect(ids.length).toBeGreaterThan(230);
  const gapAfter = (from: number) => ids.findIndex((id, i) => i >= from && ids[i + 1] !== undefined && id - ids[i + 1]! > 1);
  // A deleted recent recipe beside the 100 recipes at 120–219 of the list: its page finds nothing it wants, and the
  // walk still reads the 100 in one more page (a walk that gave up there cost 102 calls).
  const gone = ids[gapAfter(3)]! - 1;
  expect(ids).not.toContain(gone);
  const walk = loaders();
  sim.resetCounts();
  const answers = await Promise.allSettled([gone, ...ids.slice(120, 220)].map((id) => walk.recipeById.load(id)));
  expect(answers.filter((a) => a.status === 'rejected')).toHaveLength(1);
  expect(sim.counts()).toEqual({ 'GET /api/recipes': 2, 'GET /api/recipes/:id': 1 });
});
