/**
 * Compiled execution (plugins/compiled-execution.ts) answers exactly what graphql-js answers: the same documents go
 * to a gateway that never compiles, one that compiles every document on its first run, and one that compiles from
 * the second run (the default), each over a simulator of its own with the same data and the same injected faults.
 * The tests on the shared stack run compiled (test/support/stack.ts), so this one is about GraphQL's own semantics:
 * fragments, @skip/@include, abstract types, aliases, errors with their locations and paths, null propagation,
 * variables refused.
 */
import { parse, type ExecutionArgs } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { useCompiledExecution } from '../src/server/plugins/compiled-execution.js';
import { buildSchema } from '../src/server/schema.js';
import { startStack, type Stack } from './support/stack.js';

type Response = Awaited<ReturnType<Stack['request']>>;

let graphqlJs: Stack;
let eager: Stack;
let secondRun: Stack;
beforeAll(async () => {
  [graphqlJs, eager, secondRun] = await Promise.all([
    startStack({ env: { COMPILED_EXECUTION: 'off' } }),
    startStack({ env: { COMPILED_EXECUTION: 'eager' } }),
    startStack({ env: { COMPILED_EXECUTION: 'on' } }),
  ]);
});
afterAll(() => Promise.all([graphqlJs, eager, secondRun].map((stack) => stack.close())));

/**
 * What a client can read, in the order it was sent, without what differs by run: the request id and the cost
 * report (its clock).
 */
function comparable(response: Response): string {
  const { status, headers: _headers, extensions: _report, ...body } = response as Response & { extensions?: unknown };
  const errors = body.errors?.map(({ extensions, ...error }) => {
    const { requestId: _requestId, ...rest } = (extensions ?? {}) as Record<string, unknown>;
    return { ...error, extensions: rest };
  });
  return JSON.stringify({ status, ...body, ...(errors ? { errors } : {}) });
}

/** The document through all three gateways, twice each (the default compiles on the second); all six alike. */
async function expectSameEverywhere(query: string, variables?: Record<string, unknown>, fault?: Parameters<Stack['sim']['inject']>[0]): Promise<Response> {
  const answers: string[] = [];
  let first: Response | undefined;
  for (const stack of [graphqlJs, eager, secondRun]) {
    for (let run = 0; run < 2; run++) {
      if (fault) stack.sim.inject({ ...fault, times: 1 });
      const response = await stack.request(query, variables);
      first ??= response;
      answers.push(comparable(response));
    }
  }
  // As text: the same keys in the same order, not only equal values.
  for (const answer of answers.slice(1)) expect(answer).toBe(answers[0]);
  return first!;
}

let recipeId: string;
beforeAll(async () => {
  const data = await graphqlJs.gql<{ recipes: { nodes: Array<{ id: string }> } }>('{ recipes(first: 1) { nodes { id } } }');
  recipeId = data.recipes.nodes[0]!.id;
});

