/**
 * Exportable assets of a folder (REFERENCE §15.1), built from the workspace's real recipes and connections:
 * every recipe in the folder and its subfolders (id-descending), then the connections in that subtree
 * (id-ascending), as in fixtures/folder-assets.json (which leaves out the Slack connection 3307712 uses from
 * another project: dependencies outside the folder are not listed).
 */
import type { Workato } from '../workato/types.js';
import type { WorkspaceStore } from './store.js';

/** [inferred] from the fixture: `Salesforce won opportunity -> NetSuite sales order` → `salesforce_won_opportunity_netsuite_sales_order`. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'asset';
}

/** Folder names from below Home down to the folder itself (Home → []). */
function namesOf(store: WorkspaceStore, folderId: number): string[] {
  const names: string[] = [];
  for (let f = store.folders.get(folderId); f && f.id !== store.rootFolderId; f = f.parent_id == null ? undefined : store.folders.get(f.parent_id)) {
    names.unshift(f.name);
  }
  return names;
}

/** §15.1: `absolute_path` starts at `All projects` (the UI's name for Home). */
export const absolutePath = (store: WorkspaceStore, folderId: number): string => ['All projects', ...namesOf(store, folderId)].join('/');

/** [inferred] A manifest's `project_path`: the folder's path below Home (`Order to Cash`, `Order to Cash/Salesforce sync`). */
export const projectPath = (store: WorkspaceStore, folderId: number): string => namesOf(store, folderId).join('/');

/** Zip names are unique inside a package: a repeated name gets `_2`, `_3`… */
function uniqueZipName(taken: Set<string>, base: string, type: string): string {
  let name = `${base}.${type}.json`;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}.${type}.json`;
  taken.add(name);
  return name;
}

export function folderAssets(store: WorkspaceStore, folderId: number): Workato.Asset[] {
  const subtree = new Set([folderId, ...store.descendantFolders(folderId).map((f) => f.id)]);
  const base = namesOf(store, folderId).length;
  const relative = (id: number) => namesOf(store, id).slice(base).join('/');
  const taken = new Set<string>();
  const asset = (id: number, name: string, type: string, version: number, folder: number): Workato.Asset => ({
    id, name, type, version, folder: relative(folder), absolute_path: absolutePath(store, folder),
    root_folder: folder === store.rootFolderId, unreachable: false, zip_name: uniqueZipName(taken, slug(name), type),
    checked: true, status: 'added',
  });

  const recipes = store.recipesByIdDesc().filter((r) => r.recipe.folder_id != null && subtree.has(r.recipe.folder_id));
  const connections = store
    .connectionsByIdAsc()
    .filter(({ connection: c }) => c.parent_id == null && c.folder_id != null && subtree.has(c.folder_id));
  return [
    ...recipes.map(({ recipe: r }) => asset(r.id, r.name, 'recipe', r.version_no ?? 1, r.folder_id ?? store.rootFolderId)),
    ...connections.map(({ connection: c }) => asset(c.id, c.name ?? `Connection ${c.id}`, 'connection', 1, c.folder_id ?? store.rootFolderId)),
  ];
}
