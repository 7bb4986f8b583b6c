/** REFERENCE §10: recipes (reads) and §10.11 versions. */
import type { Workato } from '../../workato/types.js';
import { badRequest, inScope, notFound, ok, pageParams, paginate, pathInt, type Query, type RouteDef } from '../http-helpers.js';
import type { RecipeRow, WorkspaceStore } from '../store.js';
import { parseTime } from '../time.js';

/** §10.1 `includes[]=tags` → `tags` on each item; `exclude_code` ([spec]) drops `code`. */
export function renderRecipe(row: RecipeRow, opts: { tags: boolean; excludeCode?: boolean }): Workato.Recipe {
  const out: Workato.Recipe = { ...row.recipe };
  if (opts.excludeCode) delete out.code;
  if (opts.tags) out.tags = [...row.tags];
  return out;
}

export function wantsTags(q: Query): boolean {
  return q.list('includes').includes('tags');
}

export function findRecipe(store: WorkspaceStore, raw: string | undefined): RecipeRow {
  const row = store.recipes.get(pathInt(raw));
  if (!row) throw notFound();
  return row;
}

const ORDERS = new Set(['default', 'activity']);

function listRecipes(store: WorkspaceStore, q: Query, scope: ReadonlySet<number> | undefined): Workato.Recipe[] {
  const window = pageParams(q); // §10.1: per_page default 100, max 100
  const all = q.csv('adapter_names_all');
  const any = q.csv('adapter_names_any');
  const folderId = q.int('folder_id');
  const order = q.string('order') ?? 'default';
  if (!ORDERS.has(order)) throw badRequest('order must be one of: activity, default');
  // §10.1: `active` is the legacy name of `running`; accept both (`running` wins).
  const running = q.bool('running') ?? q.bool('active');
  const sinceId = q.int('since_id');
  const stoppedAfter = q.time('stopped_after');
  const stopCause = q.string('stop_cause');
  const updatedAfter = q.time('updated_after');
  const tags = wantsTags(q);
  const excludeCode = q.bool('exclude_code') ?? false;

  let rows = store.recipesByIdDesc().filter(({ recipe: r }) => {
    if (!inScope(scope, r.folder_id)) return false; // §2.1: outside a folder-scoped client's folders
    const apps = r.applications ?? [];
    if (all && !all.every((a) => apps.includes(a))) return false;
    if (any && !any.some((a) => apps.includes(a))) return false;
    if (folderId !== undefined && r.folder_id !== folderId) return false; // direct children only
    if (running !== undefined && Boolean(r.running) !== running) return false;
    if (sinceId !== undefined && r.id >= sinceId) return false; // §6: strictly lower ids
    // §10.1 "drop recipes stopped after this time" (never-stopped recipes are kept) [inferred reading]
    if (stoppedAfter !== undefined && r.stopped_at && parseTime(r.stopped_at) > stoppedAfter) return false;
    if (stopCause !== undefined && r.stop_cause !== stopCause) return false;
    if (updatedAfter !== undefined && !(parseTime(r.updated_at) > updatedAfter)) return false;
    return true;
  });
  if (order === 'activity') {
    // [inferred] most recent activity first; never-run recipes last; ties by id descending.
    const at = (r: RecipeRow): number => (r.recipe.last_run_at ? parseTime(r.recipe.last_run_at) : -Infinity);
    rows = [...rows].sort((a, b) => at(b) - at(a) || b.recipe.id - a.recipe.id);
  }
  return paginate(rows, window).map((row) => renderRecipe(row, { tags, excludeCode }));
}

export const recipeRoutes: RouteDef[] = [
  {
    // §10.1 → {"items": [Recipe]} id-descending, no total count.
    method: 'GET',
    path: '/api/recipes',
    handler: ({ store, query, folderScope }) => ok({ items: listRecipes(store, query, folderScope) }),
  },
  {
    // §10.2 → Recipe; 404 {"message": "Not found"}.
    method: 'GET',
    path: '/api/recipes/:id',
    handler: ({ store, params, query }) => ok(renderRecipe(findRecipe(store, params.id), { tags: wantsTags(query) })),
  },
  {
    // §10.11 → {"data": [RecipeVersion]} (note `data`, not `items`), page/per_page default & max 100.
    method: 'GET',
    path: '/api/recipes/:recipe_id/versions',
    handler: ({ store, params, query }) => {
      const row = findRecipe(store, params.recipe_id);
      const window = pageParams(query);
      return ok({ data: paginate(row.versions(), window) });
    },
  },
  {
    // §10.11 → RecipeVersion; 404 when the version is not one of this recipe's.
    method: 'GET',
    path: '/api/recipes/:recipe_id/versions/:id',
    handler: ({ store, params }) => {
      const row = findRecipe(store, params.recipe_id);
      const id = pathInt(params.id);
      const version = row.versions().find((v) => v.id === id);
      if (!version) throw notFound();
      return ok(version);
    },
  },
];
