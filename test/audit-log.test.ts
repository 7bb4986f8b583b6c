import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exported, manifest } from './support/packages.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => stack.sim.clearFaults());

interface Entry {
  id: number;
  event_type: string;
  timestamp: string;
  user: { id: number };
  resource: { id: number; name: string; type: string };
}

const PAGE = `query($first: Int, $after: String, $types: [AuditLogResourceType!], $users: [ID!], $from: DateTime, $to: DateTime,
  $events: [String!], $noEvents: [String!], $noTypes: [AuditLogResourceType!]) {
  auditLog(first: $first, after: $after, includeResourceTypes: $types, excludeResourceTypes: $noTypes, userIds: $users,
    from: $from, to: $to, includeEventTypes: $events, excludeEventTypes: $noEvents) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { workatoId eventType occurredAt user { workatoId } resource { workatoId name type typeName } } }
  }
}`;

const restLog = async (query: string, path = '/activity_logs'): Promise<Entry[]> => (await rest<{ data: Entry[] }>(stack.sim, `${path}?${query}`)).data;
const gid = (type: string, key: string | number, scope?: string) => Buffer.from(`${type}${scope ? `@${scope}` : ''}:${key}`).toString('base64url');
const sent = () => stack.sim.log().map((e) => decodeURIComponent(e.path));
/** §27 wire name → enum value: `SharedAccount` → `SHARED_ACCOUNT`, `Tags::Models::Tag` → `TAGS_MODELS_TAG`. */
const enumOf = (wire: string) => wire.replace(/::/g, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.map((e) => e.extensions?.code);

describe('Query.auditLog', () => {
  it('reads one page with one look-ahead entry, as Workato sends it', async () => {
    const truth = await restLog('page%5Bsize%5D=10');
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(PAGE, { first: 10 });
    expect(stack.sim.counts()).toEqual({ 'GET /api/activity_logs': 1 });
    expect(sent()).toEqual(['/api/activity_logs?page[size]=11']);
    expect(auditLog.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(auditLog.edges.map((e: any) => e.node)).toEqual(
      truth.map((e) => ({
        workatoId: String(e.id), eventType: e.event_type, occurredAt: e.timestamp, user: { workatoId: String(e.user.id) },
        resource: { workatoId: String(e.resource.id), name: e.resource.name, type: enumOf(e.resource.type), typeName: e.resource.type },
      })),
    );
  });

  it('walks the whole log page by page over page[after], with no gap or duplicate and an exact hasNextPage', async () => {
    const all: Entry[] = [];
    for (let after: number | undefined; ; ) {
      const page = await restLog(`page%5Bsize%5D=100${after ? `&page%5Bafter%5D=${after}` : ''}`);
      all.push(...page);
      if (page.length < 100) break;
      after = page.at(-1)!.id;
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    stack.sim.resetCounts();
    for (;;) {
      const { auditLog }: { auditLog: any } = await stack.gql(PAGE, { first: 37, after });
      seen.push(...auditLog.edges.map((e: any) => e.node.workatoId));
      pages++;
      if (!auditLog.pageInfo.hasNextPage) break;
      after = auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => String(e.id)));
    expect(pages).toBe(Math.ceil(all.length / 37));
    expect(stack.sim.counts()).toEqual({ 'GET /api/activity_logs': pages });
    expect(sent()[1]).toBe(`/api/activity_logs?page[after]=${seen[36]}&page[size]=38`);
  });

  it('passes every filter on as Workato names it, resource types mapped to their wire names', async () => {
    const all = await restLog('page%5Bsize%5D=100');
    const from = all[80]!.timestamp;
    const to = all[5]!.timestamp;
    const user = all[0]!.user.id;
    const query = `page%5Bsize%5D=100&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&users_ids%5B%5D=${user}` +
      '&include_resource_types%5B%5D=Flow&include_resource_types%5B%5D=Tags%3A%3AModels%3A%3ATag&exclude_event_types%5B%5D=recipe_created';
    const truth = await restLog(query);
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(PAGE, { first: 99, from, to, users: [String(user)], types: ['FLOW', 'TAGS_MODELS_TAG'], noEvents: ['recipe_created'] });
    expect(auditLog.edges.map((e: any) => e.node.workatoId)).toEqual(truth.map((e) => String(e.id)));
    expect(truth.length).toBeGreaterThan(0);
    expect(sent()).toEqual([
      `/api/activity_logs?from=${from}&to=${to}&users_ids[]=${user}&include_resource_types[]=Flow&include_resource_types[]=Tags::Models::Tag` +
        '&exclude_event_types[]=recipe_created&page[size]=100',
    ]);
    const started = await stack.gql(PAGE, { first: 20, events: ['recipe_started'], noTypes: ['SHARED_ACCOUNT'] });
    expect(new Set(started.auditLog.edges.map((e: any) => e.node.eventType))).toEqual(new Set(['recipe_started']));
  });

  it('uses the short-page rule at first: 100 (no room for a look-ahead)', async () => {
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(PAGE, { first: 100 });
    expect(auditLog.edges).toHaveLength(100);
    expect(auditLog.pageInfo.hasNextPage).toBe(true);
    expect(sent()).toEqual(['/api/activity_logs?page[size]=100']);
  });

  it('refuses bad arguments with BAD_USER_INPUT before any Workato call', async () => {
    stack.sim.resetCounts();
    for (const variables of [{ first: 0 }, { first: 101 }, { types: ['OTHER'] }, { noTypes: ['OTHER'] }, { users: ['priya'] },
      { from: '2025-06-02T00:00:00Z', to: '2025-06-01T00:00:00Z' }, { after: 'bm90LWEtY3Vyc29y' }]) {
      const result = await stack.request(PAGE, variables);
      expect(codeOf(result), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(result.data?.auditLog).toBeNull();
    }
    expect(stack.sim.counts()).toEqual({});
  });

  it("maps Workato's refusals and failures to top-level codes", async () => {
    stack.sim.inject({ route: 'GET /api/activity_logs', status: 403, body: { message: 'Forbidden' } });
    expect(codeOf(await stack.request(PAGE, { first: 5 }))).toEqual(['FORBIDDEN']);
    stack.sim.inject({ route: 'GET /api/activity_logs', status: 500, body: { message: 'Server error', id: 'e-1' } });
    expect(codeOf(await stack.request(PAGE, { first: 5 }))).toEqual(['UPSTREAM_ERROR']);
  });

  it('answers OTHER with the wire name for a resource type it does not know, without crashing', async () => {
    stack.sim.inject({
      route: 'GET /api/activity_logs',
      status: 200,
      body: { data: [{ id: 77, event_type: 'widget_made', timestamp: '2025-06-01T10:00:00.000-07:00', resource: { id: 5, name: 'W', type: 'Widgets::Widget' } }], total: 1 },
    });
    const { auditLog } = await stack.gql(`{ auditLog(first: 5) { pageInfo { hasNextPage } nodes { workatoId resource { type typeName object { id } } } } }`);
    expect(auditLog).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: '77', resource: { type: 'OTHER', typeName: 'Widgets::Widget', object: null } }] });
  });
});

