import type { WorkatoApi } from '../workato/http.js';
import { listFolders } from '../workato/folders.js';
import { HOME_FOLDER_NAME } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { BATCHED, requestLoader, type LoaderMode } from './options.js';
import { directReads, type ReferenceReads } from './reference-cache.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { allPages, toError } from './util.js';

export type FolderRecord = Scoped<Workato.Folder & { is_home?: boolean }>;

/** Key of `foldersByParentId` for the Home level: the list without `parent_id` (REFERENCE §13.1). */
export const HOME_LEVEL = 0;

/**
 * Workato lists folders one level at a time and has no get-by-id (REFERENCE §13). `foldersByParentId` reads one
 * level (all its pages); `folderById` walks the tree breadth-first from Home, one level per round trip with all
 * folders of a level fetched in parallel, and stops as soon as every wanted id of the batch is found.
 * The Home folder's id is learnt from its children's `parent_id`, or from `GET /users/me` when Home is empty.
 * An Embedded customer workspace has no `/users/me` (§17): there `rootFolderId` is undefined and `homeAmong` finds it.
 * Levels come from `reference` (the reference cache, or Workato itself).
 */
export function createFolderLoaders(
  api: WorkatoApi,
  scope: string | undefined,
  rootFolderId: (() => Promise<number>) | undefined,
  mode: LoaderMode = BATCHED,
  reference: ReferenceReads = directReads(api),
) {
  const folderById = requestLoader<number, FolderRecord>(mode, async (ids) => {
    const wanted = new Set(ids);
    const found = new Map<number, FolderRecord>();
    const topLevel = await foldersByParentId.load(HOME_LEVEL);
    const rootId = topLevel[0]?.parent_id ?? (wanted.size > 0 ? await homeAmong([...wanted]) : undefined);
    if (rootId != null && wanted.delete(rootId)) found.set(rootId, home(rootId));
    let level = topLevel;
    while (level.length > 0) {
      for (const folder of level) if (wanted.delete(folder.id)) found.set(folder.id, folder);
      if (wanted.size === 0) break;
      level = (await Promise.all(level.map((f) => foldersByParentId.load(f.id)))).flat();
    }
    return ids.map((id) => found.get(id) ?? new NotFoundError('Folder', String(id)));
  });

  // One level, all its pages, is one entry of the reference cache.
  const foldersByParentId = requestLoader<number, FolderRecord[]>(mode, (parentIds) =>
    Promise.all(
      parentIds.map(async (parentId) => {
        const parent_id = parentId === HOME_LEVEL ? undefined : parentId;
        const level = await reference.one(parent_id === undefined ? '/folders' : `/folders?parent_id=${parent_id}`, (caller) =>
          allPages((page, per_page) => listFolders(caller, { parent_id, page, per_page })),
        );
        const folders = tag(level, scope) as FolderRecord[];
        for (const f of folders) folderById.prime(f.id, f);
        return folders;
      }).map((level) => level.catch(toError)),
    ),
  );

  /**
   * Home's id when Home has no subfolders: `root_folder_id`, or — without /users/me — by listing the children of each
   * wanted id: with an empty Home, Home is the only folder, so the id Workato knows (no 404) is Home's.
   */
  async function homeAmong(candidates: number[]): Promise<number | undefined> {
    if (rootFolderId) return rootFolderId().catch(() => undefined);
    const known = await Promise.all(candidates.map((id) => foldersByParentId.load(id).then(() => id, () => undefined)));
    return known.find((id) => id !== undefined);
  }

  /** The Home folder is never listed (§13.1); it is known only by `root_folder_id`. */
  function home(id: number): FolderRecord {
    return tagOne({ id, name: HOME_FOLDER_NAME, parent_id: null, is_project: false, is_home: true }, scope);
  }

  /** After a folder or project write: the tree this request walked may have changed anywhere (§13). */
  function forgetFolders(): void {
    folderById.clearAll();
    foldersByParentId.clearAll();
  }

  return { folderById, foldersByParentId, forgetFolders };
}

export type FolderLoaders = ReturnType<typeof createFolderLoaders>;
