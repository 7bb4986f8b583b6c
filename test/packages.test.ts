import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { CREATE_MANIFEST, EXPORT, exported, manifest, settled, upload, zipFromSimulator } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { packages: { delayMs: 60 } } });
});
afterAll(() => stack.close());

const IMPORT = `mutation($input: PackageImportInput!) { packageImport(input: $input) {
  package { id workatoId operationType status }
  userErrors { __typename code message field }
} }`;

describe('folder assets and export manifests', () => {
  it('lists a folder’s assets from its recipes and connections, as in the fixture', async () => {
    const { folderAssets } = await stack.gql(`{ folderAssets(folderId: "1201101") {
      objectId type name version folder absolutePath rootFolder unreachable zipName checked status recipe { name running }
    } }`);
    expect(folderAssets).toEqual(
      expect.arrayContaining([
        {
          objectId: '3307712', type: 'RECIPE', name: 'Salesforce won opportunity -> NetSuite sales order', version: 14,
          folder: 'Salesforce sync', absolutePath: 'All projects/Order to Cash/Salesforce sync', rootFolder: false, unreachable: false,
          zipName: 'salesforce_won_opportunity_netsuite_sales_order.recipe.json', checked: true, status: 'ADDED',
          recipe: { name: 'Salesforce won opportunity -> NetSuite sales order', running: true },
        },
        expect.objectContaining({ objectId: '880101', type: 'CONNECTION', name: 'Salesforce Prod', folder: '', zipName: 'salesforce_prod.connection.json', recipe: null }),
      ]),
    );
    const kinds = folderAssets.map((a: { type: string }) => a.type);
    expect(kinds.indexOf('CONNECTION')).toBeGreaterThan(kinds.lastIndexOf('RECIPE')); // recipes first (§15.1)
  });

  it('creates, reads, updates and deletes a manifest through the {"result": …} envelope', async () => {
    stack.sim.resetCounts();
    const { exportManifestCreate: created } = await stack.gql(CREATE_MANIFEST, {
      input: { name: 'Order to Cash release', folderId: '1201101', assets: [{ id: '3307712', type: 'RECIPE' }, { id: '880101', type: 'CONNECTION' }] },
    });
    expect(created).toMatchObject({ exportManifest: { name: 'Order to Cash release', status: 'working', projectPath: 'Order to Cash', lastExportedAt: null }, userErrors: [] });
    expect(stack.sim.log().map((e) => [e.route, e.status])).toEqual([['POST /api/export_manifests', 201]]);
    const id = created.exportManifest.workatoId;

    const read = await stack.gql(`query($id: ID!) { exportManifest(id: $id) {
      id name includeTags folder { name } assets { objectId type zipName checked recipe { workatoId } }
    } }`, { id: created.exportManifest.id });
    expect(read.exportManifest).toMatchObject({
      id: created.exportManifest.id, name: 'Order to Cash release', includeTags: false, folder: { name: 'Order to Cash' },
      assets: [
        { objectId: '3307712', type: 'RECIPE', zipName: 'asset_0.recipe.json', checked: true, recipe: { workatoId: '3307712' } },
        { objectId: '880101', type: 'CONNECTION', zipName: 'asset_1.connection.json', checked: true },
      ],
    });

    const { exportManifestUpdate } = await stack.gql(`mutation($id: ID!) { exportManifestUpdate(input: { id: $id, name: "Renamed", includeTags: true }) {
      exportManifest { name includeTags assets { objectId } } userErrors { code }
    } }`, { id });
    expect(exportManifestUpdate).toEqual({ exportManifest: { name: 'Renamed', includeTags: true, assets: [{ objectId: '3307712' }, { objectId: '880101' }] }, userErrors: [] });

    const DELETE = `mutation($id: ID!) { exportManifestDelete(input: { id: $id }) { deletedExportManifestId userErrors { code field } } }`;
    expect((await stack.gql(DELETE, { id })).exportManifestDelete).toEqual({ deletedExportManifestId: created.exportManifest.id, userErrors: [] });
    const gone = await stack.request(`query($id: ID!) { exportManifest(id: $id) { name } }`, { id });
    expect(gone.data).toEqual({ exportManifest: null });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stack.gql(DELETE, { id })).exportManifestDelete).toEqual({ deletedExportManifestId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  });

  it('refuses a manifest without assets, and one naming an unknown recipe, as userErrors', async () => {
    const none = await stack.gql(CREATE_MANIFEST, { input: { name: 'Empty' } });
    expect(none.exportManifestCreate).toEqual({ exportManifest: null, userErrors: [expect.objectContaining({ code: 'INVALID', field: ['input', 'assets'] })] });
    const unknown = await stack.gql(CREATE_MANIFEST, { input: { name: 'Ghost', assets: [{ id: '1', type: 'RECIPE' }] } });
    expect(unknown.exportManifestCreate).toEqual({
      exportManifest: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', field: ['input', 'assets'], message: 'assets recipe 1 was not found' }],
    });
  });
});

