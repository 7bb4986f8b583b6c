/**
 * What normalized client caches (urql graphcache, Apollo InMemoryCache, Relay) need: every object with an identity
 * implements `Node`, so it has an `id: ID!` and a concrete `__typename`, and `node(id)` answers with the same
 * object. Checked on the schema the gateway serves (introspection over HTTP) and on live data.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../src/resolvers/relay.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Object types that have no identity of their own, so no `id`, each with the reason. Pages, edges, payloads and
 * errors are recognised by shape below; this lists the rest.
 */
const VALUE_TYPES: Record<string, string> = {
  PageInfo: 'describes one page of one list, not an object',
  RateLimitStatus: "the caller's quota windows right now, computed by the gateway; not a Workato object",
  RateLimitFamily: "one family's quota window for the caller right now; part of RateLimitStatus",
  RecipeConfigEntry: "one line of a recipe's config; Workato gives it no id and it lives only inside its recipe",
  JobErrorParts: "the breakdown of one job's error; part of the job",
  JobLine: "one step of one job's run; Workato gives it no id",
  ConnectorOperation: "a trigger or action of a connector, part of the connector's metadata; no id in Workato",
  JobActionResult: 'what Workato did with one job in one jobsRepeat/jobsCancel call; part of that answer (its `job` is the Node)',
  MemberRole: "one member's role in one environment; part of the member, no id in Workato",
  LookupTableColumn: "one column of a lookup table's `schema`; part of the table, no id in Workato",
  LookupTableCell: "one row's value in one column; part of the row, no id in Workato",
  Asset: 'a reference to a recipe, connection, … in a folder listing or a manifest; its `recipe`/`connection` is the Node',
  PackageRecipeStatus: 'what one import did to one recipe; part of the package (its `recipe` is the Node)',
  Privilege: "one resource's actions inside one role or grant; Workato gives it no id",
  MemberEnvironmentPrivileges: "one member's role in one environment with its privileges; part of the member",
  MemberProjectGrant: "one member's grant on one project; part of the member (its `project` is the Node)",
  MemberProjectPrivileges: "one member's privileges in one project; part of the member (its `project` is the Node)",
  MemberInvitation: 'what one memberInvite sent; Workato documents no invitation id (the accepted `Member` is the Node)',
  AuditLogWorkspace: 'the workspace as one audit log entry describes it; part of the entry (the workspace itself is `me`)',
  AuditLogUser: 'the actor as one audit log entry describes it; part of the entry',
  AuditLogRequest: "the HTTP request behind one audit log entry; part of the entry",
  AuditLogResource: 'the object as one audit log entry describes it (name at that time); its `object` is the Node',
  CustomConnectorVersion: "one released version of a custom connector; part of the connector, no id in Workato",
  SchemaField: 'one field of a generated schema; part of the mutation answer, no id in Workato',
  OnPremGroupStatus: "a group's live status, read by the group's id; part of the group",
  OnPremAgentStatus: "an agent's live status, read by the agent's id; part of the agent",
  PickListItem: "one entry of a connector pick list ([label, value] in Workato); a value, not an object",
  DataTableColumn: "a column of a table's schema; its field_id is unique only within the table, part of the table",
  DataTableColumnRelation: "where a relation column points; part of the column",
  DataTableCell: "one record's value in one column; part of the record",
  TestCaseResult: "one test case's outcome inside one run; part of the run (its `testCase` and `job` are the Nodes)",
  RecipeHealthReport: "a recipe's latest health report; Workato gives it no id, it is part of its recipe (`Recipe.health`)",
  RecipeHealthFinding: 'one finding of one health report; part of the report, no id',
  _Service: 'Apollo Federation plumbing (`_service { sdl }`), not data',
};

const isRoot = (schema: GraphQLSchema, type: GraphQLObjectType) =>
  [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type);
const fieldsOf = (type: GraphQLObjectType) => type.getFields();
/** A Relay page (`edges` + `pageInfo`) or edge (`cursor` + `node`): its identity is its place in a list. */
const isPageOrEdge = (type: GraphQLObjectType) =>
  ('edges' in fieldsOf(type) && 'pageInfo' in fieldsOf(type)) || ('cursor' in fieldsOf(type) && 'node' in fieldsOf(type));
/** A mutation payload or a UserError: the answer to one call. */
const isAnswer = (type: GraphQLObjectType) =>
  'userErrors' in fieldsOf(type) || type.getInterfaces().some((i) => i.name === 'UserError');

