import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const CLEAR = `mutation($input: SecretsCacheClearInput!) { secretsCacheClear(input: $input) { cleared clientMutationId userErrors { code message field } } }`;
const ROUTE = 'POST /api/secrets_management/clear_cache';

describe('secretsCacheClear (§27)', () => {
  it('clears the cache with one bodiless POST and echoes clientMutationId', async () => {
    stack.sim.resetCounts();
    const { secretsCacheClear } = await stack.gql(CLEAR, { input: { clientMutationId: 'rotate-42' } });
    expect(secretsCacheClear).toEqual({ cleared: true, clientMutationId: 'rotate-42', userErrors: [] });
    expect(stack.sim.counts()).toEqual({ [ROUTE]: 1 });
    const empty = await stack.gql(CLEAR, { input: {} });
    expect(empty.secretsCacheClear).toEqual({ cleared: true, clientMutationId: null, userErrors: [] });
  });

  it('reports a 200 `success: false` as cleared: false with a REFUSED userError', async () => {
    stack.sim.inject({ route: ROUTE, status: 200, body: { success: false, message: 'No secrets manager is configured' }, times: 1 });
    const { secretsCacheClear } = await stack.gql(CLEAR, { input: {} });
    expect(secretsCacheClear).toEqual({
      cleared: false,
      clientMutationId: null,
      userErrors: [{ code: 'REFUSED', message: 'No secrets manager is configured', field: null }],
    });
  });

  it("reports Workato's 400 as a userError and keeps 403 and 5xx top-level errors", async () => {
    stack.sim.inject({ route: ROUTE, status: 400, body: { message: 'Secrets management is not enabled' }, times: 1 });
    const refused = await stack.gql(CLEAR, { input: {} });
    expect(refused.secretsCacheClear).toEqual({
      cleared: false,
      clientMutationId: null,
      userErrors: [{ code: 'INVALID', message: 'Secrets management is not enabled', field: null }],
    });
    stack.sim.inject({ route: ROUTE, status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(CLEAR, { input: {} });
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['secretsCacheClear'], extensions: { code: 'FORBIDDEN' } });
    stack.sim.inject({ route: ROUTE, status: 500, body: { message: 'Server error', id: 'e-1' }, times: 1 });
    const broken = await stack.request(CLEAR, { input: {} });
    expect(broken.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
  });
});