describe('compiled execution answers as graphql-js does', () => {
  it('nested lists, aliases, cursors and a page', async () => {
    const r = await expectSameEverywhere(`{
      me { id name }
      first: recipes(first: 3) { edges { cursor node { id name running folder { id name } } } pageInfo { hasNextPage endCursor } }
      again: recipes(first: 2) { nodes { workatoId: id title: name } }
    }`);
    expect(r.errors).toBeUndefined();
    expect((r.data as { first: { edges: unknown[] } }).first.edges).toHaveLength(3);
  });

  it('fragments and inline fragments on an interface, with __typename', async () => {
    const r = await expectSameEverywhere(
      `query($id: ID!) { node(id: $id) { __typename id ...Named ... on Recipe { running jobs(first: 2) { nodes { __typename id } } } } }
       fragment Named on Recipe { name workatoId }`,
      { id: recipeId },
    );
    expect((r.data as { node: { __typename: string } }).node.__typename).toBe('Recipe');
  });

  it.each([
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ])('@include(if: %s) on a fragment spread and @skip(if: %s) on an inline fragment and a field', async (a, b) => {
    await expectSameEverywhere(
      `query($a: Boolean!, $b: Boolean!) {
        recipes(first: 2) { nodes { id ...Named @include(if: $a) ... on Recipe @skip(if: $b) { running name } name @skip(if: $b) } }
      }
      fragment Named on Recipe { name workatoId }`,
      { a, b },
    );
  });

  it('a coded error at its path and locations, beside fields that resolve, the same field merged from two places', async () => {
    const r = await expectSameEverywhere(
      `query($id: ID!) {
        bad: recipe(id: "nope") { id }
        missing: recipe(id: "99999999") { id name }
        good: recipe(id: $id) { id ...N name }
      }
      fragment N on Recipe { name }`,
      { id: recipeId },
    );
    expect(r.errors?.map((e) => e.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
    expect(r.errors?.every((e) => (e as { locations?: unknown[] }).locations?.length === 1)).toBe(true);
  });

  it('a null where the schema promises none propagates to the nearest nullable field, as UPSTREAM_ERROR naming the field', async () => {
    const r = await expectSameEverywhere('{ recipes(first: 2) { nodes { id name } } me { name } }', undefined, {
      route: 'GET /api/recipes',
      status: 200,
      body: { items: [{ id: 7 }] },
    });
    expect(r.data).toMatchObject({ recipes: null, me: { name: expect.any(String) } });
    expect(r.errors?.[0]).toMatchObject({ path: ['recipes', 'nodes', 0, 'name'], message: expect.stringContaining('Recipe.name'), extensions: { code: 'UPSTREAM_ERROR' } });
  });

  it('an upstream failure of one nested field', async () => {
    const r = await expectSameEverywhere(
      'query($id: ID!) { recipe(id: $id) { id name jobs(first: 2) { nodes { id } } } }',
      { id: recipeId },
      { route: 'GET /api/recipes/:recipe_id/jobs', status: 500, body: { message: 'Server error', id: 'err-1' } },
    );
    expect(r.errors?.[0]).toMatchObject({ path: ['recipe', 'jobs'], extensions: { code: 'UPSTREAM_ERROR' } });
  });

  it('variables refused before anything runs: the same 400 and message, the value not echoed', async () => {
    const r = await expectSameEverywhere('query($n: Int) { recipes(first: $n) { nodes { id } } }', { n: 'many' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/\$n/);
    await expectSameEverywhere('query($n: Int!) { recipes(first: $n) { nodes { id } } }', {});
  });

  it('an operation picked by name from several, and introspection', async () => {
    await expectSameEverywhere('query A { me { id } } query B { __type(name: "Recipe") { name kind fields { name type { kind name ofType { name } } } } }', undefined);
    const r = await graphqlJs.request('query A { me { id } } query B { me { name } }');
    expect(r.status).toBe(400);
  });

  it('federation entity references, one of them unknown', async () => {
    const workatoId = Buffer.from(recipeId, 'base64').toString().split(':')[1];
    await expectSameEverywhere(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Recipe { id name } } }',
      { r: [{ __typename: 'Recipe', id: recipeId }, { __typename: 'Recipe', id: `${workatoId}0000` }] },
    );
  });
});

describe('which documents are compiled', () => {
  // The plugin alone, over the gateway's schema: its fallback records each run graphql-js answered.
  const schema = buildSchema();
  const runs = (mode: 'on' | 'eager', query: string, times = 3): string[] => {
    const plugin = useCompiledExecution({ config: { compiledExecution: mode } as Config }) as {
      onExecute(payload: { executeFn: (args: ExecutionArgs) => unknown; setExecuteFn: (fn: (args: ExecutionArgs) => unknown) => void }): void;
    };
    const document = parse(query);
    const answered: string[] = [];
    for (let i = 0; i < times; i++) {
      let execute: ((args: ExecutionArgs) => unknown) | undefined;
      let byGraphqlJs = false;
      plugin.onExecute({ executeFn: () => ((byGraphqlJs = true), { data: {} }), setExecuteFn: (fn) => (execute = fn) });
      execute!({ schema, document, rootValue: {}, contextValue: {}, variableValues: {} });
      answered.push(byGraphqlJs ? 'graphql-js' : 'compiled');
    }
    return answered;
  };

  it('a query from its second run on (`on`), from its first (`eager`)', () => {
    expect(runs('on', '{ __typename }')).toEqual(['graphql-js', 'compiled', 'compiled']);
    expect(runs('eager', '{ __typename }')).toEqual(['compiled', 'compiled', 'compiled']);
  });

  it('never a mutation, nor a document with @skip or @include', () => {
    expect(runs('eager', 'mutation { __typename }')).toEqual(['graphql-js', 'graphql-js', 'graphql-js']);
    expect(runs('eager', '{ __typename @include(if: true) }')).toEqual(['graphql-js', 'graphql-js', 'graphql-js']);
    expect(runs('eager', 'query Q { ...F } fragment F on Query { __typename @skip(if: false) }')).toEqual(['graphql-js', 'graphql-js', 'graphql-js']);
  });
});
