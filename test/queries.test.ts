import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('queries against the simulator', () => {
  it('reads the workspace with every documented field', async () => {
    const { me } = await stack.gql(`{
      me { id workatoId name email companyName planId createdAt currentBillingPeriodStart currentBillingPeriodEnd
           expert avatarUrl recipesCount activeRecipesCount interestedApplications location lastSeen contactPhone
           contactEmail aboutMe phone rootFolder { name isHome workatoId } }
    }`);
    const wire = await rest(stack.sim, '/users/me');
    expect(me).toMatchObject({
      workatoId: String(wire.id),
      name: wire.name,
      email: wire.email,
      companyName: wire.company_name,
      planId: wire.plan_id,
      recipesCount: wire.recipes_count,
      activeRecipesCount: wire.active_recipes_count,
      interestedApplications: wire.interested_applications,
      phone: wire.phone,
      rootFolder: { name: 'Home', isHome: true, workatoId: String(wire.root_folder_id) },
    });
    expect(typeof me.id).toBe('string');
  });

  it("reads a recipe's user_id as userId: the workspace that owns it (REFERENCE §7, §8.2), not its author", async () => {
    const wire = await rest(stack.sim, '/recipes/3307712');
    const me = await rest(stack.sim, '/users/me');
    expect(wire.user_id).toBe(me.id);
    const data = await stack.gql(`{ me { workatoId } recipe(id: "3307712") { userId authorName } recipes(first: 3) { nodes { userId } } }`);
    expect(data.recipe).toEqual({ userId: String(wire.user_id), authorName: 'Priya Raman' });
    expect(data.recipe.userId).toBe(data.me.workatoId);
    expect(data.recipes.nodes.map((r: { userId: string }) => r.userId)).toEqual([data.me.workatoId, data.me.workatoId, data.me.workatoId]);
  });

  it('reads one recipe with its relations (the Northwind fixture recipe)', async () => {
    const { recipe } = await stack.gql(`{
      recipe(id: "3307712") {
        workatoId name running description versionNo jobSucceededCount jobFailedCount applications
        triggerApplication actionApplications tagHandles tags { workatoId title } code
        triggerConnector { name title } actionConnectors { name title }
        folder { workatoId name parent { name project { workatoId name } } }
        connections { workatoId name application connected connector { title } }
        config { name provider connectionId skipValidation connection { name } }
      }
    }`);
    expect(recipe).toMatchObject({
      workatoId: '3307712',
      name: 'Salesforce won opportunity -> NetSuite sales order',
      running: true,
      triggerApplication: 'salesforce',
      actionApplications: ['netsuite', 'slack'],
      triggerConnector: { name: 'salesforce', title: 'Salesforce' },
      folder: { workatoId: '1201210', name: 'Salesforce sync', parent: { name: 'Order to Cash', project: { workatoId: '44021' } } },
    });
    expect(recipe.actionConnectors.map((c: any) => c.name)).toEqual(['netsuite', 'slack']);
    expect(recipe.connections.map((c: any) => c.workatoId)).toEqual(['880101', '880102', '880103']);
    expect(recipe.config[0]).toMatchObject({ name: 'salesforce', connectionId: '880101', connection: { name: 'Salesforce Prod' } });
    expect(recipe.code).toMatchObject({ keyword: 'trigger', provider: 'salesforce' });
    expect(recipe.tagHandles).toEqual(['tag-ANgeffPL-3gxQwA', 'tag-AQf3d2Kx-9LmNpZ']);
    expect(recipe.tags).toEqual([{ workatoId: 'tag-ANgeffPL-3gxQwA', title: 'Accounting' }, { workatoId: 'tag-AQf3d2Kx-9LmNpZ', title: 'Procurement' }]);
  });

  it('accepts a global id wherever a Workato id is accepted', async () => {
    const { recipe } = await stack.gql(`{ recipe(id: "3307712") { id } }`);
    const again = await stack.gql(`query($id: ID!) { recipe(id: $id) { workatoId } node(id: $id) { __typename id ... on Recipe { name } } }`, {
      id: recipe.id,
    });
    expect(again.recipe.workatoId).toBe('3307712');
    expect(again.node).toMatchObject({ __typename: 'Recipe', id: recipe.id });
  });

  it('filters recipes as Workato does', async () => {
    const { recipes } = await stack.gql(`{ recipes(first: 100, running: true) { nodes { running } } }`);
    expect(recipes.nodes.length).toBeGreaterThan(0);
    expect(recipes.nodes.every((r: any) => r.running)).toBe(true);
    const inFolder = await stack.gql(`{ recipes(folderId: "1201210") { nodes { workatoId folder { workatoId } } } }`);
    expect(inFolder.recipes.nodes.map((r: any) => r.folder.workatoId)).toEqual(inFolder.recipes.nodes.map(() => '1201210'));
    const withSlack = await stack.gql(`{ recipes(first: 100, adapterNamesAny: ["slack"]) { nodes { applications } } }`);
    expect(withSlack.recipes.nodes.every((r: any) => r.applications.includes('slack'))).toBe(true);
  });

  it('reads a job with its step lines, and job pages with their counters', async () => {
    const { recipe } = await stack.gql(`{
      recipe(id: "3307712") { jobs(first: 3) { totalCount jobCount succeededCount failedCount pendingCount
        nodes { id handle status title isError error errorParts { adapter errorType } recipe { workatoId } } } }
    }`);
    const wire = await rest(stack.sim, '/recipes/3307712/jobs');
    expect(recipe.jobs).toMatchObject({ succeededCount: wire.job_succeeded_count, failedCount: wire.job_failed_count, jobCount: wire.job_count });
    expect(recipe.jobs.nodes.map((j: any) => j.handle)).toEqual(wire.items.slice(0, 3).map((j: any) => j.id));
    const failed = recipe.jobs.nodes.find((j: any) => j.isError);
    expect(failed).toMatchObject({ status: 'FAILED', errorParts: { adapter: 'netsuite' } });

    const handle = wire.items[0].id;
    const { job } = await stack.gql(`query($h: String!) { job(recipeId: "3307712", handle: $h) {
      id handle status isRepeat isTest lines { recipeLineNumber adapterName adapterOperation lineStat } recipe { name } } }`, { h: handle });
    const detail = await rest(stack.sim, `/recipes/3307712/jobs/${handle}`);
    expect(job).toMatchObject({ handle, isRepeat: detail.is_repeat ?? null, recipe: { name: 'Salesforce won opportunity -> NetSuite sales order' } });
    expect(job.lines).toHaveLength(detail.lines.length);
    const { node } = await stack.gql(`query($id: ID!) { node(id: $id) { ... on Job { handle } } }`, { id: job.id });
    expect(node.handle).toBe(handle);
  });

  it('lists connections, folders, projects and connectors', async () => {
    const data = await stack.gql(`{
      connections(first: 100) { totalCount nodes { workatoId name application folder { name } } }
      connection(id: "880104") { name connected authorizationStatus connectionLostAt connector { title } }
      folders { nodes { workatoId name isProject project { workatoId name folder { workatoId } } children { nodes { name } } } }
      folder(id: "1201101") { name children { nodes { workatoId } } recipes { nodes { workatoId } } connections { workatoId } }
      projects(first: 100) { nodes { workatoId name description folder { workatoId name } } }
      project(id: "44021") { name folder { workatoId } }
      connectors(first: 2) { totalCount nodes { name title triggers { name title } actions { name } } }
      connector(name: "salesforce") { id title oauth categories }
    }`);
    const wireConnections = await rest<any[]>(stack.sim, '/connections');
    expect(data.connections.totalCount).toBe(wireConnections.length);
    expect(data.connection).toMatchObject({ name: expect.any(String), connected: false, authorizationStatus: 'failed' });
    expect(data.folders.nodes.find((f: any) => f.workatoId === '1201101')).toMatchObject({ name: 'Order to Cash', isProject: true, project: { workatoId: '44021' } });
    expect(data.folder.children.nodes.map((f: any) => f.workatoId)).toEqual(expect.arrayContaining(['1201210', '1201211']));
    expect(data.folder.connections.map((c: any) => c.workatoId)).toEqual(expect.arrayContaining(['880101', '880102']));
    expect(data.project).toMatchObject({ name: 'Order to Cash', folder: { workatoId: '1201101' } });
    const wireAll = await rest(stack.sim, '/integrations/all?page=1&per_page=2');
    expect(data.connectors.totalCount).toBe(wireAll.count);
    expect(data.connectors.nodes.map((c: any) => c.name)).toEqual(wireAll.items.map((c: any) => c.name));
    expect(data.connector).toMatchObject({ title: 'Salesforce', oauth: true });
  });

  it('resolves nodes of every type in one call', async () => {
    const ids = await stack.gql(`{
      me { id } recipe(id: "3307712") { id folder { id } connections { id } triggerConnector { id } jobs(first: 1) { nodes { id } } }
      project(id: "44021") { id }
    }`);
    const all = [ids.me.id, ids.recipe.id, ids.recipe.folder.id, ids.recipe.connections[0].id, ids.recipe.triggerConnector.id,
      ids.recipe.jobs.nodes[0].id, ids.project.id];
    const { nodes } = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: all });
    expect(nodes.map((n: any) => n.__typename)).toEqual(['Workspace', 'Recipe', 'Folder', 'Connection', 'Connector', 'Job', 'Project']);
    expect(nodes.map((n: any) => n.id)).toEqual(all);
  });
});
