/**
 * Recipe lifecycle reads (REFERENCE §15): export manifests, folder assets, packages. Mutations are in
 * package-mutations.ts, the `packageStatus` subscription in package-status.ts.
 */
import { GraphQLScalarType } from 'graphql';
import type { AssetStatus, AssetType, PackageImportResult, PackageOperation as PackageOperationEnum, PackageStatus, Resolvers } from '../generated/graphql.js';
import { nullIfNotFound } from '../loaders/errors.js';
import type { PackageRef } from '../loaders/packages.js';
import { scopeOf } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { packageDownloadPath } from '../server/plugins/package-download.js';
import { downloadUrlOf, IMPORT_RESULTS_OK, packageStatusOf } from '../workato/inferred.js';
import type { PackageOperation } from '../workato/packages.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { given, fromWire, prop, toWire, typed, workatoId } from './helpers.js';
import { customerKey, customerLoaders } from './managed-users.js';
import { fromGlobalId, globalIdOf, toGlobalId, WORKATO_INT_ID, workatoIntKey, type GlobalId } from './relay.js';
import { linkTo } from './links.js';

/**
 * A package id argument. The caller's own packages: a Workato id or `Package:<id>`. A customer's (§17.9) are read by
 * operation, so their global ids are `Package@<customer>:<export|import>:<id>`; with a bare Workato id, the
 * operation must be given.
 */
export function packageRef(
  value: string,
  argument: string,
  customer?: { scope: string; operation?: PackageOperationEnum | null },
): PackageRef & { scope: string | undefined } {
  if (WORKATO_INT_ID.test(value)) {
    if (!customer) return { id: Number(value), scope: undefined };
    if (!customer.operation) throw badUserInput(`A customer's package is an export or an import: give \`operation\` with a Workato id, or pass the package's \`id\`.`, 'operation');
    return { id: Number(value), operation: toWire(customer.operation) as PackageOperation, scope: customer.scope };
  }
  return packageRefOf(fromGlobalId(value), value, argument, customer);
}

/** packageRef for an id already parsed (node(id), federation): `value` names it in errors. */
export function packageRefOf(
  parsed: GlobalId | undefined,
  value: string,
  argument: string,
  customer?: { scope: string },
): PackageRef & { scope: string | undefined } {
  const [first, second] = parsed?.keys ?? [];
  const own = parsed?.type === 'Package' && parsed.scope === undefined && parsed.keys.length === 1 && WORKATO_INT_ID.test(first!);
  const ofCustomer = parsed?.type === 'Package' && parsed.scope !== undefined && parsed.keys.length === 2 && (first === 'export' || first === 'import') && WORKATO_INT_ID.test(second!);
  if (!own && !ofCustomer) throw badUserInput(`\`${argument}\` must be a Package id (as returned in \`id\`) or its Workato id; got "${value}".`, argument);
  if (customer && parsed!.scope !== customer.scope) throw badUserInput(`\`${argument}\` belongs to another workspace; pass one of this customer's.`, argument);
  return own ? { id: Number(first), scope: undefined } : { id: Number(second), operation: first as PackageOperation, scope: parsed!.scope };
}

/** node(id) and federation: a Package by its id's parts, in the workspace the id names. */
export const packageNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const { scope, ...ref } = packageRefOf(parsed, id(), 'id');
  return typed(await ctx.loaders.scope(scope).packageById.load(ref), 'Package');
};

/** A customer's package id names its operation (see packageRef). */
const packageGlobalId = (p: Workato.Package): string => {
  const scope = scopeOf(p);
  return scope === undefined ? toGlobalId('Package', [p.id]) : toGlobalId('Package', [p.operation_type === 'export' ? 'export' : 'import', p.id], scope);
};

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
  return key in m ? m : ctx.loaders.scope(scopeOf(m)).exportManifestById.load(m.id);
}

/** The loaders of the workspace a lifecycle object was read from. */
const loadersOf = (value: object, ctx: GatewayContext) => ctx.loaders.scope(scopeOf(value));

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


function folderAssetsOf(ctx: GatewayContext, scope: string | undefined, folderId: number | undefined, includeData: boolean | null | undefined) {
  return ctx.loaders.scope(scope).folderAssets.load(given({ folder_id: folderId, include_data: includeData ?? undefined }));
}

