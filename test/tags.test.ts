import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { workspaces: { 'tok-tags': FIXTURE_ONLY, 'tok-tags-full': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const ACCOUNTING = 'tag-ANgeffPL-3gxQwA';
const PROCUREMENT = 'tag-AQf3d2Kx-9LmNpZ';
const handlesOf = async (path: string, token?: string): Promise<string[]> => (await rest(stack.sim, path, token)).data.tags.map((t: any) => t.handle);

const CREATE = `mutation($input: TagCreateInput!) { tagCreate(input: $input) { tag { id workatoId title description color } userErrors { message code field } } }`;
const UPDATE = `mutation($input: TagUpdateInput!) { tagUpdate(input: $input) { tag { id workatoId title description color } userErrors { message code field } } }`;
const DELETE = `mutation($input: TagDeleteInput!) { tagDelete(input: $input) { deletedTagId userErrors { message code field } } }`;
const ASSIGN = `mutation($input: TagsAssignInput!) { tagsAssign(input: $input) {
  recipes { workatoId tags { workatoId title } } connections { workatoId tags { workatoId } } userErrors { message code field }
} }`;

describe('tags / tag', () => {
  it('pages the tag list with one call per page, and searches it with q', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(`{ tags(first: 2) { pageInfo { hasNextPage endCursor } nodes { id workatoId title description color createdAt } } }`);
    expect(first.tags.nodes[0]).toEqual({
      id: b64(`Tag:${ACCOUNTING}`), workatoId: ACCOUNTING, title: 'Accounting', description: 'Finance and accounting automations', color: 'blue', createdAt: expect.any(String),
    });
    expect(first.tags.pageInfo.hasNextPage).toBe(true);
    expect(stack.sim.counts()).toEqual({ 'GET /api/tags': 1 });
    const next = await stack.gql(`query($after: String) { tags(first: 5, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, { after: first.tags.pageInfo.endCursor });
    const all = await handlesOf('/tags');
    expect(next.tags.nodes.map((t: any) => t.workatoId)).toEqual(all.slice(2));
    expect(next.tags.pageInfo.hasNextPage).toBe(false);
    const searched = await stack.gql(`{ tags(q: "procure") { nodes { workatoId title } } }`);
    expect(searched.tags.nodes).toEqual([{ workatoId: PROCUREMENT, title: 'Procurement' }]);
  });

  it('finds a tag the list already read without another call, and one by handle or node id with one list', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ tags { nodes { workatoId } } a: tag(id: "${ACCOUNTING}") { title } b: tag(id: "${b64(`Tag:${PROCUREMENT}`)}") { title } }`);
    expect([data.a.title, data.b.title]).toEqual(['Accounting', 'Procurement']);
    expect(stack.sim.counts()).toEqual({ 'GET /api/tags': 1 });
    stack.sim.resetCounts();
    const node = await stack.gql(`{ node(id: "${b64(`Tag:${PROCUREMENT}`)}") { __typename id ... on Tag { title } } tag(id: "${ACCOUNTING}") { color } }`);
    expect(node).toEqual({ node: { __typename: 'Tag', id: b64(`Tag:${PROCUREMENT}`), title: 'Procurement' }, tag: { color: 'blue' } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/tags': 1 });
    stack.sim.resetCounts();
    const entities = await stack.gql(`{ _entities(representations: [{ __typename: "Tag", workatoId: "${ACCOUNTING}" }, { __typename: "Tag", id: "${b64(`Tag:${PROCUREMENT}`)}" }]) { ... on Tag { title } } }`);
    expect(entities._entities).toEqual([{ title: 'Accounting' }, { title: 'Procurement' }]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/tags': 1 });
  });

  it('answers an unknown tag with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const missing = await stack.request(`{ tag(id: "tag-Anope000-000000") { title } }`);
    expect(missing.data).toEqual({ tag: null });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await stack.request(`{ tag(id: "${b64('Recipe:3307712')}") { title } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Recipe.tags and Connection.tags', () => {
  it('reads the tags of every recipe and connection with one tag list for the whole request', async () => {
    stack.sim.resetCounts();
    const { recipes } = await stack.gql(`{ recipes(first: 4) { nodes { workatoId tagHandles tags { workatoId title color } connections { tags { title } } } } }`);
    const byId = Object.fromEntries(recipes.nodes.map((r: any) => [r.workatoId, r]));
    expect(byId['3307712'].tags).toEqual([
      { workatoId: ACCOUNTING, title: 'Accounting', color: 'blue' },
      { workatoId: PROCUREMENT, title: 'Procurement', color: 'orange' },
    ]);
    expect(byId['3307712'].tagHandles).toEqual([ACCOUNTING, PROCUREMENT]);
    expect(byId['3307601'].tags).toEqual([]);
    expect(byId['3307712'].connections.map((c: any) => c.tags.map((t: any) => t.title))).toEqual([['Accounting'], ['Accounting'], []]);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1, 'GET /api/connections': 1, 'GET /api/tags': 1 });
  });

  it('reads no tag list for tagHandles, nor for recipes without tags', async () => {
    stack.sim.resetCounts();
    await stack.gql(`{ recipes(first: 4) { nodes { tagHandles } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes': 1 });
    stack.sim.resetCounts();
    expect((await stack.gql(`{ recipe(id: "3307601") { tags { title } } }`)).recipe).toEqual({ tags: [] });
    expect(stack.sim.counts()).toEqual({ 'GET /api/recipes/:id': 1 });
  });
});

describe('Embedded: a customer\'s tags', () => {
  it("lists a customer's tags through /v2/managed_users/:id, and its recipes' tags from that list", async () => {
    const truth = await handlesOf('/v2/managed_users/19029/tags');
    const tagged = (await rest(stack.sim, '/managed_users/19029/recipes?includes[]=tags&per_page=100')).result.find((r: any) => r.tags.length);
    stack.sim.resetCounts();
    const { managedUser } = await stack.gql(`{ managedUser(id: "19029") {
      tags(first: 10) { nodes { id workatoId } }
      recipe(id: "${tagged.id}") { tags { id workatoId } }
      tag(id: "${truth[0]}") { workatoId }
    } }`);
    expect(managedUser.tags.nodes.map((t: any) => t.workatoId)).toEqual(truth);
    expect(managedUser.tags.nodes[0].id).toBe(b64(`Tag@19029:${truth[0]}`));
    expect(managedUser.recipe.tags.map((t: any) => t.workatoId)).toEqual(tagged.tags);
    expect(managedUser.recipe.tags[0].id).toBe(b64(`Tag@19029:${tagged.tags[0]}`));
    expect(managedUser.tag).toEqual({ workatoId: truth[0] });
    expect(stack.sim.counts()).toEqual({
      'GET /api/managed_users/:managed_user_id/recipes/:id': 1,
      'GET /api/v2/managed_users/:managed_user_id/tags': 1,
    });
  });

  it("refuses another workspace's tag id for a customer", async () => {
    const wrong = await stack.request(`{ managedUser(id: "19029") { tag(id: "${b64(`Tag:${ACCOUNTING}`)}") { title } } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('tagCreate / tagUpdate / tagDelete', () => {
  it('creates a tag, which the next read lists', async () => {
    stack.sim.resetCounts();
    const { tagCreate } = await stack.gql(CREATE, { input: { title: 'Billing', description: 'Invoices', color: 'green' } });
    expect(tagCreate).toMatchObject({ tag: { title: 'Billing', description: 'Invoices', color: 'green' }, userErrors: [] });
    expect(tagCreate.tag.id).toBe(b64(`Tag:${tagCreate.tag.workatoId}`));
    expect(stack.sim.counts()).toEqual({ 'POST /api/tags': 1 });
    expect(await handlesOf('/tags')).toContain(tagCreate.tag.workatoId);
  });

  it('refuses a blank title before calling Workato, and passes on the 1,000-tag limit', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(CREATE, { input: { title: '  ' } });
    expect(blank.tagCreate).toEqual({ tag: null, userErrors: [{ code: 'INVALID', message: "title can't be blank", field: ['input', 'title'] }] });
    expect(stack.sim.counts()).toEqual({});
    const existing = (await handlesOf('/tags', 'tok-tags-full')).length;
    for (let i = existing; i < 1000; i++) {
      await fetch(`${stack.sim.url}/tags`, { method: 'POST', headers: { authorization: 'Bearer tok-tags-full', 'content-type': 'application/json' }, body: JSON.stringify({ title: `t${i}` }) });
    }
    const full = await stack.gql(CREATE, { input: { title: 'One too many' } }, { token: 'tok-tags-full' });
    expect(full.tagCreate).toEqual({ tag: null, userErrors: [{ code: 'INVALID', message: expect.stringContaining('at most 1000 tags'), field: null }] });
  });

  it("creates a tag in a customer's workspace, given by external id", async () => {
    const { tagCreate } = await stack.gql(CREATE, { input: { title: 'Acme only', managedUser: { externalId: 'ACME-001' } } });
    expect(tagCreate.userErrors).toEqual([]);
    expect(tagCreate.tag.id).toBe(b64(`Tag@19029:${tagCreate.tag.workatoId}`));
    expect(await handlesOf('/v2/managed_users/19029/tags')).toContain(tagCreate.tag.workatoId);
    expect(await handlesOf('/tags')).not.toContain(tagCreate.tag.workatoId);
  });

  it("updates a customer's tag by its global id and deletes one by handle and managedUser", async () => {
    const [first, second] = await handlesOf('/v2/managed_users/19030/tags');
    stack.sim.resetCounts();
    const { tagUpdate } = await stack.gql(UPDATE, { input: { id: b64(`Tag@19030:${first}`), color: 'purple' } });
    expect(tagUpdate).toMatchObject({ tag: { id: b64(`Tag@19030:${first}`), color: 'purple' }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/v2/managed_users/:managed_user_id/tags/:handle': 1 });
    const { tagDelete } = await stack.gql(DELETE, { input: { id: second, managedUser: { id: '19030' } } });
    expect(tagDelete).toEqual({ deletedTagId: b64(`Tag@19030:${second}`), userErrors: [] });
    expect(await handlesOf('/v2/managed_users/19030/tags')).not.toContain(second);
  });

  it('answers an unknown customer with NOT_FOUND, and a customer id with a tag of another workspace with BAD_USER_INPUT', async () => {
    const unknown = await stack.gql(CREATE, { input: { title: 'x', managedUser: { externalId: 'NOPE-1' } } });
    expect(unknown.tagCreate).toEqual({ tag: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }] });
    const mixed = await stack.request(DELETE, { input: { id: b64(`Tag:${ACCOUNTING}`), managedUser: { id: '19030' } } });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await handlesOf('/tags')).toContain(ACCOUNTING);
  });

  it('updates only the fields given, and reads the tag back from the answer', async () => {
    const { tagCreate } = await stack.gql(CREATE, { input: { title: 'Ops', color: 'red' } });
    stack.sim.resetCounts();
    const { tagUpdate } = await stack.gql(UPDATE, { input: { id: tagCreate.tag.id, title: 'Operations' } });
    expect(tagUpdate).toEqual({ tag: { ...tagCreate.tag, title: 'Operations' }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'PUT /api/tags/:handle': 1 });
  });

  it('answers an unknown tag with NOT_FOUND and a blank title with INVALID, the latter without a call', async () => {
    const missing = await stack.gql(UPDATE, { input: { id: 'tag-Anope000-000000', title: 'x' } });
    expect(missing.tagUpdate).toEqual({ tag: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
    stack.sim.resetCounts();
    const blank = await stack.gql(UPDATE, { input: { id: ACCOUNTING, title: '' } });
    expect(blank.tagUpdate.userErrors).toEqual([{ code: 'INVALID', message: "title can't be blank", field: ['input', 'title'] }]);
    expect(stack.sim.counts()).toEqual({});
  });

  it('deletes a tag, which no recipe carries any more, even later in the same request', async () => {
    const { tagCreate } = await stack.gql(CREATE, { input: { title: 'Temporary' } });
    const handle = tagCreate.tag.workatoId;
    await stack.gql(ASSIGN, { input: { addTagIds: [handle], recipeIds: ['3307650'] } });
    const data = await stack.gql(`mutation($input: TagDeleteInput!) {
      tagDelete(input: $input) { deletedTagId userErrors { code } }
      tagsAssign(input: { addTagIds: ["${PROCUREMENT}"], recipeIds: ["3307650"] }) { recipes { tagHandles } }
    }`, { input: { id: handle } });
    expect(data.tagDelete).toEqual({ deletedTagId: b64(`Tag:${handle}`), userErrors: [] });
    expect(data.tagsAssign.recipes).toEqual([{ tagHandles: [PROCUREMENT] }]);
    expect(await handlesOf('/tags')).not.toContain(handle);
    const again = await stack.gql(DELETE, { input: { id: handle } });
    expect(again.tagDelete).toEqual({ deletedTagId: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
  });
});

describe('tagsAssign', () => {
  it('adds and removes tags, and reads the recipes and connections back: one list each, one tag list', async () => {
    stack.sim.resetCounts();
    const { tagsAssign } = await stack.gql(ASSIGN, {
      input: { addTagIds: [b64(`Tag:${PROCUREMENT}`)], removeTagIds: [ACCOUNTING], recipeIds: ['3307698', b64('Recipe:3307601')], connectionIds: ['880101'] },
    });
    expect(tagsAssign).toEqual({
      recipes: [
        { workatoId: '3307698', tags: [{ workatoId: PROCUREMENT, title: 'Procurement' }] },
        { workatoId: '3307601', tags: [{ workatoId: PROCUREMENT, title: 'Procurement' }] },
      ],
      connections: [{ workatoId: '880101', tags: [{ workatoId: PROCUREMENT }] }],
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/tags_assignments': 1, 'GET /api/recipes': 1, 'GET /api/connections': 1, 'GET /api/tags': 1 });
    expect((await rest(stack.sim, '/recipes/3307698?includes[]=tags')).tags).toEqual([PROCUREMENT]);
  });

  it('costs nothing beyond the assignment when the payload reads no object', async () => {
    stack.sim.resetCounts();
    const { tagsAssign } = await stack.gql(`mutation { tagsAssign(input: { addTagIds: ["${ACCOUNTING}"], connectionIds: ["880103"] }) { userErrors { code } } }`);
    expect(tagsAssign.userErrors).toEqual([]);
    expect(stack.sim.counts()).toEqual({ 'POST /api/tags_assignments': 1 });
  });

  it('refuses an assignment that changes nothing before calling Workato', async () => {
    stack.sim.resetCounts();
    const { tagsAssign } = await stack.gql(ASSIGN, { input: { recipeIds: [] } });
    expect(tagsAssign).toEqual({
      recipes: null, connections: null,
      userErrors: [
        { code: 'NOTHING_TO_CHANGE', message: expect.stringContaining('recipe or connection'), field: ['input', 'recipeIds'] },
        { code: 'NOTHING_TO_CHANGE', message: expect.stringContaining('tag to add or remove'), field: ['input', 'addTagIds'] },
      ],
    });
    expect(stack.sim.counts()).toEqual({});
  });

  it("returns Workato's refusal of unknown tags and ids as userErrors on the input fields", async () => {
    const { tagsAssign } = await stack.gql(ASSIGN, { input: { addTagIds: ['tag-Anope000-000000'], recipeIds: ['1'] } });
    expect(tagsAssign).toEqual({
      recipes: null, connections: null,
      userErrors: [
        { code: 'INVALID', message: 'add_tags tag-Anope000-000000 not found', field: ['input', 'addTagIds'] },
        { code: 'INVALID', message: 'recipe_ids 1 not found', field: ['input', 'recipeIds'] },
      ],
    });
  });

  it('refuses ids of two workspaces in one input', async () => {
    const mixed = await stack.request(ASSIGN, { input: { addTagIds: [ACCOUNTING], recipeIds: [b64('Recipe@19029:1')], connectionIds: [b64('Connection:880101')] } });
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('input.connectionIds.0') });
  });

  it("assigns a customer's tag to its recipe, reading the recipe back in the customer's workspace", async () => {
    const [handle] = await handlesOf('/v2/managed_users/19030/tags');
    const recipe = (await rest(stack.sim, '/managed_users/19030/recipes')).result[0].id;
    stack.sim.resetCounts();
    const { tagsAssign } = await stack.gql(ASSIGN, { input: { addTagIds: [handle], recipeIds: [b64(`Recipe@19030:${recipe}`)] } });
    expect(tagsAssign.userErrors).toEqual([]);
    expect(tagsAssign.recipes).toEqual([{ workatoId: String(recipe), tags: expect.arrayContaining([{ workatoId: handle, title: expect.any(String) }]) }]);
    expect(stack.sim.counts()).toEqual({
      'POST /api/v2/managed_users/:managed_user_id/tags_assignments': 1,
      'GET /api/managed_users/:managed_user_id/recipes/:id': 1,
      'GET /api/v2/managed_users/:managed_user_id/tags': 1,
    });
    expect((await rest(stack.sim, `/managed_users/19030/recipes/${recipe}?includes[]=tags`)).tags).toContain(handle);
  });
});
