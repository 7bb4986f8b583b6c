import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { expectPollingStopsOnDisconnect, subscribe } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  // Runs and health reports settle on their second read; the subscription polls every 20 ms.
  stack = await startStack({ simulator: { asyncPolls: 2, workspaces: { 'tok-ta': FIXTURE_ONLY } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
});
afterAll(() => stack.close());

const b64 = (s: string) => Buffer.from(s).toString('base64url');
/** Northwind recipes (seeded per workspace): 3307712 has three test cases and no health report; 3307698 no test case. */
const WITH_CASES = 3307712;
const WITHOUT_CASES = 3307698;
const CUSTOMER = 19029;

const casesOf = async (recipeId: number, prefix = ''): Promise<Array<{ id: string; name: string }>> =>
  (await rest(stack.sim, `${prefix}/recipes/${recipeId}/test_cases`)).data;

const RUN = `mutation($input: TestCasesRunInput!) { testCasesRun(input: $input) {
  testRun { id workatoId status startedByUserId results { status testCaseWorkatoId testCaseName recipe { workatoId } job { id status } } }
  userErrors { message code field }
} }`;
const HEALTH_CHECK = `mutation($input: RecipeHealthCheckInput!) { recipeHealthCheck(input: $input) {
  recipe { workatoId } healthReport { status requestedAt completedAt findings { code } } userErrors { message code field }
} }`;

describe('Recipe.testCases', () => {
  it('reads each recipe\'s test cases with one call per recipe, and pages them', async () => {
    const wire = await casesOf(WITH_CASES);
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      a: recipe(id: "${WITH_CASES}") { testCases(first: 2) { pageInfo { hasNextPage endCursor } nodes { id workatoId name description createdAt recipe { workatoId } } } }
      b: recipe(id: "${WITH_CASES}") { testCases { nodes { workatoId } } }
      c: recipe(id: "${WITHOUT_CASES}") { testCases { nodes { workatoId } pageInfo { hasNextPage } } }
    }`);
    expect(data.a.testCases.nodes[0]).toEqual({
      id: b64(`TestCase:${WITH_CASES}:${wire[0]!.id}`), workatoId: wire[0]!.id, name: wire[0]!.name, description: expect.any(String),
      createdAt: expect.any(String), recipe: { workatoId: String(WITH_CASES) },
    });
    expect(data.a.testCases.pageInfo.hasNextPage).toBe(true);
    expect(data.b.testCases.nodes.map((c: any) => c.workatoId)).toEqual(wire.map((c) => c.id));
    expect(data.c.testCases).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
    // Nothing of the recipes themselves is read (test cases need only the id); their test cases cost one call each.
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:recipe_id/test_cases': 2 });
    const next = await stack.gql(`query($after: String) { recipe(id: "${WITH_CASES}") { testCases(first: 2, after: $after) { nodes { workatoId } pageInfo { hasNextPage hasPreviousPage } } } }`, {
      after: data.a.testCases.pageInfo.endCursor,
    });
    expect(next.recipe.testCases).toEqual({ nodes: [{ workatoId: wire[2]!.id }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('finds a test case by node id with the list it already read, at no extra call', async () => {
    const [first] = await casesOf(WITH_CASES);
    const id = b64(`TestCase:${WITH_CASES}:${first!.id}`);
    stack.sim.resetCounts();
    const data = await stack.gql(`{ recipe(id: "${WITH_CASES}") { testCases { nodes { workatoId } } } node(id: "${id}") { __typename ... on TestCase { name } } }`);
    expect(data.node).toEqual({ __typename: 'TestCase', name: first!.name });
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:recipe_id/test_cases': 1 });
    const missing = await stack.request(`{ node(id: "${b64(`TestCase:${WITH_CASES}:citc-Anope000-000000`)}") { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await stack.request(`{ node(id: "${b64(`TestCase:${WITH_CASES}`)}") { id } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nulls only testCases when Workato fails, with UPSTREAM_ERROR', async () => {
    stack.sim.inject({ route: 'GET /api/recipes/:recipe_id/test_cases', status: 500, times: 1 });
    const r = await stack.request(`{ recipe(id: "${WITH_CASES}") { name testCases { nodes { id } } } }`);
    expect(r.data).toEqual({ recipe: { name: expect.any(String), testCases: null } });
    expect(r.errors?.[0]).toMatchObject({ path: ['recipe', 'testCases'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});

describe('testCasesRun, testRun and testRunStatus', () => {
  it('starts a run of all test cases, answers it RUNNING with its test jobs, and reads it back without another call', async () => {
    const wire = await casesOf(WITH_CASES);
    stack.sim.resetCounts();
    const r = await stack.request(`mutation($input: TestCasesRunInput!) { testCasesRun(input: $input) { testRun { id workatoId status } userErrors { code } } }
      `, { input: { recipeId: b64(`Recipe:${WITH_CASES}`) } });
    const { testRun } = r.data!.testCasesRun;
    expect(testRun).toEqual({ id: b64(`TestRun:${testRun.workatoId}`), workatoId: expect.stringMatching(/^cirr-/), status: 'RUNNING' });
    expect(stack.sim.counts()).toEqual({ 'POST /api/test_cases/run_requests': 1 });
    const full = await stack.gql(RUN, { input: { recipeId: String(WITH_CASES) } });
    const results = full.testCasesRun.testRun.results;
    expect(results.map((x: any) => [x.status, x.testCaseWorkatoId, x.testCaseName, x.recipe.workatoId, x.job.status])).toEqual(
      wire.map((c) => ['PENDING', c.id, c.name, String(WITH_CASES), 'PENDING']),
    );
    stack.sim.resetCounts();
    const read = await stack.gql(`query($id: ID!) { a: testRun(id: $id) { status } b: testRun(id: $id) { workatoId } node(id: $id) { ... on TestRun { status } } }`, { id: testRun.id });
    expect(read).toEqual({ a: { status: 'RUNNING' }, b: { workatoId: testRun.workatoId }, node: { status: 'RUNNING' } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/test_cases/run_requests/:id': 1 });
    const entities = await stack.gql(`{ _entities(representations: [{ __typename: "TestRun", workatoId: "${testRun.workatoId}" }]) { ... on TestRun { id } } }`);
    expect(entities._entities).toEqual([{ id: testRun.id }]);
  });

  it('runs chosen test cases, and refuses an empty list or another recipe\'s test case before calling Workato', async () => {
    const [first] = await casesOf(WITH_CASES);
    const one = await stack.gql(RUN, { input: { recipeId: String(WITH_CASES), testCaseIds: [b64(`TestCase:${WITH_CASES}:${first!.id}`)] } });
    expect(one.testCasesRun.testRun.results.map((x: any) => x.testCaseWorkatoId)).toEqual([first!.id]);
    stack.sim.resetCounts();
    const empty = await stack.gql(RUN, { input: { recipeId: String(WITH_CASES), testCaseIds: [] } });
    expect(empty.testCasesRun).toEqual({
      testRun: null, userErrors: [{ code: 'INVALID', field: ['input', 'testCaseIds'], message: 'Give at least one test case, or omit `testCaseIds` to run them all.' }],
    });
    const other = await stack.gql(RUN, { input: { recipeId: String(WITHOUT_CASES), testCaseIds: [b64(`TestCase:${WITH_CASES}:${first!.id}`)] } });
    expect(other.testCasesRun.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'testCaseIds', '0'], message: 'This test case belongs to another recipe than `recipeId`.' }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it("turns Workato's refusals into userErrors: a recipe without test cases, an unknown recipe or test case", async () => {
    const bare = await stack.gql(RUN, { input: { recipeId: String(WITHOUT_CASES) } });
    expect(bare.testCasesRun).toEqual({ testRun: null, userErrors: [{ code: 'INVALID', field: ['input', 'recipeId'], message: 'recipe_id has no test cases' }] });
    const unknown = await stack.gql(RUN, { input: { recipeId: '999999' } });
    expect(unknown.testCasesRun.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'recipeId'], message: expect.any(String) }]);
    const unknownCase = await stack.gql(RUN, { input: { recipeId: String(WITH_CASES), testCaseIds: ['citc-Anope000-000000'] } });
    expect(unknownCase.testCasesRun.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'testCaseIds'], message: 'test_case_ids citc-Anope000-000000 not found' }]);
    const malformed = await stack.request(RUN, { input: { recipeId: b64('Tag:tag-x') } });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown run with NOT_FOUND, and a rate limit as a top-level RATE_LIMITED', async () => {
    const missing = await stack.request(`{ testRun(id: "cirr-Anope000-000000") { status } }`);
    expect(missing.data).toEqual({ testRun: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    stack.sim.inject({ route: 'POST /api/test_cases/run_requests', status: 429, times: 1 });
    const limited = await stack.request(RUN, { input: { recipeId: String(WITH_CASES) } });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('follows a run to its end over SSE: RUNNING, then COMPLETED with each result as Workato finished it', async () => {
    const { testCasesRun } = await stack.gql(RUN, { input: { recipeId: String(WITH_CASES) } });
    const run = testCasesRun.testRun;
    stack.sim.resetCounts();
    const { events, ended } = await subscribe(stack, `subscription($id: ID!) { testRunStatus(id: $id) { workatoId status results { status testCaseWorkatoId job { status } } } }`, { id: run.id });
    expect(ended).toBe(true);
    // Two polls: the second finished the run (asyncPolls 2).
    expect(stack.sim.counts()['GET /api/test_cases/run_requests/:id']).toBe(2);
    const final = (await rest(stack.sim, `/test_cases/run_requests/${run.workatoId}`)).data;
    const sent = events.filter((e) => e.event === 'next').map((e) => e.data.data.testRunStatus);
    expect(sent.map((s) => s.status)).toEqual(['RUNNING', 'COMPLETED']);
    expect(sent[1].results).toEqual(final.results.map((x: any) => ({ status: x.status.toUpperCase(), testCaseWorkatoId: x.test_case.id, job: { status: x.status.toUpperCase() } })));
    expect(events.at(-1)!.event).toBe('complete');
  });

  it('sends an unknown run as a NOT_FOUND error and ends the stream', async () => {
    const { events, ended } = await subscribe(stack, `subscription { testRunStatus(id: "cirr-Anope000-000000") { status } }`, {});
    expect(ended).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['next', 'complete']);
    expect(events[0]!.data.errors).toEqual([expect.objectContaining({ path: ['testRunStatus'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });
});

describe('Recipe.health and recipeHealthCheck', () => {
  it('reads a report with one call per recipe, and null for a recipe never analysed', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      a: recipe(id: "${WITHOUT_CASES}") { health { status jobCount failedJobCount successRate completedAt findings { code severity message step } } }
      b: recipe(id: "${WITHOUT_CASES}") { health { status } }
    }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1, 'GET /api/recipes/:recipe_id/health': 1 });
    const wire = (await rest(stack.sim, `/recipes/${WITHOUT_CASES}/health`)).data;
    expect(data.a.health).toEqual({
      status: 'COMPLETED', jobCount: wire.job_count, failedJobCount: wire.failed_job_count, successRate: wire.success_rate, completedAt: expect.any(String),
      findings: [
        { code: 'no_test_cases', severity: 'MEDIUM', message: 'The recipe has no test cases.', step: null },
        { code: 'recipe_stopped', severity: 'LOW', message: 'The recipe is stopped.', step: null },
      ],
    });
  });

  it('starts an analysis, shows it PENDING in the same request, then COMPLETED once Workato is done', async () => {
    const before = await stack.gql(`{ recipe(id: "3307650") { health { status } } }`);
    expect(before.recipe.health).toBeNull();
    stack.sim.resetCounts();
    const { recipeHealthCheck } = await stack.gql(`mutation { recipeHealthCheck(input: { recipeId: "3307650" }) { healthReport { status completedAt } userErrors { code } } }`);
    expect(recipeHealthCheck).toEqual({ healthReport: { status: 'PENDING', completedAt: null }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes/:recipe_id/health': 1 });
    const full = await stack.gql(HEALTH_CHECK, { input: { recipeId: b64('Recipe:3307650') } });
    expect(full.recipeHealthCheck).toMatchObject({ recipe: { workatoId: '3307650' }, healthReport: { status: 'PENDING', findings: [] }, userErrors: [] });
    await stack.gql(`{ recipe(id: "3307650") { health { status } } }`);
    const after = await stack.gql(`{ recipe(id: "3307650") { health { status completedAt findings { code } } } }`);
    expect(after.recipe.health).toEqual({ status: 'COMPLETED', completedAt: expect.any(String), findings: [{ code: 'recipe_stopped' }] });
  });

  it('answers an unknown recipe with NOT_FOUND in userErrors, and nulls health alone when Workato fails', async () => {
    const unknown = await stack.gql(HEALTH_CHECK, { input: { recipeId: '999999' } });
    expect(unknown.recipeHealthCheck).toEqual({ recipe: null, healthReport: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'recipeId'], message: expect.any(String) }] });
    stack.sim.inject({ route: 'GET /api/recipes/:recipe_id/health', status: 500, times: 1 });
    const failed = await stack.request(`{ recipe(id: "${WITHOUT_CASES}") { name health { status } } }`);
    expect(failed.data).toEqual({ recipe: { name: expect.any(String), health: null } });
    expect(failed.errors?.[0]).toMatchObject({ path: ['recipe', 'health'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});

describe('Embedded customers (test automation under /api/managed_users/:id)', () => {
  it("reads a customer recipe's test cases in its workspace, runs them, and reads the run from the customer", async () => {
    const customerRecipes = (await rest(stack.sim, `/managed_users/${CUSTOMER}/recipes?per_page=100`)).result as Array<{ id: number }>;
    let recipeId = 0;
    let wire: Array<{ id: string }> = [];
    for (const r of customerRecipes) {
      const cases = await casesOf(r.id, `/managed_users/${CUSTOMER}`);
      if (cases.length && !recipeId) [recipeId, wire] = [r.id, cases];
    }
    stack.sim.resetCounts();
    const data = await stack.gql(`{ managedUser(id: "${CUSTOMER}") { recipe(id: "${recipeId}") { testCases { nodes { id workatoId } } } } }`);
    const nodes = data.managedUser.recipe.testCases.nodes;
    expect(nodes).toEqual(wire.map((c) => ({ id: b64(`TestCase@${CUSTOMER}:${recipeId}:${c.id}`), workatoId: c.id })));
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/recipes/:recipe_id/test_cases': 1 });

    const byRef = await stack.gql(RUN, { input: { recipeId: String(recipeId), managedUser: { id: String(CUSTOMER) }, testCaseIds: [nodes[0].id] } });
    const run = byRef.testCasesRun.testRun;
    expect(run.id).toBe(b64(`TestRun@${CUSTOMER}:${run.workatoId}`));
    expect(run.results.map((x: any) => x.testCaseWorkatoId)).toEqual([wire[0]!.id]);
    const byGlobal = await stack.gql(RUN, { input: { recipeId: b64(`Recipe@${CUSTOMER}:${recipeId}`) } });
    expect(byGlobal.testCasesRun.testRun.results).toHaveLength(wire.length);

    stack.sim.resetCounts();
    const read = await stack.gql(`query($id: ID!, $handle: ID!) { managedUser(id: "${CUSTOMER}") { testRun(id: $handle) { status } } testRun(id: $id) { workatoId } }`, { id: run.id, handle: run.workatoId });
    expect(read).toEqual({ managedUser: { testRun: { status: 'RUNNING' } }, testRun: { workatoId: run.workatoId } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:managed_user_id/test_cases/run_requests/:id': 1 });
    // Health is read in the customer's workspace too ([inferred] path).
    stack.sim.resetCounts();
    await stack.request(`{ managedUser(id: "${CUSTOMER}") { recipe(id: "${recipeId}") { health { status } } } }`);
    expect(stack.sim.counts()).toMatchObject({ 'GET /api/managed_users/:managed_user_id/recipes/:recipe_id/health': 1 });
    // The customer's run is not the workspace's.
    const own = await stack.request(`{ testRun(id: "${run.workatoId}") { status } }`);
    expect(own.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await stack.request(`{ managedUser(id: "${CUSTOMER}") { testRun(id: "${b64(`TestRun:${run.workatoId}`)}") { status } } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses a customer recipe's global id together with another managedUser", async () => {
    const r = await stack.request(RUN, { input: { recipeId: b64(`Recipe@${CUSTOMER}:1`), managedUser: { id: '19030' } } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('testRunStatus when the client goes away', () => {
  let slow: Stack;
  beforeAll(async () => {
    slow = await startStack({ simulator: { asyncPolls: 1_000_000, workspaces: { 'tok-ta-slow': FIXTURE_ONLY } }, env: { PACKAGE_POLL_INTERVAL_MS: '20' } });
  });
  afterAll(() => slow.close());

  it('stops polling Workato after the client disconnects', async () => {
    const { testCasesRun } = await slow.gql(RUN, { input: { recipeId: String(WITH_CASES) } });
    const controller = new AbortController();
    const { events } = await subscribe(slow, `subscription($id: ID!) { testRunStatus(id: $id) { status } }`, { id: testCasesRun.testRun.id }, { stopAfter: 1, signal: controller.signal });
    expect(events[0]!.data.data.testRunStatus.status).toBe('RUNNING');
    await expectPollingStopsOnDisconnect(() => slow.sim.counts()['GET /api/test_cases/run_requests/:id'] ?? 0, controller);
  });
});
