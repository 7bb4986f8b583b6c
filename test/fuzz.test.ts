import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonParts } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    junk: (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(next() * 0xd7ff))).join(''),
  };
}

interface Case {
  kind: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

const json = { 'content-type': 'application/json' };

function cases(): Case[] {
  const r = rng(0x5eed);
  const VALID = '{ me { name } recipes(first: 2) { nodes { name } } }';
  const ids = ['', ' ', '-1', '0', '0x10', '1e9', '99999999999999999999', 'UmVjaXBlOg==', 'Zm9v', '!!!', '\u0000', '😀', 'a'.repeat(5000), 'Sm9iOjE6', 'UmVjaXBlOjMzMDc3MTI='];
  const gens: Array<() => Case> = [
    () => ({ kind: 'broken JSON', headers: json, body: JSON.stringify({ query: VALID }).slice(0, 1 + r.int(40)) }),
    () => ({ kind: 'random bytes', headers: json, body: r.junk(1 + r.int(300)) }),
    () => ({ kind: 'wrong JSON shape', headers: json, body: r.pick(['[]', '"q"', 'null', '5', '{"query":5}', '{"query":null}', '{"query":"{ me { name } }","variables":"x"}', '{"query":"{ me { name } }","variables":[1]}', '{"query":"{ me { name } }","operationName":{}}', '{"query":"{ me { name } }","extensions":"x"}', '{"documentId":"abc"}', '[{"query":"{ me { name } }"},{"query":"{ me { name } }"}]']) }),
    () => ({ kind: 'wrong content type', headers: { 'content-type': r.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql']) }, body: r.pick([VALID, 'query=1', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad\r\n--x--', '']) }),
    () => ({ kind: 'huge document', headers: json, body: JSON.stringify({ query: `{ me { ${'name '.repeat(20_000 + r.int(20_000))} } }` }) }),
    () => {
      const n = 6 + r.int(60); // depth 2n + 1 > MAX_QUERY_DEPTH (12)
      return { kind: 'deep nesting', headers: json, body: JSON.stringify({ query: `{ ${'folder(id: "1") { parent { '.repeat(n)} name ${'} } '.repeat(n)} }` }) };
    },
    () => ({ kind: 'deep JSON variables', headers: json, body: `{"query":"query($v: JSON) { __typename }","variables":{"v":${'['.repeat(5_000 + r.int(5_000))}${']'.repeat(5_000)}}}` }),
    () => ({ kind: 'alias bomb', headers: json, body: JSON.stringify({ query: `{ ${Array.from({ length: 100 + r.int(2_000) }, (_, i) => `a${i}: me { name }`).join(' ')} }` }) }),
    () => ({ kind: 'directive bomb', headers: json, body: JSON.stringify({ query: `{ me { name ${'@include(if: true) '.repeat(50 + r.int(500))} } }` }) }),
    () => ({ kind: 'fragment cycle', headers: json, body: JSON.stringify({ query: 'query { ...A } fragment A on Query { me { name } ...B } fragment B on Query { ...A }' }) }),
    () => ({ kind: 'wrong variable type', headers: json, body: JSON.stringify({ query: 'query($n: Int, $id: ID!) { recipes(first: $n) { nodes { name } } recipe(id: $id) { name } }', variables: { n: r.pick(['x', {}, [], 1e308, -1, 2 ** 40, true, null]), id: r.pick([5, {}, [], null, true, 'x']) } }) }),
    () => ({ kind: 'invalid id', headers: json, body: JSON.stringify({ query: 'query($id: ID!) { recipe(id: $id) { name } node(id: $id) { id } folder(id: $id) { name } }', variables: { id: r.pick(ids) } }) }),
    () => ({ kind: 'out-of-range args', headers: json, body: JSON.stringify({ query: `{ recipes(first: ${r.pick([-1, 0, 101, 100000, 2147483647])}, after: "${r.pick(['', 'x', 'Y3Vyc29y', '\\u0000'])}") { nodes { name } } }` }) }),
    () => ({ kind: 'oversized upload', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: `--zz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ me { name } }"}\r\n--zz\r\nContent-Disposition: form-data; name="0"; filename="a.zip"\r\n\r\n${'P'.repeat(1_100_000 + r.int(200_000))}\r\n--zz--` }),
    () => ({ kind: 'small bad upload', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: `--zz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation($f: Upload) { __typename }","variables":{"f":null}}\r\n--zz\r\nContent-Disposition: form-data; name="map"\r\n\r\n${r.pick(['{"0":["variables.f"]}', 'nope', '{"0":["x.y.z"]}'])}\r\n--zz\r\nContent-Disposition: form-data; name="0"; filename="a.bin"\r\n\r\n${r.junk(50)}\r\n--zz--` }),
    () => ({ kind: 'bad GET', method: 'GET', path: `?query=${encodeURIComponent(r.pick(['mutation { recipeStop(input: {id: "1"}) { userErrors { message } } }', '{ me { name', r.junk(20), '{ me { name } }']))}&variables=${encodeURIComponent(r.pick(['{', 'null', '[]', '{"a":1}']))}`, headers: { accept: 'application/json' } }),
    () => ({ kind: 'wrong method', method: r.pick(['PUT', 'DELETE', 'PATCH']), headers: json, body: JSON.stringify({ query: VALID }) }),
    () => ({ kind: 'hostile auth header', headers: { ...json, authorization: r.pick(['Basic Zm9vOmJhcg==', 'Bearer', 'Bearer a b', `Bearer ${'x'.repeat(8_000)}`, 'bearer\t\ttoken', 'Token abc']) }, body: JSON.stringify({ query: VALID }) }),
    () => ({ kind: 'unicode soup query', headers: json, body: JSON.stringify({ query: r.junk(1 + r.int(500)) }) }),
    () => ({
      kind: 'hostile persisted query',
      headers: json,
      body: JSON.stringify({
        ...r.pick([{}, { query: VALID }, { query: r.junk(30) }]),
        extensions: { persistedQuery: r.pick(['x', 5, [], {}, { sha256Hash: 5 }, { sha256Hash: 'z'.repeat(64) }, { sha256Hash: 'a'.repeat(64), version: r.pick([0, 2, '1', null]) }, { sha256Hash: r.junk(64) }, { sha256Hash: 'f'.repeat(64) }]) },
      }),
    }),
    () => ({ kind: 'incremental delivery abuse', headers: { ...json, accept: r.pick(['multipart/mixed', 'text/event-stream', 'application/json']) }, body: JSON.stringify({ query: r.pick([`mutation { recipeStop(input: { id: "1" }) { ... @defer { recipe { id } } } }`, `{ me { ... @defer(label: 5) { name } } }`, `{ me @stream { name } }`, `{ recipes(first: 2) { nodes @stream(initialCount: -1) { id } } }`, `{ ... @defer { me { name } } }`, `{ recipes(first: 2) { nodes { ${'... @defer { id } '.repeat(40 + r.int(200))} } } }`]) }) }),
    () => ({ kind: 'many operations', headers: json, body: JSON.stringify({ query: Array.from({ length: 50 }, (_, i) => `query Q${i} { me { name } }`).join('\n'), operationName: r.pick(['Q1', 'Nope', '']) }) }),
  ];
  const out: Case[] = [];
  for (let i = 0; i < 2_100; i++) out.push(gens[i % gens.length]!());
  return out;
}

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let stack: Stack;
beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  stack = await startStack();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await stack.close();
});

