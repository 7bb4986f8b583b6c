import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../src/resolvers/relay.js';
import { payloadWrites } from '../src/server/mutation-writes.js';
import { buildSchema } from '../src/server/schema.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { exported, manifest } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';
import { timersArmedDuring } from './support/timers.js';

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
const LIST = `{ recipes(first: 100) { nodes { id name } } }`;
const CODE = { number: 0, provider: 'clock', name: 'timer', keyword: 'trigger', input: {}, block: [] };
const CLIENTS = `{ apiPlatformClients { nodes { id name } } }`;

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

  it('answers from the cache without arming a timer (lru-cache with a TTL did, each lookup)', async () => {
    await stack.gql(RECIPE);
    stack.sim.resetCounts();
    const armedBy = await timersArmedDuring(() => stack.gql(RECIPE));
    expect(upstream()).toBe(0);
    expect(armedBy.filter((stack) => stack.includes('lru-cache'))).toEqual([]);
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

  it('a delete evicts the deleted object from every cached result, whatever the mutation selected', async () => {
    const RECIPE_3307551 = `{ recipe(id: "3307551") { id name } }`;
    const { recipe } = await stack.gql(RECIPE_3307551);
    expect((await stack.request(RECIPE_3307551)).extensions?.responseCache).toMatchObject({ hit: true });
    expect((await stack.gql(LIST)).recipes.nodes.map((r: { id: string }) => r.id)).toContain(recipe.id);
    // `deletedRecipeId` is a scalar, and not even selected here: the cache cannot see it as an entity.
    const deleted = await stack.gql(`mutation { recipeDelete(input: { id: "3307551" }) { userErrors { code } } }`);
    expect(deleted.recipeDelete.userErrors).toEqual([]);
    const after = await stack.request(RECIPE_3307551);
    expect(after.extensions?.responseCache?.hit).not.toBe(true);
    expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stack.gql(LIST)).recipes.nodes.map((r: { id: string }) => r.id)).not.toContain(recipe.id);
  });

  it('every delete payload names an object type the cache indexes by its global id', () => {
    const schema = buildSchema();
    const deleteFields = Object.values(schema.getTypeMap()).flatMap((type) =>
      'getFields' in type && type.name.endsWith('Payload') ? Object.keys(type.getFields()).filter((f) => f.startsWith('deleted')).map((f) => `${type.name}.${f}`) : [],
    );
    const specs = [...payloadWrites(schema).values()].flatMap((spec) => spec.deleted);
    expect(deleteFields.length).toBeGreaterThanOrEqual(20);
    const mutationType = schema.getMutationType()!;
    const covered = [...payloadWrites(schema)].flatMap(([name, spec]) => {
      const payload = (mutationType.getFields()[name]!.type as { ofType: { name: string } }).ofType.name;
      return spec.deleted.map((d) => `${payload}.${d.field}`);
    });
    expect(new Set(covered)).toEqual(new Set(deleteFields));
    for (const { typename } of specs) expect(NODE_TYPES).toContain(typename);
  });

  it('a refused mutation evicts nothing: not even a caller with no token can flush another caller\'s entries', async () => {
    await stack.request(CLIENTS, {}, { token: OTHER });
    stack.sim.resetCounts();
    expect((await stack.request(CLIENTS, {}, { token: OTHER })).extensions?.responseCache).toMatchObject({ hit: true });
    const refused = await stack.request(
      `mutation { apiPlatformClientCreate(input: { name: "x", apiCollectionIds: [], authType: TOKEN }) { apiPlatformClient { id } userErrors { code } } }`,
      {},
      { token: null },
    );
    expect(refused.data?.apiPlatformClientCreate.apiPlatformClient).toBeNull();
    expect(refused.extensions?.responseCache?.invalidatedEntities ?? []).toEqual([]);
    expect((await stack.request(CLIENTS, {}, { token: OTHER })).extensions?.responseCache).toMatchObject({ hit: true });
    expect(upstream()).toBe(0);
  });

  it("a create evicts the caller's cached lists of its type, and no other caller's", async () => {
    await stack.gql(LIST);
    await stack.request(LIST, {}, { token: OTHER });
    const { recipeCreate } = await stack.gql(`mutation($code: JSON!) { recipeCreate(input: { name: "cache probe", code: $code }) { recipe { id } } }`, { code: CODE });
    const mine = await stack.request(LIST);
    expect(mine.extensions?.responseCache?.hit).not.toBe(true);
    expect(mine.data?.recipes.nodes.map((r: { id: string }) => r.id)).toContain(recipeCreate.recipe.id);
    // Another token's cached list names none of the ids the create touched: it stays.
    expect((await stack.request(LIST, {}, { token: OTHER })).extensions?.responseCache).toMatchObject({ hit: true });
  });
});
