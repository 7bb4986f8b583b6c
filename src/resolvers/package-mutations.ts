/**
 * Recipe lifecycle writes (REFERENCE §15): manifests, and starting package exports and imports. Exports and imports
 * run in the background: the mutation returns the package as Workato answered it, without waiting (STYLE §6).
 * With `managedUser`, or ids of a customer's, each runs in that Embedded customer's workspace (§17.9).
 */
import { Readable } from 'node:stream';
import type { ExportManifestAssetInput, ExportManifestCreateInput, ExportManifestUpdateInput, Resolvers } from '../generated/graphql.js';
import { tagOne } from '../loaders/scope.js';
import {
  createExportManifest,
  deleteExportManifest,
  exportCustomerPackage,
  exportPackage,
  importCustomerPackage,
  importPackage,
  updateExportManifest,
} from '../workato/packages.js';
import type { Workato } from '../workato/types.js';
import { badUserInput } from '../server/errors.js';
import { given, toWire } from './helpers.js';
import { attempt, inputError, payload, refusalErrors, refused, type UserErrorValue } from './payload.js';
import { fromGlobalId, toGlobalId, WORKATO_INT_ID } from './relay.js';
import { idArg, workspaceOf } from './writes.js';

/** An asset id: its Workato id, or the global id of a recipe or connection of the manifest's workspace. */
function assetId(value: string, index: number, scope: string | undefined): number {
  if (WORKATO_INT_ID.test(value)) return Number(value);
  const parsed = fromGlobalId(value);
  const key = parsed?.keys.length === 1 && parsed.scope === scope ? parsed.keys[0]! : '';
  if (!WORKATO_INT_ID.test(key)) throw badUserInput(`\`input.assets[${index}].id\` must be an asset's workatoId; got "${value}".`, `input.assets.${index}.id`);
  return Number(key);
}

function assetsWrite(assets: readonly ExportManifestAssetInput[], scope: string | undefined): NonNullable<Workato.ExportManifestWrite['assets']> {
  return assets.map((a, i) => ({
    id: assetId(a.id, i, scope),
    type: toWire(a.type)!,
    ...given({
      checked: a.checked ?? undefined,
      version: a.version ?? undefined,
      folder: a.folder ?? undefined,
      absolute_path: a.absolutePath ?? undefined,
      root_folder: a.rootFolder ?? undefined,
      unreachable: a.unreachable ?? undefined,
      zip_name: a.zipName ?? undefined,
    }),
  }));
}

