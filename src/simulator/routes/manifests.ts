/**
 * REFERENCE §15.1–§15.2: folder assets and export manifests, every answer wrapped in `{"result": …}`. Choices the
 * reference leaves open: inferred.ts (INFERRED_PACKAGES).
 */
import type { Workato } from '../../workato/types.js';
import { absolutePath, folderAssets, projectPath } from '../assets.js';
import { notFound, ok, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_PACKAGES } from '../inferred.js';
import type { WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';
import { blank, bodyBool, bodyId, bodyOf, Validation } from '../writes.js';

/** §15.1: `folder_id` defaults to Home; an unknown folder → 404. */
function folderOf(store: WorkspaceStore, id: number | undefined): number {
  const folderId = id ?? store.rootFolderId;
  if (!store.folders.has(folderId)) throw notFound();
  return folderId;
}

function findManifest(store: WorkspaceStore, raw: string | undefined): Workato.ExportManifest {
  const manifest = store.lifecycle.manifests.get(pathInt(raw));
  if (!manifest) throw notFound();
  return manifest;
}

/** The create/update answer: exactly the keys of fixtures/export-manifest-create.json. */
function summary(m: Workato.ExportManifest): Workato.ExportManifest {
  const { id, name, last_exported_at, created_at, updated_at, deleted_at, project_path, status } = m;
  return { id, name, last_exported_at, created_at, updated_at, deleted_at, project_path, status };
}

const ASSET_TYPES = new Set(INFERRED_PACKAGES.assetTypes);

/**
 * The manifest's assets from the request: §15.2 requires `id` and `type` per asset; recipes and connections must
 * exist. Missing details are filled from the workspace; `zip_name` defaults to `asset_<index>.<type>.json`.
 */
function readAssets(store: WorkspaceStore, raw: unknown, folderId: number, v: Validation): Workato.Asset[] {
  if (!Array.isArray(raw)) {
    v.add('assets', 'must be an array');
    return [];
  }
  const known = new Map(folderAssets(store, store.rootFolderId).map((a) => [`${a.type}:${a.id}`, a]));
  return raw.flatMap((entry: unknown, index): Workato.Asset[] => {
    const a = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const id = bodyId(a.id);
    const type = typeof a.type === 'string' ? a.type : '';
    if (id === undefined || !ASSET_TYPES.has(type)) {
      v.add('assets', `entry ${index} needs an integer id and a known type`);
      return [];
    }
    const found = known.get(`${type}:${id}`);
    if (!found && (type === 'recipe' || type === 'connection')) {
      v.add('assets', `${type} ${id} was not found`);
      return [];
    }
    const pick = <K extends keyof Workato.Asset>(key: K, fallback: Workato.Asset[K]): Workato.Asset[K] =>
      (a[key] ?? found?.[key] ?? fallback) as Workato.Asset[K];
    return [{
      id, type, name: pick('name', null), version: pick('version', null), folder: pick('folder', ''),
      absolute_path: pick('absolute_path', absolutePath(store, folderId)), root_folder: pick('root_folder', false),
      unreachable: pick('unreachable', false), zip_name: (a.zip_name as string | undefined) ?? `asset_${index}.${type}.json`,
      checked: bodyBool(a.checked) ?? true, status: found?.status ?? 'added',
    }];
  });
}

/** Reads `export_manifest` (flat bodies are accepted too) onto `target`; throws 400 with every problem at once. */
async function writeManifest(ctx: RouteContext, target: Workato.ExportManifest, create: boolean): Promise<void> {
  const { store } = ctx;
  const outer = await bodyOf(ctx);
  const body = (outer.export_manifest && typeof outer.export_manifest === 'object' ? outer.export_manifest : outer) as Record<string, unknown>;
  const v = new Validation();
  if ((create || 'name' in body) && blank(body.name)) v.add('name', "can't be blank");
  let folderId = target.folder_id ?? store.rootFolderId;
  if (body.folder_id !== undefined && body.folder_id !== null) {
    const id = bodyId(body.folder_id);
    if (id === undefined || !store.folders.has(id)) v.add('folder_id', 'is invalid');
    else folderId = id;
  }
  const auto = bodyBool(body.auto_generate_assets) ?? false;
  let assets = target.assets ?? undefined;
  if (auto) assets = folderAssets(store, folderId);
  else if (body.assets !== undefined && body.assets !== null) assets = readAssets(store, body.assets, folderId, v);
  if (create && !auto && (!Array.isArray(body.assets) || body.assets.length === 0)) v.add('assets', "can't be blank");
  v.check();
  const flag = (key: 'include_test_cases' | 'include_data' | 'include_tags') => bodyBool(body[key]) ?? target[key] ?? false;
  Object.assign(target, {
    name: typeof body.name === 'string' ? body.name.trim() : target.name,
    folder_id: folderId,
    project_path: projectPath(store, folderId),
    assets,
    include_test_cases: flag('include_test_cases'),
    include_data: flag('include_data'),
    include_tags: flag('include_tags'),
    updated_at: formatTime(Date.now()),
  });
}

export const manifestRoutes: RouteDef[] = [
  {
    // §15.1 → {"result": {"assets": [Asset]}}; `include_test_cases`/`include_data` accepted (nothing to add here).
    method: 'GET',
    path: '/api/export_manifests/folder_assets',
    handler: ({ store, query }) => {
      query.bool('include_test_cases');
      query.bool('include_data');
      return ok({ result: { assets: folderAssets(store, folderOf(store, query.int('folder_id'))) } });
    },
  },
  {
    // §15.2 → 201 {"result": manifest} (201 per [spec]).
    method: 'POST',
    path: '/api/export_manifests',
    handler: async (ctx) => {
      const now = formatTime(Date.now());
      const manifest: Workato.ExportManifest = {
        id: 0, name: '', last_exported_at: null, created_at: now, updated_at: now, deleted_at: null, project_path: '', status: 'working',
      };
      await writeManifest(ctx, manifest, true);
      manifest.id = ctx.store.lifecycle.manifestId();
      ctx.store.lifecycle.manifests.set(manifest.id, manifest);
      return { status: 201, body: { result: summary(manifest) } };
    },
  },
  {
    // §15.2 → {"result": manifest}; only the fields sent change; `assets` replaces the list.
    method: 'PUT',
    path: '/api/export_manifests/:id',
    handler: async (ctx) => {
      const manifest = findManifest(ctx.store, ctx.params.id);
      const draft = structuredClone(manifest);
      await writeManifest(ctx, draft, false);
      Object.assign(manifest, draft);
      return ok({ result: summary(manifest) });
    },
  },
  {
    // §15.2 → {"result": manifest} with its folder, options and assets [inferred].
    method: 'GET',
    path: '/api/export_manifests/:id',
    handler: ({ store, params }) => ok({ result: structuredClone(findManifest(store, params.id)) }),
  },
  {
    // §15.2 → {"success": true} [inferred]; the manifest is gone, its packages stay.
    method: 'DELETE',
    path: '/api/export_manifests/:id',
    handler: ({ store, params }) => {
      const manifest = findManifest(store, params.id);
      store.lifecycle.manifests.delete(manifest.id);
      return ok({ success: true });
    },
  },
];
