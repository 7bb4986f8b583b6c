/**
 * Applying an imported package to a folder (REFERENCE §15.4, §15.5). [inferred] A package recipe updates the recipe
 * of the same name in the target folder, else it is created there, stopped. Connections are matched by name and
 * connector in the folder, else created as shell connections (never authorized: packages carry no secrets). A
 * running recipe to update makes the whole import fail unless `restart_recipes` is set; with it the recipe is
 * updated and started again, or left stopped when its connections are not ready (`stopped`).
 */
import type { Workato } from '../workato/types.js';
import type { Settled } from './lifecycle.js';
import { readPackage, type PackageContents } from './package-zip.js';
import { addVersion, applicationsOf, checkRecipeLimit, insertRecipe } from './recipe-build.js';
import { configErrors } from './routes/recipe-actions.js';
import type { RecipeRow, WorkspaceStore } from './store.js';
import { formatTime } from './time.js';

export interface ImportOptions {
  folderId: number;
  restartRecipes: boolean;
  includeTags: boolean;
}

/** The connection ids of the package's connection files, found or created in the target folder. */
function placeConnections(store: WorkspaceStore, contents: PackageContents, folderId: number, now: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { zipName, doc } of contents.connections) {
    const provider = String(doc.provider ?? '');
    const existing = store
      .connectionsByIdAsc()
      .find(({ connection: c }) => c.folder_id === folderId && c.name === doc.name && (c.application ?? c.provider) === provider);
    if (existing) {
      ids.set(zipName, existing.connection.id);
      continue;
    }
    const connection: Workato.Connection = {
      application: provider, id: store.allocateId('connection'), name: doc.name, description: null, authorized_at: null,
      authorization_status: null, authorization_error: null, created_at: now, updated_at: now, external_id: null,
      folder_id: folderId, connection_lost_at: null, connection_lost_reason: null, parent_id: null,
    };
    store.connections.set(connection.id, { connection, tags: [] });
    ids.set(zipName, connection.id);
  }
  store.touch();
  return ids;
}

export function applyImport(store: WorkspaceStore, files: Record<string, Uint8Array>, options: ImportOptions): Settled {
  const contents = readPackage(files);
  const inFolder = (name: string): RecipeRow | undefined =>
    store.recipesByIdDesc().find(({ recipe: r }) => r.folder_id === options.folderId && r.name === name);
  // §15.4: checked before anything changes, so a refused import leaves the folder as it was.
  if (!options.restartRecipes) {
    const running = contents.recipes.map(({ doc }) => inFolder(doc.name)).find((row) => row?.recipe.running);
    if (running) {
      return {
        status: 'failed',
        error: `Cannot update running recipe '${running.recipe.name}'. Set restart_recipes=true to allow restarting running recipes.`,
      };
    }
  }
  const now = formatTime(Date.now());
  const connectionIds = placeConnections(store, contents, options.folderId, now);
  const results: Workato.PackageRecipeStatus[] = [];
  for (const { doc } of contents.recipes) {
    const code = JSON.stringify(doc.code ?? {});
    const config: Workato.RecipeConfigEntry[] = (doc.config ?? []).map(({ account_id, ...entry }) => ({
      ...entry,
      keyword: entry.keyword ?? 'application',
      account_id: account_id?.zip_name ? (connectionIds.get(account_id.zip_name) ?? null) : null,
    }));
    const fields = { code, config, description: doc.description ?? null, ...applicationsOf(code) };
    const row = inFolder(doc.name);
    if (!row) {
      checkRecipeLimit(store);
      const created = insertRecipe(store, { name: doc.name, folder_id: options.folderId, ...fields });
      if (options.includeTags && Array.isArray(doc.tags)) created.tags = [...doc.tags];
      results.push({ id: created.recipe.id, import_result: 'no_update_or_updated_without_restart' });
      continue;
    }
    const wasRunning = Boolean(row.recipe.running);
    Object.assign(row.recipe, fields, { updated_at: now });
    addVersion(store, row, now);
    if (options.includeTags && Array.isArray(doc.tags)) row.tags = [...doc.tags];
    let result = 'no_update_or_updated_without_restart';
    if (wasRunning) {
      // Stopped for the update, then started again — unless its connections are not ready (as a start would refuse).
      const restartable = configErrors(store, row).length === 0;
      Object.assign(row.recipe, restartable ? { running: true } : { running: false, stopped_at: now, stop_cause: null });
      result = restartable ? 'restarted' : 'stopped';
    }
    results.push({ id: row.recipe.id, import_result: result });
  }
  store.touch();
  return { status: 'completed', download_url: null, recipe_status: results };
}
