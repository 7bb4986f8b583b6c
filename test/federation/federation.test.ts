import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../scripts/cluster/supergraph.js';
import { NODE_TYPES } from '../../src/resolvers/relay.js';
import { entityKeys } from '../../src/server/federation.js';
import { startStack, type Stack } from '../support/stack.js';
import { startCompanySubgraph, type CompanySubgraph } from './company-subgraph.js';

let stack: Stack;
let company: CompanySubgraph;
let router: Server;
let routerUrl: string;

/** Queries the supergraph router the way a front-end of the company would, with its Workato token. */
async function supergraph(query: string) {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
}

beforeAll(async () => {
  // 250 recipes: the _entities batch below spans three pages of Workato's recipe list.
  stack = await startStack({ simulator: { workspaces: { 'federation-token': { recipes: 246 } } }, env: { LOG_LEVEL: process.env.DEBUG_FEDERATION ? 'error' : 'silent' } });
  company = await startCompanySubgraph();
  const supergraphSdl = await composeSupergraph([
    { name: 'workato', url: stack.gateway.url, headers: { authorization: `Bearer ${stack.sim.token}` } },
    { name: 'company', url: company.url },
  ]);
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: process.env.DEBUG_FEDERATION ? 'debug' : false,
    // Each caller's Workato token travels to our subgraph; the company subgraph needs none.
    propagateHeaders: { fromClientToSubgraphs: ({ request, subgraphName }) =>
      subgraphName === 'workato' ? { authorization: request.headers.get('authorization') ?? '' } : {} },
  });
  router = createServer(gateway);
  await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
  routerUrl = `http://127.0.0.1:${(router.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => router?.close(resolve));
  await company?.close();
  await stack?.close();
});

describe('the gateway as a Federation v2 subgraph', () => {
  it('publishes its SDL with @link and @key, without federation run-time definitions', async () => {
    const { data } = await stack.request<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    expect(sdl).toMatch(/type Recipe implements Node @key\(fields: "id"\) @key\(fields: "workatoId"\)/);
    expect(sdl).not.toMatch(/scalar _Any|directive @key|_entities/);
    // Every type a normalized cache keys by `id` can be referenced by a router too.
    const entities = entityKeys([parse(sdl)]);
    expect(NODE_TYPES.filter((t) => !entities.get(t)?.includes('id'))).toEqual([]);
  });

  it('Workato → company: recipes from our subgraph, owners from theirs', async () => {
    stack.sim.resetCounts();
    const result = await supergraph('{ recipes(first: 100) { nodes { workatoId name owner { name } } } }');
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data.recipes.nodes.map((r: any) => [r.workatoId, r]));
    expect(byId.get('3307712')).toMatchObject({ owner: { name: 'Revenue Operations' } });
    expect(byId.get('3307601')).toMatchObject({ owner: { name: 'Platform' } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
  });

  it('company → Workato: teams from their subgraph, recipe details resolved by ours through _entities', async () => {
    stack.sim.resetCounts();
    const result = await supergraph('{ teams { name recipes { name running folder { name } } } }');
    expect(result.errors).toBeUndefined();
    const revenue = result.data.teams.find((t: any) => t.name === 'Revenue Operations');
    expect(revenue.recipes.map((r: any) => r.name)).toEqual([
      'Salesforce won opportunity -> NetSuite sales order',
      expect.any(String),
    ]);
    expect(revenue.recipes[0].folder.name).toBe('Salesforce sync');
    // Four representations in one _entities call: one page of the id-descending list, starting just above the
    // highest id, holds all four (src/loaders/recipes.ts), instead of four GETs.
    expect(stack.sim.counts()['GET /api/recipes']).toBe(1);
    expect(stack.sim.counts()['GET /api/recipes/:id']).toBeUndefined();
  });

  it('extends the workspace across subgraphs', async () => {
    const result = await supergraph('{ me { name workatoId billingContact } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.me.billingContact).toBe(`billing+${result.data.me.workatoId}@company.example`);
  });

  it('resolves a batch of 100 recipe representations with a bounded number of REST calls', async () => {
    const { recipes } = await stack.gql('{ recipes(first: 100) { nodes { workatoId } } }');
    const reps = recipes.nodes.map((r: any) => `{ __typename: "Recipe", workatoId: "${r.workatoId}" }`).join(', ');
    stack.sim.resetCounts();
    const { _entities } = await stack.gql(`{ _entities(representations: [${reps}]) { ... on Recipe { workatoId name } } }`);
    expect(_entities.map((r: any) => r.workatoId)).toEqual(recipes.nodes.map((r: any) => r.workatoId));
    // The 100 newest recipes are one page of the id-descending list: one call instead of 100 GETs.
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
  });

  it('resolves every entity type by its keys, Embedded customers and builds included', async () => {
    const { me, project } = await stack.gql('{ me { id } project(id: "44021") { id folder { id } } }');
    const { _entities } = await stack.gql(`{ _entities(representations: [
      { __typename: "Workspace", id: "${me.id}" },
      { __typename: "Folder", id: "${project.folder.id}" },
      { __typename: "Project", workatoId: "44021" },
      { __typename: "Connector", name: "salesforce" },
      { __typename: "Connection", workatoId: "880101" },
      { __typename: "ManagedUser", workatoId: "19029" },
      { __typename: "ProjectBuild", workatoId: "98211" },
      { __typename: "Deployment", workatoId: "51177" }
    ]) { __typename ... on Node { id } } }`);
    expect(_entities.map((e: any) => e.__typename)).toEqual(['Workspace', 'Folder', 'Project', 'Connector', 'Connection', 'ManagedUser', 'ProjectBuild', 'Deployment']);
    expect(_entities[0].id).toBe(me.id);
    expect(_entities[2].id).toBe(project.id);
  });

  it('answers an unknown or malformed representation with a coded error, not a crash', async () => {
    const r = await stack.request('{ _entities(representations: [{ __typename: "Recipe", workatoId: "1" }, { __typename: "Nope", id: "x" }]) { __typename } }');
    expect(r.data?._entities).toEqual([null, null]);
    expect(r.errors?.map((e) => e.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('resolves the objects that have only a global id (a property, an MCP tool) by it', async () => {
    const { properties, mcpServers } = await stack.gql('{ properties(prefix: "s") { id } mcpServers(first: 1) { nodes { tools(first: 1) { nodes { id } } } } }');
    const reps = [{ __typename: 'Property', id: properties[0].id }, { __typename: 'McpTool', id: mcpServers.nodes[0].tools.nodes[0].id }];
    const { _entities } = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Node { id } } }', { r: reps });
    expect(_entities).toEqual(reps);
  });

  it('refuses a key Workato could not have issued, and an id of another type, before any Workato call', async () => {
    const { project } = await stack.gql('{ project(id: "44021") { id } }');
    stack.sim.resetCounts();
    // `Number()` alone reads the first three as recipe 3307712 (or, 17 digits, as another recipe).
    const keys = ['" 3307712 "', '"0x327ac0"', '"10000000000000001"', '""', '{ a: 1 }', 'true'];
    const reps = [...keys.map((k) => `{ __typename: "Recipe", workatoId: ${k} }`), `{ __typename: "Recipe", id: "${project.id}" }`];
    const r = await stack.request(`{ _entities(representations: [${reps.join(', ')}]) { __typename } }`);
    expect(r.data?._entities).toEqual(reps.map(() => null));
    expect(r.errors?.map((e) => [e.path?.[1], e.extensions?.code]).sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual(reps.map((_, i) => [i, 'BAD_USER_INPUT']));
    expect(r.errors?.every((e) => e.extensions?.argument === 'representations')).toBe(true);
    expect(stack.sim.counts()).toEqual({});
  });

  it('refuses more representations than MAX_IDS at once (each may cost a Workato call), before any call', async () => {
    stack.sim.resetCounts();
    const reps = Array.from({ length: 501 }, (_, i) => ({ __typename: 'Deployment', workatoId: String(51_000 + i) }));
    const r = await stack.request('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: reps });
    expect(r.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'TOO_MANY_IDS', argument: 'representations', max: 500 })]);
    const nodes = await stack.request('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: reps.map((x) => x.workatoId) });
    expect(nodes.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_IDS']);
    expect(stack.sim.counts()).toEqual({});
  });

  it('composes beside another Relay subgraph: PageInfo is shareable', () => {
    const relay = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
      type Team @key(fields: "id") { id: ID! name: String! }
      type TeamConnection { nodes: [Team!]! pageInfo: PageInfo! }
      type Query { teams(first: Int): TeamConnection! }
    `);
    const ours = parse(readFileSync(new URL('../../published/subgraph.graphql', import.meta.url), 'utf8'));
    const composed = composeServices([
      { name: 'workato', url: 'http://workato.invalid/graphql', typeDefs: ours },
      { name: 'teams', url: 'http://teams.invalid/graphql', typeDefs: relay },
    ]);
    expect(composed.errors?.map((e) => e.message) ?? []).toEqual([]);
  });
});
