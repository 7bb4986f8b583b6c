import { gql, type Client } from '@urql/core';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { createGatewayClient, createPersistedGatewayClient, loadDashboard, loadRecipe, toggleRecipe } from './client.js';
import type { DashboardQuery, JobRowFragment, JobStatus, RecipeStartMutationVariables, UserErrorCode } from './generated/graphql.js';

let stack: Stack;
let client: Client;
beforeAll(async () => {
  stack = await startStack();
  client = createGatewayClient(stack.gateway.url, stack.sim.token);
});
afterAll(() => stack.close());

describe('a typed front-end client (urql + client-preset documents)', () => {
  it('renders the dashboard from one typed query', async () => {
    stack.sim.resetCounts();
    const view = await loadDashboard(client, 5);

    expect(view.workspace).toBe('Northwind Ops');
    expect(view.recipes.length).toBe(5);
    expect(view.recipes.every((r) => / — running in /.test(r.line))).toBe(true);
    expect(view.brokenConnections).toContainEqual({ name: 'Jira Cloud', ok: false, reason: '401 Unauthorized: token expired or revoked' });
    expect(view.nextCursor).toEqual(expect.any(String));
    // One GraphQL request, which the gateway answered with one call per REST list (and one jobs page per recipe).
    expect(stack.sim.counts()).toMatchObject({
      'GET /api/users/me': 1,
      'GET /api/recipes': 1,
      'GET /api/connections': 1,
      'GET /api/recipes/:recipe_id/jobs': 5,
    });
  });

  it('opens a recipe by the global id a list gave, which names the same object in every query', async () => {
    const [first] = (await loadDashboard(client, 1)).recipes;
    const recipe = await loadRecipe(client, first.id);
    expect(recipe?.line).toBe(first.line);
    expect(recipe?.applications.length).toBeGreaterThan(0);
    expect(await loadRecipe(client, (await stack.gql('{ connections(first: 1) { nodes { id } } }')).connections.nodes[0].id)).toBeNull();
  });

  it('stops and starts a recipe, and shows a refusal as userErrors with the step at fault', async () => {
    expect(await toggleRecipe(client, '3307712', 'stop')).toMatchObject({ line: expect.stringContaining('stopped'), problems: [] });
    expect(await toggleRecipe(client, '3307712', 'start')).toMatchObject({ line: expect.stringContaining('running'), problems: [] });
    expect(await toggleRecipe(client, '3307650', 'start')).toEqual({ line: null, problems: ['step 0: unconnected'], codes: ['RECIPE_UNCONNECTED'] });
  });

  it('surfaces a rejected token as an error with the gateway code', async () => {
    const stranger = createGatewayClient(stack.gateway.url, 'not-a-token');
    await expect(loadDashboard(stranger)).rejects.toMatchObject({
      graphQLErrors: expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]),
    });
  });

  it('sends automatic persisted queries: the document\'s text once, its hash alone after that', async () => {
    const sent: Array<{ method: string; hasText: boolean }> = [];
    const recording: typeof fetch = async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { query?: string }) : undefined;
      sent.push({ method: init?.method ?? 'GET', hasText: Boolean(body?.query ?? url.searchParams.get('query')) });
      return fetch(input, init);
    };
    const persisted = createPersistedGatewayClient(stack.gateway.url, stack.sim.token, recording);
    const first = await loadDashboard(persisted, 2);
    const second = await loadDashboard(persisted, 2);
    expect(second).toEqual(first);
    // The hash alone (unknown), then hash and text (registered), then the hash alone (run); urql sends all three by GET.
    expect(sent).toEqual([
      { method: 'GET', hasText: false },
      { method: 'GET', hasText: true },
      { method: 'GET', hasText: false },
    ]);
  });

  it('reads a @defer answer with urql: the list first, then the same data merged with the deferred jobs', async () => {
    const query = gql`
      query DeferredJobs { recipes(first: 2) { nodes { id name ... @defer { jobs(first: 1) { totalCount } } } } }
    `;
    const seen: Array<Array<Record<string, unknown>>> = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = client.query(query, {}, { requestPolicy: 'network-only' }).subscribe((result) => {
        if (result.error) return reject(result.error);
        seen.push(result.data.recipes.nodes);
        if (!result.hasNext) {
          resolve();
          queueMicrotask(() => subscription.unsubscribe());
        }
      });
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]!.every((recipe) => !('jobs' in recipe))).toBe(true);
    expect(seen.at(-1)!.every((recipe) => typeof (recipe.jobs as { totalCount: number }).totalCount === 'number')).toBe(true);
  });

  it('gets exact types from codegen (checked by `npm run typecheck`)', () => {
    expectTypeOf<JobStatus>().toEqualTypeOf<'FAILED' | 'PENDING' | 'SUCCEEDED'>();
    expectTypeOf<JobRowFragment['status']>().toEqualTypeOf<JobStatus>();
    expectTypeOf<JobRowFragment['__typename']>().toEqualTypeOf<'Job'>();
    // ID inputs accept a number too (GraphQL's ID input coercion); `workatoId`s can be passed as they come.
    expectTypeOf<RecipeStartMutationVariables>().toEqualTypeOf<{ id: string | number }>();
    expectTypeOf<'RECIPE_UNCONNECTED'>().toExtend<UserErrorCode>();
    type DashboardRecipe = NonNullable<DashboardQuery['recipes']>['nodes'][number];
    // Fragment masking: a list sees only the fields it asked for itself; `name` belongs to RecipeSummary.
    expectTypeOf<DashboardRecipe>().not.toHaveProperty('name');
    expectTypeOf<DashboardRecipe>().toHaveProperty('jobs');
  });
});
