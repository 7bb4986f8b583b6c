/**
 * Recipe lifecycle writes (REFERENCE §15): manifests, and starting package exports and imports. Exports and imports
 * run in the background: the mutation returns the package as Workato answered it, without waiting (STYLE §6).
 */
import { Readable } from 'node:stream';
import type { ExportManifestAssetInput, ExportManifestCreateInput, ExportManifestUpdateInput, Resolvers } from '../generated/graphql.js';
import {
  createExportManifest,
  deleteExportManifest,
  exportPackage,
  importPackage,
  updateExportManifest,
} from '../workato/packages.js';
import type { Workato } from '../workato/types.js';
import { badUserInput } from '../server/errors.js';
import { defined, toWire } from './helpers.js';
import { ownId } from './packages.js';
import { attempt, inputError, payload, refusalErrors, refused, type UserErrorValue } from './payload.js';
import { fromGlobalId, toGlobalId } from './relay.js';

/** An asset id: its Workato id, or the global id of a recipe or connection (whatever the asset's kind). */
function assetId(value: string, index: number): number {
  if (/^\d+$/.test(value)) return Number(value);
  const parsed = fromGlobalId(value);
  const key = parsed?.keys.length === 1 && parsed.scope === undefined ? parsed.keys[0]! : '';
  if (!/^\d+$/.test(key)) throw badUserInput(`\`input.assets[${index}].id\` must be an asset's workatoId; got "${value}".`, `input.assets.${index}.id`);
  return Number(key);
}

function assetsWrite(assets: readonly ExportManifestAssetInput[]): NonNullable<Workato.ExportManifestWrite['assets']> {
  return assets.map((a, i) =>
    defined({
      id: assetId(a.id, i),
      type: toWire(a.type)!,
      checked: a.checked ?? undefined,
      version: a.version ?? undefined,
      folder: a.folder ?? undefined,
      absolute_path: a.absolutePath ?? undefined,
      root_folder: a.rootFolder ?? undefined,
      unreachable: a.unreachable ?? undefined,
      zip_name: a.zipName ?? undefined,
    }),
  );
}

/** The `export_manifest` body: only the fields given, so an update keeps what was left out. */
function manifestWrite(input: ExportManifestCreateInput | ExportManifestUpdateInput): Workato.ExportManifestWrite {
  return defined({
    name: input.name ?? undefined,
    folder_id: input.folderId ? ownId('Folder', input.folderId, 'input.folderId') : undefined,
    assets: input.assets ? assetsWrite(input.assets) : undefined,
    auto_generate_assets: input.autoGenerateAssets ?? undefined,
    include_test_cases: input.includeTestCases ?? undefined,
    include_data: input.includeData ?? undefined,
    include_tags: input.includeTags ?? undefined,
  });
}

/** §15.2: a manifest needs assets, unless Workato generates them from a folder. */
function missingAssets(input: ExportManifestCreateInput): UserErrorValue[] {
  if (input.assets?.length) return [];
  if (input.autoGenerateAssets && input.folderId) return [];
  return [inputError('INVALID', 'Give `assets`, or `autoGenerateAssets: true` with a `folderId`.', ['input', 'assets'])];
}

/** A 400 on import without a field is Workato refusing the file itself (§15.4: not a zip, not a package). */
const asPackageErrors = (errors: UserErrorValue[]) =>
  errors.map((e) => (e.code === 'INVALID' && !e.field ? { ...e, code: 'PACKAGE_INVALID' as const, field: ['input', 'file'] } : e));

export const packageMutationResolvers: Resolvers = {
  Mutation: {
    exportManifestCreate: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const missing = missingAssets(input);
      if (missing.length) return payload('exportManifest', refused<Workato.ExportManifest>(missing));
      const body = manifestWrite(input);
      const outcome = await attempt(() => createExportManifest(loaders.api, body), ['input', 'folderId']);
      if (outcome.ok) loaders.forgetExportManifest(outcome.value.id);
      return payload('exportManifest', outcome);
    },
    exportManifestUpdate: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const id = ownId('ExportManifest', input.id, 'input.id');
      const body = manifestWrite(input);
      const outcome = await attempt(() => updateExportManifest(loaders.api, id, body));
      loaders.forgetExportManifest(id);
      return payload('exportManifest', outcome);
    },
    exportManifestDelete: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const id = ownId('ExportManifest', input.id, 'input.id');
      const outcome = await attempt(() => deleteExportManifest(loaders.api, id));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload('deletedExportManifestId', refused<string>(refusals));
      loaders.forgetExportManifest(id);
      return payload('deletedExportManifestId', { ok: true, value: toGlobalId('ExportManifest', [id]) });
    },
    packageExport: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const manifestId = ownId('ExportManifest', input.manifestId, 'input.manifestId');
      const outcome = await attempt(() => exportPackage(loaders.api, manifestId), ['input', 'manifestId']);
      if (outcome.ok) {
        // §15.3: the answer is the package itself; the manifest's `last_exported_at` will change.
        loaders.rememberPackage(outcome.value);
        loaders.forgetExportManifest(manifestId);
      }
      return payload('package', outcome);
    },
    packageImport: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const folderId = ownId('Folder', input.folderId, 'input.folderId');
      const homeId = input.folderIdForHomeAssets ? ownId('Folder', input.folderIdForHomeAssets, 'input.folderIdForHomeAssets') : undefined;
      const file = input.file;
      // §3/§15.4: the raw zip as the body, streamed from the upload; never a second copy in memory.
      const zip = { body: Readable.from(file.stream() as unknown as AsyncIterable<Uint8Array>), length: file.size };
      const params = defined({
        restart_recipes: input.restartRecipes ?? undefined,
        include_tags: input.includeTags ?? undefined,
        folder_id_for_home_assets: homeId,
      });
      let outcome;
      try {
        outcome = await attempt(() => importPackage(loaders.api, folderId, zip, params), ['input', 'folderId']);
      } finally {
        zip.body.destroy(); // a no-op once sent; frees the upload when Workato answered before reading it all
      }
      if (!outcome.ok) return payload('package', refused<Workato.Package>(asPackageErrors(outcome.userErrors)));
      // An import makes folders and connections (§15.4): dropped now, and again when a read sees it finished (packages.ts).
      await loaders.dropReferenceData();
      loaders.rememberPackage(outcome.value);
      return payload('package', outcome);
    },
  },
};
