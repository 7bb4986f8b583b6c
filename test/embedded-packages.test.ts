/**
 * The Embedded recipe lifecycle (REFERENCE §17.9) through the gateway: export once from the partner's workspace,
 * import into a customer's, follow the import; and manifests and exports in the customer's own workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exported, manifest, settled, upload, zipFromSimulator } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let zip: Uint8Array;
let customerFolder: { id: string; workatoId: string };
beforeAll(async () => {
  stack = await startStack({ simulator: { packages: { polls: 2 } } });
  const pkg = await exported(stack, await manifest(stack, { name: 'Release', folderId: '1201101', autoGenerateAssets: true }));
  zip = await zipFromSimulator(stack, pkg.workatoId);
  const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { folders(first: 1) { nodes { id workatoId } } } }`);
  customerFolder = managedUser.folders.nodes[0];
});
afterAll(() => stack.close());

const IMPORT = `mutation($input: PackageImportInput!) { packageImport(input: $input) {
  package { id workatoId operationType status }
  userErrors { code message field }
} }`;
const importInto = (input: Record<string, unknown>) => upload(stack, IMPORT, { input: { ...input, file: null } }, 'input.file', new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('packageImport into a customer (§17.9 #6, #7)', () => {
  it('imports the partner\'s package into a customer folder and follows it to its recipes, in the customer\'s workspace', async () => {
    stack.sim.resetCounts();
    const started = await importInto({ folderId: customerFolder.id, restartRecipes: true });
    expect(started.errors).toBeUndefined();
    const pkg = started.data.packageImport.package;
    expect(pkg).toMatchObject({ operationType: 'IMPORT', status: 'IN_PROGRESS' });
    // The id names the customer and the operation: the status is read from `/imports/:id`.
    expect(Buffer.from(pkg.id, 'base64url').toString()).toBe(`Package@19029:import:${pkg.workatoId}`);
    expect(stack.sim.counts()).toEqual({ 'POST /api/managed_users/:managed_user_id/imports': 1 });
    expect(stack.sim.log()[0]!.path).toBe(`/api/managed_users/19029/imports?folder_id=${customerFolder.workatoId}&restart_recipes=true&include_tags=false`);

    const done = await settled(stack, pkg.id);
    expect(done).toMatchObject({ status: 'COMPLETED', succeeded: true, downloadUrl: null });
    expect(done.recipeStatus.length).toBeGreaterThan(0);
    for (const r of done.recipeStatus) expect(r.recipe.folder.workatoId).toBe(customerFolder.workatoId);
    expect(stack.sim.counts()['GET /api/managed_users/:managed_user_id/imports/:package_id']).toBeGreaterThan(0);
    expect(stack.sim.counts()['GET /api/packages/:id']).toBeUndefined();

    // By Workato id with the operation, by node(id), and never as the partner's package.
    const again = await stack.gql(`query($id: ID!) {
      managedUser(id: "19029") { package(id: "${pkg.workatoId}", operation: IMPORT) { id status } }
      node(id: $id) { ... on Package { workatoId operationType } }
    }`, { id: pkg.id });
    expect(again.managedUser.package).toEqual({ id: pkg.id, status: 'COMPLETED' });
    expect(again.node).toEqual({ workatoId: pkg.workatoId, operationType: 'IMPORT' });
    const wrong = await stack.request(`{ managedUser(id: "19029") { bare: package(id: "${pkg.workatoId}") { id } asExport: package(id: "${pkg.workatoId}", operation: EXPORT) { id } } package(id: "${pkg.workatoId}") { id } }`);
    const code = (path: string) => wrong.errors?.find((e) => e.path?.join('.') === path)?.extensions?.code;
    expect(code('managedUser.bare')).toBe('BAD_USER_INPUT');
    expect(code('managedUser.asExport')).toBe('NOT_FOUND');
    expect(code('package')).toBe('NOT_FOUND');
  });

  it('takes a Workato folder id with managedUser, refuses a folder of another workspace and the own-workspace-only option', async () => {
    const byWorkatoId = await importInto({ folderId: customerFolder.workatoId, managedUser: { externalId: 'ACME-001' } });
    expect(Buffer.from(byWorkatoId.data.packageImport.package.id, 'base64url').toString()).toMatch(/^Package@19029:import:\d+$/);
    const mixed = await importInto({ folderId: customerFolder.id, managedUser: { id: '19030' } });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const home = await importInto({ folderId: customerFolder.id, folderIdForHomeAssets: customerFolder.id });
    expect(home.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await importInto({ folderId: '1', managedUser: { id: '19029' } });
    expect(unknown.data.packageImport).toMatchObject({ package: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});

describe('manifests and exports in a customer workspace (§17.9 #1–#5, #8, #9)', () => {
  it('lists a customer folder\'s assets, builds a manifest there, exports it and follows the export', async () => {
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      folderAssets(folderId: "${customerFolder.id}") { objectId type name recipe { id } }
    } }`);
    expect(managedUser.folderAssets.length).toBeGreaterThan(0);
    const recipeAsset = managedUser.folderAssets.find((a: any) => a.type === 'RECIPE');
    expect(Buffer.from(recipeAsset.recipe.id, 'base64url').toString()).toBe(`Recipe@19029:${recipeAsset.objectId}`);
    expect(stack.sim.counts()).toMatchObject({ 'GET /api/managed_users/:managed_user_id/export_manifests/folder_assets': 1 });

    const created = await stack.gql(`mutation($input: ExportManifestCreateInput!) { exportManifestCreate(input: $input) {
      exportManifest { id workatoId name folder { id } } userErrors { code message }
    } }`, { input: { name: 'Customer release', folderId: customerFolder.id, assets: [{ id: recipeAsset.recipe.id, type: 'RECIPE' }] } });
    const m = created.exportManifestCreate.exportManifest;
    expect(m.id).toBe(b64(`ExportManifest@19029:${m.workatoId}`));
    expect(m.folder.id).toBe(customerFolder.id);

    const { packageExport } = await stack.gql(`mutation($id: ID!) { packageExport(input: { manifestId: $id }) { package { id workatoId operationType exportManifest { id } } userErrors { code } } }`, { id: m.id });
    expect(packageExport.package).toMatchObject({ operationType: 'EXPORT', exportManifest: { id: m.id } });
    expect(packageExport.package.id).toBe(b64(`Package@19029:export:${packageExport.package.workatoId}`));
    const done = await settled(stack, packageExport.package.id, 'status downloadUrl');
    expect(done).toEqual({ status: 'COMPLETED', downloadUrl: `${stack.gateway.url.replace(/\/graphql$/, '')}/packages/${packageExport.package.id}/download` });
    // The zip through the gateway: Workato's storage URL of the customer's export, fetched without the token.
    const zipAnswer = await fetch(done.downloadUrl, { headers: { authorization: `Bearer ${stack.sim.token}` } });
    expect(zipAnswer.status).toBe(200);
    expect(zipAnswer.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await zipAnswer.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const importZip = await fetch(done.downloadUrl.replace(packageExport.package.id, b64(`Package@19029:import:${packageExport.package.workatoId}`)), { headers: { authorization: `Bearer ${stack.sim.token}` } });
    expect(importZip.status).toBe(404);
    expect(stack.sim.counts()).toMatchObject({ 'POST /api/managed_users/:managed_user_id/exports/:manifest_id': 1 });
    expect(stack.sim.counts()['GET /api/managed_users/:managed_user_id/exports/:package_id']).toBeGreaterThan(0);

    const read = await stack.gql(`{ managedUser(id: "19029") { exportManifest(id: "${m.workatoId}") { name lastExportedAt } } }`);
    expect(read.managedUser.exportManifest).toMatchObject({ name: 'Customer release', lastExportedAt: expect.any(String) });
    const deleted = await stack.gql(`mutation($id: ID!) { exportManifestDelete(input: { id: $id }) { deletedExportManifestId userErrors { code } } }`, { id: m.id });
    expect(deleted.exportManifestDelete).toEqual({ deletedExportManifestId: m.id, userErrors: [] });
    const gone = await stack.request(`{ exportManifest(id: "${m.id}") { id } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
