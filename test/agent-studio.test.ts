import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/resolvers/relay.js';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let genies: Array<{ id: string; state: string; skill_ids: string[]; knowledge_base_ids: string[] }>;
let skills: Array<{ id: string; recipe_id: number; name: string }>;
let kbs: Array<{ id: string; name: string }>;
beforeAll(async () => {
  stack = await startStack();
  genies = (await rest(stack.sim, '/agentic/genies')).data;
  skills = (await rest(stack.sim, '/agentic/skills')).data;
  kbs = (await rest(stack.sim, '/agentic/knowledge_bases')).data;
});
afterAll(() => stack.close());

const GENIE = 'id workatoId name description state running aiProvider createdAt updatedAt';
const START = `mutation($id: ID!) { genieStart(input: { id: $id }) { genie { id workatoId running state } userErrors { code message field } } }`;
const STOP = `mutation($id: ID!) { genieStop(input: { id: $id }) { genie { id running } userErrors { code message field } } }`;

describe('genies, skills, knowledge bases (§28)', () => {
  it('lists genies in one call; their skills and knowledge bases cost one list call each, and a listed genie by id nothing', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(
      `query($id: ID!) {
        genies(first: 10) { pageInfo { hasNextPage } nodes { ${GENIE} skills { workatoId name } knowledgeBases { workatoId name } } }
        genie(id: $id) { workatoId name }
      }`,
      { id: genies[1]!.id },
    );
    expect(data.genies.pageInfo.hasNextPage).toBe(false);
    expect(data.genies.nodes[0]).toEqual({
      id: toGlobalId('Genie', [genies[0]!.id]),
      workatoId: genies[0]!.id,
      name: 'Northwind Ops IT help desk genie',
      description: 'Resets passwords and answers IT questions',
      state: 'running',
      running: true,
      aiProvider: 'workato',
      createdAt: '2025-03-14T09:00:00.000-07:00',
      updatedAt: '2025-03-19T09:00:00.000-07:00',
      skills: skills.map((s) => ({ workatoId: s.id, name: s.name })),
      knowledgeBases: kbs.map((k) => ({ workatoId: k.id, name: k.name })),
    });
    expect(data.genies.nodes[1]).toMatchObject({ running: false, state: 'stopped', skills: [{ workatoId: skills[0]!.id }] });
    expect(data.genie).toEqual({ workatoId: genies[1]!.id, name: 'Northwind Ops Sales assistant genie' });
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/genies': 1, 'GET /api/agentic/skills': 1, 'GET /api/agentic/knowledge_bases': 1 });
  });

  it('pages genies with first/after over page/per_page', async () => {
    stack.sim.resetCounts();
    const first = await stack.gql(`{ genies(first: 1) { pageInfo { hasNextPage endCursor } nodes { workatoId } } }`);
    expect(first.genies).toMatchObject({ pageInfo: { hasNextPage: true }, nodes: [{ workatoId: genies[0]!.id }] });
    const next = await stack.gql(`query($after: String) { genies(first: 1, after: $after) { pageInfo { hasNextPage } nodes { workatoId } } }`, {
      after: first.genies.pageInfo.endCursor,
    });
    expect(next.genies).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ workatoId: genies[1]!.id }] });
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/genies': 2 });
  });

  it('reads one genie with its single skill by id: one GET each; node(id) the same', async () => {
    stack.sim.resetCounts();
    const id = toGlobalId('Genie', [genies[1]!.id]);
    const data = await stack.gql(`query($id: ID!) { genie(id: $id) { id skills { workatoId } } node(id: $id) { __typename id } }`, { id });
    expect(data).toEqual({ genie: { id, skills: [{ workatoId: skills[0]!.id }] }, node: { __typename: 'Genie', id } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/genies/:id': 1, 'GET /api/agentic/skills/:id': 1 });
  });

  it('links skills to their recipes: three skills cost one recipe list call, not three gets', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ skills { nodes { id workatoId name description running recipe { workatoId name running } } } }`);
    expect(data.skills.nodes.map((s: any) => [s.workatoId, s.recipe.workatoId, s.running])).toEqual(
      skills.map((s, i) => [s.id, String(s.recipe_id), i === 0]),
    );
    expect(data.skills.nodes[0].recipe.name).toBe(skills[0]!.name);
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/skills': 1, 'GET /api/recipes': 1 });
  });

  it('reads a skill by id with one call; NOT_FOUND for an unknown id; BAD_USER_INPUT for another type’s id, before any call', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($id: ID!) { skill(id: $id) { workatoId recipe { workatoId } } }`, { id: skills[1]!.id });
    expect(data.skill).toEqual({ workatoId: skills[1]!.id, recipe: { workatoId: String(skills[1]!.recipe_id) } });
    // The recipe is asked for its id only: the skill's recipe_id answers it (src/resolvers/links.ts).
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/skills/:id': 1 });
    const missing = await stack.request(`{ skill(id: "skl-Anope000-000000") { name } }`);
    expect(missing.errors?.[0]).toMatchObject({ path: ['skill'], extensions: { code: 'NOT_FOUND' } });
    stack.sim.resetCounts();
    const wrong = await stack.request(`query($id: ID!) { skill(id: $id) { name } }`, { id: toGlobalId('Recipe', [1]) });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
  });

  it('links a skill to its folder and project (the recipe’s), through the folder and project loaders', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($id: ID!) { skill(id: $id) { folder { workatoId name } project { workatoId name } } }`, { id: skills[2]!.id });
    expect(data.skill).toMatchObject({ folder: { workatoId: '1201102', name: expect.any(String) }, project: { workatoId: '44022', name: expect.any(String) } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/skills/:id': 1, 'GET /api/folders': 1, 'GET /api/projects': 1 });
  });

  it('reads a knowledge base with its data sources and recipes, and a data source again by node(id)', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`query($id: ID!) { knowledgeBase(id: $id) {
      id workatoId name description createdAt updatedAt
      dataSources { id workatoId name sourceType status documentCount lastSyncedAt knowledgeBase { workatoId } }
      recipes { workatoId name }
    } }`, { id: kbs[0]!.id });
    const kb = data.knowledgeBase;
    expect(kb).toMatchObject({ workatoId: kbs[0]!.id, name: 'Northwind Ops HR policies', description: 'Handbook, leave and benefits policies' });
    expect(kb.dataSources.map((d: any) => [d.workatoId, d.sourceType, d.status, d.knowledgeBase.workatoId])).toEqual([
      ['4100', 'google_drive', 'synced', kbs[0]!.id],
      ['4101', 'upload', 'syncing', kbs[0]!.id],
    ]);
    expect(kb.dataSources[1].lastSyncedAt).toBeNull();
    expect(kb.recipes).toEqual([{ workatoId: '3307698', name: 'Nightly NetSuite invoice sync' }, { workatoId: '3307650', name: 'Jira procurement issue -> Slack alert' }]);
    expect(stack.sim.counts()).toEqual({
      'GET /api/agentic/knowledge_bases/:id': 1,
      'GET /api/agentic/knowledge_bases/:id/data_sources': 1,
      'GET /api/agentic/knowledge_bases/:id/recipes': 1,
      'GET /api/recipes': 1,
    });
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on KnowledgeBaseDataSource { name } } }`, { id: kb.dataSources[0].id });
    expect(node.node).toEqual({ __typename: 'KnowledgeBaseDataSource', name: 'HR policies (google drive)' });
  });

  it('lists knowledge bases, and keeps a 403 a top-level FORBIDDEN error', async () => {
    stack.sim.resetCounts();
    const data = await stack.gql(`{ knowledgeBases(first: 5) { pageInfo { hasNextPage } edges { cursor node { workatoId } } } }`);
    expect(data.knowledgeBases.edges.map((e: any) => e.node.workatoId)).toEqual(kbs.map((k) => k.id));
    expect(stack.sim.counts()).toEqual({ 'GET /api/agentic/knowledge_bases': 1 });
    stack.sim.inject({ route: 'GET /api/agentic/genies', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(`{ genies { nodes { id } } }`);
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['genies'], extensions: { code: 'FORBIDDEN' } });
    const tooMany = await stack.request(`{ skills(first: 101) { nodes { id } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('genieStart / genieStop (§28)', () => {
  it('starts a stopped genie with one call (the answer holds the genie), then refuses a second start with GENIE_RUNNING', async () => {
    const id = genies[1]!.id;
    stack.sim.resetCounts();
    const started = await stack.gql(START, { id: toGlobalId('Genie', [id]) });
    expect(started.genieStart).toEqual({ genie: { id: toGlobalId('Genie', [id]), workatoId: id, running: true, state: 'running' }, userErrors: [] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/agentic/genies/:id/start': 1 });
    const again = await stack.gql(START, { id });
    expect(again.genieStart).toEqual({ genie: null, userErrors: [{ code: 'GENIE_RUNNING', message: 'Genie is already running', field: null }] });
    const read = await stack.gql(`query($id: ID!) { genie(id: $id) { running } }`, { id });
    expect(read.genie.running).toBe(true);
  });

  it('stops a running genie, then refuses a second stop with GENIE_STOPPED', async () => {
    const id = genies[1]!.id;
    const stopped = await stack.gql(STOP, { id });
    expect(stopped.genieStop).toEqual({ genie: { id: toGlobalId('Genie', [id]), running: false }, userErrors: [] });
    const again = await stack.gql(STOP, { id });
    expect(again.genieStop).toEqual({ genie: null, userErrors: [{ code: 'GENIE_STOPPED', message: 'Genie is already stopped', field: null }] });
  });

  it('reads the genie back when Workato answers without it', async () => {
    const id = genies[1]!.id;
    stack.sim.inject({ route: 'POST /api/agentic/genies/:id/start', status: 200, body: { success: true }, times: 1 });
    stack.sim.resetCounts();
    const started = await stack.gql(START, { id });
    expect(started.genieStart.genie).toMatchObject({ workatoId: id, running: false });
    expect(stack.sim.counts()).toEqual({ 'POST /api/agentic/genies/:id/start': 1, 'GET /api/agentic/genies/:id': 1 });
  });

  it('answers NOT_FOUND for an unknown genie as a userError, BAD_USER_INPUT for a malformed id, and keeps 403 top-level', async () => {
    const missing = await stack.gql(STOP, { id: 'gen-Anope000-000000' });
    expect(missing.genieStop).toEqual({ genie: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'id'] }] });
    stack.sim.resetCounts();
    const malformed = await stack.request(START, { id: 'not an id' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.counts()).toEqual({});
    stack.sim.inject({ route: 'POST /api/agentic/genies/:id/stop', status: 403, body: { message: 'Access denied' }, times: 1 });
    const forbidden = await stack.request(STOP, { id: genies[0]!.id });
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['genieStop'], extensions: { code: 'FORBIDDEN' } });
  });
});
