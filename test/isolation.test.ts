import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { familyOf } from '../src/workato/families.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';
import type { IsolationShape } from './isolation/types.js';

const BOB = 'b0b'.padEnd(64, '0');
let stack: Stack;
/** test/isolation/<family>.ts: the later families' reads, each checked against its own truth per token. */
let familyShapes: IsolationShape[] = [];
beforeAll(async () => {
  const folder = new URL('./isolation/', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'types.ts').sort();
  familyShapes = (await Promise.all(files.map(async (f) => ((await import(new URL(f, folder).href)) as { default: IsolationShape[] }).default))).flat();
  // The response cache and the reference cache are on: they must be scoped per token as strictly as the per-request
  // loaders are. A reference TTL of 300 ms makes entries go stale and refresh in the background during the run.
  stack = await startStack({ env: { RESPONSE_CACHE: 'memory', REFERENCE_CACHE: 'on', REFERENCE_CACHE_TTL_MS: '300' }, simulator: { workspaces: { [DEMO_TOKEN]: {}, [BOB]: { recipes: 30 } } } });
});
afterAll(() => stack.close());

interface Truth {
  name: string;
  recipeIds: Set<string>;
  /** Folders (every level) and connections: what the reference cache holds. */
  folderIds: Set<string>;
  connectionIds: Set<string>;
}

async function truthOf(token: string): Promise<Truth> {
  const me = await rest(stack.sim, '/users/me', token);
  const recipes = await rest(stack.sim, '/recipes?per_page=100', token);
  const connections = await rest(stack.sim, '/connections', token);
  const folderIds = new Set<string>([String(me.root_folder_id)]);
  for (let level = await rest(stack.sim, '/folders?per_page=100', token); level.length; ) {
    for (const f of level) folderIds.add(String(f.id));
    level = (await Promise.all(level.map((f: { id: number }) => rest(stack.sim, `/folders?per_page=100&parent_id=${f.id}`, token)))).flat();
  }
  return {
    name: me.name,
    recipeIds: new Set(recipes.items.map((r: { id: number }) => String(r.id))),
    folderIds,
    connectionIds: new Set(connections.map((c: { id: number }) => String(c.id))),
  };
}

