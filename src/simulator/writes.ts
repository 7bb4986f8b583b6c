/**
 * Shared plumbing of the connection, folder and project write routes: request bodies, Rails-style validation
 * answers (REFERENCE §4.2, fixtures/error-400-validation.json) and the folder-tree queries deletes need.
 */
import { badRequest, HttpError, type RouteContext } from './http-helpers.js';
import { INFERRED_WRITES } from './inferred.js';
import type { WorkspaceStore } from './store.js';

/** The JSON body as an object; an empty body is `{}`, anything else that is not an object → 400. */
export async function bodyOf(ctx: RouteContext): Promise<Record<string, unknown>> {
  const body = await ctx.readJson();
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Collects field errors, then answers them all at once like Rails: 400 `{"message", "errors": {field: [...]}}`. */
export class Validation {
  private readonly errors: Record<string, string[]> = {};

  /** `message`: the answer's top-level message (a family whose refusals say something else than the default). */
  constructor(private readonly message: string = INFERRED_WRITES.validationMessage) {}

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  check(): void {
    if (Object.keys(this.errors).length) throw new HttpError(400, { message: this.message, errors: this.errors });
  }
}

/**
 * The `name` of a create (required) or an update (when given), as Rails validates it: not blank, at most `max`
 * characters, and not `taken` by another row (families whose names need not be unique omit `taken`).
 */
export function checkName(v: Validation, body: Record<string, unknown>, creating: boolean, max: number, taken?: (name: string) => boolean): void {
  if (!creating && !('name' in body)) return;
  if (blank(body.name)) v.add('name', "can't be blank");
  else if (String(body.name).length > max) v.add('name', `is too long (maximum is ${max} characters)`);
  else if (taken?.(String(body.name).trim())) v.add('name', 'has already been taken');
}

/** Ids in bodies may be integers or decimal strings ([spec] types folder `parent_id` as a string, §13.2). */
export function bodyId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** True unless the value is a string with something besides whitespace. */
export function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** Booleans in bodies: JSON booleans, or the strings `true`/`false` some clients send (§3). */
export function bodyBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A folder and every folder below it. */
export function subtree(store: WorkspaceStore, folderId: number): Set<number> {
  return new Set([folderId, ...store.descendantFolders(folderId).map((f) => f.id)]);
}

/** Connection ids that a running recipe's config points at (§29.5: `account_id`, maybe a string). */
export function connectionsInUse(store: WorkspaceStore): Set<number> {
  const used = new Set<number>();
  for (const row of store.recipes.values()) {
    if (!row.recipe.running) continue;
    for (const entry of row.recipe.config ?? []) if (entry.account_id != null) used.add(Number(entry.account_id));
  }
  return used;
}

/** What a folder subtree holds: recipes and connections (§13.4: the two reasons a delete needs `force`). */
export function contents(store: WorkspaceStore, folders: Set<number>): { recipes: number[]; connections: number[] } {
  const recipes = [...store.recipes.values()].filter((r) => r.recipe.folder_id != null && folders.has(r.recipe.folder_id)).map((r) => r.recipe.id);
  const connections = [...store.connections.values()]
    .filter((c) => c.connection.folder_id != null && folders.has(c.connection.folder_id))
    .map((c) => c.connection.id);
  return { recipes, connections };
}

/** Removes folders with their recipes, connections and any project they are (§13.4 force, §14.3). */
export function removeTree(store: WorkspaceStore, folders: Set<number>): void {
  const { recipes, connections } = contents(store, folders);
  for (const id of recipes) store.recipes.delete(id);
  for (const id of connections) store.connections.delete(id);
  for (const id of folders) store.folders.delete(id);
  for (const [id, project] of store.projects) if (folders.has(project.folder_id)) store.projects.delete(id);
  store.touch();
}