/** The `export_manifest` body: only the fields given, so an update keeps what was left out. */
function manifestWrite(input: ExportManifestCreateInput | ExportManifestUpdateInput, scope: string | undefined, folderId: number | undefined): Workato.ExportManifestWrite {
  return given({
    name: input.name ?? undefined,
    folder_id: folderId,
    assets: input.assets ? assetsWrite(input.assets, scope) : undefined,
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
      const missing = missingAssets(input);
      if (missing.length) return payload<'exportManifest', Workato.ExportManifest>('exportManifest', refused<Workato.ExportManifest>(missing));
      const where = await workspaceOf(ctx, [idArg('Folder', input.folderId, 'input.folderId')], input.managedUser);
      if (!where.ok) return payload<'exportManifest', Workato.ExportManifest>('exportManifest', where);
      const { scope, loaders, key } = where.value;
      const body = manifestWrite(input, scope, key('input.folderId'));
      const outcome = await attempt(() => createExportManifest(loaders.api, body), ['input', 'folderId']);
      if (!outcome.ok) return payload<'exportManifest', Workato.ExportManifest>('exportManifest', outcome);
      loaders.forgetExportManifest(outcome.value.id);
      return payload<'exportManifest', Workato.ExportManifest>('exportManifest', { ok: true, value: tagOne(outcome.value, scope) });
    },
    exportManifestUpdate: async (_root, { input }, ctx) => {
      const where = await workspaceOf(ctx, [{ value: input.id, type: 'ExportManifest', argument: 'input.id' }, idArg('Folder', input.folderId, 'input.folderId')], input.managedUser);
      if (!where.ok) return payload<'exportManifest', Workato.ExportManifest>('exportManifest', where);
      const { scope, loaders, key } = where.value;
      const id = key('input.id')!;
      const body = manifestWrite(input, scope, key('input.folderId'));
      const outcome = await attempt(() => updateExportManifest(loaders.api, id, body));
      loaders.forgetExportManifest(id);
      return payload<'exportManifest', Workato.ExportManifest>('exportManifest', outcome.ok ? { ok: true, value: tagOne(outcome.value, scope) } : outcome);
    },
    exportManifestDelete: async (_root, { input }, ctx) => {
      const where = await workspaceOf(ctx, [{ value: input.id, type: 'ExportManifest', argument: 'input.id' }], input.managedUser);
      if (!where.ok) return payload<'deletedExportManifestId', string>('deletedExportManifestId', where);
      const { scope, loaders, key } = where.value;
      const id = key('input.id')!;
      const outcome = await attempt(() => deleteExportManifest(loaders.api, id));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'deletedExportManifestId', string>('deletedExportManifestId', refused<string>(refusals));
      loaders.forgetExportManifest(id);
      return payload<'deletedExportManifestId', string>('deletedExportManifestId', { ok: true, value: toGlobalId('ExportManifest', [id], scope) });
    },
    packageExport: async (_root, { input }, ctx) => {
      const where = await workspaceOf(ctx, [{ value: input.manifestId, type: 'ExportManifest', argument: 'input.manifestId' }], input.managedUser);
      if (!where.ok) return payload<'package', Workato.Package>('package', where);
      const { scope, loaders, key } = where.value;
      const manifestId = key('input.manifestId')!;
      const start = scope === undefined ? () => exportPackage(loaders.api, manifestId) : () => exportCustomerPackage(loaders.api, manifestId);
      const outcome = await attempt(start, ['input', 'manifestId']);
      if (outcome.ok) {
        // §15.3: the answer is the package itself; the manifest's `last_exported_at` will change.
        loaders.rememberPackage(outcome.value);
        loaders.forgetExportManifest(manifestId);
      }
      return payload<'package', Workato.Package>('package', outcome);
    },
    packageImport: async (_root, { input }, ctx) => {
      const where = await workspaceOf(ctx, [
        idArg('Folder', input.folderId, 'input.folderId'),
        idArg('Folder', input.folderIdForHomeAssets, 'input.folderIdForHomeAssets'),
      ], input.managedUser);
      if (!where.ok) return payload<'package', Workato.Package>('package', where);
      const { scope, loaders, key } = where.value;
      const folderId = key('input.folderId')!;
      const homeId = key('input.folderIdForHomeAssets');
      if (scope !== undefined && homeId !== undefined) {
        throw badUserInput('`folderIdForHomeAssets` is for your own workspace: Workato documents no such option for customer imports.', 'input.folderIdForHomeAssets');
      }
      const file = input.file;
      // §3/§15.4: the raw zip as the body, streamed from the upload; never a second copy in memory.
      const zip = { body: Readable.from(file.stream() as unknown as AsyncIterable<Uint8Array>), length: file.size };
      const params = given({ restart_recipes: input.restartRecipes ?? undefined, include_tags: input.includeTags ?? undefined });
      let outcome;
      try {
        outcome = await attempt(
          () =>
            scope === undefined
              ? importPackage(loaders.api, folderId, zip, given({ ...params, folder_id_for_home_assets: homeId }))
              : importCustomerPackage(loaders.api, folderId, zip, params),
          ['input', 'folderId'],
        );
      } finally {
        zip.body.destroy(); // a no-op once sent; frees the upload when Workato answered before reading it all
      }
      if (!outcome.ok) return payload<'package', Workato.Package>('package', refused<Workato.Package>(asPackageErrors(outcome.userErrors)));
      // An import makes folders and connections (§15.4): dropped now, and again when a read sees it finished (packages.ts).
      await loaders.dropReferenceData();
      loaders.rememberPackage(outcome.value);
      return payload<'package', Workato.Package>('package', outcome);
    },
  },
};
