import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { exported, manifest } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';

const OTHER = 'd'.repeat(64);
const RECIPE = `{ recipe(id: "3307712") { name running } }`;
const STOP = `mutation { recipeStop(input: { id: "3307712" }) { recipe { running } userErrors { message } } }`;
const START = `mutation { recipeStart(input: { id: "3307712" }) { recipe { running } userErrors { message } } }`;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_TTL_MS: '60000' },
    simulator: { workspaces: { [DEMO_TOKEN]: {}, [OTHER]: { recipes: 5 } } },
  });
});
afterAll(() => stack.close());

const upstream = () => stack.sim.total();

describe('in-memory response cache', () => {
  it('answers a repeated query from the cache, per token', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(RECIPE);
    const calls = upstream();
    expect(calls).toBeGreaterThan(0);
    expect(await stack.gql(RECIPE)).toEqual(first);
    expect(upstream()).toBe(calls);
    // Another token asks the same text: its own scope, its own upstream calls.
    await stack.request(RECIPE, {}, { token: OTHER });
    expect(upstream()).toBeGreaterThan(calls);
  });

  it("never stores a package's download link, which follows the asking request's Host", async () => {
    const done = await exported(stack, await manifest(stack, { name: 'Cache test release', folderId: '1201101', autoGenerateAssets: true }));
    const query = `{ package(id: "${done.workatoId}") { downloadUrl } }`;
    const forged = await request(stack.gateway.url, {
      method: 'POST',
      headers: { host: 'attacker.example', 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ query }),
    });
    expect(((await forged.body.json()) as any).data.package.downloadUrl).toMatch(/^http:\/\/attacker\.example\//);
    const honest = await stack.gql(query);
    expect(honest.package.downloadUrl).toBe(new URL(`/packages/${done.workatoId}/download`, stack.gateway.url).toString());
  });

  it('is invalidated by a mutation that touches the same entity', async () => {
    expect((await stack.gql(RECIPE)).recipe.running).toBe(true);
    expect((await stack.gql(STOP)).recipeStop.recipe.running).toBe(false);
    stack.sim.resetCounts();
    expect((await stack.gql(RECIPE)).recipe.running).toBe(false);
    expect(upstream()).toBeGreaterThan(0);
    await stack.gql(START);
    expect((await stack.gql(RECIPE)).recipe.running).toBe(true);
  });

  it('never caches an answer with errors', async () => {
    const query = `{ me { name } }`;
    stack.sim.inject({ route: 'GET /api/users/me', status: 500 });
    expect((await stack.request(query)).errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect((await stack.gql(query)).me.name).toBeTruthy();
  });

  it('expires entries after the TTL', async () => {
    const short = await startStack({ env: { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_TTL_MS: '200' } });
    try {
      await short.gql(RECIPE);
      short.sim.resetCounts();
      await short.gql(RECIPE);
      expect(short.sim.total()).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      await short.gql(RECIPE);
      expect(short.sim.total()).toBeGreaterThan(0);
    } finally {
      await short.close();
    }
  });
});
