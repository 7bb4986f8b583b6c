import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { getCustomerPackage, getExportManifest, getPackage, listFolderAssets, type PackageOperation } from '../workato/packages.js';
import type { Workato } from '../workato/types.js';
import { packageStatusOf } from '../workato/inferred.js';
import { tag, tagOne } from './scope.js';
import { directReads, type ReferenceReads } from './reference-cache.js';
import { listLoader, notFoundAs } from './util.js';

/**
 * One GET per key (Workato has no batch get for either, REFERENCE §30), in parallel; 404 → NotFoundError. `keyOf`
 * names a key, for the cache and the error (default: the id itself).
 */
function byId<K, T>(entity: string, fetch: (key: K) => Promise<T>, keyOf: (key: K) => string = String): DataLoader<K, T, string> {
  return new DataLoader<K, T, string>((keys) => Promise.all(keys.map((key) => fetch(key).catch(notFoundAs(entity, keyOf(key))))), { cacheKeyFn: keyOf });
}

/** A package to read: its id, and in a customer's workspace whether it is an export or an import (§17.9). */
export interface PackageRef {
  id: number;
  operation?: PackageOperation;
}

/**
 * Recipe lifecycle loaders (REFERENCE §15, and §17.9 in an Embedded customer's scope). Manifests and folder assets
 * read the same paths in both scopes; a customer's package status is read by operation (`/imports/:id`,
 * `/exports/:id`), so there a package is keyed by operation and id.
 */
export function createPackageLoaders(api: WorkatoApi, scope: string | undefined, reference: ReferenceReads = directReads(api)) {
  // Objects are tagged with the scope they were read from: their relations (an asset's recipe, a manifest's folder,
  // an import's recipes) are read from the same workspace.
  const exportManifestById = byId('ExportManifest', async (id: number) => {
    const m = tagOne(await getExportManifest(api, id), scope);
    if (m.assets) tag(m.assets, scope);
    return m;
  });
  // A customer's packages are read by operation: the operation is part of their key.
  const keyOf = (ref: PackageRef) => (scope === undefined ? String(ref.id) : `${ref.operation}:${ref.id}`);
  // A finished import has made its folders and connections (§15.4): the caller's next read must see them.
  const packageById = byId<PackageRef, Workato.Package>(
    'Package',
    async (ref) => {
      const pkg = scope === undefined ? await getPackage(api, ref.id) : await getCustomerPackage(api, ref.operation ?? 'import', ref.id);
      if (pkg.operation_type === 'import' && packageStatusOf(pkg.status) !== 'in_progress') await reference.dropOnce(`import ${keyOf(ref)}`);
      return scopedPackage(pkg);
    },
    keyOf,
  );
  const folderAssets = listLoader(async (params: { folder_id?: number; include_data?: boolean }) => tag(await listFolderAssets(api, params), scope));

  /** After a write: forget the manifest (and the assets lists, which report `status` against its last export). */
  function forgetExportManifest(id: number): void {
    exportManifestById.clear(id);
    folderAssets.clearAll();
  }

  function scopedPackage(pkg: Workato.Package): Workato.Package {
    if (pkg.recipe_status) tag(pkg.recipe_status, scope);
    return tagOne(pkg, scope);
  }

  /** A package answer (export/import start) is the package itself: later fields of the request read it. */
  function rememberPackage(answer: Workato.Package): void {
    const pkg = scopedPackage(answer);
    const ref: PackageRef = { id: pkg.id, operation: pkg.operation_type === 'export' ? 'export' : 'import' };
    packageById.clear(ref).prime(ref, pkg);
  }

  return { exportManifestById, packageById, folderAssets, forgetExportManifest, rememberPackage };
}

export type PackageLoaders = ReturnType<typeof createPackageLoaders>;
