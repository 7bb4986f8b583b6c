import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-tags': FIXTURE_ONLY, 'tok-other': { recipes: 3 }, 'tok-full': FIXTURE_ONLY } });
});
afterAll(() => sim.close());

async function send(method: string, path: string, body?: unknown, token = 'tok-tags') {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

const handles = (body: any): string[] => body.data.tags.map((t: { handle: string }) => t.handle);

describe('GET /api/tags (§23)', () => {
  it('answers {"data": {"tags"}} holding the handles the recipes and connections carry', async () => {
    const r = await api(sim, '/tags', { token: 'tok-tags' });
    expect(r.status).toBe(200);
    expect(r.body.data.tags[0]).toEqual({
      handle: 'tag-ANgeffPL-3gxQwA', title: 'Accounting', description: 'Finance and accounting automations', color: 'blue',
      created_at: expect.any(String), updated_at: expect.any(String),
    });
    const onRecipes = (await api(sim, '/recipes?includes[]=tags', { token: 'tok-tags' })).body.items.flatMap((x: any) => x.tags);
    const onConnections = (await api(sim, '/connections?includes[]=tags', { token: 'tok-tags' })).body.flatMap((x: any) => x.tags);
    for (const h of [...onRecipes, ...onConnections]) expect(handles(r.body)).toContain(h);
  });

  it('seeds different tags per workspace, the same on every start', async () => {
    const mine = handles((await api(sim, '/tags', { token: 'tok-tags' })).body);
    const other = handles((await api(sim, '/tags', { token: 'tok-other' })).body);
    expect(other).toHaveLength(4);
    expect(other.filter((h) => mine.includes(h))).toEqual([]);
    const again = await startSimulator({ quiet: true, workspaces: { 'tok-tags': FIXTURE_ONLY, 'tok-other': { recipes: 3 } } });
    try {
      expect((await api(again, '/tags', { token: 'tok-other' })).body).toEqual((await api(sim, '/tags', { token: 'tok-other' })).body);
    } finally {
      await again.close();
    }
  });

  it('searches titles with q and pages with page/per_page', async () => {
    expect(handles((await api(sim, '/tags?q=accOUNT', { token: 'tok-tags' })).body)).toEqual(['tag-ANgeffPL-3gxQwA']);
    const all = handles((await api(sim, '/tags', { token: 'tok-tags' })).body);
    expect(handles((await api(sim, '/tags?per_page=2&page=2', { token: 'tok-tags' })).body)).toEqual(all.slice(2, 4));
    expect((await api(sim, '/tags?per_page=101', { token: 'tok-tags' })).status).toBe(400);
  });

  it("serves an Embedded customer's tags under /api/v2/managed_users/:id only", async () => {
    const customer = await api(sim, '/v2/managed_users/19029/tags', { token: 'tok-tags' });
    expect(customer.status).toBe(200);
    expect(handles(customer.body)).toHaveLength(4);
    expect(handles(customer.body)).not.toContain('tag-ANgeffPL-3gxQwA');
    expect((await api(sim, '/v2/managed_users/EACME-001/tags', { token: 'tok-tags' })).body).toEqual(customer.body);
    expect((await api(sim, '/managed_users/19029/tags', { token: 'tok-tags' })).status).toBe(404);
  });
});

describe('tag writes (§23)', () => {
  it('creates, updates and deletes a tag; validation answers the Rails 400 shape', async () => {
    const created = await send('POST', '/tags', { title: 'Billing', color: 'green' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ handle: expect.stringMatching(/^tag-A[A-Za-z0-9]{7}-[A-Za-z0-9]{6}$/), title: 'Billing', description: null, color: 'green' });
    const h = created.body.handle;
    expect((await send('PUT', `/tags/${h}`, { description: 'Invoices' })).body).toMatchObject({ handle: h, title: 'Billing', description: 'Invoices' });
    expect(await send('POST', '/tags', { description: 'no title' })).toMatchObject({ status: 400, body: { message: 'Validation failed', errors: { title: ["can't be blank"] } } });
    expect((await send('PUT', `/tags/${h}`, { title: ' ' })).body.errors).toEqual({ title: ["can't be blank"] });
    expect((await send('PUT', '/tags/tag-nope', { title: 'x' })).status).toBe(404);
    expect((await send('DELETE', `/tags/${h}`)).body).toEqual({ success: true });
    expect((await send('DELETE', `/tags/${h}`)).status).toBe(404);
  });

  it('refuses a 1,001st tag with a 400', async () => {
    const existing = (await api(sim, '/tags', { token: 'tok-full' })).body.data.tags.length;
    for (let i = existing; i < 1000; i++) expect((await send('POST', '/tags', { title: `t${i}` }, 'tok-full')).status).toBe(200);
    const refused = await send('POST', '/tags', { title: 'one too many' }, 'tok-full');
    expect(refused).toMatchObject({ status: 400, body: { message: expect.stringMatching(/1000 tags/) } });
  });

  it('assigns and removes tags on recipes and connections, answering 200 with an empty body', async () => {
    const r = await send('POST', '/tags_assignments', { add_tags: ['tag-AQf3d2Kx-9LmNpZ'], remove_tags: ['tag-ANgeffPL-3gxQwA'], recipe_ids: [3307698], connection_ids: [880103] });
    expect(r).toMatchObject({ status: 200, text: '' });
    expect((await api(sim, '/recipes/3307698?includes[]=tags', { token: 'tok-tags' })).body.tags).toEqual(['tag-AQf3d2Kx-9LmNpZ']);
    const connections = (await api(sim, '/connections?includes[]=tags', { token: 'tok-tags' })).body;
    expect(connections.find((c: any) => c.id === 880103).tags).toEqual(['tag-AQf3d2Kx-9LmNpZ']);
  });

  it('refuses an assignment without targets, or naming unknown tags or ids, and changes nothing', async () => {
    expect((await send('POST', '/tags_assignments', { add_tags: ['tag-AQf3d2Kx-9LmNpZ'] })).body).toEqual({
      message: 'Validation failed', errors: { recipe_ids: ['or connection_ids must be present'] },
    });
    const bad = await send('POST', '/tags_assignments', { add_tags: ['tag-nope', 'tag-ANgeffPL-3gxQwA'], recipe_ids: [3307601, 1], connection_ids: ['x'] });
    expect(bad).toMatchObject({ status: 400, body: { errors: { add_tags: ['tag-nope not found'], recipe_ids: ['1 not found'], connection_ids: ['has an invalid entry "x"'] } } });
    expect((await api(sim, '/recipes/3307601?includes[]=tags', { token: 'tok-tags' })).body.tags).toEqual([]);
  });

  it('takes a deleted tag off every recipe and connection', async () => {
    expect((await send('DELETE', '/tags/tag-AQf3d2Kx-9LmNpZ')).status).toBe(200);
    const recipes = (await api(sim, '/recipes?includes[]=tags', { token: 'tok-tags' })).body.items;
    const connections = (await api(sim, '/connections?includes[]=tags', { token: 'tok-tags' })).body;
    expect([...recipes, ...connections].flatMap((x: any) => x.tags)).not.toContain('tag-AQf3d2Kx-9LmNpZ');
    expect(handles((await api(sim, '/tags', { token: 'tok-tags' })).body)).not.toContain('tag-AQf3d2Kx-9LmNpZ');
  });

  it("writes an Embedded customer's tags in its own workspace only", async () => {
    const created = await send('POST', '/v2/managed_users/19030/tags', { title: 'Globex only' });
    expect(created.status).toBe(200);
    const recipe = (await api(sim, '/managed_users/19030/recipes', { token: 'tok-tags' })).body.result[0].id;
    expect((await send('POST', '/v2/managed_users/19030/tags_assignments', { add_tags: [created.body.handle], recipe_ids: [recipe] })).status).toBe(200);
    expect((await api(sim, `/managed_users/19030/recipes/${recipe}?includes[]=tags`, { token: 'tok-tags' })).body.tags).toContain(created.body.handle);
    expect(handles((await api(sim, '/tags', { token: 'tok-tags' })).body)).not.toContain(created.body.handle);
  });
});
