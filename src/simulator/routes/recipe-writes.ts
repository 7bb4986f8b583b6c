/** REFERENCE §10.3–§10.6: create, update, copy and delete recipes. Running recipes refuse with HTTP 200 (§4.3). */
import type { Workato } from '../../workato/types.js';
import { ok, type Reply, type RouteDef } from '../http-helpers.js';
import { INFERRED_RECIPE_WRITES } from '../inferred.js';
import { addVersion, applicationsOf, checkRecipeLimit, configFor, folderIdOf, insertRecipe, readRecipeInput } from '../recipe-build.js';
import { formatTime } from '../time.js';
import { findRecipe } from './recipes.js';

/** Recorded live by [wk] (fixtures/recipe-update-running-refused.json, recipe-delete-running-refused.json). */
const UPDATE_RUNNING: Workato.SuccessResponse = { success: false, errors: { running: ["can't modify running recipe"] } };
const DELETE_RUNNING: Workato.SuccessResponse = { success: false, errors: { running: ["Can't change the recipe state: invalid state running"] } };

export const recipeWriteRoutes: RouteDef[] = [
  {
    // §10.3 → {"success": true, "id"}; the recipe starts stopped, at version 1.
    method: 'POST',
    path: '/api/recipes',
    handler: async ({ store, readJson }) => {
      const input = readRecipeInput(store, await readJson(), true);
      checkRecipeLimit(store);
      const apps = applicationsOf(input.code!);
      const row = insertRecipe(store, {
        name: input.name ?? INFERRED_RECIPE_WRITES.untitledRecipeName,
        code: input.code,
        config: input.config ?? configFor(apps.applications ?? []),
        folder_id: input.folderId ?? store.rootFolderId,
        description: input.description ?? '',
        ...apps,
      });
      return ok({ success: true, id: row.recipe.id });
    },
  },
  {
    // §10.4 → {"success": true}; only the fields sent change, each update saves a new version.
    method: 'PUT',
    path: '/api/recipes/:id',
    handler: async ({ store, params, readJson }) => {
      const row = findRecipe(store, params.id);
      const body = await readJson();
      if (row.recipe.running) return ok(UPDATE_RUNNING);
      const input = readRecipeInput(store, body, false);
      const r = row.recipe;
      if (input.name !== undefined) r.name = input.name;
      if (input.description !== undefined) r.description = input.description;
      if (input.folderId !== undefined) r.folder_id = input.folderId; // §10.4: sending folder_id moves the recipe
      if (input.code !== undefined) {
        Object.assign(r, { code: input.code }, applicationsOf(input.code));
        if (input.config === undefined) r.config = configFor(r.applications ?? [], r.config ?? []);
      }
      if (input.config !== undefined) r.config = input.config;
      const now = formatTime(Date.now());
      addVersion(store, row, now);
      r.updated_at = now;
      store.touch();
      return ok({ success: true });
    },
  },
  {
    // §10.5 → {"success": true, "new_flow_id"} with 201, as [wk] observed on the wire (the docs say 200).
    method: 'POST',
    path: '/api/recipes/:id/copy',
    handler: async ({ store, params, readJson }): Promise<Reply> => {
      const source = findRecipe(store, params.id).recipe;
      const body = await readJson();
      const folderId = folderIdOf(store, body && typeof body === 'object' ? (body as Record<string, unknown>).folder_id : undefined);
      checkRecipeLimit(store);
      const copy = insertRecipe(store, {
        name: source.name, code: source.code, config: structuredClone(source.config ?? []),
        folder_id: folderId ?? source.folder_id, description: source.description,
        trigger_application: source.trigger_application, action_applications: [...(source.action_applications ?? [])],
        applications: [...(source.applications ?? [])], parameters_schema: structuredClone(source.parameters_schema ?? []),
        parameters: structuredClone(source.parameters ?? {}),
      });
      source.copy_count = (source.copy_count ?? 0) + 1;
      return { status: INFERRED_RECIPE_WRITES.recipeCopyStatus, body: { success: true, new_flow_id: copy.recipe.id } };
    },
  },
  {
    // §10.6 → {"success": true}; a running recipe → 200 refusal; afterwards the id answers 404.
    method: 'DELETE',
    path: '/api/recipes/:id',
    handler: ({ store, params }) => {
      const row = findRecipe(store, params.id);
      if (row.recipe.running) return ok(DELETE_RUNNING);
      store.recipes.delete(row.recipe.id);
      store.touch();
      return ok({ success: true });
    },
  },
];
