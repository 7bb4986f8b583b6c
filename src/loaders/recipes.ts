import type { WorkatoApi } from '../workato/http.js';
import { getRecipe, getRecipeVersion, listRecipeVersions, listRecipes, type ListRecipesParams } from '../workato/recipes.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, READS_EVERYTHING, requestLoader, type LoaderMode, type ReadHints } from './options.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { listLoader, notFoundAs } from './util.js';

export interface RecipeVersionKey {
  recipeId: number;
  versionId: number;
}

const versionKey = (k: RecipeVersionKey) => `${k.recipeId}/${k.versionId}`;

/** Recipes per page of GET /recipes (REFERENCE §10.1: max 100). */
const LIST_PAGE = 100;

/**
 * @param reads what the operation reads. List pages leave out what it never does: `code` (`exclude_code=true`,
 *   REFERENCE §10.1, from Workato's own OpenAPI spec; a Workato that ignores it only sends more bytes) and `tags`
 *   (asked with `includes[]=tags`). `Recipe.code` reads `recipeDetailById` whenever an item has no code.
 */
export function createRecipeLoaders(
  api: WorkatoApi,
  scope: string | undefined,
  mode: LoaderMode = BATCHED,
  reads: ReadHints = () => READS_EVERYTHING,
) {
  /** GET /recipes/:id per id — Workato has no batch get — all in parallel; 404 → NotFoundError for that key. */
  const fetchRecipes = (ids: readonly number[]) =>
    Promise.all(
      ids.map((id) =>
        getRecipe(api, id).then(
          (r) => tagOne(r, scope),
          notFoundAs('Recipe', String(id)),
        ),
      ),
    );
  /** One page of GET /recipes, leaving out what the operation never reads. */
  async function fetchPage(params: ListRecipesParams): Promise<Scoped<Workato.Recipe>[]> {
    const { recipeCode, recipeTags } = reads();
    const omit = { includes: recipeTags ? ['tags'] : undefined, exclude_code: recipeCode ? undefined : true };
    return tag(await listRecipes(api, { ...params, ...omit }), scope);
  }
  /**
   * Workato has no batch get (REFERENCE §30). One id: GET /recipes/:id. Several (`nodes`, federation `_entities`):
   * walk the id-descending list (§6) 100 at a time, each page starting with `since_id` just above the highest id not
   * yet seen: 100 ids spread over 300 recipes cost 3 calls; no count is needed first. Every page settles at least
   * the id it starts at, so the pages are never more than the ids; an id the list does not hold (a deleted recipe)
   * gets its own GET as well (404 → NotFoundError for that key). So the walk costs at most one call per id, plus one
   * per id that no longer exists. (A rule that stopped the walk after pages that found nothing bounded the worst
   * case at one call over a GET per id, but turned one deleted recent id beside 100 older ones into 102 calls.)
   * The price: one round trip per page, as each page starts where the list of wanted ids says. Only the wanted
   * recipes are kept: the rest of a page (two thirds, in that example) dies before the next scavenge instead of
   * being copied by each one until the request ends, which took a quarter of the CPU of 100 federation entities
   * (bench/README.md).
   */
  const recipeById = requestLoader<number, Scoped<Workato.Recipe>>(mode, async (ids) => {
    if (ids.length === 1) return fetchRecipes(ids);
    const wanted = [...ids].sort((a, b) => b - a);
    const wantedSet = new Set(ids);
    const found = new Map<number, Scoped<Workato.Recipe> | Error>();
    const unlisted: number[] = [];
    for (let i = 0; i < wanted.length; ) {
      // Not through recipeList, which would keep (and prime) the whole page.
      const page = await fetchPage({ since_id: wanted[i]! + 1, per_page: LIST_PAGE });
      for (const r of page) if (wantedSet.has(r.id)) found.set(r.id, r);
      // The page holds every recipe from wanted[i] down to its last id; a short page holds all the rest.
      const lowest = page.length < LIST_PAGE ? -Infinity : page[page.length - 1]!.id;
      for (; i < wanted.length && wanted[i]! >= lowest; i++) if (!found.has(wanted[i]!)) unlisted.push(wanted[i]!);
    }
    const fetched = await fetchRecipes(unlisted);
    unlisted.forEach((id, i) => found.set(id, fetched[i]!));
    return ids.map((id) => found.get(id) ?? new NotFoundError('Recipe', String(id)));
  });

  /** Full recipe objects (with `code`), never primed from lists, whose items may leave `code` out (§8.2). */
  const recipeDetailById = requestLoader<number, Scoped<Workato.Recipe>>(mode, fetchRecipes);

  /** One page of GET /recipes; every item primes recipeById. */
  const recipeList = listLoader(async (params: ListRecipesParams) => {
    const items = await fetchPage(params);
    for (const r of items) recipeById.prime(r.id, r);
    return items;
  }, mode);

  /** GET /recipes/:recipe_id/versions/:id — versions are addressed through their recipe; composite key. */
  const recipeVersionByKey = requestLoader<RecipeVersionKey, Scoped<Workato.RecipeVersion>, string>(
    mode,
    (keys) =>
      Promise.all(
        keys.map(({ recipeId, versionId }) =>
          getRecipeVersion(api, recipeId, versionId).then((v) => tagOne(v, scope), notFoundAs('RecipeVersion', `${recipeId}/${versionId}`)),
        ),
      ),
    { cacheKeyFn: versionKey },
  );

  /** One page of GET /recipes/:recipe_id/versions (`{"data": [...]}`, §10.11); every item primes recipeVersionByKey. */
  const recipeVersionList = listLoader(async ({ recipeId, ...params }: { recipeId: number; page: number; per_page: number }) => {
    const items = tag(await listRecipeVersions(api, recipeId, params), scope);
    for (const v of items) recipeVersionByKey.prime({ recipeId, versionId: v.id }, v);
    return items;
  }, mode);

  /**
   * After a write: drop what this request knew about the recipe, its versions (updates add one) and every recipe
   * list (STYLE §6).
   */
  function forgetRecipe(id: number): void {
    recipeById.clear(id);
    recipeDetailById.clear(id);
    recipeList.clearAll();
    recipeVersionList.clearAll();
    recipeVersionByKey.clearAll();
  }

  return { recipeById, recipeDetailById, recipeList, recipeVersionByKey, recipeVersionList, forgetRecipe };
}

export type RecipeLoaders = ReturnType<typeof createRecipeLoaders>;