let stack: Stack;
let schema: GraphQLSchema;
beforeAll(async () => {
  stack = await startStack();
  schema = buildClientSchema(await stack.gql<IntrospectionQuery>(getIntrospectionQuery()));
});
afterAll(() => stack.close());

const objectTypes = () =>
  Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
const nodeTypes = () => objectTypes().filter((t) => t.getInterfaces().some((i) => i.name === 'Node'));

describe('identity for normalized caches', () => {
  it('gives every Node type a non-null `id: ID!` (and a `workatoId` or Workato key)', () => {
    expect(nodeTypes().length).toBeGreaterThan(5);
    for (const type of nodeTypes()) {
      const id = fieldsOf(type).id;
      expect(id && isNonNullType(id.type) && getNamedType(id.type).name === 'ID', `${type.name}.id`).toBe(true);
    }
  });

  it('makes every object type with an identity implement Node; the exceptions are pages, payloads and listed values', () => {
    const missing = objectTypes()
      .filter((type) => !type.getInterfaces().some((i) => i.name === 'Node'))
      .filter((type) => !isRoot(schema, type) && !isPageOrEdge(type) && !isAnswer(type) && !(type.name in VALUE_TYPES))
      .map((type) => type.name);
    expect(missing, 'add `implements Node` (or list the type in VALUE_TYPES with the reason it has no identity)').toEqual([]);
  });

  it('never gives an object an `id` or `workatoId` without making it a Node', () => {
    const idButNoNode = objectTypes()
      .filter((type) => !type.getInterfaces().some((i) => i.name === 'Node') && !isAnswer(type) && !(type.name in VALUE_TYPES))
      .filter((type) => 'id' in fieldsOf(type) || 'workatoId' in fieldsOf(type))
      .map((type) => type.name);
    expect(idButNoNode).toEqual([]);
  });

  it('exempts the same value types from the schema linter (strict-id-in-types in eslint.config.js)', async () => {
    const lintConfig = new URL('../eslint.config.js', import.meta.url).href; // plain JS: read at run time, untyped
    const [config] = (await import(lintConfig)).default as Array<{ rules: Record<string, unknown> }>;
    const [, options] = config.rules['@graphql-eslint/strict-id-in-types'] as [string, { exceptions: { types: string[] } }];
    const linted = Object.keys(VALUE_TYPES).filter((name) => name !== '_Service'); // federation.graphql is not linted
    expect([...options.exceptions.types].sort()).toEqual(linted.sort());
  });

  it('can parse the global id of every Node type, so node(id) resolves each one', () => {
    const unknown = nodeTypes().filter((type) => !(NODE_TYPES as readonly string[]).includes(type.name)).map((t) => t.name);
    expect(unknown, 'add the type to NODE_TYPES in src/resolvers/relay.ts and to loadNode in node.ts').toEqual([]);
    expect(isInterfaceType(schema.getType('Node'))).toBe(true);
  });

  it('answers node(id) and nodes(ids) with the same __typename and id as the lists that gave the ids', async () => {
    const data = await stack.gql(`{
      me { __typename id }
      recipes(first: 2) { nodes { __typename id jobs(first: 1) { nodes { __typename id } } } }
      connections(first: 2) { nodes { __typename id } }
      connectors(first: 2) { nodes { __typename id } }
      folders(first: 2) { nodes { __typename id } }
      projects(first: 2) { nodes { __typename id } }
    }`);
    const seen = collectIdentities(data);
    const types = new Set(seen.map((o) => o.__typename));
    expect(types).toEqual(new Set(['Workspace', 'Recipe', 'Job', 'Connection', 'Connector', 'Folder', 'Project']));

    const ids = seen.map((o) => o.id);
    const { nodes } = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes).toEqual(seen);
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: seen[0].id });
    expect(node).toEqual(seen[0]);
  });
});

/** Every `{ __typename, id }` object in a response, depth first. */
function collectIdentities(value: unknown, out: Array<{ __typename: string; id: string }> = []) {
  if (Array.isArray(value)) value.forEach((item) => collectIdentities(item, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === 'string' && typeof record.id === 'string') out.push({ __typename: record.__typename, id: record.id });
    Object.values(record).forEach((item) => collectIdentities(item, out));
  }
  return out;
}