describe('fuzz: malformed and hostile requests', () => {
  it('answers 2,100 of them with a 4xx or coded GraphQL errors, never a 5xx or a crash', async () => {
    const all = cases();
    const problems: string[] = [];
    const seen = new Map<string, Set<string>>();
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const i = next++;
        const c = all[i]!;
        let status = 0;
        let text = '';
        try {
          const response = await fetch(stack.gateway.url + (c.path ?? ''), {
            method: c.method ?? 'POST',
            headers: { authorization: `Bearer ${stack.sim.token}`, ...c.headers },
            body: c.method === 'GET' ? undefined : c.body,
          });
          status = response.status;
          text = await response.text();
        } catch (error) {
          problems.push(`#${i} ${c.kind}: no answer (${(error as Error).message})`);
          continue;
        }
        let errors: Array<{ extensions?: { code?: string } }> | undefined;
        try {
          errors = (JSON.parse(text) as { errors?: typeof errors }).errors;
        } catch {
          // A multipart or event-stream answer (@defer, @stream): the errors of all its JSON parts. A 4xx need not be JSON.
          const parts = jsonParts<{ errors?: typeof errors }>(text);
          errors = parts.length ? parts.flatMap((part) => part.errors ?? []) : undefined;
        }
        const codes = (errors ?? []).map((e) => e.extensions?.code ?? 'NO CODE');
        (seen.get(c.kind) ?? seen.set(c.kind, new Set()).get(c.kind)!).add(`${status} ${[...new Set(codes)].join(',')}`);
        if (status >= 500) problems.push(`#${i} ${c.kind}: HTTP ${status} ${text.slice(0, 200)}`);
        else if (status < 400 && !errors?.length && !text.includes('"data"')) problems.push(`#${i} ${c.kind}: ${status} with neither data nor errors`);
        if (codes.includes('NO CODE') || codes.includes('INTERNAL_SERVER_ERROR')) problems.push(`#${i} ${c.kind}: ${status} ${text.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    expect(problems).toEqual([]);
    expect(next).toBeGreaterThanOrEqual(2_000);
    expect(rejections).toEqual([]);
    // Every kind of abuse was answered by our own limits, not by luck: print what each got.
    const summary = Object.fromEntries([...seen].map(([k, v]) => [k, [...v].sort()]));
    expect(summary['alias bomb']?.every((s) => /TOO_MANY_ALIASES|TOO_MANY_TOKENS/.test(s))).toBe(true);
    expect(summary['directive bomb']?.every((s) => /TOO_MANY_DIRECTIVES|TOO_MANY_TOKENS/.test(s))).toBe(true);
    expect(summary['deep nesting']?.every((s) => /QUERY_TOO_DEEP|TOO_MANY_TOKENS/.test(s))).toBe(true);
    expect(summary['huge document']?.every((s) => s.includes('TOO_MANY_TOKENS'))).toBe(true);
    expect(summary['oversized upload']).toEqual(['413 REQUEST_TOO_LARGE']);
    // Still serving normally afterwards.
    expect((await stack.gql(`{ me { name } }`)).me.name).toBeTruthy();
  }, 120_000); // 2,100 requests: minutes on a loaded 2-core machine, seconds on a quiet one
});
