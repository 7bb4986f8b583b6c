/**
 * REFERENCE §15.3–§15.6: package export, import, status and download. Both kinds of package start `in_progress` and
 * settle after the simulator's package delay (lifecycle.ts). Embedded customers use other paths (§17.9):
 * customerPackageRoutes, over the same work.
 */
import type { Workato } from '../../workato/types.js';
import { findCustomer } from '../embedded.js';
import { badRequest, HttpError, notFound, ok, pathInt, type Reply, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_PACKAGES } from '../inferred.js';
import type { PackageRow } from '../lifecycle.js';
import { applyImport } from '../package-import.js';
import { buildPackageZip, openZip } from '../package-zip.js';
import { slug } from '../assets.js';
import type { WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';

function findPackage(store: WorkspaceStore, raw: string | undefined, poll = false): PackageRow {
  const row = store.lifecycle.package(pathInt(raw), poll);
  if (!row) throw notFound();
  return row;
}

/** §15.5, as in fixtures/package-*.json: exports carry `export_manifest_id`, imports `recipe_status`. */
function view(pkg: Workato.Package): Workato.Package {
  const base = { id: pkg.id, operation_type: pkg.operation_type, status: pkg.status };
  return pkg.operation_type === 'export'
    ? { ...base, export_manifest_id: pkg.export_manifest_id, download_url: pkg.download_url ?? null, error: pkg.error ?? null }
    : { ...base, download_url: null, error: pkg.error ?? null, recipe_status: pkg.recipe_status ?? [] };
}

/** §15.3 → the Package at once, `in_progress`; the zip is built when it settles, from the manifest as it is then. */
function startExport(store: WorkspaceStore, manifestId: number): Reply {
  const life = store.lifecycle;
  const manifest = life.manifests.get(manifestId);
  if (!manifest) throw notFound();
  const row = life.start({ operation_type: 'export', export_manifest_id: manifest.id, download_url: null }, () => {
    const bytes = buildPackageZip(store, manifest.assets ?? [], { tags: Boolean(manifest.include_tags), paddingBytes: life.settings.paddingBytes });
    const path = life.settings.storage.put({ bytes, fileName: `${slug(manifest.name)}.zip` });
    manifest.last_exported_at = formatTime(Date.now());
    return { status: 'completed', download_url: `${life.settings.origin}${path}`, error: null } as const;
  });
  const { id, operation_type, status, export_manifest_id, download_url } = row.pkg;
  return ok({ id, operation_type, status, export_manifest_id, download_url }); // fixtures/package-export-in-progress.json
}

/** §15.4: raw zip body; 400 when it is not a zip; → `{"id", "operation_type": "import", "status": "in_progress"}`. */
async function startImport({ store, query, readBody }: RouteContext, folderId: number): Promise<Reply> {
  if (!store.folders.has(folderId)) throw notFound();
  const restartRecipes = query.bool('restart_recipes') ?? false;
  const includeTags = query.bool('include_tags') ?? false;
  const homeAssets = query.int('folder_id_for_home_assets');
  if (homeAssets !== undefined && (homeAssets === store.rootFolderId || !store.folders.has(homeAssets))) {
    throw badRequest(INFERRED_PACKAGES.homeAssetsFolderMessage);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = openZip(await readBody());
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw badRequest(INFERRED_PACKAGES.notAZipMessage);
  }
  const row = store.lifecycle.start({ operation_type: 'import' }, () => applyImport(store, files, { folderId, restartRecipes, includeTags }));
  return ok({ id: row.pkg.id, operation_type: 'import', status: row.pkg.status });
}

/** §15.5 → the Package; 404 when unknown, or (§17.9) not of the operation the path names. */
function status(store: WorkspaceStore, raw: string | undefined, operation?: 'import' | 'export'): Reply {
  const { pkg } = findPackage(store, raw, true);
  if (operation !== undefined && pkg.operation_type !== operation) throw notFound();
  return ok(view(pkg));
}

export const packageRoutes: RouteDef[] = [
  { method: 'POST', path: '/api/packages/export/:manifest_id', handler: ({ store, params }) => startExport(store, pathInt(params.manifest_id)) },
  { method: 'POST', path: '/api/packages/import/:folder_id', handler: (ctx) => startImport(ctx, pathInt(ctx.params.folder_id)) },
  { method: 'GET', path: '/api/packages/:id', handler: ({ store, params }) => status(store, params.id) },
  {
    // §15.6 → 302 to the zip in storage; 404 when the package has no content (in progress, failed, an import).
    method: 'GET',
    path: '/api/packages/:id/download',
    handler: ({ store, params }) => {
      const { pkg } = findPackage(store, params.id);
      if (pkg.status !== 'completed' || !pkg.download_url) throw notFound();
      return { status: 302, body: undefined, headers: { location: pkg.download_url } };
    },
  },
];

/**
 * §17.9 #6–#9: a customer's exports and imports, and their status, by operation. The same work over the customer's
 * workspace, whose packages settle and are stored as the partner's do. No download route is documented for them.
 */
const CUSTOMER = '/api/managed_users/:managed_user_id';

const customerStore = (partner: WorkspaceStore, segment: string | undefined): WorkspaceStore => findCustomer(partner, segment).store;

export const customerPackageRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: `${CUSTOMER}/exports/:manifest_id`,
    handler: ({ store, params }) => startExport(customerStore(store, params.managed_user_id), pathInt(params.manifest_id)),
  },
  {
    // `folder_id` is a required query parameter [inferred: its absence answers 400 like Workato's missing parameters].
    method: 'POST',
    path: `${CUSTOMER}/imports`,
    handler: (ctx) => {
      const store = customerStore(ctx.store, ctx.params.managed_user_id);
      const folderId = ctx.query.int('folder_id');
      if (folderId === undefined) throw badRequest(INFERRED_PACKAGES.missingFolderIdMessage);
      return startImport({ ...ctx, store }, folderId);
    },
  },
  { method: 'GET', path: `${CUSTOMER}/imports/:package_id`, handler: ({ store, params }) => status(customerStore(store, params.managed_user_id), params.package_id, 'import') },
  { method: 'GET', path: `${CUSTOMER}/exports/:package_id`, handler: ({ store, params }) => status(customerStore(store, params.managed_user_id), params.package_id, 'export') },
];