describe('AuditLogResource.object', () => {
  const OBJECTS = `query($types: [AuditLogResourceType!], $first: Int) { auditLog(first: $first, includeResourceTypes: $types) { nodes {
    resource { workatoId name type object { __typename id ... on Recipe { workatoId name } ... on Connection { workatoId name }
      ... on Folder { workatoId name } ... on Project { workatoId name } ... on CustomConnector { workatoId title }
      ... on Deployment { workatoId } ... on ProjectBuild { workatoId } } }
  } } }`;

  it('links recipe entries to their Recipe from one recipe list, and deleted recipes to null (one GET each)', async () => {
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(OBJECTS, { types: ['FLOW'], first: 60 });
    const resources = auditLog.nodes.map((n: any) => n.resource);
    const gone = new Set(resources.filter((r: any) => r.name.startsWith('Retired sync')).map((r: any) => r.workatoId));
    for (const r of resources) {
      if (gone.has(r.workatoId)) expect(r.object).toBeNull();
      else expect(r.object).toEqual({ __typename: 'Recipe', id: gid('Recipe', r.workatoId), workatoId: r.workatoId, name: r.name });
    }
    expect(resources.length).toBe(60);
    expect(gone.size).toBeGreaterThan(0);
    // 60 entries, dozens of recipes: one page of the recipe list; a recipe it does not hold is asked for by id, once.
    expect(stack.sim.counts()).toEqual({ 'GET /api/activity_logs': 1, 'GET /api/recipes': 1, 'GET /api/recipes/:id': gone.size });
  });

  it('links connections, projects, custom connectors, builds and deployments, one list call per family', async () => {
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(OBJECTS, { types: ['SHARED_ACCOUNT', 'PROJECT', 'ADAPTER'], first: 99 });
    const byType = (t: string) => auditLog.nodes.map((n: any) => n.resource).filter((r: any) => r.type === t);
    for (const [type, typename] of [['SHARED_ACCOUNT', 'Connection'], ['PROJECT', 'Project']]) {
      expect(byType(type!).length).toBeGreaterThan(0);
      for (const r of byType(type!)) expect(r.object).toEqual({ __typename: typename, id: gid(typename!, r.workatoId), workatoId: r.workatoId, name: r.name });
    }
    for (const r of byType('ADAPTER')) expect(r.object).toEqual({ __typename: 'CustomConnector', id: gid('CustomConnector', r.workatoId), workatoId: r.workatoId, title: r.name });
    expect(stack.sim.counts()).toEqual({
      'GET /api/activity_logs': 1, 'GET /api/connections': 1, 'GET /api/projects': 1, 'GET /api/custom_connectors/search': 1,
    });
    const builds = await stack.gql(OBJECTS, { types: ['DEPLOYMENT', 'PROJECT_BUILD'], first: 10 });
    for (const { resource } of builds.auditLog.nodes) expect(resource.object).toMatchObject({ workatoId: resource.workatoId });
  });

  it('links folder entries to Folder through the folder walk', async () => {
    const { auditLog } = await stack.gql(OBJECTS, { types: ['FOLDER'], first: 20 });
    expect(auditLog.nodes.length).toBeGreaterThan(0);
    for (const { resource } of auditLog.nodes) expect(resource.object).toEqual({ __typename: 'Folder', id: gid('Folder', resource.workatoId), workatoId: resource.workatoId, name: resource.name });
  });

  it('is null for types the gateway does not model (tags, API clients, properties)', async () => {
    stack.sim.resetCounts();
    const { auditLog } = await stack.gql(OBJECTS, { types: ['TAGS_MODELS_TAG', 'API_CLIENT', 'ACCOUNT_PROPERTY'], first: 30 });
    expect(auditLog.nodes.length).toBeGreaterThan(0);
    expect(auditLog.nodes.every((n: any) => n.resource.object === null)).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/activity_logs': 1 });
  });
});

