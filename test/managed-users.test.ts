import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
/** A customer whose external id needs URL encoding (§17.0: `E` + encodeURIComponent). */
const ODD_EXTERNAL_ID = 'acme/eu west#1?x=ü';

beforeAll(async () => {
  stack = await startStack();
  const created = await fetch(`${stack.sim.url}/managed_users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.sim.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Odd Ids Ltd', notification_email: 'ops@odd.example', external_id: ODD_EXTERNAL_ID }),
  });
  expect(created.status).toBe(200);
});
afterAll(() => stack.close());

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Folder list calls a breadth-first walk of customer 19029's tree needs to find every id in `wanted`. */
async function folderCallsToFind(customer: number, wanted: Set<number>): Promise<number> {
  const remaining = new Set(wanted);
  let level: any[] = (await rest(stack.sim, `/managed_users/${customer}/folders?per_page=100`)).result;
  let calls = 1;
  if (level[0]) remaining.delete(level[0].parent_id);
  while (level.length && remaining.size) {
    for (const f of level) remaining.delete(f.id);
    if (remaining.size === 0) break;
    const next: any[] = [];
    for (const f of level) {
      next.push(...(await rest(stack.sim, `/managed_users/${customer}/folders?parent_id=${f.id}&per_page=100`)).result);
      calls++;
    }
    level = next;
  }
  return calls;
}

describe('managedUsers / managedUser', () => {
  it('lists the partner workspace customers page by page, as Workato lists them', async () => {
    const first = await stack.gql(`{ managedUsers(first: 2) { pageInfo { hasNextPage endCursor } nodes { workatoId externalId name inTrial planId originUrl createdAt } } }`);
    expect(first.managedUsers.nodes).toEqual([
      { workatoId: '19029', externalId: 'ACME-001', name: 'Acme Corporation', inTrial: false, planId: 'oem_plan', originUrl: null, createdAt: '2024-09-02T11:20:45.118-07:00' },
      { workatoId: '19030', externalId: 'GLOBEX-7', name: 'Globex', inTrial: false, planId: 'oem_plan', originUrl: 'https://integrations.globex.example', createdAt: '2024-10-14T09:02:33.904-07:00' },
    ]);
    expect(first.managedUsers.pageInfo.hasNextPage).toBe(true);
    const rest2 = await stack.gql(`query($after: String) { managedUsers(first: 5, after: $after) { pageInfo { hasNextPage } nodes { workatoId inTrial } } }`, {
      after: first.managedUsers.pageInfo.endCursor,
    });
    expect(rest2.managedUsers.nodes.map((n: any) => n.workatoId)).toEqual(['19041', expect.any(String)]);
    expect(rest2.managedUsers.nodes[0].inTrial).toBe(true);
    expect(rest2.managedUsers.pageInfo.hasNextPage).toBe(false);
  });

  it('finds customers by id, by global id and by external id: two in one request cost one list page, not two GETs', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{
      a: managedUser(id: "19029") { id name externalId notificationEmail }
      b: managedUser(externalId: "GLOBEX-7") { workatoId name }
    }`);
    expect(data.a).toEqual({ id: b64('ManagedUser:19029'), name: 'Acme Corporation', externalId: 'ACME-001', notificationEmail: 'it-alerts@acme.example' });
    expect(data.b).toEqual({ workatoId: '19030', name: 'Globex' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users': 1 });
    stack.sim.resetCounts();
    const again = await stack.gql(`query($id: ID!) { managedUser(id: $id) { workatoId } }`, { id: data.a.id });
    expect(again.managedUser.workatoId).toBe('19029');
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:id': 1 });
  });

  it('URL-encodes an external id into the E-segment and finds the customer', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($ext: String!) { managedUser(externalId: $ext) { name externalId recipes(first: 1) { nodes { id } } } }`, { ext: ODD_EXTERNAL_ID });
    expect(data.managedUser).toEqual({ name: 'Odd Ids Ltd', externalId: ODD_EXTERNAL_ID, recipes: { nodes: [] } });
    expect(stack.sim.log()[0]!.path).toBe(`/api/managed_users/E${encodeURIComponent(ODD_EXTERNAL_ID)}`);
  });

  it('refuses a wrong combination of id and externalId, and answers NOT_FOUND for an unknown customer', async () => {
    for (const args of ['', 'id: "19029", externalId: "ACME-001"']) {
      const r = await stack.request(`{ managedUser${args ? `(${args})` : ''} { name } }`);
      expect(r.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
    }
    const wrongType = await stack.request(`{ managedUser(id: "${b64('Recipe:3307712')}") { name } }`);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const r = await stack.request(`{ byId: managedUser(id: "99999") { name } byExt: managedUser(externalId: "NOPE") { name } managedUsers(first: 1) { nodes { name } } }`);
    expect(r.data).toEqual({ byId: null, byExt: null, managedUsers: { nodes: [{ name: 'Acme Corporation' }] } });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe("a customer's workspace", () => {
  it('reads 10 recipes with folder, connections and jobs in 1 recipes list, 1 connections list, a folder walk and 10 job lists', async () => {
    const recipes = (await rest(stack.sim, '/managed_users/19029/recipes?per_page=11')).result.slice(0, 10);
    const folderCalls = await folderCallsToFind(19029, new Set(recipes.map((r: any) => r.folder_id)));
    stack.sim.resetCounts();
    const data = await stack.gql(`{ managedUser(id: "19029") { recipes(first: 10) { edges { node {
      id name folder { name } connections { name application } jobs(first: 5) { totalCount nodes { handle status } }
    } } } } }`);
    const nodes = data.managedUser.recipes.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.name)).toEqual(recipes.map((r: any) => r.name));
    expect(nodes.every((n: any) => n.folder?.name && n.jobs.nodes.length === 5 && n.jobs.totalCount === 30)).toBe(true);
    expect(nodes.some((n: any) => n.connections.length > 0)).toBe(true);
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:managed_user_id/recipes': 1,
      'GET /api/managed_users/:managed_user_id/connections': 1,
      'GET /api/managed_users/:managed_user_id/folders': folderCalls,
      'GET /api/managed_users/:managed_user_id/recipes/:recipe_id/jobs': 10,
    });
    expect(stack.sim.log().every((l) => l.path.startsWith('/api/managed_users/19029'))).toBe(true);
  });

  it("reads the billing-period figures from the customer's own GET: free with managedUser(id:), one GET per listed customer", async () => {
    const wire = await rest(stack.sim, '/managed_users/19029');
    stack.sim.resetCounts();
    const FIGURES = 'taskCount currentBillingPeriodStart currentBillingPeriodEnd activeRecipeCount activeConnectionCount activeConnectionLimit fullEmbedding whitelistedApps teamName';
    const one = await stack.gql(`{ managedUser(id: "19029") { name ${FIGURES} } }`);
    expect(one.managedUser).toEqual({
      name: 'Acme Corporation', taskCount: wire.task_count, currentBillingPeriodStart: wire.current_billing_period_start,
      currentBillingPeriodEnd: wire.current_billing_period_end, activeRecipeCount: wire.active_recipe_count,
      activeConnectionCount: wire.active_connection_count, activeConnectionLimit: null, fullEmbedding: false, whitelistedApps: [],
      teamName: 'Acme Corporation',
    });
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users/:id': 1 });

    stack.sim.resetCounts();
    const { managedUsers } = await stack.gql(`{ managedUsers(first: 3) { nodes { workatoId name taskCount activeRecipeCount } } }`);
    expect(managedUsers.nodes).toHaveLength(3);
    expect(managedUsers.nodes[0]).toMatchObject({ workatoId: '19029', taskCount: wire.task_count });
    expect(stack.sim.counts()).toEqual({ 'GET /api/managed_users': 1, 'GET /api/managed_users/:id': 3 });
  });

  it('reads the customer record only when a field of it is selected; an unknown id is NOT_FOUND from the call that finds out', async () => {
    const customerRead = () => stack.sim.counts()['GET /api/managed_users/:id'] ?? 0;
    stack.sim.resetCounts();
    const workspaceOnly = await stack.gql(`{ managedUser(id: "19029") { id workatoId connections(first: 1) { nodes { name } } } }`);
    expect(workspaceOnly.managedUser).toMatchObject({ id: expect.any(String), workatoId: '19029', connections: { nodes: [{ name: expect.any(String) }] } });
    expect(customerRead()).toBe(0);
    // The same ids as when the record is read.
    const withRecord = await stack.gql(`{ managedUser(id: "19029") { id workatoId name } }`);
    expect(withRecord.managedUser).toMatchObject({ id: workspaceOnly.managedUser.id, workatoId: '19029', name: 'Acme Corporation' });
    expect(customerRead()).toBe(1);
    // `{ id }` alone is an existence check, and an external id needs the record to find the numeric id: two
    // customers to find, from one page of the customer list.
    stack.sim.resetCounts();
    await stack.gql(`{ a: managedUser(id: "19029") { id } b: managedUser(externalId: "ACME-001") { folders(first: 1) { nodes { id } } } }`);
    expect(customerRead()).toBe(0);
    expect(stack.sim.counts()['GET /api/managed_users']).toBe(1);

    const unknown = await stack.request(`{ managedUser(id: "99999") { workatoId recipes(first: 1) { nodes { id } } } }`);
    expect(unknown.data?.managedUser).toEqual({ workatoId: '99999', recipes: null });
    expect(unknown.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['managedUser.recipes', 'NOT_FOUND']]);
  });

  it("gives a customer's objects global ids that carry the customer, and node() goes back to the same customer", async () => {
    const data = await stack.gql(`{ managedUser(externalId: "ACME-001") {
      recipes(first: 1) { nodes { id workatoId folder { id } jobs(first: 1) { nodes { id handle } } } }
      connections(first: 1) { nodes { id workatoId } }
      projects(first: 1) { nodes { id workatoId } }
      members { id workatoId }
      lookupTables(first: 1) { nodes { id workatoId } }
    } }`);
    const mu = data.managedUser;
    const recipe = mu.recipes.nodes[0];
    expect(Buffer.from(recipe.id, 'base64url').toString()).toBe(`Recipe@19029:${recipe.workatoId}`);
    const ids = [recipe.id, recipe.folder.id, recipe.jobs.nodes[0].id, mu.connections.nodes[0].id, mu.projects.nodes[0].id, mu.members[0].id, mu.lookupTables.nodes[0].id];
    stack.sim.resetCounts();
    const back = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(back.nodes.map((n: any) => n.__typename)).toEqual(['Recipe', 'Folder', 'Job', 'Connection', 'Project', 'Member', 'LookupTable']);
    expect(back.nodes.map((n: any) => n.id)).toEqual(ids);
    expect(stack.sim.log().every((l) => l.path.startsWith('/api/managed_users/19029/'))).toBe(true);
    const byRecipe = await stack.gql(`query($id: ID!) { recipe(id: $id) { workatoId } }`, { id: recipe.id });
    expect(byRecipe.recipe.workatoId).toBe(recipe.workatoId);
  });

  it("refuses a customer's folder id at workspace level instead of silently listing nothing", async () => {
    const { managedUser } = await stack.gql('{ managedUser(id: "19029") { folders(first: 1) { nodes { id } } } }');
    stack.sim.resetCounts();
    const r = await stack.request('query($f: ID!) { recipes(folderId: $f) { nodes { name } } }', { f: managedUser.folders.nodes[0].id });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'folderId' });
    expect(stack.sim.total()).toBe(0);
  });

  it('finds a Home-only customer\'s Home folder without /users/me, which customers do not have', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ managedUser(id: "19041") { folders { nodes { id } } recipes(first: 3) { nodes { folder { name isHome parent { id } } } } } }`);
    expect(data.managedUser.folders.nodes).toEqual([]);
    expect(data.managedUser.recipes.nodes).toEqual(Array(3).fill({ folder: { name: 'Home', isHome: true, parent: null } }));
    expect(stack.sim.counts()['GET /api/users/me']).toBeUndefined();
    expect(stack.sim.counts()['GET /api/managed_users/:managed_user_id/folders']).toBe(2);
  });

  it('reads the 2019 connection shape (`provider`) and lookup table columns', async () => {
    const data = await stack.gql(`{ managedUser(id: "19029") {
      connection(id: "6132") { name application connected }
      lookupTables { nodes { name columns { label name type } project { name } } }
      members { name roles { environmentType roleName } }
    } }`);
    expect(data.managedUser.connection).toEqual({ name: 'Acme Box', application: 'box', connected: true });
    expect(data.managedUser.lookupTables.nodes[1]).toMatchObject({
      name: 'Plan tiers', columns: [{ label: 'tier', name: 'col1', type: 'string' }, { label: 'task_limit', name: 'col2', type: 'string' }], project: { name: expect.any(String) },
    });
    expect(data.managedUser.members[0]).toEqual({ name: 'Wile Coyote', roles: [{ environmentType: 'dev', roleName: 'Admin' }] });
  });

  it("keeps workspaces apart: a customer's objects never show at workspace level, nor the workspace's in a customer", async () => {
    const data = await stack.gql(`{
      recipes(first: 100) { nodes { workatoId } }
      connections(first: 100) { nodes { workatoId } }
      managedUser(id: "19029") { recipes(first: 100) { nodes { id workatoId } } connections(first: 100) { nodes { workatoId } } }
    }`);
    const own = new Set([...data.recipes.nodes, ...data.connections.nodes].map((n: any) => n.workatoId));
    const customer = [...data.managedUser.recipes.nodes, ...data.managedUser.connections.nodes].map((n: any) => n.workatoId);
    expect(customer.filter((id: string) => own.has(id))).toEqual([]);
    const customerRecipe = data.managedUser.recipes.nodes[0];
    const atWorkspace = await stack.request(`{ recipe(id: "${customerRecipe.workatoId}") { name } }`);
    expect(atWorkspace.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await stack.request(`query($id: ID!) { managedUser(id: "19030") { recipe(id: $id) { name } } mine: managedUser(id: "19030") { recipe(id: "3307712") { name } } }`, { id: customerRecipe.id });
    expect(wrong.errors?.map((e) => e.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('answers 403 as FORBIDDEN for a token whose workspace is not an Embed admin', async () => {
    const other = await startStack({ simulator: { workspaces: { 'tok-partner': {}, 'tok-plain': { recipes: 1 } } } });
    try {
      const r = await other.request(`{ managedUsers { nodes { name } } }`, undefined, { token: 'tok-plain' });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await other.close();
    }
  });
});