export const packageResolvers: Resolvers = {
  Upload,
  Query: {
    // A global id names its workspace: a customer's manifest or package is read from that customer.
    exportManifest: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('ExportManifest', args.id, 'id');
      return ctx.loaders.scope(scope).exportManifestById.load(id);
    },
    folderAssets: (_root, args, ctx) => {
      const folder = args.folderId ? workatoIntKey('Folder', args.folderId, 'folderId') : undefined;
      return folderAssetsOf(ctx, folder?.scope, folder?.id, args.includeData);
    },
    package: (_root, args, ctx) => {
      const { scope, ...ref } = packageRef(args.id, 'id');
      return ctx.loaders.scope(scope).packageById.load(ref);
    },
  },
  // §17.9: the same reads in a customer's workspace.
  ManagedUser: {
    exportManifest: (u, args, ctx) => customerLoaders(ctx, u).exportManifestById.load(customerKey('ExportManifest', args.id, 'id', u)),
    folderAssets: (u, args, ctx) =>
      folderAssetsOf(ctx, String(u.id), args.folderId ? customerKey('Folder', args.folderId, 'folderId', u) : undefined, args.includeData),
    package: (u, args, ctx) => {
      const { scope, ...ref } = packageRef(args.id, 'id', { scope: String(u.id), operation: args.operation });
      return ctx.loaders.scope(scope).packageById.load(ref);
    },
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
    recipe: linkTo((a) => (a.type === 'recipe' ? a.id : null), (l) => l.recipeById),
    connection: linkTo((a) => (a.type === 'connection' ? a.id : null), (l) => l.connectionById),
  },
  ExportManifest: {
    id: (m) => globalIdOf('ExportManifest', m, m.id),
    workatoId,
    name: (m) => m.name,
    status: prop('status'),
    projectPath: prop('project_path'),
    folder: async (m, _args, ctx) => {
      const { folder_id } = await manifestDetail(m, 'folder_id', ctx);
      return folder_id == null ? null : loadersOf(m, ctx).folderById.load(folder_id);
    },
    assets: async (m, _args, ctx) => (await manifestDetail(m, 'assets', ctx)).assets ?? null,
    includeTestCases: async (m, _args, ctx) => (await manifestDetail(m, 'include_test_cases', ctx)).include_test_cases ?? null,
    includeData: async (m, _args, ctx) => (await manifestDetail(m, 'include_data', ctx)).include_data ?? null,
    includeTags: async (m, _args, ctx) => (await manifestDetail(m, 'include_tags', ctx)).include_tags ?? null,
    lastExportedAt: prop('last_exported_at'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    deletedAt: prop('deleted_at'),
  },
  Package: {
    id: packageGlobalId,
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
    exportManifestId: prop('export_manifest_id'),
    // A package outlives its manifest (§15.2 delete, §15.5 status still carries `export_manifest_id`): a manifest that
    // is gone is null with its id kept in exportManifestId, as RecipeConfigEntry.connection does for a gone connection.
    exportManifest: (p, _args, ctx) =>
      p.export_manifest_id == null
        ? null
        : loadersOf(p, ctx).exportManifestById.load(p.export_manifest_id).catch(nullIfNotFound),
    // The gateway's own route, not Workato's storage URL: see README "Package downloads". Behind a router the
    // request's URL is the router's view of this replica, so PUBLIC_URL says where callers reach it.
    // A customer's export is addressed by its global id (customer and operation, §17.9), the own by its Workato id.
    downloadUrl: (p, _args, ctx) => {
      if (packageStatusOf(p.status) !== 'completed' || !downloadUrlOf(p.download_url)) return null;
      const path = packageDownloadPath(scopeOf(p) === undefined ? p.id : packageGlobalId(p));
      return ctx.publicUrl ? `${ctx.publicUrl}${path}` : new URL(path, ctx.request.url).toString();
    },
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  PackageRecipeStatus: {
    recipeWorkatoId: (s) => s.id,
    recipe: linkTo((s) => (s.import_result === 'not_found' ? null : s.id), (l) => l.recipeById),
    importResult: (s) => known<PackageImportResult>(s.import_result, IMPORT_RESULTS),
    ok: (s) => IMPORT_RESULTS_OK.includes(s.import_result),
  },
};
