import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterEach(() => stack.sim.clearFaults());
afterAll(() => stack.close());

const ERRORS = `userErrors { __typename message code field }`;
const CREATE = `mutation($input: RecipeCreateInput!) { recipeCreate(input: $input) {
  recipe { id workatoId name description running versionNo copyCount code config { keyword name provider skipValidation connectionId } }
  ${ERRORS}
} }`;
const UPDATE = `mutation($input: RecipeUpdateInput!) { recipeUpdate(input: $input) {
  recipe { workatoId name description versionNo folder { workatoId } applications } ${ERRORS}
} }`;
const COPY = `mutation($input: RecipeCopyInput!) { recipeCopy(input: $input) {
  recipe { workatoId name running versionNo folderId: folder { workatoId } } ${ERRORS}
} }`;
const COPY_LEAN = `mutation($input: RecipeCopyInput!) { recipeCopy(input: $input) { recipe { workatoId name running versionNo } ${ERRORS} } }`;
const DELETE = `mutation($id: ID!) { recipeDelete(input: { id: $id }) { deletedRecipeId ${ERRORS} } }`;

const CODE = {
  number: 0, provider: 'clock', name: 'scheduled_event', as: 'timer', keyword: 'trigger', input: { time_unit: 'minutes' },
  block: [{ number: 1, provider: 'slack', name: 'post_message', as: 'post', keyword: 'action', input: { channel: '#ops' } }],
};

async function createRecipe(name = 'Temp'): Promise<string> {
  const { recipeCreate } = await stack.gql(CREATE, { input: { name, code: CODE } });
  return recipeCreate.recipe.workatoId;
}

