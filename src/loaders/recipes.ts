import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { WorkatoError } from '../workato/http.js';
import { getRecipe, listRecipes, type ListRecipesParams } from '../workato/recipes.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

export function createRecipeLoaders(api: WorkatoApi, scope: string | undefined) {
  /** GET /recipes/:id per id — Workato has no batch get — all in parallel; 404 → NotFoundError for that key. */
  const fetchRecipes = (ids: readonly number[]) =>
    Promise.all(
      ids.map((id) =>
        getRecipe(api, id).then(
          (r) => tag([r], scope)[0]!,
          (e: unknown) => (e instanceof WorkatoError && e.status === 404 ? new NotFoundError('Recipe', String(id)) : toError(e)),
        ),
      ),
    );
  const recipeById = new DataLoader<number, Scoped<Workato.Recipe>>(fetchRecipes);

  /** Full recipe objects (with `code`), never primed from lists, whose items may leave `code` out (§8.2). */
  const recipeDetailById = new DataLoader<number, Scoped<Workato.Recipe>>(fetchRecipes);

  /** One page of GET /recipes; every item primes recipeById. */
  const recipeList = listLoader(async (params: ListRecipesParams) => {
    const items = tag(await listRecipes(api, { ...params, includes: ['tags'] }), scope);
    for (const r of items) recipeById.prime(r.id, r);
    return items;
  });

  /** After a write: drop what this request knew about the recipe and every recipe list (STYLE §6). */
  function forgetRecipe(id: number): void {
    recipeById.clear(id);
    recipeDetailById.clear(id);
    recipeList.clearAll();
  }

  return { recipeById, recipeDetailById, recipeList, forgetRecipe };
}

export type RecipeLoaders = ReturnType<typeof createRecipeLoaders>;
