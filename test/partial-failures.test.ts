/**
 * "Fields that call Workato are nullable" (schema/base.graphql): when one lookup fails, that field is null with its
 * error and its siblings — the rest of a list above all — still answer. And a failed lookup is never passed off as a
 * shorter list: only ids Workato no longer knows are left out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO });
});
afterEach(() => stack.sim.clearFaults());
afterAll(() => stack.close());

describe('one failing lookup under a list', () => {
  it("nulls a recipe's tags, not the recipe list", async () => {
    stack.sim.inject({ route: 'GET /api/tags', status: 500, times: Infinity });
    const r = await stack.request(`{ recipes(first: 3) { nodes { workatoId tags { id } } } }`);
    expect(r.data?.recipes?.nodes).toHaveLength(3);
    expect(r.data!.recipes.nodes.every((n: any) => n.tags === null && typeof n.workatoId === 'string')).toBe(true);
    expect(r.errors?.[0]).toMatchObject({ path: ['recipes', 'nodes', 0, 'tags'], extensions: { code: 'UPSTREAM_ERROR' } });
  });

  it("nulls a group's agents and a recipe's connections, not their lists", async () => {
    stack.sim.inject({ route: 'GET /api/on_prem_agents', status: 500, times: Infinity });
    stack.sim.inject({ route: 'GET /api/connections', status: 500, times: Infinity });
    const r = await stack.request(`{ onPremGroups(first: 2) { nodes { workatoId agents { id } } } recipes(first: 2) { nodes { workatoId connections { id } } } }`);
    expect(r.data?.onPremGroups?.nodes.map((g: any) => g.agents)).toEqual([null, null]);
    expect(r.data?.recipes?.nodes.map((n: any) => n.connections)).toEqual([null, null]);
    expect(new Set(r.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_ERROR']));
  });

  it("nulls a recipe's action connectors, a knowledge base's recipes, a client's collections and a row's cells, not their lists", async () => {
    stack.sim.inject({ route: 'GET /api/integrations', status: 500, times: Infinity });
    stack.sim.inject({ route: 'GET /api/agentic/knowledge_bases/:id/recipes', status: 500, times: Infinity });
    stack.sim.inject({ route: 'GET /api/api_collections', status: 500, times: Infinity });
    const r = await stack.request(`{
      recipes(first: 2) { nodes { workatoId actionConnectors { name } } }
      knowledgeBases(first: 2) { nodes { workatoId recipes { id } } }
      apiPlatformClients(first: 2) { nodes { workatoId apiCollections { id } } }
    }`);
    expect(r.data?.recipes?.nodes.map((n: any) => n.actionConnectors)).toEqual([null, null]);
    expect(r.data?.knowledgeBases?.nodes.map((n: any) => n.recipes)).toEqual([null, null]);
    expect(r.data?.apiPlatformClients?.nodes.map((n: any) => n.apiCollections)).toEqual([null, null]);
    expect(new Set(r.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_ERROR']));
    stack.sim.clearFaults();
    const { lookupTables } = await stack.gql(`{ lookupTables(first: 1) { nodes { id } } }`);
    stack.sim.inject({ route: 'GET /api/lookup_tables', status: 500, times: Infinity });
    const rows = await stack.request(`query($id: ID!) { lookupTable(id: $id) { rows(first: 2) { nodes { workatoId cells { value } } } } }`, { id: lookupTables.nodes[0].id });
    expect(rows.data?.lookupTable?.rows?.nodes.map((n: any) => n.cells)).toEqual([null, null]);
  });

  it('answers an error, not an empty list, when the lookup behind a list of links fails', async () => {
    stack.sim.inject({ route: 'GET /api/iam/user_groups', status: 500, times: Infinity });
    const r = await stack.request(`{ iamUsers(first: 2) { nodes { workatoId userGroups { id } } } }`);
    expect(r.data?.iamUsers?.nodes.map((u: any) => u.userGroups)).toEqual([null, null]);
    expect(r.errors?.[0]).toMatchObject({ path: ['iamUsers', 'nodes', 0, 'userGroups'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});
