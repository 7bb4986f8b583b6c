import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterEach(() => stack.sim.clearFaults());
afterAll(() => stack.close());

// Workato takes one repeat_jobs / cancel_jobs call per second (§5). This stack's simulator does not enforce quotas
// (test/simulator/job-actions.test.ts checks that it can), so the tests need no pauses.
const ERRORS = `userErrors { __typename message code field }`;
const REPEAT = `mutation($input: JobsRepeatInput!) { jobsRepeat(input: $input) {
  results { handle status accepted error } ${ERRORS}
} }`;
const CANCEL = `mutation($input: JobsCancelInput!) { jobsCancel(input: $input) {
  results { handle status accepted error job { handle status isError completedAt } } ${ERRORS}
} }`;
const RESUME = `mutation($input: JobResumeInput!) { jobResume(input: $input) { resumed ${ERRORS} } }`;
const FAILED_JOB = 'j-AXk9Yb71-Qm3rT8';

describe('jobsRepeat', () => {
  it('repeats jobs with one POST and one GET; per-job refusals are results, not userErrors', async () => {
    stack.sim.resetCounts();
    const { jobsRepeat } = await stack.gql(REPEAT, { input: { recipeId: '3307712', handles: [FAILED_JOB, 'j-Unknown0-000000', FAILED_JOB] } });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes/:recipe_id/repeat_jobs': 1, 'GET /api/recipes/:id': 1 });
    expect(jobsRepeat).toEqual({
      results: [
        { handle: FAILED_JOB, status: 'enqueued', accepted: true, error: null },
        { handle: 'j-Unknown0-000000', status: 'failed', accepted: false, error: 'Job not found' },
      ],
      userErrors: [],
    });
  });

  it('shows the new repeat job first in recipe.jobs, pointing at the original', async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { jobs(first: 1) { nodes { status isRepeat masterJobHandle title } } } }`);
    expect(recipe.jobs.nodes[0]).toEqual({
      status: 'PENDING', isRepeat: true, masterJobHandle: FAILED_JOB, title: 'Salesforce: updated opportunity: Globex - Expansion',
    });
  });

  it('refuses more than 25 distinct handles with TOO_MANY_JOBS and no upstream call', async () => {
    stack.sim.resetCounts();
    const handles = Array.from({ length: 26 }, (_, i) => `j-AAAAAAAA-${String(i).padStart(6, '0')}`);
    const { jobsRepeat } = await stack.gql(REPEAT, { input: { recipeId: '3307712', handles } });
    expect(jobsRepeat).toEqual({
      results: null,
      userErrors: [{ __typename: 'InputError', code: 'TOO_MANY_JOBS', field: ['input', 'handles'], message: expect.stringMatching(/25/) }],
    });
    const empty = await stack.gql(REPEAT, { input: { recipeId: '3307712', handles: [] } });
    expect(empty.jobsRepeat.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'handles'] });
    expect(stack.sim.total()).toBe(0);
  });

  it("turns Workato's 429 into a top-level RATE_LIMITED error, without retrying the mutation", async () => {
    stack.sim.inject({ route: 'POST /api/recipes/:recipe_id/repeat_jobs', status: 429, headers: { 'retry-after': '1' } });
    stack.sim.resetCounts();
    const limited = await stack.request(REPEAT, { input: { recipeId: '3307712', handles: [FAILED_JOB] } });
    expect(limited.data).toBeNull(); // the payload is non-null, so the error nulls the whole result
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    expect(stack.sim.counts()).toEqual({ 'POST /api/recipes/:recipe_id/repeat_jobs': 1 });
  });

  it('answers an unknown recipe with a NOT_FOUND userError on recipeId', async () => {
    const { jobsRepeat } = await stack.gql(REPEAT, { input: { recipeId: '12', handles: [FAILED_JOB] } });
    expect(jobsRepeat).toEqual({ results: null, userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', field: ['input', 'recipeId'], message: expect.any(String) }] });
  });
});

describe('jobsCancel', () => {
  it('cancels a pending job; the job reads back finished with an error; a finished job is not accepted', async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { jobs(first: 1, status: PENDING) { nodes { handle } } } }`);
    const pending = recipe.jobs.nodes[0].handle;
    const { jobsCancel } = await stack.gql(CANCEL, { input: { recipeId: '3307712', handles: [pending, FAILED_JOB] } });
    expect(jobsCancel.userErrors).toEqual([]);
    expect(jobsCancel.results).toEqual([
      { handle: pending, status: 'cancelled', accepted: true, error: null, job: { handle: pending, status: 'FAILED', isError: true, completedAt: expect.any(String) } },
      { handle: FAILED_JOB, status: 'failed', accepted: false, error: 'Job is not running', job: { handle: FAILED_JOB, status: 'FAILED', isError: true, completedAt: expect.any(String) } },
    ]);
  });

  it("reads Workato's HTTP 200 refusal of the whole call as userErrors", async () => {
    stack.sim.inject({ route: 'POST /api/recipes/:recipe_id/cancel_jobs', status: 200, body: { success: false, message: 'Cancelling jobs is not enabled' } });
    const { jobsCancel } = await stack.gql(CANCEL, { input: { recipeId: '3307712', handles: [FAILED_JOB] } });
    expect(jobsCancel).toEqual({ results: null, userErrors: [{ __typename: 'InputError', code: 'REFUSED', field: null, message: 'Cancelling jobs is not enabled' }] });
  });

  it("refuses a customer's recipe before any call (§17.5 has no cancel_jobs), while its jobs can still be repeated", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { recipes(first: 1) { nodes { id workatoId jobs(first: 1) { nodes { handle } } } } } }`);
    const recipe = managedUser.recipes.nodes[0];
    const handle = recipe.jobs.nodes[0].handle;
    stack.sim.resetCounts();
    const { jobsCancel } = await stack.gql(CANCEL, { input: { recipeId: recipe.id, handles: [handle] } });
    expect(jobsCancel).toEqual({
      results: null,
      userErrors: [{ __typename: 'InputError', code: 'INVALID', field: ['input', 'recipeId'], message: expect.stringContaining("no endpoint to cancel a customer's jobs") }],
    });
    expect(stack.sim.total()).toBe(0);
    const { jobsRepeat } = await stack.gql(REPEAT, { input: { recipeId: recipe.id, handles: [handle] } });
    expect(jobsRepeat.userErrors).toEqual([]);
    expect(stack.sim.counts()['POST /api/managed_users/:managed_user_id/recipes/:recipe_id/repeat_jobs']).toBe(1);
  });
});

describe('jobResume', () => {
  it('resumes with one POST answered 204', async () => {
    stack.sim.resetCounts();
    const { jobResume } = await stack.gql(RESUME, { input: { token: 'resume-7f3a', data: { approved: true } } });
    expect(jobResume).toEqual({ resumed: true, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/job/resume': 1 });
  });

  it('refuses non-object data locally, and an unknown token (404) as NOT_FOUND on the token', async () => {
    stack.sim.resetCounts();
    const list = await stack.gql(RESUME, { input: { token: 't', data: [1, 2] } });
    expect(list.jobResume).toEqual({ resumed: false, userErrors: [{ __typename: 'InputError', code: 'INVALID', field: ['input', 'data'], message: expect.any(String) }] });
    expect(stack.sim.total()).toBe(0);
    stack.sim.inject({ route: 'POST /api/job/resume', status: 404 });
    const unknown = await stack.gql(RESUME, { input: { token: 'expired' } });
    expect(unknown.jobResume).toEqual({ resumed: false, userErrors: [{ __typename: 'InputError', code: 'NOT_FOUND', field: ['input', 'token'], message: expect.any(String) }] });
  });
});
