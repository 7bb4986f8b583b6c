import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT, manifest } from './support/packages.js';
import { expectPollingStopsOnDisconnect, subscribe } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

const FOLLOW = `subscription($id: ID!) { packageStatus(id: $id) {
  workatoId status downloadUrl exportManifest { workatoId lastExportedAt }
} }`;

describe('packageStatus subscription (SSE)', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Packages settle at their third status read: deterministic whatever the machine's load.
    stack = await startStack({ simulator: { packages: { polls: 3 } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
  });
  afterAll(() => stack.close());

  it('sends the package at once, then each status change, and ends after COMPLETED', async () => {
    const manifestId = await manifest(stack, { name: 'Order to Cash', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    stack.sim.resetCounts();
    const { events: raw, ended } = await subscribe(stack, FOLLOW, { id: packageExport.package.id });
    expect(ended).toBe(true);
    // Each event reports what it cost since the one before (extensions.workato): the first, one poll and its
    // manifest; the second, the unchanged poll that sent nothing plus the one that changed, and the manifest.
    const reports = raw.filter((e) => e.event === 'next').map((e) => e.data.extensions.workato);
    expect(reports.map((r) => r.calls)).toEqual([2, 3]);
    expect(reports[1].quota.map((q: { family: string }) => q.family).sort()).toEqual(['export_manifests', 'packages']);
    const events = raw.map((e) => (e.data ? { ...e, data: { ...e.data, extensions: undefined } } : e)).map((e) => JSON.parse(JSON.stringify(e)));
    const pkgId = packageExport.package.workatoId;
    expect(events).toEqual([
      { event: 'next', data: { data: { packageStatus: { workatoId: pkgId, status: 'IN_PROGRESS', downloadUrl: null, exportManifest: { workatoId: manifestId, lastExportedAt: null } } } } },
      {
        event: 'next',
        data: { data: { packageStatus: {
          workatoId: pkgId, status: 'COMPLETED', downloadUrl: `${stack.gateway.origin}/packages/${pkgId}/download`,
          // Read anew for this emission: a cached manifest would still say null.
          exportManifest: { workatoId: manifestId, lastExportedAt: expect.any(String) },
        } } },
      },
      { event: 'complete', data: null },
    ]);
    // Three polls (the second, unchanged, sent nothing); each emission read its manifest anew.
    expect(stack.sim.counts()).toEqual({ 'GET /api/packages/:id': 3, 'GET /api/export_manifests/:id': 2 });
  });

  it("follows an Embedded customer's export by its id, polling the customer's /exports/:id (§17.9)", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { folders(first: 1) { nodes { id } } } }`);
    const customerManifest = await stack.gql(`mutation($input: ExportManifestCreateInput!) { exportManifestCreate(input: $input) { exportManifest { id } } }`, {
      input: { name: 'Customer release', folderId: managedUser.folders.nodes[0].id, autoGenerateAssets: true },
    });
    const { packageExport } = await stack.gql(EXPORT, { manifestId: customerManifest.exportManifestCreate.exportManifest.id });
    stack.sim.resetCounts();
    const { events, ended } = await subscribe(stack, `subscription($id: ID!) { packageStatus(id: $id) { id status } }`, { id: packageExport.package.id });
    expect(ended).toBe(true);
    const statuses = events.filter((e) => e.event === 'next').map((e) => e.data.data.packageStatus);
    expect(statuses.map((p) => p.status)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(statuses.every((p) => p.id === packageExport.package.id)).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/exports/:package_id': 3 });
  });

  it('sends an unknown package as a NOT_FOUND error and ends the stream', async () => {
    const { events, ended } = await subscribe(stack, FOLLOW, { id: '999999' });
    expect(ended).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['next', 'complete']);
    expect(events[0]!.data.errors).toEqual([expect.objectContaining({ path: ['packageStatus'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

  it('keeps polling through a temporary Workato failure, sending it as an UPSTREAM_ERROR', async () => {
    const manifestId = await manifest(stack, { name: 'Flaky', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    stack.sim.inject({ route: 'GET /api/packages/:id', status: 500, times: 1 });
    const { events, ended } = await subscribe(stack, `subscription($id: ID!) { packageStatus(id: $id) { status } }`, { id: packageExport.package.id });
    expect(ended).toBe(true);
    expect(events[0]!.data).toMatchObject({ data: null, errors: [{ extensions: { code: 'UPSTREAM_ERROR' } }] });
    expect(events.slice(1).map(({ event, data }) => ({ event, data: data && { data: data.data } }))).toEqual([
      { event: 'next', data: { data: { packageStatus: { status: 'IN_PROGRESS' } } } },
      { event: 'next', data: { data: { packageStatus: { status: 'COMPLETED' } } } },
      { event: 'complete', data: null },
    ]);
  });
});

describe('packageStatus when the client goes away', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { packages: { polls: 1_000_000 } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
  });
  afterAll(() => stack.close());

  it('stops polling Workato after the client disconnects', async () => {
    const manifestId = await manifest(stack, { name: 'Slow', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    const controller = new AbortController();
    const { events } = await subscribe(stack, FOLLOW, { id: packageExport.package.id }, { stopAfter: 1, signal: controller.signal });
    expect(events[0]!.data.data.packageStatus.status).toBe('IN_PROGRESS');
    // Still polling while connected (no emission: the status does not change); stopped for good after the abort.
    await expectPollingStopsOnDisconnect(() => stack.sim.counts()['GET /api/packages/:id'] ?? 0, controller);
  });
});

describe('package download links behind a router (PUBLIC_URL)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { packages: { polls: 1 } }, env: { PUBLIC_URL: 'https://workato-gateway.example.com/gw/' } });
  });
  afterAll(() => stack.close());

  it('point where callers reach the gateway, not at the URL the request came in on', async () => {
    const manifestId = await manifest(stack, { name: 'Behind a router', folderId: '1201101', autoGenerateAssets: true });
    const { packageExport } = await stack.gql(EXPORT, { manifestId });
    const { events } = await subscribe(stack, `subscription($id: ID!) { packageStatus(id: $id) { status downloadUrl } }`, { id: packageExport.package.id });
    const done = events.filter((e) => e.event === 'next').map((e) => e.data.data.packageStatus).find((p) => p.status === 'COMPLETED');
    expect(done.downloadUrl).toBe(`https://workato-gateway.example.com/gw/packages/${packageExport.package.workatoId}/download`);
  });
});
