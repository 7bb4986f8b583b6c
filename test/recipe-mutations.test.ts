import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const START = `mutation($id: ID!) { recipeStart(input: { id: $id }) {
  recipe { workatoId running stopCause }
  userErrors { __typename message code field ... on RecipeStepError { step label } }
} }`;
const STOP = `mutation($id: ID!) { recipeStop(input: { id: $id }) {
  recipe { workatoId running stoppedAt }
  userErrors { __typename message code field }
} }`;

describe('recipeStart / recipeStop', () => {
  it('returns the refusal of a recipe with a broken connection as typed userErrors, and recipe null', async () => {
    const { recipeStart } = await stack.gql(START, { id: '3307650' });
    expect(recipeStart).toEqual({
      recipe: null,
      userErrors: [{ __typename: 'RecipeStepError', message: 'unconnected', code: 'RECIPE_UNCONNECTED', field: null, step: 0, label: 'account_id' }],
    });
    expect((await rest(stack.sim, '/recipes/3307650')).running).toBe(false);
  });

  it('stops and starts a recipe, reading the new state back through the API', async () => {
    stack.sim.resetCounts();
    const stopped = await stack.gql(STOP, { id: '3307712' });
    expect(stopped.recipeStop).toMatchObject({ recipe: { workatoId: '3307712', running: false }, userErrors: [] });
    expect(stopped.recipeStop.recipe.stoppedAt).toBeTruthy();
    expect(stack.sim.counts()).toEqual({ 'PUT /api/recipes/:id/stop': 1, 'GET /api/recipes/:id': 1 });

    const started = await stack.gql(START, { id: '3307712' });
    expect(started.recipeStart).toMatchObject({ recipe: { running: true }, userErrors: [] });
    expect((await rest(stack.sim, '/recipes/3307712')).running).toBe(true);
  });

  it('answers a toggle asking only id and running with the one call the write needs, and the state holds', async () => {
    stack.sim.resetCounts();
    const stopped = await stack.gql(`mutation { recipeStop(input: { id: "3307712" }) { recipe { __typename id workatoId running } userErrors { code } } }`);
    expect(stopped.recipeStop).toEqual({ recipe: { __typename: 'Recipe', id: expect.any(String), workatoId: '3307712', running: false }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/recipes/:id/stop': 1 });
    // The same id a read gives, so a normalized client cache updates the recipe it already holds.
    const read = await stack.gql(`{ recipe(id: "3307712") { id running } }`);
    expect(read.recipe).toEqual({ id: stopped.recipeStop.recipe.id, running: false });

    stack.sim.resetCounts();
    const started = await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
    expect(started.recipeStart.userErrors).toEqual([]);
    expect(stack.sim.counts()).toEqual({ 'PUT /api/recipes/:id/start': 1 });
    expect((await rest(stack.sim, '/recipes/3307712')).running).toBe(true);
  });

  it('reads the recipe back when a fragment asks for more than the write settles', async () => {
    stack.sim.resetCounts();
    const { recipeStop } = await stack.gql(`mutation { recipeStop(input: { id: "3307712" }) { recipe { id ...Names } userErrors { code } } }
      fragment Names on Recipe { name running }`);
    expect(recipeStop.recipe).toMatchObject({ name: expect.any(String), running: false });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/recipes/:id/stop': 1, 'GET /api/recipes/:id': 1 });
    await stack.gql(`mutation { recipeStart(input: { id: "3307712" }) { userErrors { code } } }`);
  });

  it('never shows stale data later in the same request', async () => {
    const data = await stack.gql(`mutation {
      before: recipeStop(input: { id: "3307712" }) { recipe { running } }
      after: recipeStart(input: { id: "3307712" }) { recipe { running } }
    }`);
    expect(data).toEqual({ before: { recipe: { running: false } }, after: { recipe: { running: true } } });
    const read = await stack.gql(`mutation {
      stop: recipeStop(input: { id: "3307712" }) { recipe { running } }
      check: recipeUpdate(input: { id: "3307712", description: "checked" }) { recipe { running description } }
      start: recipeStart(input: { id: "3307712" }) { recipe { running } }
    }`);
    expect(read).toEqual({ stop: { recipe: { running: false } }, check: { recipe: { running: false, description: 'checked' } }, start: { recipe: { running: true } } });
  });

  it('explains an invalid transition with a stable code', async () => {
    const { recipeStart } = await stack.gql(START, { id: '3307712' });
    expect(recipeStart.recipe).toBeNull();
    expect(recipeStart.userErrors[0]).toMatchObject({ code: 'RECIPE_RUNNING', message: expect.stringMatching(/invalid state running/) });
    const { recipeStop } = await stack.gql(STOP, { id: '3307698' });
    expect(recipeStop.userErrors[0]).toMatchObject({ code: 'RECIPE_STOPPED' });
  });

  it('answers an unknown recipe with a NOT_FOUND userError and a malformed id with BAD_USER_INPUT', async () => {
    const { recipeStop } = await stack.gql(STOP, { id: '999999999' });
    expect(recipeStop).toEqual({ recipe: null, userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }] });
    const bad = await stack.request(STOP, { id: 'nope' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
