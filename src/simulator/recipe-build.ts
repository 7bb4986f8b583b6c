/**
 * Recipes made or changed at run time (REFERENCE §10.3–§10.5): reading the documented `recipe` body, deriving the
 * connector lists from the step tree, and new versions (§8.3).
 */
import type { Workato } from '../workato/types.js';
import { HttpError, badRequest, isObject } from './http-helpers.js';
import { INFERRED_RECIPE_WRITES } from './inferred.js';
import { emptyJobs } from './jobs-overlay.js';
import type { RecipeRow, WorkspaceStore } from './store.js';
import { formatTime } from './time.js';

/** §5: recipe names hold at most 255 characters. */
const MAX_NAME = 255;


/** §4.2 validation shape: `{"message": "Validation failed", "errors": {field: [messages]}}`. */
export const invalid = (field: string, message: string): HttpError =>
  new HttpError(400, { message: 'Validation failed', errors: { [field]: [message] } });

/** §10.3: the documented body nests the fields under `recipe`; the 2019 sample and [wk] send them flat. Accept both. */
export function recipeFields(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest('Missing required parameter: recipe');
  return isObject(body.recipe) ? body.recipe : body;
}

/** §10.3/§29.4: `folder_id` must be a string ([wk]: a number is refused with "Must be a String"); the folder must exist. */
export function folderIdOf(store: WorkspaceStore, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest('Must be a String');
  const id = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!store.folders.has(id)) throw invalid('folder_id', 'is invalid');
  return id;
}

/** A JSON-encoded string field (`code`, `config`, §3) → the parsed value. */
function jsonString(field: string, value: unknown): unknown {
  if (typeof value !== 'string') throw invalid(field, 'must be a JSON-encoded string');
  try {
    return JSON.parse(value);
  } catch {
    throw invalid(field, 'is not valid JSON');
  }
}

export interface RecipeInput {
  name?: string;
  code?: string;
  config?: Workato.RecipeConfigEntry[];
  folderId?: number;
  description?: string;
}

/** Validates the fields of a create (`code` required) or update (all optional) body. */
export function readRecipeInput(store: WorkspaceStore, body: unknown, create: boolean): RecipeInput {
  const f = recipeFields(body);
  const input: RecipeInput = {};
  if (f.name !== undefined && f.name !== null) {
    if (typeof f.name !== 'string') throw invalid('name', 'must be a string');
    if (f.name.length > MAX_NAME) throw invalid('name', `is too long (maximum is ${MAX_NAME} characters)`);
    input.name = f.name;
  }
  if (f.code === undefined || f.code === null || f.code === '') {
    if (create) throw invalid('code', "can't be blank");
  } else {
    if (!isObject(jsonString('code', f.code))) throw invalid('code', 'is not valid JSON');
    input.code = f.code as string;
  }
  if (f.config !== undefined && f.config !== null && f.config !== '') {
    const config = jsonString('config', f.config);
    if (!Array.isArray(config) || !config.every(isObject)) throw invalid('config', 'is not valid JSON');
    input.config = (config as Array<Record<string, unknown>>).map((e) => ({ ...e, keyword: typeof e.keyword === 'string' ? e.keyword : 'application' }));
  }
  input.folderId = folderIdOf(store, f.folder_id);
  if (f.description !== undefined && f.description !== null) {
    if (typeof f.description !== 'string') throw invalid('description', 'must be a string');
    input.description = f.description;
  }
  return input;
}

/** Trigger and action applications of a step tree (the trigger is step 0; actions are every provider below it). */
export function applicationsOf(code: string): Pick<Workato.Recipe, 'trigger_application' | 'action_applications' | 'applications'> {
  const tree = JSON.parse(code) as { provider?: string; block?: unknown[] };
  const trigger = typeof tree.provider === 'string' ? tree.provider : null;
  const actions: string[] = [];
  const walk = (nodes: unknown[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (!isObject(node)) continue;
      if (typeof node.provider === 'string' && node.provider !== trigger && !actions.includes(node.provider)) actions.push(node.provider);
      walk(node.block as unknown[] | undefined);
    }
  };
  walk(tree.block);
  return { trigger_application: trigger, action_applications: actions, applications: trigger ? [trigger, ...actions] : actions };
}

/** [inferred] One config entry per application, keeping the connection of entries that already existed. */
export function configFor(applications: readonly string[], existing: readonly Workato.RecipeConfigEntry[] = []): Workato.RecipeConfigEntry[] {
  return applications.map((app) => {
    const kept = existing.find((e) => (e.provider ?? e.name) === app);
    return kept ? { ...kept } : { keyword: 'application', name: app, provider: app, skip_validation: false, account_id: null };
  });
}

/** [inferred] Versions saved through the API are authored by the API client, with the workspace's e-mail (§8.1). */
const author = (store: WorkspaceStore) => ({ name: INFERRED_RECIPE_WRITES.versionAuthorName, email: store.workspace.email ?? null });

/** A new newest version (§8.3) with a fresh id; the recipe's version fields follow it. */
export function addVersion(store: WorkspaceStore, row: RecipeRow, at: string): Workato.RecipeVersion {
  const versions = row.versions(); // materialise the history first: it is generated from the current version_no
  const who = author(store);
  const version: Workato.RecipeVersion = {
    id: store.allocateId('version'), version_no: (row.recipe.version_no ?? versions.length) + 1, comment: null,
    author_name: who.name, author_email: who.email, created_at: at, updated_at: at,
  };
  versions.unshift(version);
  Object.assign(row.recipe, { version_no: version.version_no, version_author_name: who.name, version_author_email: who.email, version_comment: null });
  return version;
}

/** §5: at most 5,000 recipes per workspace. */
export function checkRecipeLimit(store: WorkspaceStore): void {
  if (store.recipes.size >= INFERRED_RECIPE_WRITES.maxRecipes) throw badRequest(INFERRED_RECIPE_WRITES.recipeLimitMessage);
}

/** A new stopped recipe (§10.3, §10.5 [inferred]) at version 1, with no jobs; listed first (highest id). */
export function insertRecipe(store: WorkspaceStore, fields: Pick<Workato.Recipe, 'name' | 'code' | 'config' | 'folder_id' | 'description'> & Partial<Workato.Recipe>): RecipeRow {
  const now = formatTime(Date.now());
  const who = author(store);
  const recipe: Workato.Recipe = {
    id: store.allocateId('recipe'), user_id: store.workspace.id, created_at: now, updated_at: now, copy_count: 0,
    trigger_application: null, action_applications: [], applications: [], parameters_schema: [], parameters: {},
    webhook_url: null, running: false, job_succeeded_count: 0, job_failed_count: 0, lifetime_task_count: 0,
    last_run_at: null, stopped_at: null, version_no: 1, stop_cause: null, trigger_closure: null,
    author_name: who.name, version_author_name: who.name, version_author_email: who.email, version_comment: null,
    ...fields,
  };
  const versions: Workato.RecipeVersion[] = [{
    id: store.allocateId('version'), version_no: 1, comment: null, author_name: who.name, author_email: who.email, created_at: now, updated_at: now,
  }];
  const row: RecipeRow = { recipe, tags: [], jobs: emptyJobs(), versions: () => versions };
  store.recipes.set(recipe.id, row);
  store.touch();
  return row;
}