describe('recipeCreate', () => {
  it('creates a stopped recipe with one POST and one GET, and reads it back with its step tree', async () => {
    stack.sim.resetCounts();
    const { recipeCreate } = await stack.gql(CREATE, {
      input: { name: 'Ops heartbeat', code: CODE, folderId: '1201103', description: 'Posts every 5 minutes', config: [{ provider: 'clock' }, { provider: 'slack', connectionId: 880103 }] },
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes': 1, 'GET /api/recipes/:id': 1 });
    expect(recipeCreate.userErrors).toEqual([]);
    expect(recipeCreate.recipe).toMatchObject({
      name: 'Ops heartbeat', description: 'Posts every 5 minutes', running: false, versionNo: 1, copyCount: 0, code: CODE,
      config: [
        { keyword: 'application', name: 'clock', provider: 'clock', skipValidation: false, connectionId: null },
        { keyword: 'application', name: 'slack', provider: 'slack', skipValidation: false, connectionId: '880103' },
      ],
    });
    // The folder id travelled as a string: the simulator refuses numbers with 400 "Must be a String" (§29.4).
    expect((await rest(stack.sim, `/recipes/${recipeCreate.recipe.workatoId}`)).folder_id).toBe(1201103);
    const { recipes } = await stack.gql(`{ recipes(first: 1) { nodes { workatoId } } }`);
    expect(recipes.nodes[0].workatoId).toBe(recipeCreate.recipe.workatoId);
  });

  it('takes the step tree as JSON text too, and derives the config from it when none is given', async () => {
    const { recipeCreate } = await stack.gql(`mutation($code: JSON!) { recipeCreate(input: { code: $code }) {
      recipe { name code folder { workatoId } config { provider connectionId } versions { nodes { versionNo } } } ${ERRORS}
    } }`, { code: JSON.stringify(CODE) });
    expect(recipeCreate.recipe).toEqual({
      name: expect.any(String), code: CODE, folder: { workatoId: '1201000' },
      config: [{ provider: 'clock', connectionId: null }, { provider: 'slack', connectionId: null }],
      versions: { nodes: [{ versionNo: 1 }] },
    });
  });

  it('refuses a malformed step tree or config locally, without calling Workato', async () => {
    stack.sim.resetCounts();
    const bad = [
      [{ code: [1, 2] }, ['input', 'code']],
      [{ code: 'not json' }, ['input', 'code']],
      [{ code: CODE, config: { provider: 'slack' } }, ['input', 'config']],
      [{ code: CODE, config: [{ account_id: 1 }] }, ['input', 'config', '0']],
      [{ code: CODE, name: 'n'.repeat(256) }, ['input', 'name']],
    ] as const;
    for (const [input, field] of bad) {
      const { recipeCreate } = await stack.gql(CREATE, { input });
      expect(recipeCreate.recipe).toBeNull();
      expect(recipeCreate.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', field, message: expect.any(String) }]);
    }
    expect(stack.sim.total()).toBe(0);
  });

  it("returns Workato's validation answer as a userError on the input field", async () => {
    const { recipeCreate } = await stack.gql(CREATE, { input: { code: CODE, folderId: '999' } });
    expect(recipeCreate).toEqual({ recipe: null, userErrors: [{ __typename: 'InputError', code: 'INVALID', field: ['input', 'folderId'], message: 'folder_id is invalid' }] });
  });
});

describe('recipeUpdate', () => {
  it('refuses a running recipe with RECIPE_RUNNING (Workato answers HTTP 200) and changes nothing', async () => {
    const { recipeUpdate } = await stack.gql(UPDATE, { input: { id: '3307712', name: 'Renamed' } });
    expect(recipeUpdate).toEqual({ recipe: null, userErrors: [{ __typename: 'InputError', code: 'RECIPE_RUNNING', field: null, message: "can't modify running recipe" }] });
    expect((await rest(stack.sim, '/recipes/3307712')).name).toBe('Salesforce won opportunity -> NetSuite sales order');
  });

  it('changes only the fields given, saves a version, and later fields of the request see each change', async () => {
    const id = await createRecipe('Before');
    const data = await stack.gql(`mutation($id: ID!) {
      a: recipeUpdate(input: { id: $id, description: "first" }) { recipe { name description versionNo } }
      b: recipeUpdate(input: { id: $id, name: "After", folderId: "1201210" }) { recipe { name description versionNo folder { workatoId } } }
    }`, { id });
    expect(data).toEqual({
      a: { recipe: { name: 'Before', description: 'first', versionNo: 2 } },
      b: { recipe: { name: 'After', description: 'first', versionNo: 3, folder: { workatoId: '1201210' } } },
    });
  });

  it('refuses an update with nothing to change, without calling Workato', async () => {
    stack.sim.resetCounts();
    const { recipeUpdate } = await stack.gql(UPDATE, { input: { id: '3307698', name: null } });
    expect(recipeUpdate.userErrors).toEqual([{ __typename: 'InputError', code: 'INVALID', field: ['input'], message: expect.any(String) }]);
    expect(stack.sim.total()).toBe(0);
  });
});

describe('recipeCopy', () => {
  it('copies into a folder with one POST (201) and one GET; the copy is stopped and the original counts it', async () => {
    const before = (await rest(stack.sim, '/recipes/3307712')).copy_count;
    stack.sim.resetCounts();
    const { recipeCopy } = await stack.gql(COPY_LEAN, { input: { id: '3307712', folderId: '1201103' } });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes/:id/copy': 1, 'GET /api/recipes/:id': 1 });
    expect(recipeCopy).toMatchObject({ recipe: { name: 'Salesforce won opportunity -> NetSuite sales order', running: false, versionNo: 1 }, userErrors: [] });
    expect(recipeCopy.recipe.workatoId).not.toBe('3307712');
    expect((await rest(stack.sim, `/recipes/${recipeCopy.recipe.workatoId}`)).folder_id).toBe(1201103);
    expect((await rest(stack.sim, '/recipes/3307712')).copy_count).toBe(before + 1);
  });

  it("puts the copy in the original's folder when no folder is given", async () => {
    const { recipeCopy } = await stack.gql(COPY, { input: { id: '3307698' } });
    expect(recipeCopy.recipe.folderId).toEqual({ workatoId: '1201211' });
  });

  it('answers an unknown recipe with a NOT_FOUND userError', async () => {
    const { recipeCopy } = await stack.gql(COPY, { input: { id: '12' } });
    expect(recipeCopy).toEqual({ recipe: null, userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }] });
  });
});

describe('recipeDelete', () => {
  it('refuses a running recipe with RECIPE_RUNNING, never success', async () => {
    const { recipeDelete } = await stack.gql(DELETE, { id: '3307601' });
    expect(recipeDelete).toEqual({
      deletedRecipeId: null,
      userErrors: [{ __typename: 'InputError', code: 'RECIPE_RUNNING', field: null, message: "Can't change the recipe state: invalid state running" }],
    });
    expect((await rest(stack.sim, '/recipes/3307601')).id).toBe(3307601);
  });

  it('deletes a stopped recipe and returns its global id; it is then NOT_FOUND', async () => {
    const id = await createRecipe();
    const { recipeDelete } = await stack.gql(DELETE, { id });
    expect(recipeDelete).toEqual({ deletedRecipeId: expect.any(String), userErrors: [] });
    const after = await stack.request(`query($id: ID!, $gid: ID!) { recipe(id: $id) { id } node(id: $gid) { id } }`, {
      id, gid: recipeDelete.deletedRecipeId,
    });
    expect(after.data).toEqual({ recipe: null, node: null });
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const twice = await stack.gql(DELETE, { id: recipeDelete.deletedRecipeId });
    expect(twice.recipeDelete.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
  });

  it('accepts a 204 answer to the delete ([wk] tolerates one)', async () => {
    const id = await createRecipe();
    stack.sim.inject({ route: 'DELETE /api/recipes/:id', status: 204 });
    const { recipeDelete } = await stack.gql(DELETE, { id });
    expect(recipeDelete).toEqual({ deletedRecipeId: expect.any(String), userErrors: [] });
  });
});