describe('package export', () => {
  it('returns the package at once, then completes with the gateway’s own download URL', async () => {
    const manifestId = await manifest(stack, { name: 'Order to Cash release', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    expect(packageExport).toEqual({
      package: { id: expect.any(String), workatoId: expect.any(String), operationType: 'EXPORT', status: 'IN_PROGRESS', downloadUrl: null, exportManifest: { workatoId: manifestId, name: 'Order to Cash release' } },
      userErrors: [],
    });
    const done = await settled(stack, packageExport.package.id);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null, succeeded: true, recipeStatus: [] });
    expect(done.downloadUrl).toBe(`${stack.gateway.origin}/packages/${done.workatoId}/download`);

    stack.sim.resetCounts();
    const again = await stack.gql(`query($id: ID!) { package(id: $id) { status exportManifest { lastExportedAt } } }`, { id: done.id });
    expect(again.package.exportManifest.lastExportedAt).toBeTruthy();
    expect(stack.sim.counts()).toEqual({ 'GET /api/packages/:id': 1, 'GET /api/export_manifests/:id': 1 });
  });

  it('keeps the manifest id after the manifest is deleted; the link is then null, not an error', async () => {
    const manifestId = await manifest(stack, { name: 'Short-lived', folderId: '1201211', autoGenerateAssets: true });
    const pkg = await exported(stack, manifestId);
    const READ = `query($id: ID!) { package(id: $id) { exportManifestId exportManifest { workatoId deletedAt } } }`;
    expect(await stack.gql(READ, { id: pkg.id })).toEqual({ package: { exportManifestId: manifestId, exportManifest: { workatoId: manifestId, deletedAt: null } } });

    await stack.gql(`mutation($id: ID!) { exportManifestDelete(input: { id: $id }) { userErrors { code } } }`, { id: manifestId });
    const wire = await rest(stack.sim, `/packages/${pkg.workatoId}`);
    expect(wire.export_manifest_id).toBe(Number(manifestId)); // §15.5: the status still names it
    const after = await stack.request(READ, { id: pkg.id });
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ package: { exportManifestId: manifestId, exportManifest: null } });

    // Any other failure to read the manifest stays an error.
    stack.sim.inject({ route: 'GET /api/export_manifests/:id', status: 500, body: { message: 'Internal error' }, times: 1 });
    const failed = await stack.request(READ, { id: pkg.id });
    expect(failed.data).toEqual({ package: { exportManifestId: manifestId, exportManifest: null } });
    expect(failed.errors?.map((e) => e.path)).toEqual([['package', 'exportManifest']]);
  });

  it("reads a manifest's deleted_at as deletedAt", async () => {
    const manifestId = await manifest(stack, { name: 'Dated', folderId: '1201211', autoGenerateAssets: true });
    const wire = await rest(stack.sim, `/export_manifests/${manifestId}`);
    expect(wire.result).toHaveProperty('deleted_at', null);
    const READ = `query($id: ID!) { exportManifest(id: $id) { deletedAt } }`;
    expect(await stack.gql(READ, { id: manifestId })).toEqual({ exportManifest: { deletedAt: null } });
    // The reference shape has the field (§15.2); when Workato sets it, the gateway passes it on.
    const deletedAt = '2025-06-13T10:00:00.000-07:00';
    stack.sim.inject({ route: 'GET /api/export_manifests/:id', status: 200, body: { result: { ...wire.result, deleted_at: deletedAt } }, times: 1 });
    expect(await stack.gql(READ, { id: manifestId })).toEqual({ exportManifest: { deletedAt } });
  });

  it('resolves packages and manifests by global id through node()', async () => {
    const pkg = await exported(stack, await manifest(stack, { name: 'By id', folderId: '1201210', autoGenerateAssets: true }));
    const { package: read } = await stack.gql(`query($id: ID!) { package(id: $id) { id exportManifest { id } } }`, { id: pkg.workatoId });
    const { nodes } = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) {
      __typename id ... on Package { status } ... on ExportManifest { name }
    } }`, { ids: [read.id, read.exportManifest.id] });
    expect(nodes).toEqual([
      { __typename: 'Package', id: read.id, status: 'COMPLETED' },
      { __typename: 'ExportManifest', id: read.exportManifest.id, name: 'By id' },
    ]);
  });

  it('answers an unknown manifest with a NOT_FOUND userError and an unknown package with NOT_FOUND', async () => {
    expect((await stack.gql(EXPORT, { manifestId: '999999' })).packageExport).toEqual({
      package: null,
      userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'manifestId'] }],
    });
    const missing = await stack.request(`{ package(id: "999999") { status } ok: folder(id: "1201101") { name } }`);
    expect(missing.data).toEqual({ package: null, ok: { name: 'Order to Cash' } });
    expect(missing.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['package'], 'NOT_FOUND']]);
  });
});

describe('package import (GraphQL multipart upload)', () => {
  it('streams an exported zip into another folder, where its recipes appear stopped', async () => {
    const source = await exported(stack, await manifest(stack, { name: 'Order to Cash', folderId: '1201101', autoGenerateAssets: true }));
    const zip = await zipFromSimulator(stack, source.workatoId);
    stack.sim.resetCounts();
    const started = await upload(stack, IMPORT, { input: { folderId: '1201102', file: null } }, 'input.file', new Blob([zip as Uint8Array<ArrayBuffer>]));
    expect(started.data.packageImport).toMatchObject({ package: { operationType: 'IMPORT', status: 'IN_PROGRESS' }, userErrors: [] });
    const [post] = stack.sim.log();
    expect(post).toMatchObject({ route: 'POST /api/packages/import/:folder_id', path: '/api/packages/import/1201102?restart_recipes=false&include_tags=false', status: 200 });

    const done = await settled(stack, started.data.packageImport.package.id);
    expect(done).toMatchObject({ status: 'COMPLETED', succeeded: true, downloadUrl: null });
    expect(done.recipeStatus.length).toBeGreaterThanOrEqual(2);
    for (const s of done.recipeStatus) {
      expect(s).toMatchObject({ importResult: 'NO_UPDATE_OR_UPDATED_WITHOUT_RESTART', ok: true, recipe: { running: false, folder: { workatoId: '1201102' } } });
    }
    const { folder } = await stack.gql(`{ folder(id: "1201102") { recipes(first: 100) { nodes { name running } } connections { name connected } } }`);
    expect(folder.recipes.nodes).toEqual(expect.arrayContaining([
      { name: 'Salesforce won opportunity -> NetSuite sales order', running: false },
      { name: 'Nightly NetSuite invoice sync', running: false },
    ]));
    expect(folder.connections).toEqual(expect.arrayContaining([{ name: 'Salesforce Prod', connected: false }]));
  });

  it('imports a zip built by hand with the documented asset files', async () => {
    const code = { number: 0, provider: 'clock', name: 'scheduled_event', keyword: 'trigger', input: {}, block: [] };
    const zip = zipSync({ 'hand_made.recipe.json': strToU8(JSON.stringify({ name: 'Hand made', code, config: [] })) });
    const started = await upload(stack, IMPORT, { input: { folderId: '1201103', file: null } }, 'input.file', new Blob([zip as Uint8Array<ArrayBuffer>]));
    const done = await settled(stack, started.data.packageImport.package.workatoId);
    expect(done.recipeStatus).toEqual([expect.objectContaining({ importResult: 'NO_UPDATE_OR_UPDATED_WITHOUT_RESTART', recipe: expect.objectContaining({ name: 'Hand made' }) })]);
    const recipe = await rest(stack.sim, `/recipes/${done.recipeStatus[0].recipeWorkatoId}`);
    expect(JSON.parse(recipe.code)).toEqual(code);
  });

  it('fails an import that must update a running recipe, and restarts it with restartRecipes', async () => {
    // 3307601 runs in 1201103 and needs no connection (a callable recipe).
    const source = await exported(stack, await manifest(stack, { name: 'Callable', assets: [{ id: '3307601', type: 'RECIPE' }] }));
    const zip = new Blob([(await zipFromSimulator(stack, source.workatoId)) as Uint8Array<ArrayBuffer>]);
    const refused = await upload(stack, IMPORT, { input: { folderId: '1201103', file: null } }, 'input.file', zip);
    expect(await settled(stack, refused.data.packageImport.package.id)).toMatchObject({
      status: 'FAILED', succeeded: false, recipeStatus: [],
      error: "Cannot update running recipe 'Callable: normalize postal address'. Set restart_recipes=true to allow restarting running recipes.",
    });
    const restarted = await upload(stack, IMPORT, { input: { folderId: '1201103', file: null, restartRecipes: true } }, 'input.file', zip);
    expect(await settled(stack, restarted.data.packageImport.package.id)).toMatchObject({
      status: 'COMPLETED', succeeded: true, recipeStatus: [{ recipeWorkatoId: '3307601', importResult: 'RESTARTED', ok: true, recipe: { running: true } }],
    });
  });

  it('reports a completed import whose recipe could not restart: succeeded false, STOPPED', async () => {
    // Imported into its own folder, 3307712's connections become new, unauthorized shells there.
    const source = await exported(stack, await manifest(stack, { name: 'SF', folderId: '1201210', autoGenerateAssets: true }));
    const zip = new Blob([(await zipFromSimulator(stack, source.workatoId)) as Uint8Array<ArrayBuffer>]);
    const started = await upload(stack, IMPORT, { input: { folderId: '1201210', file: null, restartRecipes: true } }, 'input.file', zip);
    const done = await settled(stack, started.data.packageImport.package.id);
    expect(done).toMatchObject({ status: 'COMPLETED', succeeded: false });
    expect(done.recipeStatus).toContainEqual({ recipeWorkatoId: '3307712', importResult: 'STOPPED', ok: false, recipe: expect.objectContaining({ running: false }) });
  });

  it('refuses a file that is not a zip with PACKAGE_INVALID, and an unknown folder with NOT_FOUND', async () => {
    const bad = await upload(stack, IMPORT, { input: { folderId: '1201102', file: null } }, 'input.file', new Blob(['not a zip']), 'notes.txt');
    expect(bad.data.packageImport).toEqual({
      package: null,
      userErrors: [{ __typename: 'InputError', code: 'PACKAGE_INVALID', field: ['input', 'file'], message: expect.stringMatching(/zip/) }],
    });
    const nowhere = await upload(stack, IMPORT, { input: { folderId: '42', file: null } }, 'input.file', new Blob([zipSync({}) as Uint8Array<ArrayBuffer>]));
    expect(nowhere.data.packageImport.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'folderId'] })]);
  });

  it('rejects an Upload written inline instead of sent as a file', async () => {
    const inline = await stack.request(IMPORT, { input: { folderId: '1201102', file: 'UEsDBA==' } });
    expect(inline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inline.errors?.[0]?.message).toMatch(/multipart/);
  });
});
