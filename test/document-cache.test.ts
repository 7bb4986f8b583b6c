/**
 * The gateway's parse and validation cache (src/server/plugins/document-cache.ts), which replaces yoga's: each text
 * is parsed once and each parsed document validated once, errors included, and a lookup arms no timer (yoga's
 * TTL'd lru-cache armed a 1 ms one per lookup, which woke the gateway in the middle of its Workato calls).
 */
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_CACHE_CHARS, useDocumentCache } from '../src/server/plugins/document-cache.js';
import { startStack, type Stack } from './support/stack.js';
import { timersArmedDuring } from './support/timers.js';

/** Counts the parses and validations that actually ran, behind the cache. */
function counting() {
  const counts = { parse: 0, validate: 0 };
  const plugin: Plugin = {
    onParse({ parseFn, setParseFn }) {
      setParseFn((...args) => (counts.parse++, parseFn(...args)));
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args) => (counts.validate++, validateFn(...args)));
    },
  };
  return { counts, plugin };
}

function yogaWithCache() {
  const { counts, plugin } = counting();
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello(name: String!): String! }', resolvers: { Query: { hello: (_: unknown, { name }: { name: string }) => `hi ${name}` } } }),
    parserAndValidationCache: false,
    logging: false,
    plugins: [useDocumentCache(), plugin],
  });
  const post = async (query: string) => {
    const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) });
    return { status: response.status, body: await response.text() };
  };
  return { counts, post };
}

describe('document cache', () => {
  it('parses and validates a text once, and answers it the same every time', async () => {
    const { counts, post } = yogaWithCache();
    const first = await post('{ hello(name: "a") }');
    expect(first.body).toBe('{"data":{"hello":"hi a"}}');
    expect(await post('{ hello(name: "a") }')).toEqual(first);
    expect(await post('{ hello(name: "a") }')).toEqual(first);
    expect(counts).toEqual({ parse: 1, validate: 1 });
    await post('{ hello(name: "b") }');
    expect(counts).toEqual({ parse: 2, validate: 2 });
  });

  it('keeps parse errors and validation errors too, with the same answer', async () => {
    const { counts, post } = yogaWithCache();
    const syntax = await post('{ hello(');
    expect(syntax.status).toBe(400);
    expect(syntax.body).toContain('Syntax Error');
    expect(await post('{ hello(')).toEqual(syntax);
    expect(counts).toEqual({ parse: 1, validate: 0 });

    const invalid = await post('{ goodbye }');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('Cannot query field \\"goodbye\\"');
    expect(await post('{ goodbye }')).toEqual(invalid);
    expect(counts).toEqual({ parse: 2, validate: 1 });
  });

  it('parses every time a text too long to keep, and keeps the others', async () => {
    const { counts, post } = yogaWithCache();
    const long = `{ hello(name: "${'x'.repeat(DOCUMENT_CACHE_CHARS)}") }`;
    expect((await post(long)).status).toBe(200);
    expect((await post(long)).status).toBe(200);
    expect(counts.parse).toBe(2);
    await post('{ hello(name: "a") }');
    await post('{ hello(name: "a") }');
    expect(counts.parse).toBe(3);
  });

  it('arms no timer when it answers from the cache', async () => {
    const { post } = yogaWithCache();
    await post('{ hello(name: "a") }');
    expect(await timersArmedDuring(() => post('{ hello(name: "a") }'))).toEqual([]);
  });
});

describe('the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('uses this cache, not yoga’s: no lru-cache clock timer on a repeated document', async () => {
    const query = '{ me { name } }';
    await stack.gql(query);
    let answer: { me: { name: string } } | undefined;
    const armedBy = await timersArmedDuring(async () => (answer = await stack.gql(query)));
    expect(answer?.me.name).toBeTruthy();
    expect(armedBy.filter((stack) => stack.includes('lru-cache'))).toEqual([]);
  });
});
