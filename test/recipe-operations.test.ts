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
const POLL = `mutation($id: ID!) { recipePollNow(input: { id: $id }) {
  outcome message recipe { workatoId lastRunAt jobs(first: 1) { totalCount nodes { status isError } } } ${ERRORS}
} }`;
const CONNECT = `mutation($input: RecipeConnectionUpdateInput!) { recipeConnectionUpdate(input: $input) {
  recipe { workatoId config { provider connectionId } connections { workatoId } } ${ERRORS}
} }`;

describe('recipeResetTrigger', () => {
  it('resets with one POST and reads the recipe back', async () => {
    stack.sim.resetCounts();
    const { recipeResetTrigger } = await stack.gql(`mutation { recipeResetTrigger(input: { id: "3307712" }) { recipe { workatoId triggerClosure } ${ERRORS} } }`);
    expect(recipeResetTrigger).toEqual({ recipe: { workatoId: '3307712', triggerClosure: null }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes/:recipe_id/reset_trigger': 1, 'GET /api/recipes/:id': 1 });
  });
});

describe('recipePollNow', () => {
  it('starts a job that the same payload already lists, then reports a job in progress', async () => {
    const before = (await rest(stack.sim, '/recipes/3307712/jobs?per_page=1')).job_count;
    const { recipePollNow } = await stack.gql(POLL, { id: '3307712' });
    expect(recipePollNow).toMatchObject({
      outcome: 'STARTED', message: 'Job started', userErrors: [],
      recipe: { workatoId: '3307712', jobs: { totalCount: before + 1, nodes: [{ status: 'PENDING', isError: false }] } },
    });
    const again = await stack.gql(POLL, { id: '3307712' });
    expect(again.recipePollNow).toMatchObject({ outcome: 'ALREADY_IN_PROGRESS', message: 'Job already in progress', userErrors: [] });
  });

  it('answers an unknown recipe (404 {"success": false, "message": "Not Found"}, §10.10) with NOT_FOUND', async () => {
    const { recipePollNow } = await stack.gql(POLL, { id: '1' });
    expect(recipePollNow).toEqual({
      outcome: null, message: null, recipe: null,
      userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }],
    });
  });

  it('refuses a stopped recipe with RECIPE_STOPPED', async () => {
    const { recipePollNow } = await stack.gql(POLL, { id: '3307698' });
    expect(recipePollNow).toEqual({
      outcome: null, message: null, recipe: null,
      userErrors: [{ __typename: 'InputError', code: 'RECIPE_STOPPED', field: null, message: 'Recipe is not running' }],
    });
  });

  it("returns Workato's back-off and quota 429s as userErrors, and a plain 429 as RATE_LIMITED", async () => {
    const route = 'POST /api/recipes/:recipe_id/poll_now';
    const backOff = 'Recipe is currently in trigger back off mode till 2023-06-23T11:02';
    stack.sim.inject({ route, status: 429, body: { message: backOff }, headers: { 'retry-after': '120' } });
    expect((await stack.gql(POLL, { id: '3307712' })).recipePollNow.userErrors).toEqual([
      { __typename: 'InputError', code: 'TRIGGER_BACK_OFF', field: null, message: backOff },
    ]);
    stack.sim.inject({ route, status: 429, body: { message: 'Not enough transaction credit' } });
    expect((await stack.gql(POLL, { id: '3307712' })).recipePollNow.userErrors[0].code).toBe('QUOTA_EXCEEDED');
    stack.sim.inject({ route, status: 429, headers: { 'retry-after': '7' } });
    const limited = await stack.request(POLL, { id: '3307712' });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
  });
});

describe('recipePollNow with the quota enforced', () => {
  let enforced: Stack;
  beforeAll(async () => {
    enforced = await startStack({ env: { WORKATO_RATE_LIMIT: 'on' } });
  });
  afterAll(() => enforced.close());
  const route = 'POST /api/recipes/:recipe_id/poll_now';
  const READ = `{ recipe(id: "3307712") { name } }`;

  it("leaves the recipes quota open after a back-off 429: it is about one recipe, not the caller's rate", async () => {
    const backOff = 'Recipe is currently in trigger back off mode till 2023-06-23T11:02';
    enforced.sim.inject({ route, status: 429, body: { message: backOff }, headers: { 'retry-after': '1800' } });
    expect((await enforced.gql(POLL, { id: '3307712' })).recipePollNow.userErrors[0].code).toBe('TRIGGER_BACK_OFF');
    enforced.sim.resetCounts();
    const read = await enforced.request(READ);
    expect(read.errors).toBeUndefined();
    expect(enforced.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1 });
  });

  it('still holds the family back after a plain rate-limit 429, until its Retry-After', async () => {
    enforced.sim.inject({ route, status: 429, headers: { 'retry-after': '30' } });
    expect((await enforced.request(POLL, { id: '3307712' })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    enforced.sim.resetCounts();
    const read = await enforced.request(READ);
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(enforced.sim.counts()).toEqual({});
  });
});

describe('recipeConnectionUpdate', () => {
  it("switches a stopped recipe's connector to another connection and reads it back", async () => {
    const { recipeCreate } = await stack.gql(`mutation($code: JSON!) { recipeCreate(input: { code: $code }) { recipe { workatoId } } }`, {
      code: { number: 0, provider: 'salesforce', name: 'updated_custom_object', keyword: 'trigger', block: [] },
    });
    const id = recipeCreate.recipe.workatoId;
    stack.sim.resetCounts();
    const { recipeConnectionUpdate } = await stack.gql(CONNECT, { input: { id, adapterName: 'salesforce', connectionId: '880101' } });
    expect(recipeConnectionUpdate).toEqual({
      recipe: { workatoId: id, config: [{ provider: 'salesforce', connectionId: '880101' }], connections: [{ workatoId: '880101' }] },
      userErrors: [],
    });
    expect(stack.sim.counts()).toMatchObject({ 'PUT /api/recipes/:recipe_id/connect': 1, 'GET /api/recipes/:id': 1 });
  });

  it('refuses a running recipe with RECIPE_RUNNING and a connection of another connector on its field', async () => {
    const running = await stack.gql(CONNECT, { input: { id: '3307712', adapterName: 'slack', connectionId: '880103' } });
    expect(running.recipeConnectionUpdate).toEqual({
      recipe: null,
      userErrors: [{ __typename: 'InputError', code: 'RECIPE_RUNNING', field: null, message: expect.stringMatching(/stopped/) }],
    });
    const wrong = await stack.gql(CONNECT, { input: { id: '3307650', adapterName: 'slack', connectionId: '880101' } });
    expect(wrong.recipeConnectionUpdate.userErrors).toEqual([
      { __typename: 'InputError', code: 'INVALID', field: ['input', 'connectionId'], message: 'connection_id is not a slack connection' },
    ]);
    const unused = await stack.gql(CONNECT, { input: { id: '3307650', adapterName: 'salesforce', connectionId: '880101' } });
    expect(unused.recipeConnectionUpdate.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'adapterName'] });
  });
});
