import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'token-a': FIXTURE_ONLY }, packages: { polls: 2 } });
});
afterAll(() => sim.close());

async function send(path: string, method: string, body?: unknown, raw?: Uint8Array) {
  const headers: Record<string, string> = { authorization: `Bearer ${sim.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (raw) headers['content-type'] = 'application/octet-stream';
  const res = await fetch(sim.url + path, { method, headers, body: (raw as Uint8Array<ArrayBuffer> | undefined) ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Reads GET /packages/:id until it settles (the simulator settles at the second read here). */
async function settle(id: number) {
  for (let i = 0; i < 5; i++) {
    const { body } = await api(sim, `/packages/${id}`);
    if (body.status !== 'in_progress') return body;
  }
  throw new Error('never settled');
}

async function zipOf(packageId: number): Promise<Record<string, Uint8Array>> {
  const redirect = await fetch(`${sim.url}/packages/${packageId}/download`, { headers: { authorization: `Bearer ${sim.token}` }, redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const zip = await fetch(redirect.headers.get('location')!);
  expect(zip.headers.get('content-type')).toBe('application/zip');
  return unzipSync(new Uint8Array(await zip.arrayBuffer()));
}

describe('simulator: recipe lifecycle (§15)', () => {
  it('lists folder assets exactly as fixtures/folder-assets.json', async () => {
    const { status, body } = await api(sim, '/export_manifests/folder_assets?folder_id=1201101');
    expect(status).toBe(200);
    const common = { root_folder: false, unreachable: false, checked: true, status: 'added' };
    expect(body).toEqual({ result: { assets: [
      { id: 3307712, name: 'Salesforce won opportunity -> NetSuite sales order', type: 'recipe', version: 14, folder: 'Salesforce sync', absolute_path: 'All projects/Order to Cash/Salesforce sync', zip_name: 'salesforce_won_opportunity_netsuite_sales_order.recipe.json', ...common },
      { id: 3307698, name: 'Nightly NetSuite invoice sync', type: 'recipe', version: 6, folder: 'NetSuite posting', absolute_path: 'All projects/Order to Cash/NetSuite posting', zip_name: 'nightly_netsuite_invoice_sync.recipe.json', ...common },
      { id: 880101, name: 'Salesforce Prod', type: 'connection', version: 1, folder: '', absolute_path: 'All projects/Order to Cash', zip_name: 'salesforce_prod.connection.json', ...common },
      { id: 880102, name: 'NetSuite Prod', type: 'connection', version: 1, folder: '', absolute_path: 'All projects/Order to Cash', zip_name: 'netsuite_prod.connection.json', ...common },
    ] } });
    expect((await api(sim, '/export_manifests/folder_assets?folder_id=42')).status).toBe(404);
  });

  it('creates a manifest with 201 and the fixture’s keys, then exports it to a real zip', async () => {
    const created = await send('/export_manifests', 'POST', { export_manifest: { name: 'Order to Cash release', folder_id: 1201101, auto_generate_assets: true } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ result: {
      id: 731, name: 'Order to Cash release', last_exported_at: null, created_at: expect.any(String), updated_at: expect.any(String),
      deleted_at: null, project_path: 'Order to Cash', status: 'working',
    } });

    const started = await send('/packages/export/731', 'POST');
    expect(started).toEqual({ status: 200, body: { id: 5521, operation_type: 'export', status: 'in_progress', export_manifest_id: 731, download_url: null } });
    expect((await api(sim, '/packages/5521/download')).status).toBe(404); // no content yet (§15.6)
    const done = await settle(5521);
    expect(done).toEqual({ id: 5521, operation_type: 'export', status: 'completed', export_manifest_id: 731, download_url: expect.stringMatching(/\/__storage\/packages\/\w+\/order_to_cash_release\.zip\?X-Amz-Expires=300/), error: null });

    const files = await zipOf(5521);
    expect(Object.keys(files).sort()).toEqual([
      'netsuite_prod.connection.json', 'nightly_netsuite_invoice_sync.recipe.json', 'salesforce_prod.connection.json',
      'salesforce_won_opportunity_netsuite_sales_order.recipe.json',
    ]);
    const recipe = JSON.parse(strFromU8(files['salesforce_won_opportunity_netsuite_sales_order.recipe.json']!));
    expect(recipe).toMatchObject({ name: 'Salesforce won opportunity -> NetSuite sales order', version: 14, code: { provider: 'salesforce', number: 0 } });
    expect(recipe.config[0]).toEqual({ keyword: 'application', name: 'salesforce', provider: 'salesforce', skip_validation: false, account_id: { zip_name: 'salesforce_prod.connection.json', name: 'Salesforce Prod', folder: '' } });
    expect(JSON.parse(strFromU8(files['salesforce_prod.connection.json']!))).toEqual({ name: 'Salesforce Prod', provider: 'salesforce', root_folder: false });
    expect((await api(sim, '/export_manifests/731')).body.result.last_exported_at).toEqual(expect.any(String));
  });

  it('serves the storage URL without a token and refuses one that carries an Authorization header', async () => {
    const { body } = await api(sim, '/packages/5521');
    expect((await fetch(body.download_url)).status).toBe(200);
    const leaked = await fetch(body.download_url, { headers: { authorization: `Bearer ${sim.token}` } });
    expect([leaked.status, await leaked.text()]).toEqual([400, 'InvalidArgument: Only one auth mechanism allowed']);
  });

  it('validates manifests with the documented 400 shape, and deletes them', async () => {
    const bad = await send('/export_manifests', 'POST', { export_manifest: { name: ' ', assets: [{ id: 1, type: 'recipe' }, { type: 'widget' }] } });
    expect(bad).toEqual({ status: 400, body: { message: 'Validation failed', errors: {
      name: ["can't be blank"], assets: ['recipe 1 was not found', 'entry 1 needs an integer id and a known type'],
    } } });
    const made = await send('/export_manifests', 'POST', { export_manifest: { name: 'One', assets: [{ id: 3307650, type: 'recipe' }] } });
    const id = made.body.result.id;
    expect((await api(sim, `/export_manifests/${id}`)).body.result.assets).toEqual([expect.objectContaining({ id: 3307650, zip_name: 'asset_0.recipe.json', checked: true })]);
    expect(await send(`/export_manifests/${id}`, 'PUT', { export_manifest: { name: 'Two' } })).toMatchObject({ status: 200, body: { result: { name: 'Two' } } });
    expect(await send(`/export_manifests/${id}`, 'DELETE')).toEqual({ status: 200, body: { success: true } });
    expect((await api(sim, `/export_manifests/${id}`)).status).toBe(404);
  });

  it('imports a raw zip: 400 when it is not one, new stopped recipes when it is', async () => {
    expect(await send('/packages/import/1201102', 'POST', undefined, strToU8('{"not": "a zip"}'))).toEqual({
      status: 400, body: { message: expect.stringMatching(/must be a zip file/) },
    });
    const code = { number: 0, provider: 'clock', name: 'scheduled_event', keyword: 'trigger', block: [] };
    const zip = zipSync({ 'tick.recipe.json': strToU8(JSON.stringify({ name: 'Tick', code, config: [{ keyword: 'application', provider: 'clock', account_id: null }] })) });
    const started = await send('/packages/import/1201102?restart_recipes=false', 'POST', undefined, zip);
    expect(started.body).toEqual({ id: expect.any(Number), operation_type: 'import', status: 'in_progress' });
    const done = await settle(started.body.id);
    expect(done).toEqual({ id: started.body.id, operation_type: 'import', status: 'completed', download_url: null, error: null, recipe_status: [{ id: expect.any(Number), import_result: 'no_update_or_updated_without_restart' }] });
    const recipe = (await api(sim, `/recipes/${done.recipe_status[0].id}`)).body;
    expect(recipe).toMatchObject({ name: 'Tick', folder_id: 1201102, running: false, trigger_application: 'clock', version_no: 1 });
  });

  it('fails an import of invalid asset JSON, and answers 404 for unknown packages and folders', async () => {
    const started = await send('/packages/import/1201102', 'POST', undefined, zipSync({ 'broken.recipe.json': strToU8('{') }));
    expect(await settle(started.body.id)).toMatchObject({ status: 'failed', error: 'Invalid package: broken.recipe.json is not valid JSON', recipe_status: [] });
    expect((await api(sim, '/packages/1')).status).toBe(404);
    expect((await send('/packages/import/42', 'POST', undefined, zipSync({}))).status).toBe(404);
    expect((await send('/packages/export/42', 'POST')).status).toBe(404);
  });
});

describe('simulator: Embedded recipe lifecycle (§17.9)', () => {
  it('serves a customer\'s manifests and folder assets under /managed_users/:id, from the customer\'s workspace', async () => {
    const folders = (await api(sim, '/managed_users/19029/folders')).body.result;
    const assets = await api(sim, `/managed_users/19029/export_manifests/folder_assets?folder_id=${folders[0].id}`);
    expect(assets.status).toBe(200);
    expect(assets.body.result.assets.length).toBeGreaterThan(0);
    const created = await send('/managed_users/EACME-001/export_manifests', 'POST', { export_manifest: { name: 'Customer', folder_id: folders[0].id, auto_generate_assets: true } });
    expect(created.status).toBe(201);
    const id = created.body.result.id;
    expect((await api(sim, `/managed_users/19029/export_manifests/${id}`)).body.result.name).toBe('Customer');
    // Not the partner's: ids are global, as Workato's.
    expect((await api(sim, `/export_manifests/${id}`)).status).toBe(404);
    expect((await send(`/managed_users/19029/export_manifests/${id}`, 'DELETE')).status).toBe(200);
    expect((await api(sim, `/managed_users/19029/export_manifests/${id}`)).status).toBe(404);
  });

  it('exports and imports in a customer workspace; status by operation, 404 under the other one or for an unknown customer', async () => {
    const folders = (await api(sim, '/managed_users/19029/folders')).body.result;
    const manifest = (await send('/managed_users/19029/export_manifests', 'POST', { export_manifest: { name: 'Out', folder_id: folders[0].id, auto_generate_assets: true } })).body.result;
    const exp = await send(`/managed_users/19029/exports/${manifest.id}`, 'POST');
    expect(exp.body).toMatchObject({ operation_type: 'export', status: 'in_progress', export_manifest_id: manifest.id });
    let status = exp.body;
    for (let i = 0; i < 3 && status.status === 'in_progress'; i++) status = (await api(sim, `/managed_users/19029/exports/${exp.body.id}`)).body;
    expect(status).toMatchObject({ status: 'completed', download_url: expect.stringContaining('/__storage/packages/') });
    expect((await api(sim, `/managed_users/19029/imports/${exp.body.id}`)).status).toBe(404);
    const zip = new Uint8Array(await (await fetch(status.download_url)).arrayBuffer());

    const target = folders[1] ?? folders[0];
    expect((await send('/managed_users/19029/imports', 'POST', undefined, zip)).status).toBe(400); // folder_id is required
    const imp = await send(`/managed_users/19029/imports?folder_id=${target.id}`, 'POST', undefined, zip);
    expect(imp.body).toMatchObject({ operation_type: 'import', status: 'in_progress' });
    let done = imp.body;
    for (let i = 0; i < 3 && done.status === 'in_progress'; i++) done = (await api(sim, `/managed_users/19029/imports/${imp.body.id}`)).body;
    expect(done).toMatchObject({ status: 'completed', recipe_status: expect.any(Array) });
    expect((await api(sim, `/managed_users/19029/exports/${imp.body.id}`)).status).toBe(404);
    expect((await send('/managed_users/99999/imports?folder_id=1', 'POST', undefined, zip)).status).toBe(404);
    expect((await api(sim, '/managed_users/19029/packages/1')).status).toBe(404);
  });
});
