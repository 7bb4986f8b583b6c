/**
 * Automatic persisted queries (src/server/plugins/automatic-persisted-queries.ts), as Apollo Client's persisted query
 * link speaks them: a hash the gateway does not know answers PERSISTED_QUERY_NOT_FOUND without calling Workato, the
 * hash with its text registers it, and from then on the hash alone runs it (POST or GET). Only a text that has the
 * hash and validates is kept. With REDIS_URL a document registered on one replica runs on the other, and a Redis that
 * is gone reads as "not registered", never as a failed request.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_MISSING, redisServerAvailable, startReplicas, type Replicas } from './support/redis.js';
import { startStack, type Stack } from './support/stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string, version: unknown = 1) => ({ persistedQuery: { version, sha256Hash: hash } });

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, token: string, payload: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('automatic persisted queries', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { REFERENCE_CACHE: 'off' } });
  });
  afterAll(() => stack.close());
  const send = (payload: Record<string, unknown>) => post(stack.gateway.url, stack.sim.token, payload);

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND (HTTP 200, no Workato call), registers it with its text, then runs the hash alone', async () => {
    const query = `query Me { me { id name } }`;
    const hash = sha256(query);
    stack.sim.resetCounts();
    const unknown = await send({ extensions: persisted(hash) });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) }]);
    expect(stack.sim.total()).toBe(0);

    const registered = await send({ query, extensions: persisted(hash) });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await send({ extensions: persisted(hash) });
    expect(byHash.body.data).toEqual(registered.body.data);
    // GET, as `useGETForHashedQueries` sends it (cacheable by a CDN).
    const url = new URL(stack.gateway.url);
    url.searchParams.set('extensions', JSON.stringify(persisted(hash)));
    const got = await fetch(url, { headers: { authorization: `Bearer ${stack.sim.token}` } });
    expect(((await got.json()) as Answer['body']).data).toEqual(registered.body.data);
    expect(stack.sim.counts()).toEqual({ 'GET /api/users/me': 3 });
  });

  it('takes variables with the hash, as with the text', async () => {
    const query = `query Recipes($first: Int!) { recipes(first: $first) { nodes { id } } }`;
    await send({ query, variables: { first: 2 }, extensions: persisted(sha256(query)) });
    const three = await send({ variables: { first: 3 }, extensions: persisted(sha256(query)) });
    expect(three.body.data.recipes.nodes).toHaveLength(3);
  });

  it('refuses a hash that is not the text\'s, and keeps nothing under it', async () => {
    const claimed = sha256('{ me { name } } # another document');
    const wrong = await send({ query: `{ recipes(first: 1) { nodes { id } } }`, extensions: persisted(claimed) });
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong)).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(codeOf(await send({ extensions: persisted(claimed) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(codeOf(await send({ extensions: persisted('not-a-sha') }))).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(codeOf(await send({ extensions: persisted(claimed, 2) }))).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('keeps only documents that validate: a document over the limits or asking for what the schema lacks is not registered', async () => {
    for (const query of [`{ me { nope } }`, `{ me { name } `, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`]) {
      const sent = await send({ query, extensions: persisted(sha256(query)) });
      expect(sent.body.errors?.length).toBeGreaterThan(0);
      expect(codeOf(await send({ extensions: persisted(sha256(query)) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
  });

  it('APQ=off leaves the hash unread: a request without its text is a bad request, as before', async () => {
    const off = await startStack({ env: { APQ: 'off' } });
    try {
      const query = `{ me { name } }`;
      expect((await post(off.gateway.url, off.sim.token, { query, extensions: persisted(sha256(query)) })).body.errors).toBeUndefined();
      const hashOnly = await post(off.gateway.url, off.sim.token, { extensions: persisted(sha256(query)) });
      expect(codeOf(hashOnly)).toBe('BAD_REQUEST');
    } finally {
      await off.close();
    }
  });
});

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') throw new Error(REDIS_MISSING);

describe.skipIf(!available)(`automatic persisted queries shared by two replicas${available ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let replicas: Replicas;
  beforeAll(async () => {
    replicas = await startReplicas((url) => ({ REDIS_URL: url, TOKEN_HASH_KEY: 'x'.repeat(40), REFERENCE_CACHE: 'off' }));
  });
  afterAll(() => replicas?.close());
  const onA = (payload: Record<string, unknown>) => post(replicas.a.gateway.url, replicas.a.sim.token, payload);
  const onB = (payload: Record<string, unknown>) => post(replicas.b.url, replicas.a.sim.token, payload);

  it('runs on one replica a document registered through the other', async () => {
    const query = `query Shared { recipes(first: 2) { nodes { id name } } }`;
    const registered = await onA({ query, extensions: persisted(sha256(query)) });
    expect(registered.body.errors).toBeUndefined();
    expect((await onB({ extensions: persisted(sha256(query)) })).body.data).toEqual(registered.body.data);
  });

  it('does not run what Redis holds under a hash unless it is the document of that hash', async () => {
    const query = `query Planted { me { name } }`;
    await replicas.client.set(`wgw:apq:${sha256(query)}`, `query Other { me { id } }`);
    expect(codeOf(await onB({ extensions: persisted(sha256(query)) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('with Redis gone, an id only the other replica knows is not found, and its text runs', async () => {
    const query = `query WhileRedisIsDown { me { id } }`;
    await onA({ query, extensions: persisted(sha256(query)) });
    await replicas.redis.stop();
    const unknown = await onB({ extensions: persisted(sha256(query)) });
    expect(unknown.status).toBe(200);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const resent = await onB({ query, extensions: persisted(sha256(query)) });
    expect(resent.body.errors).toBeUndefined();
    expect((await onB({ extensions: persisted(sha256(query)) })).body.data).toEqual(resent.body.data);
  });
});
