/**
 * Recipe lifecycle reads (REFERENCE §15): export manifests, folder assets, packages. Mutations are in
 * package-mutations.ts, the `packageStatus` subscription in package-status.ts.
 */
import { GraphQLScalarType } from 'graphql';
import type { AssetStatus, AssetType, PackageImportResult, PackageStatus, Resolvers } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { packageDownloadPath } from '../server/plugins/package-download.js';
import { downloadUrlOf, IMPORT_RESULTS_OK, packageStatusOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { defined, fromWire, prop, workatoId } from './helpers.js';
import { globalIdOf, workatoKey, type NodeType } from './relay.js';

/**
 * An id argument of the caller's own workspace. Packages and manifests are not modelled for Embedded customers
 * (their paths differ, §17.9), so an id issued for a customer workspace is refused rather than misread.
 */
export function ownId(type: NodeType, value: string, argument: string): number {
  const { key, scope } = workatoKey(type, value, argument);
  if (scope !== undefined) throw badUserInput(`\`${argument}\` belongs to an Embedded customer workspace; packages work in your own workspace.`, argument);
  return Number(key);
}

const ASSET_TYPES: readonly string[] = [
  'recipe', 'connection', 'lookup_table', 'workato_db_table', 'account_property', 'project_property', 'workato_schema',
  'workato_template', 'lcap_app', 'lcap_page', 'custom_adapter', 'topic', 'api_group', 'api_endpoint', 'agentic_genie',
  'agentic_skill', 'data_pipeline', 'decision_engine_model', 'agentic_knowledge_base', 'mcp_server',
];
const IMPORT_RESULTS: readonly string[] = [...IMPORT_RESULTS_OK, 'stopped', 'restart_failed', 'stop_failed', 'not_found'];

/** A wire string → its enum value, or null for a value this schema does not know (never a serialization error). */
function known<T extends string>(value: string | null | undefined, allowed: readonly string[]): T | null {
  return value != null && allowed.includes(value) ? fromWire<T>(value) : null;
}

/** §15.1: asset `status` is `added`, `updated` or `no change` (with a space). */
const assetStatus = (value: string | null | undefined): AssetStatus | null =>
  known<AssetStatus>(value?.replace(/\s+/g, '_'), ['added', 'updated', 'no_change']);

/** The manifest with its details (`assets`, `folder_id`, options): create/update answers carry none of them (§15.2). */
async function manifestDetail(m: Workato.ExportManifest, key: keyof Workato.ExportManifest, ctx: GatewayContext) {
  return key in m ? m : ctx.loaders.scope().exportManifestById.load(m.id);
}

/** Yoga's multipart parser puts a File in the variables (GraphQL multipart request spec); nothing else is an Upload. */
const Upload = new GraphQLScalarType({
  name: 'Upload',
  description: 'A file sent with a GraphQL multipart request.',
  parseValue: (value) => {
    if (value && typeof value === 'object' && typeof (value as File).stream === 'function' && typeof (value as File).size === 'number') {
      return value as File;
    }
    throw new TypeError('Upload must be a file sent with a GraphQL multipart request (the `map` form field names its variable).');
  },
  parseLiteral: () => {
    throw new TypeError('Upload cannot be written inline; send the file with a GraphQL multipart request.');
  },
  serialize: () => {
    throw new TypeError('Upload is an input-only scalar.');
  },
});

export const packageResolvers: Resolvers = {
  Upload,
  Query: {
    exportManifest: (_root, args, ctx) => ctx.loaders.scope().exportManifestById.load(ownId('ExportManifest', args.id, 'id')),
    folderAssets: (_root, args, ctx) =>
      ctx.loaders.scope().folderAssets.load(
        defined({
          folder_id: args.folderId ? ownId('Folder', args.folderId, 'folderId') : undefined,
          include_data: args.includeData ?? undefined,
        }),
      ),
    package: (_root, args, ctx) => ctx.loaders.scope().packageById.load(ownId('Package', args.id, 'id')),
  },
  Asset: {
    objectId: (a) => a.id,
    type: (a) => known<AssetType>(a.type, ASSET_TYPES),
    name: prop('name'),
    version: prop('version'),
    folder: prop('folder'),
    absolutePath: prop('absolute_path'),
    rootFolder: (a) => Boolean(a.root_folder),
    unreachable: (a) => Boolean(a.unreachable),
    zipName: prop('zip_name'),
    // [spec]: `checked` defaults to true; Workato pre-selects every asset.
    checked: (a) => a.checked !== false,
    status: (a) => assetStatus(a.status),
    recipe: (a, _args, ctx) => (a.type === 'recipe' ? ctx.loaders.scope().recipeById.load(a.id) : null),
    connection: (a, _args, ctx) => (a.type === 'connection' ? ctx.loaders.scope().connectionById.load(a.id) : null),
  },
  ExportManifest: {
    id: (m) => globalIdOf('ExportManifest', m, m.id),
    workatoId,
    name: (m) => m.name,
    status: prop('status'),
    projectPath: prop('project_path'),
    folder: async (m, _args, ctx) => {
      const { folder_id } = await manifestDetail(m, 'folder_id', ctx);
      return folder_id == null ? null : ctx.loaders.scope().folderById.load(folder_id);
    },
    assets: async (m, _args, ctx) => (await manifestDetail(m, 'assets', ctx)).assets ?? null,
    includeTestCases: async (m, _args, ctx) => (await manifestDetail(m, 'include_test_cases', ctx)).include_test_cases ?? null,
    includeData: async (m, _args, ctx) => (await manifestDetail(m, 'include_data', ctx)).include_data ?? null,
    includeTags: async (m, _args, ctx) => (await manifestDetail(m, 'include_tags', ctx)).include_tags ?? null,
    lastExportedAt: prop('last_exported_at'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  Package: {
    id: (p) => globalIdOf('Package', p, p.id),
    workatoId,
    operationType: (p) => (p.operation_type === 'import' ? 'IMPORT' : 'EXPORT'),
    status: (p) => fromWire<PackageStatus>(packageStatusOf(p.status)),
    error: (p) => p.error || null,
    recipeStatus: (p) => p.recipe_status ?? [],
    succeeded: (p) => {
      const status = packageStatusOf(p.status);
      if (status === 'in_progress') return null;
      // §15.5: a completed import may still hold recipes that failed to restart.
      return status === 'completed' && (p.recipe_status ?? []).every((r) => IMPORT_RESULTS_OK.includes(r.import_result));
    },
    exportManifest: (p, _args, ctx) =>
      p.export_manifest_id == null ? null : ctx.loaders.scope().exportManifestById.load(p.export_manifest_id),
    // The gateway's own route, not Workato's storage URL: see README "Package downloads". Behind a router the
    // request's URL is the router's view of this replica, so PUBLIC_URL says where callers reach it.
    downloadUrl: (p, _args, ctx) =>
      packageStatusOf(p.status) === 'completed' && downloadUrlOf(p.download_url)
        ? ctx.publicUrl
          ? `${ctx.publicUrl}${packageDownloadPath(p.id)}`
          : new URL(packageDownloadPath(p.id), ctx.request.url).toString()
        : null,
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  PackageRecipeStatus: {
    recipeWorkatoId: (s) => s.id,
    recipe: (s, _args, ctx) => (s.import_result === 'not_found' ? null : ctx.loaders.scope().recipeById.load(s.id)),
    importResult: (s) => known<PackageImportResult>(s.import_result, IMPORT_RESULTS),
    ok: (s) => IMPORT_RESULTS_OK.includes(s.import_result),
  },
};
