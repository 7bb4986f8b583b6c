/**
 * Package zips (REFERENCE §15.3/§15.4), made and read with fflate. [inferred] Each asset is one JSON file named by
 * its `zip_name` at the root of the zip: a recipe as `{name, description, version, private, concurrency, code,
 * config}` (code as an object; a config entry's `account_id` points to a connection file of the same package as
 * `{zip_name, name, folder}`, or is null), a connection as `{name, provider, root_folder}` — never its secrets.
 */
import { randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Workato } from '../workato/types.js';
import { INFERRED_PACKAGES } from './inferred.js';
import type { WorkspaceStore } from './store.js';

export interface ConnectionRef {
  zip_name: string;
  name: string;
  folder: string;
}

export interface RecipeDocument {
  name: string;
  description?: string | null;
  version?: number;
  private?: boolean;
  concurrency?: number;
  code: unknown;
  config?: Array<Omit<Workato.RecipeConfigEntry, 'account_id'> & { account_id?: ConnectionRef | null }>;
  tags?: string[];
}

export interface ConnectionDocument {
  name: string;
  provider: string;
  root_folder?: boolean;
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/** The zip of a manifest's checked assets; throws (the export fails) when an asset no longer exists. */
export function buildPackageZip(store: WorkspaceStore, assets: readonly Workato.Asset[], options: { tags: boolean; paddingBytes: number }): Uint8Array {
  const files: Zippable = {};
  const chosen = assets.filter((a) => a.checked !== false);
  const connectionFiles = new Map<number, ConnectionRef>();
  chosen.forEach((a, index) => {
    if (a.type !== 'connection') return;
    const row = store.connections.get(a.id);
    if (!row) throw new Error(`Connection ${a.id} of the manifest no longer exists`);
    const zipName = a.zip_name ?? `asset_${index}.connection.json`;
    const doc: ConnectionDocument = { name: row.connection.name ?? '', provider: String(row.connection.application ?? ''), root_folder: Boolean(a.root_folder) };
    connectionFiles.set(a.id, { zip_name: zipName, name: doc.name, folder: a.folder ?? '' });
    files[zipName] = json(doc);
  });
  chosen.forEach((a, index) => {
    if (a.type !== 'recipe') return; // other kinds do not exist in the simulator
    const row = store.recipes.get(a.id);
    if (!row) throw new Error(`Recipe ${a.id} of the manifest no longer exists`);
    const r = row.recipe;
    const doc: RecipeDocument = {
      name: r.name,
      description: r.description ?? '',
      version: r.version_no ?? 1,
      private: true,
      concurrency: 1,
      code: typeof r.code === 'string' ? JSON.parse(r.code) : (r.code ?? {}),
      config: (r.config ?? []).map(({ account_id, ...entry }) => ({
        ...entry,
        account_id: account_id == null ? null : (connectionFiles.get(Number(account_id)) ?? null),
      })),
      ...(options.tags ? { tags: [...row.tags] } : {}),
    };
    files[a.zip_name ?? `asset_${index}.recipe.json`] = json(doc);
  });
  if (options.paddingBytes > 0) {
    // Stored, not deflated: random bytes do not compress, and level 0 keeps building the zip cheap.
    files[INFERRED_PACKAGES.paddingFileName] = [randomBytes(options.paddingBytes), { level: 0 }];
  }
  return zipSync(files, { level: 6 });
}

/** The files of an uploaded package; throws when the bytes are not a zip (the import is refused with 400). */
export function openZip(bytes: Uint8Array): Record<string, Uint8Array> {
  // Every zip starts with a local file header or, when empty, the end-of-central-directory record.
  const magic = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!magic) throw new Error('not a zip file');
  return unzipSync(bytes);
}

export interface PackageContents {
  recipes: Array<{ zipName: string; doc: RecipeDocument }>;
  connections: Array<{ zipName: string; doc: ConnectionDocument }>;
}

/** Reads the asset files; throws (the import fails) on a file that is not a valid asset document. */
export function readPackage(files: Record<string, Uint8Array>): PackageContents {
  const contents: PackageContents = { recipes: [], connections: [] };
  for (const [zipName, data] of Object.entries(files)) {
    const kind = /\.(recipe|connection)\.json$/.exec(zipName)?.[1];
    if (!kind) continue; // other asset kinds are not simulated; folders and padding carry no asset
    let doc: unknown;
    try {
      doc = JSON.parse(strFromU8(data));
    } catch {
      throw new Error(`Invalid package: ${zipName} is not valid JSON`);
    }
    const name = (doc as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`Invalid package: ${zipName} has no name`);
    if (kind === 'recipe') contents.recipes.push({ zipName, doc: doc as RecipeDocument });
    else contents.connections.push({ zipName, doc: doc as ConnectionDocument });
  }
  return contents;
}
