import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { limitFor } from '../../src/simulator/rate-limits.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': {}, 'tok-b': { recipes: 1 } } });
});
afterAll(() => sim.close());

const get = (path: string, token = 'tok-a') => api(sim, path, { token });
const ids = (rows: Array<{ id: unknown }>) => rows.map((r) => r.id);

describe('Agent Studio (§28)', () => {
  it('lists genies, skills and knowledge bases as {"data": [...]}, paged by page/per_page, with string ids', async () => {
    const genies = await get('/agentic/genies');
    expect(Object.keys(genies.body)).toEqual(['data']);
    expect(genies.body.data).toHaveLength(2);
    expect(genies.body.data[0]).toMatchObject({ id: expect.stringMatching(/^gen-A/), name: 'Northwind Ops IT help desk genie', state: 'running' });
    expect(genies.body.data[1]).toMatchObject({ state: 'stopped' });
    const skills = await get('/agentic/skills');
    expect(skills.body.data.map((s: any) => s.recipe_id)).toEqual([3307712, 3307698, 3307650]);
    expect(skills.body.data[0]).toMatchObject({ id: expect.stringMatching(/^skl-A/), name: 'Salesforce won opportunity -> NetSuite sales order', running: true });
    expect(genies.body.data[0].skill_ids).toEqual(ids(skills.body.data));
    const second = await get('/agentic/skills?page=2&per_page=2');
    expect(ids(second.body.data)).toEqual([skills.body.data[2].id]);
    expect((await get('/agentic/skills?per_page=101')).status).toBe(400);
    const kbs = await get('/agentic/knowledge_bases');
    expect(kbs.body.data.map((k: any) => k.name)).toEqual(['Northwind Ops HR policies', 'Northwind Ops Product FAQ']);
    expect(genies.body.data[0].knowledge_base_ids).toEqual(ids(kbs.body.data));
  });

  it('answers one object bare, and 404 for an unknown id', async () => {
    const [skill] = (await get('/agentic/skills')).body.data;
    expect((await get(`/agentic/skills/${skill.id}`)).body).toEqual(skill);
    for (const path of ['/agentic/skills/skl-nope', '/agentic/genies/gen-nope', '/agentic/knowledge_bases/kb-nope', '/agentic/knowledge_bases/kb-nope/data_sources']) {
      expect(await get(path)).toMatchObject({ status: 404, body: { message: 'Not found' } });
    }
  });

  it('serves a knowledge base’s data sources and its recipes (real recipes of the workspace)', async () => {
    const [kb] = (await get('/agentic/knowledge_bases')).body.data;
    const sources = await get(`/agentic/knowledge_bases/${kb.id}/data_sources`);
    expect(sources.body.data.map((s: any) => [s.source_type, s.status])).toEqual([['google_drive', 'synced'], ['upload', 'syncing']]);
    const recipes = await get(`/agentic/knowledge_bases/${kb.id}/recipes`);
    expect(recipes.body).toEqual({ data: [{ id: 3307698, name: 'Nightly NetSuite invoice sync' }, { id: 3307650, name: 'Jira procurement issue -> Slack alert' }] });
  });

  it('starts a stopped genie and stops a running one; refuses the state it is already in with 400', async () => {
    const [, stopped] = (await get('/agentic/genies', 'tok-b')).body.data;
    const start = await api(sim, `/agentic/genies/${stopped.id}/start`, { token: 'tok-b', method: 'POST' });
    expect(start).toMatchObject({ status: 200, body: { id: stopped.id, state: 'running' } });
    expect((await get(`/agentic/genies/${stopped.id}`, 'tok-b')).body.state).toBe('running');
    expect(await api(sim, `/agentic/genies/${stopped.id}/start`, { token: 'tok-b', method: 'POST' })).toMatchObject({ status: 400, body: { message: 'Genie is already running' } });
    expect((await api(sim, `/agentic/genies/${stopped.id}/stop`, { token: 'tok-b', method: 'POST' })).body.state).toBe('stopped');
    expect(await api(sim, `/agentic/genies/${stopped.id}/stop`, { token: 'tok-b', method: 'POST' })).toMatchObject({ status: 400, body: { message: 'Genie is already stopped' } });
    expect((await api(sim, '/agentic/genies/gen-nope/start', { token: 'tok-b', method: 'POST' })).status).toBe(404);
  });

  it('gives every workspace its own genies, skills (of its own recipes) and knowledge bases', async () => {
    const a = await get('/agentic/skills');
    const b = await get('/agentic/skills', 'tok-b');
    expect(b.body.data.map((s: any) => s.recipe_id)).toEqual([4307712]);
    expect(ids(b.body.data)).not.toEqual(ids(a.body.data).slice(0, 1));
    expect((await get(`/agentic/skills/${a.body.data[0].id}`, 'tok-b')).status).toBe(404);
  });

  it('has no Embedded variant (§17.8 lists none): customer paths are unknown routes', async () => {
    expect((await get('/managed_users/19029/recipes')).status).toBe(200);
    for (const path of ['/managed_users/19029/agentic/genies', '/v2/managed_users/19029/agentic/skills', '/managed_users/19029/mcp/mcp_servers']) {
      expect(await get(path)).toMatchObject({ status: 404, body: { message: 'API not found' } });
    }
  });

  it('counts lists and gets of genies, knowledge bases and skills at 1,000 / min, everything else at 60 / min (§5)', () => {
    expect(limitFor('GET', '/api/agentic/genies')).toMatchObject({ limit: 1000, windowMs: 60_000 });
    expect(limitFor('GET', '/api/agentic/knowledge_bases/:id')).toMatchObject({ limit: 1000 });
    expect(limitFor('GET', '/api/agentic/knowledge_bases/:id/data_sources')).toMatchObject({ limit: 60 });
    expect(limitFor('POST', '/api/agentic/genies/:id/start')).toMatchObject({ limit: 60 });
    expect(limitFor('GET', '/api/mcp/mcp_servers')).toMatchObject({ family: 'mcp', limit: 60 });
  });
});

