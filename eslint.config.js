// Lints the SDL in schema/ (`npm run lint:schema`, part of `npm run check`) with @graphql-eslint: its schema and
// Relay rules, with every rule that is switched off or configured away from its default saying why.
import { readdirSync, readFileSync } from 'node:fs';
import { mergeTypeDefs } from '@graphql-tools/merge';
import graphql from '@graphql-eslint/eslint-plugin';
import { print } from 'graphql';

/**
 * The whole schema as one SDL string, with each type's `extend type` merged in (as graphql-config would load it:
 * rules such as no-unreachable-types read only a type's own definition). Passed as `schemaSdl` rather than a
 * graphql-config glob because schema/federation.graphql `@link`s Apollo Federation, and graphql-eslint then insists
 * on @apollo/subgraph to build it, which we do not use; that file declares every federation definition itself.
 */
const schemaSdl = print(
  mergeTypeDefs(
    readdirSync(new URL('./schema/', import.meta.url))
      .filter((file) => file.endsWith('.graphql'))
      .map((file) => readFileSync(new URL(`./schema/${file}`, import.meta.url), 'utf8')),
  ),
);

/** A plugin rule that drops the reports `skip` matches and keeps every other one. */
function except(original, skip) {
  return {
    ...original,
    create(context) {
      const report = (descriptor) => (skip(descriptor) ? undefined : context.report(descriptor));
      return original.create(Object.create(context, { report: { value: report } }));
    },
  };
}

/**
 * `Connection` is Workato's word for a set of credentials, and the schema keeps the domain's name (STYLE §2).
 * Relay's rules treat every type whose name ends in "Connection" as a page, so they would report the entity
 * `Connection` (not `ConnectionConnection`, which is a real page) as a malformed page, and every field returning one
 * as lacking `first`/`after`. This matches exactly those reports.
 */
function aboutWorkatoConnection({ node }) {
  const namedType = (type) => (type && type.kind !== 'NamedType' ? namedType(type.gqlType) : type);
  const field = node?.kind === 'FieldDefinition' ? node : node?.parent?.kind === 'FieldDefinition' ? node.parent : undefined;
  return node?.value === 'Connection' || namedType(field?.gqlType)?.name?.value === 'Connection';
}

const rules = graphql.rules;
const local = {
  rules: {
    'relay-arguments': except(rules['relay-arguments'], aboutWorkatoConnection),
    'relay-connection-types': except(rules['relay-connection-types'], aboutWorkatoConnection),
    // Mutations return a non-null payload (STYLE §6): a mutation always answers with its payload and puts refusals
    // in userErrors; a fault that stops it is a top-level error. Query fields stay nullable, and are checked.
    'require-nullable-result-in-root': except(rules['require-nullable-result-in-root'], ({ data }) =>
      /\bMutation\b/.test(data?.rootType ?? ''),
    ),
  },
};

const g = (name) => `@graphql-eslint/${name}`;

export default [
  {
    files: ['schema/**/*.graphql'],
    // The Apollo Federation definitions are copied from the Federation spec, whose names (`_Service`, `link__Import`)
    // and descriptions are fixed by it; they are not our design to lint.
    ignores: ['schema/federation.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { schemaSdl } },
    plugins: { '@graphql-eslint': graphql, local },
    rules: {
      ...graphql.configs['flat/schema-all'].rules,
      ...graphql.configs['flat/schema-relay'].rules,

      // The three rules below run through the `local` wrappers above, which skip only the reports they describe.
      [g('relay-connection-types')]: 'off',
      'local/relay-connection-types': 'error',
      [g('require-nullable-result-in-root')]: 'off',
      'local/require-nullable-result-in-root': 'error',
      [g('relay-arguments')]: 'off',
      // Forward pagination is enough: Workato's lists page forwards (since_id, offset_job_id, page numbers), and
      // `last`/`before` are added only where Workato can page backwards (STYLE §5).
      'local/relay-arguments': ['error', { includeBoth: false }],
      // Connections also offer a `nodes: [X!]!` shortcut (as GitHub's do), and small bounded lists stay plain lists
      // (STYLE §5: a recipe's applications, a job's lines); `edges` must still wrap an edge type.
      [g('relay-edge-types')]: ['error', { listTypeCanWrapOnlyEdgeType: false }],

      // Descriptions everywhere (STYLE §2): GraphiQL's docs show nothing else.
      [g('require-description')]: [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Off: the house style writes one-line descriptions inline ("…") and longer ones as blocks ("""…"""), the way
      // graphql-js prints SDL; this rule can only demand one of the two everywhere.
      [g('description-style')]: 'off',
      // Off: fields are ordered by meaning (id, workatoId, name, then details), the order GraphiQL's docs show them
      // in; alphabetical order would put `aboutMe` before `id`.
      [g('alphabetize')]: 'off',
      // Off: the rule is for read-only schemas (it forbids `Mutation`); the gateway writes through Workato.
      [g('no-root-type')]: 'off',
      // Off: payloads return the changed object read back from Workato plus userErrors (STYLE §6); a `query: Query`
      // field would invite unbatched reads inside a mutation response.
      [g('require-field-of-type-query-in-mutation-result')]: 'off',

      // One `input` argument per mutation, of type `<mutation>Input` (`recipeStart` → `RecipeStartInput`): compared
      // case-insensitively because the mutation starts lower-case and the type upper-case. Payload names are checked
      // by test/schema-lint.test.ts (the linter has no rule for them).
      [g('input-name')]: ['error', { checkInputType: true, caseSensitiveInputType: false, checkQueries: false }],
      [g('naming-convention')]: [
        'error',
        {
          ...graphql.configs['flat/schema-recommended'].rules[g('naming-convention')][1],
          // STYLE §3: no `Workato` prefix inside our own schema.
          types: { style: 'PascalCase', forbiddenPrefixes: ['Workato'] },
          // STYLE §3: nouns for reads, no `get`/`list`.
          'FieldDefinition[parent.name.value=Query]': {
            forbiddenPrefixes: ['query', 'get', 'list'],
            forbiddenSuffixes: ['Query'],
          },
        },
      ],
      // Output types carry exactly one `id: ID!` (`workatoId` is not counted). Exempt are types without an identity
      // of their own: pages and edges, mutation payloads, errors, and value objects that live inside one parent
      // (test/normalized-cache.test.ts lists them with reasons and checks that the rest implement `Node`).
      [g('strict-id-in-types')]: [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Payload', 'Error'],
            types: ['PageInfo', 'RateLimitStatus', 'RateLimitFamily', 'RecipeConfigEntry', 'JobErrorParts', 'JobLine', 'ConnectorOperation', 'MemberRole',
              'LookupTableColumn', 'JobActionResult', 'Asset', 'PackageRecipeStatus',
              'LookupTableCell',
              'Privilege', 'MemberEnvironmentPrivileges', 'MemberProjectGrant', 'MemberProjectPrivileges', 'MemberInvitation',
              'AuditLogWorkspace', 'AuditLogUser', 'AuditLogRequest', 'AuditLogResource', 'CustomConnectorVersion', 'SchemaField',
              'OnPremGroupStatus', 'OnPremAgentStatus', 'PickListItem',
              'DataTableColumn', 'DataTableColumnRelation', 'DataTableCell',
              'TestCaseResult', 'RecipeHealthReport', 'RecipeHealthFinding',
            ],
          },
        },
      ],
    },
  },
];
