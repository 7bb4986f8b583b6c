import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { listFolders } from '../workato/folders.js';
import { HOME_FOLDER_NAME } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { allPages } from './util.js';

export type FolderRecord = Scoped<Workato.Folder & { is_home?: boolean }>;

/** Key of `foldersByParentId` for the Home level: the list without `parent_id` (REFERENCE §13.1). */
export const HOME_LEVEL = 0;

/**
 * Workato lists folders one level at a time and has no get-by-id (REFERENCE §13). `foldersByParentId` reads one
 * level (all its pages); `folderById` walks the tree breadth-first from Home, one level per round trip with all
 * folders of a level fetched in parallel, and stops as soon as every wanted id of the batch is found.
 * The Home folder's id is learnt from its children's `parent_id`, or from `GET /users/me` when Home is empty.
 */
export function createFolderLoaders(api: WorkatoApi, scope: string | undefined, rootFolderId: () => Promise<number>) {
  const folderById = new DataLoader<number, FolderRecord>(async (ids) => {
    const wanted = new Set(ids);
    const found = new Map<number, FolderRecord>();
    const topLevel = await foldersByParentId.load(HOME_LEVEL);
    const rootId = topLevel[0]?.parent_id ?? (wanted.size > 0 ? await rootFolderId().catch(() => undefined) : undefined);
    if (rootId != null && wanted.delete(rootId)) found.set(rootId, home(rootId));
    let level = topLevel;
    while (level.length > 0) {
      for (const folder of level) if (wanted.delete(folder.id)) found.set(folder.id, folder);
      if (wanted.size === 0) break;
      level = (await Promise.all(level.map((f) => foldersByParentId.load(f.id)))).flat();
    }
    return ids.map((id) => found.get(id) ?? new NotFoundError('Folder', String(id)));
  });

  const foldersByParentId = new DataLoader<number, FolderRecord[]>((parentIds) =>
    Promise.all(
      parentIds.map(async (parentId) => {
        const parent_id = parentId === HOME_LEVEL ? undefined : parentId;
        const folders = tag(
          await allPages((page, per_page) => listFolders(api, { parent_id, page, per_page })),
          scope,
        ) as FolderRecord[];
        for (const f of folders) folderById.prime(f.id, f);
        return folders;
      }),
    ),
  );

  /** The Home folder is never listed (§13.1); it is known only by `root_folder_id`. */
  function home(id: number): FolderRecord {
    return tag([{ id, name: HOME_FOLDER_NAME, parent_id: null, is_project: false, is_home: true }], scope)[0]!;
  }

  return { folderById, foldersByParentId };
}

export type FolderLoaders = ReturnType<typeof createFolderLoaders>;
