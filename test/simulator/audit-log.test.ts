import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { RESOURCE_TYPES } from '../../src/simulator/routes/audit-log.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': {}, 'tok-b': { recipes: 5 } } });
});
afterAll(() => sim.close());

interface Entry {
  id: number;
  timestamp: string;
  event_type: string;
  user: { id: number; name: string; email: string };
  resource: { id: number; name: string; type: string };
  details: { request: { ip: string; user_agent: string }; activity: unknown };
  workspace: { id: number; name: string };
}
type Log = { data: Entry[]; total: number };

const log = async (query = '', token = 'tok-a') => (await api<Log>(sim, `/activity_logs${query}`, { token })).body;

/** Every entry of a workspace, walking `page[after]` (100 a page). */
async function walk(query = '', token = 'tok-a'): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let after: number | undefined; ; ) {
    const page = await log(`?page%5Bsize%5D=100${after ? `&page%5Bafter%5D=${after}` : ''}${query}`, token);
    out.push(...page.data);
    if (page.data.length < 100) return out;
    after = page.data.at(-1)!.id;
  }
}

describe('GET /api/activity_logs (§27)', () => {
  it('answers {"data", "total"} newest first, 100 by default, total counting this response', async () => {
    const page = await log();
    expect(Object.keys(page).sort()).toEqual(['data', 'total']);
    expect(page.data).toHaveLength(100);
    expect(page.total).toBe(100);
    const ids = page.data.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const times = page.data.map((e) => Date.parse(e.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.data[0]).toMatchObject({
      id: expect.any(Number), event_type: expect.any(String), workspace: { id: expect.any(Number), name: 'Northwind Ops' },
      user: { id: expect.any(Number), name: expect.any(String), email: expect.stringContaining('@northwind.example') },
      details: { request: { ip: expect.stringMatching(/^203\.0\.113\./), user_agent: expect.any(String) } },
      resource: { id: expect.any(Number), name: expect.any(String), type: expect.any(String) },
    });
  });

  it('pages by page[after] (ids lower than it) with no gap or duplicate, over hundreds of entries', async () => {
    const all = await walk();
    expect(all.length).toBeGreaterThanOrEqual(240);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const small = await log('?page%5Bsize%5D=7&page%5Bafter%5D=' + all[10]!.id);
    expect(small.data.map((e) => e.id)).toEqual(all.slice(11, 18).map((e) => e.id));
  });

  it('generates a realistic log of the workspace: its recipes, connections, folders… by id and name', async () => {
    const all = await walk();
    const types = new Set(all.map((e) => e.resource.type));
    for (const t of ['Flow', 'SharedAccount', 'Folder', 'Project', 'User', 'Adapter']) expect(types).toContain(t);
    for (const t of types) expect(RESOURCE_TYPES).toContain(t);
    const recipes = new Map((await api<{ items: Array<{ id: number; name: string }> }>(sim, '/recipes', { token: 'tok-a' })).body.items.map((r) => [r.id, r.name]));
    const flow = all.find((e) => e.resource.type === 'Flow' && recipes.has(e.resource.id))!;
    expect(flow.resource.name).toBe(recipes.get(flow.resource.id));
  });

  it('is deterministic and different per workspace', async () => {
    const [a, b] = [await log('', 'tok-a'), await log('', 'tok-b')];
    expect(await log('', 'tok-a')).toEqual(a);
    expect(b.data[0]!.workspace.name).not.toBe(a.data[0]!.workspace.name);
    const ids = new Set(a.data.map((e) => e.id));
    expect(b.data.filter((e) => ids.has(e.id))).toEqual([]);
  });

  it('applies from/to, users_ids[], resource type and event type filters', async () => {
    const all = await walk();
    const from = all[150]!.timestamp;
    const to = all[20]!.timestamp;
    const window = await walk(`&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(window.map((e) => e.id)).toEqual(all.filter((e) => Date.parse(e.timestamp) >= Date.parse(from) && Date.parse(e.timestamp) <= Date.parse(to)).map((e) => e.id));
    const user = all[0]!.user.id;
    expect((await walk(`&users_ids%5B%5D=${user}`)).map((e) => e.id)).toEqual(all.filter((e) => e.user.id === user).map((e) => e.id));
    const flows = await walk('&include_resource_types%5B%5D=Flow&include_resource_types%5B%5D=Folder');
    expect(flows.map((e) => e.id)).toEqual(all.filter((e) => e.resource.type === 'Flow' || e.resource.type === 'Folder').map((e) => e.id));
    const noFlows = await walk('&exclude_resource_types%5B%5D=Flow');
    expect(noFlows.map((e) => e.id)).toEqual(all.filter((e) => e.resource.type !== 'Flow').map((e) => e.id));
    const started = await walk('&include_event_types%5B%5D=recipe_started');
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((e) => e.event_type === 'recipe_started')).toBe(true);
    const notStarted = await walk('&exclude_event_types%5B%5D=recipe_started');
    expect(notStarted.length + started.length).toBe(all.length);
  });

  it('answers 400 {"message"} for bad parameters', async () => {
    for (const query of ['page%5Bsize%5D=0', 'page%5Bsize%5D=101', 'page%5Bafter%5D=abc', 'from=yesterday', 'users_ids%5B%5D=x',
      'include_resource_types%5B%5D=Recipe', 'from=2025-06-01T00:00:00Z&to=2025-05-01T00:00:00Z']) {
      const answer = await api(sim, `/activity_logs?${query}`, { token: 'tok-a' });
      expect(answer.status, query).toBe(400);
      expect(answer.body).toEqual({ message: expect.any(String) });
    }
  });

  it("serves an Embedded customer's own log under /api/managed_users/:id (§17.8), keeping {data, total}", async () => {
    const customer = await api<Log>(sim, '/managed_users/19029/activity_logs?page%5Bsize%5D=5', { token: 'tok-a' });
    expect(customer.status).toBe(200);
    expect(customer.body.total).toBe(5);
    const members = (await api<{ result: Array<{ id: number }> }>(sim, '/managed_users/19029/members', { token: 'tok-a' })).body.result.map((m) => m.id);
    expect(customer.body.data.every((e) => members.includes(e.user.id))).toBe(true);
    expect((await api<Log>(sim, '/managed_users/EACME-001/activity_logs?page%5Bsize%5D=5', { token: 'tok-a' })).body).toEqual(customer.body);
    expect((await api(sim, '/managed_users/424242/activity_logs', { token: 'tok-a' })).status).toBe(404);
  });

  it("names the customer's workspace in a customer's entries, not the partner's", async () => {
    const acme = (await api<Log>(sim, '/managed_users/19029/activity_logs?page%5Bsize%5D=100', { token: 'tok-a' })).body.data;
    expect(new Set(acme.map((e) => e.workspace.name))).toEqual(new Set(['Acme Corporation']));
    const globex = (await api<Log>(sim, '/managed_users/EGLOBEX-7/activity_logs?page%5Bsize%5D=3', { token: 'tok-a' })).body.data;
    expect(globex.map((e) => e.workspace.name)).toEqual(['Globex', 'Globex', 'Globex']);
    // The workspace is renamed with its customer.
    const created = await api(sim, '/managed_users', { token: 'tok-a', body: { name: 'Vandelay', notification_email: 'art@vandelay.example' } });
    await api(sim, `/managed_users/${created.body.id}`, { token: 'tok-a', method: 'PUT', body: { name: 'Vandelay Industries' } });
    const renamed = (await api<Log>(sim, `/managed_users/${created.body.id}/activity_logs?page%5Bsize%5D=1`, { token: 'tok-a' })).body.data;
    expect(renamed[0]?.workspace.name).toBe('Vandelay Industries');
    expect((await api<Log>(sim, '/activity_logs?page%5Bsize%5D=1', { token: 'tok-a' })).body.data[0]!.workspace.name).toBe('Northwind Ops');
  });
});
