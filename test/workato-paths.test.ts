import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, queryString, WorkatoApi, type Transport } from '../src/workato/http.js';

// The REST client hands undici's pool the origin and the path (http.ts `target`) instead of a URL to parse: what
// reaches Workato must still be exactly what `new URL` makes of base URL + path + query.
let server: Server;
let origin: string;
let transport: Transport;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = createTransport({ connections: 2, timeouts: { connectMs: 1000, headersMs: 5000, bodyMs: 5000 } });
});
afterAll(async () => {
  await transport.dispatcher.close();
  await new Promise((resolve) => server.close(resolve));
});

const asUrlWould = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

describe('the path and query a call sends', () => {
  const cases: Array<[string, Record<string, string | number | string[]> | undefined]> = [
    ['/recipes/3307712', { per_page: 5, includes: ['tags'] }],
    ['/users/me', undefined],
    ['/recipes/a b', undefined],
    ['/recipes/caf\u00e9', { q: 'na\u00efve' }],
    ['/connections', { name: "O'Brien", folder: 'a/b' }],
    ['/recipes/1#2', { per_page: 5 }],
    ['/recipes/{x}|"y"', undefined],
    ['/recipes/1', { since: '2026-12-07T10:00:00+01:00', tag: '[a]' }],
  ];

  it.each(cases)('%s %j goes out as `new URL` would send it', async (path, query) => {
    for (const base of [`${origin}/api`, `${origin}/data/api`, origin]) {
      const api = new WorkatoApi(transport, base, 't'.repeat(40));
      seen.length = 0;
      await api.get(path, query);
      expect(seen, base).toEqual([asUrlWould(`${base}${path}${queryString(query)}`)]);
    }
  });

  it('a streamed download goes to the same place', async () => {
    const api = new WorkatoApi(transport, `${origin}/api`, 't'.repeat(40));
    seen.length = 0;
    const response = await api.stream('/packages/1/download');
    await response.body.text();
    const odd = await api.stream('/packages/a b/download');
    await odd.body.text();
    expect(seen).toEqual(['/api/packages/1/download', '/api/packages/a%20b/download']);
  });
});
