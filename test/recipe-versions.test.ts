import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const PAGE = `query($after: String) { recipe(id: "3307712") { versions(first: 5, after: $after) {
  pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor node { id workatoId versionNo comment authorName authorEmail createdAt updatedAt } }
} } }`;
const COMMENT = `mutation($input: RecipeVersionCommentUpdateInput!) { recipeVersionCommentUpdate(input: $input) {
  recipeVersion { workatoId versionNo comment recipe { workatoId versionComment } }
  userErrors { __typename message code field }
} }`;

describe('Recipe.versions', () => {
  it('walks every version newest first, one REST call per page, with no gap or duplicate', async () => {
    stack.sim.resetCounts();
    const seen: number[] = [];
    const pages: boolean[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { recipe: { versions: { edges: any[]; pageInfo: any } } } = await stack.gql(PAGE, { after });
      const { edges, pageInfo } = data.recipe.versions;
      seen.push(...edges.map((e: any) => e.node.versionNo));
      pages.push(pageInfo.hasPreviousPage);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pages).toEqual([false, true, true]);
    // Per page: one versions page with a look-ahead item (nothing of the recipe itself is selected, so it is not read).
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:recipe_id/versions': 3 });
  });

  it('returns the recorded fields of a version (fixtures/recipe-versions-list.json)', async () => {
    const { recipe } = await stack.gql(PAGE, { after: null });
    expect(recipe.versions.edges[0].node).toMatchObject({
      workatoId: '99120', versionNo: 14, comment: 'Map payment terms', authorName: 'Priya Raman',
      authorEmail: 'priya.raman@northwind.example', createdAt: '2025-06-11T16:02:41.880-07:00', updatedAt: '2025-06-11T16:05:12.004-07:00',
    });
    expect(recipe.versions.edges[1].node.comment).toBeNull();
  });
});

describe('Recipe.version and node(id)', () => {
  it('finds one version by workatoId or global id, and the global id works with node()', async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { version(id: "98850") { id versionNo recipe { workatoId } } } }`);
    expect(recipe.version).toMatchObject({ versionNo: 12, recipe: { workatoId: '3307712' } });
    const id = recipe.version.id;
    const again = await stack.gql(`query($id: ID!) {
      recipe(id: "3307712") { version(id: $id) { versionNo } }
      node(id: $id) { __typename id ... on RecipeVersion { comment workatoId } }
    }`, { id });
    expect(again).toEqual({
      recipe: { version: { versionNo: 12 } },
      node: { __typename: 'RecipeVersion', id, comment: 'Add Slack notification', workatoId: '98850' },
    });
  });

  it('answers NOT_FOUND for a version of another recipe or an unknown one, and siblings still resolve', async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { version(id: "98850") { id } } }`);
    const r = await stack.request(`query($id: ID!) {
      other: recipe(id: "3307698") { name version(id: $id) { versionNo } }
      unknown: recipe(id: "3307712") { version(id: "1") { versionNo } }
    }`, { id: recipe.version.id });
    expect(r.data).toEqual({ other: { name: 'Nightly NetSuite invoice sync', version: null }, unknown: { version: null } });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const bad = await stack.request(`{ recipe(id: "3307712") { version(id: "nope") { versionNo } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('recipeVersionCommentUpdate', () => {
  it("sets the comment with one PATCH; the recipe's current-version comment is fresh in the same payload", async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { version(id: "99120") { id } } }`);
    stack.sim.resetCounts();
    const { recipeVersionCommentUpdate } = await stack.gql(COMMENT, { input: { id: recipe.version.id, comment: 'Map payment terms (v2)' } });
    expect(recipeVersionCommentUpdate).toEqual({
      recipeVersion: { workatoId: '99120', versionNo: 14, comment: 'Map payment terms (v2)', recipe: { workatoId: '3307712', versionComment: 'Map payment terms (v2)' } },
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'PATCH /api/recipes/:recipe_id/versions/:id': 1, 'GET /api/recipes/:id': 1 });
  });

  it('takes a bare version id with the recipe id, and clears a comment with an empty string', async () => {
    const { recipeVersionCommentUpdate } = await stack.gql(COMMENT, { input: { id: '98850', recipeId: '3307712', comment: '' } });
    expect(recipeVersionCommentUpdate.recipeVersion).toMatchObject({ workatoId: '98850', comment: null });
  });

  it('refuses a comment over 255 characters without calling Workato', async () => {
    stack.sim.resetCounts();
    const { recipeVersionCommentUpdate } = await stack.gql(COMMENT, { input: { id: '98850', recipeId: '3307712', comment: 'x'.repeat(256) } });
    expect(recipeVersionCommentUpdate).toEqual({
      recipeVersion: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', field: ['input', 'comment'], message: expect.stringMatching(/255/) }],
    });
    expect(stack.sim.total()).toBe(0);
  });

  it('answers an unknown version with NOT_FOUND, and a bare id without its recipe with BAD_USER_INPUT', async () => {
    const missing = await stack.gql(COMMENT, { input: { id: '5', recipeId: '3307712', comment: 'x' } });
    expect(missing.recipeVersionCommentUpdate.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
    const bare = await stack.request(COMMENT, { input: { id: '98850', comment: 'x' } });
    expect(bare.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