describe('MCP servers (§28)', () => {
  it('lists servers as {"data", "count", "page", "per_page"} (per_page default 20), without any token', async () => {
    const list = await get('/mcp/mcp_servers');
    expect(Object.keys(list.body)).toEqual(['data', 'count', 'page', 'per_page']);
    expect(list.body).toMatchObject({ count: 2, page: 1, per_page: 20 });
    expect(list.body.data[0]).toMatchObject({ id: expect.stringMatching(/^mcps-A/), name: 'Northwind Ops Operations MCP', tools_count: 3, authentication_method: 'hashed_token' });
    expect(JSON.stringify(list.body)).not.toMatch(/token=/);
    const paged = await get('/mcp/mcp_servers?page=2&per_page=1');
    expect(paged.body).toMatchObject({ count: 2, page: 2, per_page: 1, data: [{ id: list.body.data[1].id }] });
  });

  it('answers one server in {"data"} by its handle, 404 for an unknown one', async () => {
    const [server] = (await get('/mcp/mcp_servers')).body.data;
    expect((await get(`/mcp/mcp_servers/${server.id}`)).body).toEqual({ data: server });
    expect(await get('/mcp/mcp_servers/mcps-nope')).toMatchObject({ status: 404, body: { message: 'Not found' } });
    expect((await get(`/mcp/mcp_servers/${server.id}`, 'tok-b')).status).toBe(404);
  });

  it('lists a server’s tools as {"items", "count", …}, each naming the recipe behind it (`flow_id`)', async () => {
    const [server] = (await get('/mcp/mcp_servers')).body.data;
    const tools = await get(`/mcp/mcp_servers/${server.id}/tools`);
    expect(tools.body).toMatchObject({ count: 3, page: 1, per_page: 100 });
    expect(tools.body.items.map((t: any) => [t.id, t.flow_id, t.active])).toEqual([[7700, 3307712, true], [7701, 3307698, false], [7702, 3307650, false]]);
    expect((await get(`/mcp/mcp_servers/${server.id}/tools?per_page=2&page=2`)).body.items.map((t: any) => t.id)).toEqual([7702]);
  });

  it('lists identity-provider user groups as {"data": [...]}, named by the identity-based server; no get by id', async () => {
    const groups = await get('/mcp/user_groups');
    expect(groups.body.data.map((g: any) => g.name)).toEqual(['Engineering', 'Finance', 'Support']);
    expect(groups.body.data[0]).toMatchObject({ id: expect.stringMatching(/^group-A/), users_count: expect.any(Number) });
    const [, identity] = (await get('/mcp/mcp_servers')).body.data;
    expect(identity.idp_user_group_ids).toEqual(ids(groups.body.data.slice(0, 2)));
    expect((await get(`/mcp/user_groups/${groups.body.data[0].id}`)).status).toBe(404);
  });
});
