/**
 * @defer and @stream on queries (src/server/plugins/incremental-delivery.ts): the first part answers what is not
 * deferred after its own Workato calls, the later parts bring the rest with theirs, each part with its own cost
 * report; over multipart/mixed and server-sent events. Refused in mutations and subscriptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonParts } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { REFERENCE_CACHE: 'off' } });
});
afterAll(() => stack.close());

interface Part {
  data?: any;
  incremental?: Array<{ data?: any; items?: unknown[]; path: Array<string | number>; label?: string }>;
  hasNext?: boolean;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { workato?: { calls: number } };
}

/** The JSON parts of a multipart/mixed or text/event-stream answer, in order. */
async function parts(query: string, accept = 'multipart/mixed', variables?: Record<string, unknown>): Promise<{ type: string; parts: Part[] }> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${stack.sim.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const json = jsonParts<Part>(text);
  return { type: response.headers.get('content-type') ?? '', parts: json };
}

const DASHBOARD = `query Dashboard($first: Int!) {
  recipes(first: $first) { nodes { id name ... @defer(label: "jobs") { jobs(first: 2) { totalCount } } } }
}`;

describe('incremental delivery', () => {
  it('sends the recipes first and their jobs after, each part with the Workato calls made for it', async () => {
    stack.sim.resetCounts();
    const { type, parts: [first, ...rest] } = await parts(DASHBOARD, 'multipart/mixed', { first: 3 });
    expect(type).toContain('multipart/mixed');
    expect(first!.hasNext).toBe(true);
    expect(first!.data.recipes.nodes).toHaveLength(3);
    expect(first!.data.recipes.nodes.every((r: Record<string, unknown>) => r.name && !('jobs' in r))).toBe(true);
    expect(first!.extensions!.workato!.calls).toBe(1);
    const incremental = rest.flatMap((p) => p.incremental ?? []);
    expect(incremental.map((i) => i.path)).toEqual([0, 1, 2].map((n) => ['recipes', 'nodes', n]));
    expect(incremental.every((i) => i.label === 'jobs' && typeof i.data.jobs.totalCount === 'number')).toBe(true);
    expect(rest.at(-1)!.hasNext).toBe(false);
    expect(rest.reduce((sum, p) => sum + (p.extensions?.workato?.calls ?? 0), 0)).toBe(3);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1, 'GET /api/recipes/:recipe_id/jobs': 3 });
  });

  it('gives the same data as the query without @defer, and over server-sent events too', async () => {
    const whole = await stack.gql(DASHBOARD.replace(' ... @defer(label: "jobs") {', ' ... {'), { first: 2 });
    const { type, parts: streamed } = await parts(DASHBOARD, 'text/event-stream', { first: 2 });
    expect(type).toContain('text/event-stream');
    const merged = structuredClone(streamed[0]!.data);
    for (const i of streamed.flatMap((p) => p.incremental ?? [])) Object.assign(merged.recipes.nodes[i.path[2] as number], i.data);
    expect(merged).toEqual(whole);
  });

  it('streams a list with @stream: the first items at once, the others after', async () => {
    const { parts: streamed } = await parts(`{ recipes(first: 3) { nodes @stream(initialCount: 1) { id } } }`);
    expect(streamed[0]!.data.recipes.nodes).toHaveLength(1);
    expect(streamed.flatMap((p) => p.incremental ?? []).flatMap((i) => i.items ?? [])).toHaveLength(2);
  });

  it('gives an error in a deferred part its code and the request id, as every other error', async () => {
    const { parts: streamed } = await parts(`{ recipe(id: "3307712") { id ... @defer { jobs(first: 2, after: "not-a-cursor") { totalCount } } } }`);
    const errors = streamed.flatMap((p) => p.incremental ?? []).flatMap((i) => (i as { errors?: Part['errors'] }).errors ?? []);
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', requestId: expect.any(String) }) })]);
  });

  it('answers a client that takes JSON only with a coded 406 before any call, not an empty one', async () => {
    stack.sim.resetCounts();
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${stack.sim.token}` },
        body: JSON.stringify({ query: DASHBOARD, variables: { first: 2 } }),
      });
      expect(response.status).toBe(406);
      expect(((await response.json()) as Part).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ACCEPTABLE', requestId: expect.any(String) });
    }
    expect(stack.sim.total()).toBe(0);
  });

  it('refuses a negative @stream(initialCount:), as a literal before any call and from a variable as the caller\'s mistake', async () => {
    stack.sim.resetCounts();
    const literal = await stack.request(`{ recipes(first: 2) { nodes @stream(initialCount: -1) { id } } }`);
    expect(literal.errors?.[0]).toMatchObject({ message: '@stream(initialCount:) must be 0 or more.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(stack.sim.total()).toBe(0);
    const { parts: fromVariable } = await parts(`query($n: Int!) { recipes(first: 2) { nodes @stream(initialCount: $n) { id } } }`, 'multipart/mixed', { n: -1 });
    expect(fromVariable.flatMap((p) => p.errors ?? [])).toEqual([expect.objectContaining({ message: '@stream(initialCount:) must be 0 or more.', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('refuses @defer and @stream in a mutation, also through a fragment, before calling Workato', async () => {
    stack.sim.resetCounts();
    const direct = await stack.request(`mutation { recipeStop(input: { id: "3307712" }) { ... @defer { recipe { id } } userErrors { message } } }`);
    const spread = await stack.request(`mutation { recipeStop(input: { id: "3307712" }) { ...Later } } fragment Later on RecipeStopPayload { ... @defer { recipe { id } } }`);
    for (const answer of [direct, spread]) {
      expect(answer.errors?.[0]).toMatchObject({ message: "@defer is for queries: a mutation's answer is sent whole.", extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect(stack.sim.total()).toBe(0);
  });
});
