import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { GRAPHIQL_EXAMPLES } from '../src/server/graphiql-examples.js';
import { startStack, type Stack } from './support/stack.js';

const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;
const LIMIT_CODES = ['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS'];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      NODE_ENV: 'production',
      MAX_QUERY_DEPTH: '4',
      MAX_QUERY_COST: '40',
      MAX_ALIASES: '5',
      MAX_DIRECTIVES: '3',
      MAX_TOKENS: '300',
      MAX_BODY_BYTES: '4096',
      INTROSPECTION: 'false',
      CORS_ORIGINS: 'https://app.example.com',
    },
  });
});
afterAll(() => stack.close());

describe('limits on what a request may ask, each with its own code', () => {
  it('QUERY_TOO_DEEP past MAX_QUERY_DEPTH, before any Workato call', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ recipes { nodes { folder { parent { name } } } } }`);
    expect(r.status).toBe(400);
    expect(code(r)).toBe('QUERY_TOO_DEEP');
    expect(r.errors?.[0]?.message).toMatch(/depth limit of 4/);
    expect(stack.sim.total()).toBe(0);
  });

  it('QUERY_TOO_COMPLEX past MAX_QUERY_COST', async () => {
    const fields = 'id name running workatoId lastRunAt createdAt updatedAt';
    const r = await stack.request(`{ a: recipes { nodes { ${fields} folder { ${'id name'} } } } b: recipes { nodes { ${fields} } } }`);
    expect(code(r)).toBe('QUERY_TOO_COMPLEX');
  });

  it('TOO_MANY_ALIASES past MAX_ALIASES', async () => {
    const r = await stack.request(`{ ${Array.from({ length: 6 }, (_, i) => `a${i}: me { name }`).join(' ')} }`);
    expect(code(r)).toBe('TOO_MANY_ALIASES');
  });

  it('TOO_MANY_DIRECTIVES past MAX_DIRECTIVES', async () => {
    const r = await stack.request(`{ me { name @include(if: true) @include(if: true) @include(if: true) @include(if: true) } }`);
    expect(code(r)).toBe('TOO_MANY_DIRECTIVES');
  });

  it('TOO_MANY_TOKENS past MAX_TOKENS, without building the whole document', async () => {
    const r = await stack.request(`{ me { ${'name '.repeat(400)} } }`);
    expect(r.status).toBe(400);
    expect(code(r)).toBe('TOO_MANY_TOKENS');
  });

  it('REQUEST_TOO_LARGE (413) past MAX_BODY_BYTES, with or without a Content-Length', async () => {
    const big = JSON.stringify({ query: `{ me { name } }`, variables: { pad: 'x'.repeat(5000) } });
    const sized = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(sized.status).toBe(413);
    expect((await sized.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    const chunked = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('INTROSPECTION_DISABLED when INTROSPECTION=false; __typename still works', async () => {
    const r = await stack.request(`{ __schema { types { name } } }`);
    expect(code(r)).toBe('INTROSPECTION_DISABLED');
    expect(code(await stack.request(`{ __type(name: "Recipe") { name } }`))).toBe('INTROSPECTION_DISABLED');
    expect(code(await stack.request(`{ _service { sdl } }`))).toBe('INTROSPECTION_DISABLED'); // the whole SDL, too
    expect((await stack.gql(`{ __typename }`)).__typename).toBe('Query');
  });

  it('hides field suggestions in production', async () => {
    const r = await stack.request(`{ me { nam } }`);
    expect(r.errors?.[0]?.message).toMatch(/Cannot query field "nam"/);
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/);
    expect(loadConfig({ WORKATO_DATA_CENTER: 'eu' }).limits.fieldSuggestions).toBe(true);
  });

  it('CORS allow-list: allowed origins get CORS headers, others ORIGIN_NOT_ALLOWED (403)', async () => {
    const allowed = await stack.request(`{ __typename }`, {}, { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const preflight = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const refused = await stack.request(`{ __typename }`, {}, { headers: { origin: 'https://evil.example.com' } });
    expect(refused.status).toBe(403);
    expect(code(refused)).toBe('ORIGIN_NOT_ALLOWED');
    const sameOrigin = await stack.request(`{ __typename }`, {}, { headers: { origin: stack.gateway.origin } });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('deeply nested variables', () => {
  // The response cache keys a request by its variables with a recursive stringify: on here, as where it overflowed.
  let cached: Stack;
  beforeAll(async () => {
    cached = await startStack({ env: { RESPONSE_CACHE: 'memory', MAX_VARIABLE_DEPTH: '8' } });
  });
  afterAll(() => cached.close());

  const PUBLISH = 'mutation($input: EventMessagePublishInput!) { eventMessagePublish(input: $input) { messageId userErrors { code } } }';
  /** A request whose `input.payload` nests `levels` objects, written as text (JSON.stringify itself recurses). */
  const publishNested = (levels: number) =>
    fetch(cached.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cached.sim.token}` },
      body: `{"query":${JSON.stringify(PUBLISH)},"variables":{"input":{"topicId":"3801","payload":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}}`,
    }).then(async (r) => ({ status: r.status, ...((await r.json()) as { data?: any; errors?: any[] }) }));

  it('VARIABLES_TOO_DEEP (400) past MAX_VARIABLE_DEPTH, before anything reads them', async () => {
    cached.sim.resetCounts();
    const deep = await publishNested(20_000);
    expect(deep.status).toBe(400);
    expect(code(deep)).toBe('VARIABLES_TOO_DEEP');
    expect(deep.errors?.[0]?.message).toMatch(/"\$input" nests objects and lists more than 8 levels deep \(MAX_VARIABLE_DEPTH\)/);
    expect(cached.sim.total()).toBe(0);
    // `input` is one level, `payload` a second: 7 objects in `payload` reach 8, one more is refused.
    expect(code(await publishNested(7))).toBeUndefined();
    expect(code(await publishNested(8))).toBe('VARIABLES_TOO_DEEP');
    const lists = `{"query":"query($v: JSON) { __typename }","variables":{"v":${'['.repeat(9)}${']'.repeat(9)}}}`;
    const r = await fetch(cached.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: lists });
    expect(r.status).toBe(400);
    expect((await r.json()).errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
    const get = await fetch(`${cached.gateway.url}?query=${encodeURIComponent('query($v: JSON) { __typename }')}&variables=${encodeURIComponent(`{"v":${'['.repeat(9)}${']'.repeat(9)}}`)}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
    expect(loadConfig({ WORKATO_DATA_CENTER: 'eu' }).limits.maxVariableDepth).toBe(64);
  });
});

describe('default limits', () => {
  it('let every GraphiQL example through', async () => {
    const open = await startStack();
    try {
      for (const example of GRAPHIQL_EXAMPLES) {
        const r = await open.request(example.query, example.variables ? JSON.parse(example.variables) : undefined);
        expect(LIMIT_CODES).not.toContain(code(r));
      }
    } finally {
      await open.close();
    }
  });
});

describe('trusted documents', () => {
  const ME = 'query Me { me { name } }';
  let trusted: Stack;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(file, JSON.stringify({ 'sha256:me': ME }));
    trusted = await startStack({ env: { TRUSTED_DOCUMENTS: file } });
  });
  afterAll(() => trusted.close());

  const send = (body: unknown) =>
    fetch(trusted.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${trusted.sim.token}` },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, ...((await r.json()) as any) }));

  it('runs a document by its id, and names its operation in the metrics (a fixed set of names here)', async () => {
    const r = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'sha256:me' } } });
    expect(r.data.me.name).toBeTruthy();
    const metrics = await (await fetch(`${trusted.gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/graphql_envelop_request\{operationType="query",operationName="Me"\} 1/);
  });

  it('refuses document text (PERSISTED_QUERY_ONLY) and unknown ids (PERSISTED_QUERY_NOT_FOUND)', async () => {
    expect(code(await send({ query: ME }))).toBe('PERSISTED_QUERY_ONLY');
    expect(code(await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
