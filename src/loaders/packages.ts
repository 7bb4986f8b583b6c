import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { WorkatoError } from '../workato/http.js';
import { getExportManifest, getPackage, listFolderAssets } from '../workato/packages.js';
import type { Workato } from '../workato/types.js';
import { packageStatusOf } from '../workato/inferred.js';
import { NotFoundError } from './errors.js';
import { directReads, type ReferenceReads } from './reference-cache.js';
import { listLoader, toError } from './util.js';

/** One GET per id (Workato has no batch get for either, REFERENCE §30), in parallel; 404 → NotFoundError. */
function byId<T>(entity: string, fetch: (id: number) => Promise<T>): DataLoader<number, T> {
  return new DataLoader<number, T>((ids) =>
    Promise.all(
      ids.map((id) =>
        fetch(id).catch((e: unknown) => (e instanceof WorkatoError && e.status === 404 ? new NotFoundError(entity, String(id)) : toError(e))),
      ),
    ),
  );
}

/**
 * Recipe lifecycle loaders (REFERENCE §15). Packages and manifests exist only in the caller's own workspace here:
 * Embedded customers use other paths (§17.9).
 */
export function createPackageLoaders(api: WorkatoApi, reference: ReferenceReads = directReads(api)) {
  const exportManifestById = byId('ExportManifest', (id) => getExportManifest(api, id));
  // A finished import has made its folders and connections (§15.4): the caller's next read must see them.
  const packageById = byId('Package', async (id) => {
    const pkg = await getPackage(api, id);
    if (pkg.operation_type === 'import' && packageStatusOf(pkg.status) !== 'in_progress') await reference.dropOnce(`import ${id}`);
    return pkg;
  });
  const folderAssets = listLoader((params: { folder_id?: number; include_data?: boolean }) => listFolderAssets(api, params));

  /** After a write: forget the manifest (and the assets lists, which report `status` against its last export). */
  function forgetExportManifest(id: number): void {
    exportManifestById.clear(id);
    folderAssets.clearAll();
  }

  /** A package answer (export/import start) is the package itself: later fields of the request read it. */
  function rememberPackage(pkg: Workato.Package): void {
    packageById.clear(pkg.id).prime(pkg.id, pkg);
  }

  return { exportManifestById, packageById, folderAssets, forgetExportManifest, rememberPackage };
}

export type PackageLoaders = ReturnType<typeof createPackageLoaders>;
