/** Large JSON answers are compressed for clients that accept it; small ones, and clients that do not, get plain JSON. */
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

// undici's request() does not decode bodies, so what arrives is what went over the wire.
const post = (query: string, acceptEncoding?: string) =>
  request(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    body: JSON.stringify({ query }),
  });

describe('response compression', () => {
  it('gzips the introspection answer (half a megabyte of JSON) for a client that accepts gzip', async () => {
    const res = await post(getIntrospectionQuery(), 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('accept-encoding');
    const wire = Buffer.from(await res.body.arrayBuffer());
    expect(Number(res.headers['content-length'])).toBe(wire.length);
    const json = JSON.parse(gunzipSync(wire).toString('utf8'));
    expect(json.data.__schema.queryType.name).toBe('Query');
    expect(wire.length * 5).toBeLessThan(gunzipSync(wire).length);
  });

  it('sends a small answer, or any answer to a client that accepts no encoding, as it is', async () => {
    const small = await post('{ me { name } }', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(await small.body.text()).data.me.name).toBeTruthy();
    const plain = await post(getIntrospectionQuery());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(await plain.body.text()).data.__schema).toBeTruthy();
  });
});

describe('the GraphiQL page and its assets', () => {
  const page = (headers: Record<string, string>) => request(stack.gateway.url, { method: 'GET', headers: { accept: 'text/html', ...headers } });

  it('tags each coding of the page with its own strong ETag, and any of them revalidates it', async () => {
    const tags: Record<string, string> = {};
    for (const coding of ['identity', 'gzip', 'br']) {
      const res = await page({ 'accept-encoding': coding });
      await res.body.arrayBuffer();
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(coding === 'identity' ? undefined : coding);
      tags[coding] = String(res.headers.etag);
    }
    expect(new Set(Object.values(tags)).size).toBe(3);
    expect(tags.br).toBe(tags.identity!.replace(/"$/, '-br"'));
    // A cache that kept the gzip copy asks with its tag and gets a 304 carrying the tag of what it would get now.
    for (const [coding, held] of [['gzip', tags.gzip], ['br', tags.gzip], ['identity', `W/${tags.br}`]] as const) {
      const res = await page({ 'accept-encoding': coding, 'if-none-match': held! });
      await res.body.arrayBuffer();
      expect(res.statusCode, `${coding} ${held}`).toBe(304);
      expect(res.headers.etag).toBe(tags[coding]);
    }
    const stale = await page({ 'if-none-match': '"not-this-page"' });
    await stale.body.arrayBuffer();
    expect(stale.statusCode).toBe(200);
  });
});
