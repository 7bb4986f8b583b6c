import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_ROUTE } from '../src/simulator/storage.js';
import { EXPORT, exported, manifest, zipFromSimulator } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

const PADDING = 24 * 1024 * 1024;

let stack: Stack;
let done: Record<string, any>;
beforeAll(async () => {
  // Every export carries 24 MiB of incompressible filler; a package is done at its first status read.
  stack = await startStack({ simulator: { packages: { polls: 1, paddingBytes: PADDING } } });
  done = await exported(stack, await manifest(stack, { name: 'Order to Cash release', folderId: '1201101', autoGenerateAssets: true }));
});
afterAll(() => stack.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const download = (url: string, token: string | null = stack.sim.token) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** A full garbage collection, so memory readings hold live data only (`--expose-gc` switched on at run time). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('GET /packages/:id/download', () => {
  it('streams the zip the simulator produced, byte for byte, without holding it in memory', async () => {
    const expected = await zipFromSimulator(stack, done.workatoId);
    expect(expected.byteLength).toBeGreaterThan(PADDING);
    const gc = collector();
    gc();
    const baseline = process.memoryUsage().arrayBuffers;
    stack.sim.resetCounts();

    const response = await download(done.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-length')).toBe(String(expected.byteLength));
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="order_to_cash_release.zip"');
    const hash = createHash('sha256');
    let received = 0;
    let peak = 0;
    let nextSample = 0;
    for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      received += chunk.byteLength;
      if (received >= nextSample) {
        gc();
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
        nextSample += 1024 * 1024;
      }
    }
    expect(received).toBe(expected.byteLength);
    expect(hash.digest('hex')).toBe(sha256(expected));
    // Gateway, simulator and client share this process: a gateway that buffered the file would add its full size.
    // (A buffering gateway measured above the file size here; streaming stays at a few MB of chunks in flight.)
    expect(peak).toBeLessThan(expected.byteLength / 3);
  });

  it('follows Workato’s redirect to the storage host without the bearer token', async () => {
    stack.sim.resetCounts();
    const response = await download(done.downloadUrl);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(stack.sim.log().map((e) => [e.route, e.status, e.token ? 'bearer' : 'none'])).toEqual([
      ['GET /api/packages/:id/download', 302, 'bearer'],
      [STORAGE_ROUTE, 200, 'none'],
    ]);
  });

  it('accepts the package’s global id as well as its Workato id', async () => {
    const response = await download(`${stack.gateway.origin}/packages/${encodeURIComponent(done.id)}/download`);
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });
});

describe('download errors: JSON with the GraphQL error codes', () => {
  const errorOf = async (response: Response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> },
  });

  it('answers an export that is not finished with 404 NOT_FOUND', async () => {
    // Not read since the export started, so still in progress (the simulator settles at the first status read).
    const { packageExport } = await stack.gql(EXPORT, { manifestId: await manifest(stack, { name: 'Later', folderId: '1201101', autoGenerateAssets: true }) });
    const { status, type, body } = await errorOf(await download(`${stack.gateway.origin}/packages/${packageExport.package.workatoId}/download`));
    expect([status, type]).toEqual([404, 'application/json; charset=utf-8']);
    expect(body.errors).toEqual([{ message: expect.stringMatching(/no such object/), extensions: expect.objectContaining({ code: 'NOT_FOUND', status: 404 }) }]);
  });

  it('maps an unknown package to 404, a malformed id to 400, and a missing or rejected token to 401', async () => {
    const code = async (url: string, token?: string | null) => {
      const { status, body } = await errorOf(await download(url, token));
      return [status, body.errors[0]!.extensions.code];
    };
    const base = stack.gateway.origin;
    expect(await code(`${base}/packages/999999/download`)).toEqual([404, 'NOT_FOUND']);
    expect(await code(`${base}/packages/not-an-id/download`)).toEqual([400, 'BAD_USER_INPUT']);
    expect(await code(`${base}/packages/%E0%A4%A/download`)).toEqual([400, 'BAD_USER_INPUT']);
    expect(await code(`${base}/packages/${done.workatoId}/download`, null)).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(`${base}/packages/${done.workatoId}/download`, 'wrong-token')).toEqual([401, 'UNAUTHENTICATED']);
    // Like every GraphQL error, a download's names its request, for a bug report to point at its log lines.
    const named = await fetch(`${base}/packages/999999/download`, { headers: { authorization: `Bearer ${stack.sim.token}`, 'x-request-id': 'dl-req-1' } });
    expect((await errorOf(named)).body.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'dl-req-1' });
  });

  it('maps Workato failures to 502, 429 with Retry-After, and refuses other methods with 405', async () => {
    const url = `${stack.gateway.origin}/packages/${done.workatoId}/download`;
    stack.sim.inject({ route: 'GET /api/packages/:id/download', status: 500, times: 1 });
    const failed = await errorOf(await download(url));
    expect([failed.status, failed.body.errors[0]!.extensions.code]).toEqual([502, 'UPSTREAM_ERROR']);
    expect(failed.body.errors[0]!.extensions.upstreamRequestId).toEqual(expect.any(String));

    stack.sim.inject({ route: 'GET /api/packages/:id/download', status: 429, headers: { 'retry-after': '7' }, times: 1 });
    const limited = await download(url);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await errorOf(limited)).body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });

    const post = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${stack.sim.token}` } });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
  });
});