describe('two users, interleaved and concurrent', () => {
  it('never see each other\'s data: 300 queries each, with loaders, the response cache and the reference cache in play', async () => {
    const truth = { [DEMO_TOKEN]: await truthOf(DEMO_TOKEN), [BOB]: await truthOf(BOB) };
    expect(truth[DEMO_TOKEN].name).not.toBe(truth[BOB].name);
    const own = (token: string) => [...truth[token].recipeIds];
    const other = (token: string) => (token === BOB ? DEMO_TOKEN : BOB);

    let referenceReads = 0;
    const shapes = [
      () => `{ me { name } recipes(first: 5) { nodes { workatoId name } } }`,
      (t: string) => `{ me { name } recipe(id: "${own(t)[3]}") { workatoId name } }`,
      (t: string) => `{ me { name } mine: recipe(id: "${own(t)[1]}") { workatoId } theirs: recipe(id: "${own(other(t)).find((id) => !truth[t].recipeIds.has(id))}") { workatoId name } }`,
      () => `{ me { name } connections { nodes { name } } recipes(first: 2, running: true) { nodes { workatoId } } }`,
      // Reference data: each recipe's folder and connections, and the Home level, checked against the token's own.
      // A page size that changes defeats the response cache, so each of these reads the reference cache.
      () => `{ me { name } recipes(first: ${1 + (referenceReads++ % 10)}) { nodes { workatoId folder { fid: workatoId } connections { cid: workatoId } } } folders { nodes { fid: workatoId } } }`,
    ];
    // The later families' shapes take turns after the core ones; each answer's keys must be the token's own.
    const familyTruth = await Promise.all(
      familyShapes.map(async (f) => ({ [DEMO_TOKEN]: await f.truth(DEMO_TOKEN, stack.sim), [BOB]: await f.truth(BOB, stack.sim) })),
    );
    const kinds = shapes.length + familyShapes.length;
    const jobs: Array<{ token: string; shape: number }> = [];
    for (let i = 0; i < 300; i++) for (const token of [DEMO_TOKEN, BOB]) jobs.push({ token, shape: (i * 7 + (token === BOB ? 1 : 0)) % kinds });

    const failures: string[] = [];
    let next = 0;
    stack.sim.resetCounts(); // the truths above were read straight from the simulator: only the gateway's calls from here
    const worker = async () => {
      while (next < jobs.length) {
        const { token, shape } = jobs[next++]!;
        const family = familyShapes[shape - shapes.length];
        if (family) {
          const r = await stack.request(`{ me { name } ${family.query} }`, {}, { token });
          if (r.data?.me?.name !== truth[token].name) failures.push(`${token.slice(0, 4)} saw me=${r.data?.me?.name}`);
          const keys = r.errors ? [] : family.keys(r.data);
          if (keys.length === 0) failures.push(`${token.slice(0, 4)} read nothing with ${family.query}: ${JSON.stringify(r.errors ?? r.data)}`);
          const own = familyTruth[shape - shapes.length]![token]!;
          for (const key of keys) if (!own.has(key)) failures.push(`${token.slice(0, 4)} saw ${key} in ${family.query}`);
          continue;
        }
        const r = await stack.request(shapes[shape]!(token), {}, { token });
        const t = truth[token];
        if (r.data?.me?.name !== t.name) failures.push(`${token.slice(0, 4)} saw me=${r.data?.me?.name}`);
        const ids = JSON.stringify(r.data).match(/"workatoId":"(\d+)"/g) ?? [];
        for (const m of ids) {
          const id = m.replace(/\D/g, '');
          if (!t.recipeIds.has(id)) failures.push(`${token.slice(0, 4)} saw recipe ${id}`);
        }
        for (const [field, own] of [['fid', t.folderIds], ['cid', t.connectionIds]] as const) {
          for (const m of JSON.stringify(r.data).match(new RegExp(`"${field}":"(\\d+)"`, 'g')) ?? []) {
            if (!own.has(m.replace(/\D/g, ''))) failures.push(`${token.slice(0, 4)} saw ${field} ${m}`);
          }
        }
        if (shape === 4 && !/"fid"/.test(JSON.stringify(r.data))) failures.push(`${token.slice(0, 4)} read no folder: ${JSON.stringify(r.errors ?? r.data)}`);
        if (shape === 2 && (r.data?.theirs !== null || r.errors?.[0]?.extensions?.code !== 'NOT_FOUND')) {
          failures.push(`${token.slice(0, 4)} read the other user's recipe`);
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    expect(failures).toEqual([]);
    expect(next).toBe(600);

    // Each token's quota figures count its own calls only: per family, what the simulator saw from that token
    // (capped at the family's limit, where the window is full).
    await new Promise((resolve) => setTimeout(resolve, 50)); // the simulator logs a request once its answer is out
    const log = stack.sim.log();
    for (const token of [DEMO_TOKEN, BOB]) {
      const sent = new Map<string, number>();
      for (const e of log) {
        if (e.token !== token || !e.path.startsWith('/api/')) continue;
        const family = familyOf(e.method, e.path.slice('/api'.length).split('?')[0]!).name;
        sent.set(family, (sent.get(family) ?? 0) + 1);
      }
      const { workatoQuota } = await stack.gql(`{ workatoQuota { families { family limit used } } }`, {}, { token });
      const used = Object.fromEntries(
        (workatoQuota.families as Array<{ family: string; limit: number; used: number }>).filter((f) => f.used > 0).map((f) => [f.family, f.used]),
      );
      const limits = new Map((workatoQuota.families as Array<{ family: string; limit: number }>).map((f) => [f.family, f.limit]));
      expect(used).toEqual(Object.fromEntries([...sent].map(([family, n]) => [family, Math.min(n, limits.get(family) ?? n)])));
    }
  });
});

describe('two tokens of one workspace, one of them folder-scoped (§2.1)', () => {
  it('never hands the scoped token what only the other can see, with the caches on and the requests interleaved', async () => {
    const post = await fetch(`${stack.sim.url}/developer_api_clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Scoped dashboard', api_privilege_group_id: 26779, all_folders: false, folder_ids: [(await rest(stack.sim, '/recipes', DEMO_TOKEN)).items[0].folder_id] }),
    });
    const scoped = ((await post.json()) as { result: { token: string } }).result.token;
    const seen = async (token: string) => ({
      recipes: new Set<string>((await rest(stack.sim, '/recipes?per_page=100', token)).items.map((r: { id: number }) => String(r.id))),
      folders: new Set<string>((await rest(stack.sim, '/folders?with_nested_folders=true&per_page=100', token)).map((f: { id: number }) => String(f.id))),
      connections: new Set<string>((await rest(stack.sim, '/connections', token)).map((c: { id: number }) => String(c.id))),
    });
    const truth = { [DEMO_TOKEN]: await seen(DEMO_TOKEN), [scoped]: await seen(scoped) };
    expect(truth[scoped].recipes.size).toBeGreaterThan(0);
    expect(truth[scoped].recipes.size).toBeLessThan(truth[DEMO_TOKEN].recipes.size);
    const query = (n: number) => `{ recipes(first: ${n}) { nodes { rid: workatoId folder { fid: workatoId } connections { cid: workatoId } } } connections { nodes { cid: workatoId } } }`;
    const failures: string[] = [];
    const jobs = Array.from({ length: 120 }, (_, i) => ({ token: i % 2 ? scoped : DEMO_TOKEN, n: 1 + (Math.floor(i / 2) % 6) }));
    let next = 0;
    let fullSawMore = false;
    const worker = async () => {
      while (next < jobs.length) {
        const { token, n } = jobs[next++]!;
        const r = await stack.request(query(n), {}, { token });
        if (r.errors) failures.push(`${token === scoped ? 'scoped' : 'full'}: ${r.errors[0]!.message}`);
        const text = JSON.stringify(r.data);
        for (const [field, own] of [['rid', truth[token]!.recipes], ['fid', truth[token]!.folders], ['cid', truth[token]!.connections]] as const) {
          for (const m of text.match(new RegExp(`"${field}":"(\\d+)"`, 'g')) ?? []) {
            const id = m.replace(/\D/g, '');
            if (!own.has(id)) failures.push(`${token === scoped ? 'scoped' : 'full'} saw ${field} ${id}`);
            if (token === DEMO_TOKEN && field === 'rid' && !truth[scoped]!.recipes.has(id)) fullSawMore = true;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    expect(failures).toEqual([]);
    expect(fullSawMore).toBe(true);
  });
});