describe('AuditLogEntry as a Node', () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on AuditLogEntry { workatoId eventType } } }`;

  it('reads an entry by id as the one entry after id + 1, and a by-id read next to a page that holds it costs nothing', async () => {
    const [, second] = await restLog('page%5Bsize%5D=2');
    stack.sim.resetCounts();
    const { node } = await stack.gql(NODE, { id: gid('AuditLogEntry', second!.id) });
    expect(node).toEqual({ __typename: 'AuditLogEntry', id: gid('AuditLogEntry', second!.id), workatoId: String(second!.id), eventType: second!.event_type });
    expect(sent()).toEqual([`/api/activity_logs?page[after]=${second!.id + 1}&page[size]=1`]);
    stack.sim.resetCounts();
    const both = await stack.gql(`query($id: ID!) { auditLog(first: 5) { nodes { id } } node(id: $id) { id } }`, { id: gid('AuditLogEntry', second!.id) });
    expect(both.node.id).toBe(both.auditLog.nodes[1].id);
    expect(stack.sim.counts()).toEqual({ 'GET /api/activity_logs': 1 });
  });

  it('answers NOT_FOUND for an id the log does not hold, and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await stack.request(NODE, { id: gid('AuditLogEntry', 17) });
    expect(missing.data?.node).toBeNull();
    expect(codeOf(missing)).toEqual(['NOT_FOUND']);
    expect(codeOf(await stack.request(NODE, { id: gid('AuditLogEntry', 'abc') }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Recipe.auditLog', () => {
  const RECIPE = `query($id: ID!, $first: Int, $after: String) { recipe(id: $id) { auditLog(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { workatoId eventType resource { workatoId } }
  } } }`;

  it("finds a recipe's entries among the log's recipe entries, paging on from the last match", async () => {
    const flows = await restLog('page%5Bsize%5D=100&include_resource_types%5B%5D=Flow');
    const recipeId = flows[0]!.resource.id;
    const truth = (await restLog('page%5Bsize%5D=100&include_resource_types%5B%5D=Flow')).filter((e) => e.resource.id === recipeId);
    expect(truth.length).toBeGreaterThan(4);
    stack.sim.resetCounts();
    const first = await stack.gql(RECIPE, { id: String(recipeId), first: 3 });
    expect(first.recipe.auditLog.nodes).toEqual(truth.slice(0, 3).map((e) => ({ workatoId: String(e.id), eventType: e.event_type, resource: { workatoId: String(recipeId) } })));
    expect(first.recipe.auditLog.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1, 'GET /api/activity_logs': 1 });
    expect(sent()).toContain('/api/activity_logs?include_resource_types[]=Flow&page[size]=100');
    const next = await stack.gql(RECIPE, { id: String(recipeId), first: 2, after: first.recipe.auditLog.pageInfo.endCursor });
    expect(next.recipe.auditLog.nodes.map((n: any) => n.workatoId)).toEqual(truth.slice(3, 5).map((e) => String(e.id)));
  });

  it('reads every page of the same log once for all recipes of a page', async () => {
    stack.sim.resetCounts();
    const { recipes } = await stack.gql(`{ recipes(first: 10) { nodes { auditLog(first: 2) { nodes { resource { workatoId } } } } } }`);
    expect(recipes.nodes).toHaveLength(10);
    const counts = stack.sim.counts();
    // Each recipe scans the same pages of recipe entries: identical calls of one request are one call.
    expect(counts['GET /api/recipes']).toBe(1);
    expect(counts['GET /api/activity_logs']).toBeLessThanOrEqual(5);
    expect(new Set(sent().filter((p) => p.startsWith('/api/activity_logs'))).size).toBe(counts['GET /api/activity_logs']);
  });

  it('scans at most 5 pages per call, then points endCursor at where the scan stopped', async () => {
    const recipeId = 3307712;
    // Six pages of other recipes' entries, the last one short (the end of the log), holding one match.
    const page = (n: number, match: boolean) => ({
      data: Array.from({ length: match ? 50 : 100 }, (_, i) => {
        const id = 900_000 - n * 100 - i;
        return { id, event_type: 'recipe_started', timestamp: '2025-06-01T10:00:00.000-07:00', resource: { id: match && i === 0 ? recipeId : 1, name: 'r', type: 'Flow' } };
      }),
      total: match ? 50 : 100,
    });
    for (let n = 0; n < 6; n++) stack.sim.inject({ route: 'GET /api/activity_logs', status: 200, body: page(n, n === 5) });
    stack.sim.resetCounts();
    const first = await stack.gql(RECIPE, { id: String(recipeId), first: 3 });
    expect(first.recipe.auditLog.nodes).toEqual([]);
    expect(first.recipe.auditLog.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()['GET /api/activity_logs']).toBe(5);
    expect(sent().at(-1)).toBe('/api/activity_logs?include_resource_types[]=Flow&page[size]=100&page[after]=899601');
    const next = await stack.gql(RECIPE, { id: String(recipeId), first: 3, after: first.recipe.auditLog.pageInfo.endCursor });
    expect(next.recipe.auditLog).toEqual({
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [{ workatoId: '899500', eventType: 'recipe_started', resource: { workatoId: String(recipeId) } }],
    });
    expect(sent().at(-1)).toContain('page[after]=899501');
  });
});

describe('ManagedUser.auditLog (Embedded, §17.8)', () => {
  const CUSTOMER = `{ managedUser(id: "19029") { auditLog(first: 4) { pageInfo { hasNextPage } nodes {
    id workatoId user { name } resource { type object { __typename id } }
  } } } }`;

  it("reads the customer's own log under /managed_users/:id, with ids that carry the customer", async () => {
    const truth = await restLog('page%5Bsize%5D=4', '/managed_users/19029/activity_logs');
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(CUSTOMER);
    expect(managedUser.auditLog.nodes.map((n: any) => n.workatoId)).toEqual(truth.map((e) => String(e.id)));
    expect(managedUser.auditLog.nodes[0].id).toBe(gid('AuditLogEntry', truth[0]!.id, '19029'));
    expect(stack.sim.counts()['GET /api/managed_users/:managed_user_id/activity_logs']).toBe(1);
    expect(sent()).toContain('/api/managed_users/19029/activity_logs?page[size]=5');
    for (const n of managedUser.auditLog.nodes) {
      if (n.resource.object) expect(Buffer.from(n.resource.object.id, 'base64url').toString()).toMatch(/@19029:/);
    }
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { ... on AuditLogEntry { workatoId } } }`, { id: managedUser.auditLog.nodes[0].id });
    expect(node.node.workatoId).toBe(String(truth[0]!.id));
  });

  it("names the customer's workspace on its entries", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19030") { name auditLog(first: 3) { nodes { workspace { name } } } } }`);
    expect(managedUser.auditLog.nodes).toEqual([1, 2, 3].map(() => ({ workspace: { name: managedUser.name } })));
  });

  it("links a customer's USER entries to its Member", async () => {
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") { auditLog(first: 10, includeResourceTypes: [USER]) { nodes {
      resource { workatoId name object { __typename ... on Member { workatoId name } } } } } } }`);
    expect(managedUser.auditLog.nodes.length).toBeGreaterThan(0);
    for (const { resource } of managedUser.auditLog.nodes) expect(resource.object).toEqual({ __typename: 'Member', workatoId: resource.workatoId, name: resource.name });
  });

  it("reads a customer recipe's entries from the customer's log", async () => {
    const flows = await restLog('page%5Bsize%5D=100&include_resource_types%5B%5D=Flow', '/managed_users/19029/activity_logs');
    const live = flows.find((e) => !e.resource.name.startsWith('Retired'))!;
    const { managedUser } = await stack.gql(`query($id: ID!) { managedUser(id: "19029") { recipe(id: $id) { auditLog(first: 1) { nodes { workatoId } } } } }`, { id: String(live.resource.id) });
    expect(managedUser.recipe.auditLog.nodes).toEqual([{ workatoId: String(live.id) }]);
  });
});

describe('manifest and package entries', () => {
  it('link to ExportManifest and Package in the caller\'s own workspace, one GET each', async () => {
    const own = await startStack({ simulator: { packages: { delayMs: 20 } } });
    try {
      // The simulator writes its log at the first read, from what the workspace holds then.
      const manifestId = await manifest(own, { name: 'Audit release', folderId: '1201101', assets: [{ id: '3307712', type: 'RECIPE' }] });
      const pkg = await exported(own, manifestId);
      own.sim.resetCounts();
      const { auditLog } = await own.gql(`{ auditLog(first: 99, includeResourceTypes: [EXPORT_MANIFEST, PACKAGE]) { nodes { resource {
        type workatoId object { __typename ... on ExportManifest { workatoId name } ... on Package { workatoId status } }
      } } } }`);
      const resources = auditLog.nodes.map((n: any) => n.resource);
      expect(new Set(resources.map((r: any) => r.type))).toEqual(new Set(['EXPORT_MANIFEST', 'PACKAGE']));
      for (const r of resources) {
        expect(r.object).toEqual(r.type === 'PACKAGE'
          ? { __typename: 'Package', workatoId: pkg.workatoId, status: 'COMPLETED' }
          : { __typename: 'ExportManifest', workatoId: manifestId, name: 'Audit release' });
      }
      expect(own.sim.counts()).toEqual({ 'GET /api/activity_logs': 1, 'GET /api/export_manifests/:id': 1, 'GET /api/packages/:id': 1 });
    } finally {
      await own.close();
    }
  });
});

describe('federation', () => {
  it('resolves AuditLogEntry and CustomConnector representations by workatoId and by id', async () => {
    const [entry] = await restLog('page%5Bsize%5D=1');
    const { _entities } = await stack.gql(`query($r: [_Any!]!) { _entities(representations: $r) {
      __typename ... on AuditLogEntry { workatoId eventType } ... on CustomConnector { workatoId }
    } }`, { r: [
      { __typename: 'AuditLogEntry', workatoId: String(entry!.id) },
      { __typename: 'AuditLogEntry', id: gid('AuditLogEntry', entry!.id) },
      { __typename: 'CustomConnector', workatoId: '562523' },
    ] });
    expect(_entities).toEqual([
      { __typename: 'AuditLogEntry', workatoId: String(entry!.id), eventType: entry!.event_type },
      { __typename: 'AuditLogEntry', workatoId: String(entry!.id), eventType: entry!.event_type },
      { __typename: 'CustomConnector', workatoId: '562523' },
    ]);
  });
});
