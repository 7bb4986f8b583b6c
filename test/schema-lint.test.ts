/**
 * Schema quality beyond graphql-js validity. `npm run lint:schema` (part of `npm run check`) lints schema/ with
 * @graphql-eslint; this file proves that lint configuration still catches what it is there for, and checks the
 * conventions the linter has no rule for (mutation payloads).
 */
import { ESLint } from 'eslint';
import { getNamedType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/server/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Lints SDL as if it were a file in schema/, with the project's eslint.config.js. */
async function lint(sdl: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(sdl, { filePath: `${root}schema/zz-lint-check.graphql` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message.split('\n')[0]}`);
}

describe('the schema linter (eslint.config.js)', () => {
  it('reports missing descriptions, bad names, malformed pages and mis-named inputs', async () => {
    const messages = await lint(/* GraphQL */ `
      type Widget implements Node { id: ID! name: String }
      "A page." type WidgetConnection { "The widgets." edges: [Widget!]! }
      "A workato prefix." type WorkatoThing implements Node { "Id." id: ID! }
      extend type Query {
        "Widgets." widgets("How many." first: Int): WidgetConnection
        "Things." getThings: [WorkatoThing!]
      }
      "Input." input WidgetCreateInputs { "Name." name: String }
      extend type Mutation { "Create." widgetCreate("What." input: WidgetCreateInputs!): Widget }
    `);
    const rules = new Set(messages.map((m) => m.split(':')[0]));
    expect(messages).toContain('@graphql-eslint/require-description: Description is required for type "Widget"');
    expect(messages).toContain('@graphql-eslint/require-description: Description is required for field "name" in type "Widget"');
    expect(messages).toContain('@graphql-eslint/input-name: Input type `WidgetCreateInputs` name should be `widgetCreateInput`.');
    expect([...rules]).toEqual(
      expect.arrayContaining([
        'local/relay-connection-types', // WidgetConnection has no pageInfo
        'local/relay-arguments', // widgets has `first` but no `after`
        '@graphql-eslint/relay-edge-types', // edges wraps Widget, not an edge type
        '@graphql-eslint/naming-convention', // Workato prefix; `get` prefix on a Query field
      ]),
    );
  });

  it("lets Workato's `Connection` entity through the Relay page rules, and only that type", async () => {
    const messages = await lint(/* GraphQL */ `
      extend type Query {
        "A connection by id."
        connectionById("Its id." id: ID!): Connection
        "Unpaginated pages are still caught."
        connectionPage: ConnectionConnection
      }
    `);
    expect(messages).toEqual([
      'local/relay-arguments: A field that returns a Connection type must include forward pagination arguments (`first` and `after`), backward pagination arguments (`last` and `before`), or both.',
    ]);
  });
});

describe('mutation conventions (STYLE §3, §6)', () => {
  const schema: GraphQLSchema = buildSchema();
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});

  it.each(mutations.map((m) => [m.name, m] as const))('%s takes one `input` and returns a non-null <Name>Payload with userErrors', (name, field) => {
    const pascal = name[0].toUpperCase() + name.slice(1);
    expect(field.args.map((a) => `${a.name}: ${a.type}`)).toEqual([`input: ${pascal}Input!`]);
    expect(isNonNullType(field.type) && getNamedType(field.type).name).toBe(`${pascal}Payload`);
    const payload = getNamedType(field.type);
    expect(isObjectType(payload) && String(payload.getFields().userErrors?.type)).toBe('[UserError!]!');
  });
});
