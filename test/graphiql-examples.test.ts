import { parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES } from '../src/server/graphiql-examples.js';
import { graphiqlOptions } from '../src/server/graphiql.js';
import { buildSchema } from '../src/server/schema.js';
import { subscribe } from './support/sse.js';
import { startStack, type Stack } from './support/stack.js';

const schema = buildSchema();

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('GraphiQL example operations', () => {
  it('opens one tab per example, the first one as the default query', () => {
    expect(graphiqlOptions.defaultTabs?.map((tab) => tab.query)).toEqual(GRAPHIQL_EXAMPLES.map((e) => e.query));
    expect(graphiqlOptions.defaultQuery).toBe(GRAPHIQL_EXAMPLES[0].query);
  });

  describe.each(GRAPHIQL_EXAMPLES)('$title', (example) => {
    const document = parse(example.query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');

    it('holds named operations, valid against the schema', () => {
      expect(validate(schema, document)).toEqual([]);
      expect(operations.length).toBeGreaterThan(0);
      for (const operation of operations) expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
    });

    it('says where the bearer token goes', () => {
      expect(example.query).toMatch(/Headers tab.*\n.*\n#\s+\{"Authorization": "Bearer <API client token>"\}\n/);
    });

    it('runs as is, step by step, and returns data without errors', async () => {
      const given = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
      const results: unknown[] = [];
      for (const operation of operations) {
        // A later step's `<key>Id` variable is the `id` of the `<key>` object an earlier step returned.
        const variables = { ...given };
        for (const definition of operation.variableDefinitions ?? []) {
          const name = definition.variable.name.value;
          const earlier = name.endsWith('Id') ? findId(results, name.slice(0, -2)) : undefined;
          if (earlier) variables[name] = earlier;
        }
        const result = operation.operation === 'subscription' ? await firstEvent(print(operation), variables) : await stack.request(print(operation), variables);
        expect(result.errors, operation.name?.value).toBeUndefined();
        expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
        expect(JSON.stringify(result.data)).not.toMatch(/"userErrors":\[\{/);
        results.push(result.data);
      }
    });
  });
});

/** A subscription runs over server-sent events until its first event; then the client goes away. */
async function firstEvent(query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const controller = new AbortController();
  try {
    const { events } = await subscribe(stack, query, variables, { stopAfter: 1, signal: controller.signal });
    return events[0]!.data;
  } finally {
    controller.abort();
  }
}

/** The `id` of the first object found under `key`, depth first. */
function findId(value: unknown, key: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const direct = record[key] as { id?: unknown } | undefined;
  if (direct && typeof direct.id === 'string') return direct.id;
  for (const item of Object.values(record)) {
    const found = findId(item, key);
    if (found) return found;
  }
  return undefined;
}
