import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { [A]: { recipes: 20 }, [B]: { recipes: 25, seed: 7 } } });
});
afterAll(() => sim.close());

describe('auth (§2)', () => {
  it('401 {"message":"Unauthorized"} without a token, with an unknown token, or with legacy credentials only', async () => {
    const cases: Array<Parameters<typeof api>[2]> = [
      { token: null },
      { token: 'not-a-token' },
      { token: DEMO_TOKEN }, // not configured in this simulator
      { token: null, headers: { 'x-user-email': 'a@b.example', 'x-user-token': A } },
      { token: null, headers: { authorization: `Token ${A}` } },
    ];
    for (const c of cases) {
      const r = await api(sim, '/users/me', c);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ message: 'Unauthorized' });
    }
    const q = await api(sim, `/users/me?user_email=a@b.example&user_token=${A}`, { token: null });
    expect(q.status).toBe(401);
    expect((await api(sim, '/users/me', { headers: { 'x-user-token': 'x' } })).status).toBe(200); // bearer wins
  });

  it('unauthenticated requests are counted under their route', async () => {
    sim.resetCounts();
    await api(sim, '/recipes/5', { token: null });
    expect(sim.counts()).toEqual({ 'GET /api/recipes/:id': 1 });
  });
});

describe('routing (§4.2)', () => {
  it('unknown routes and unsupported methods → 404 {"message":"API not found"}', async () => {
    for (const [path, method] of [['/nope', 'GET'], ['/recipes/1/unknown', 'GET'], ['/users/me', 'DELETE'], ['/folders', 'PATCH']] as const) {
      const r = await api(sim, path, { method });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body).toEqual({ message: 'API not found' });
    }
    const res = await fetch(`${sim.origin}/not-api`);
    expect(res.status).toBe(404);
  });

  it('answers JSON with charset utf-8', async () => {
    for (const p of ['/users/me', '/nope', '/recipes?per_page=500']) {
      const r = await api(sim, p);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });
});

describe('workspace isolation', () => {
  it('two tokens see different workspaces and never each other\'s ids', async () => {
    const [meA, meB] = await Promise.all([api(sim, '/users/me', { token: A }), api(sim, '/users/me', { token: B })]);
    expect(meA.body.id).toBe(270315);
    expect(meB.body.id).not.toBe(meA.body.id);
    expect(meB.body.name).not.toBe(meA.body.name);
    expect(meB.body.root_folder_id).not.toBe(meA.body.root_folder_id);
    const idsOf = async (token: string, path: string): Promise<number[]> => {
      const b = (await api(sim, path, { token })).body;
      return (Array.isArray(b) ? b : b.items).map((x: any) => x.id);
    };
    for (const path of ['/recipes?per_page=100', '/connections?include_runtime_connections=true', '/folders', '/projects']) {
      const a = await idsOf(A, path);
      const b = await idsOf(B, path);
      expect(a.length, path).toBeGreaterThan(0);
      expect(b.length, path).toBeGreaterThan(0);
      expect(a.filter((id) => b.includes(id)), path).toEqual([]);
    }
    const recipeOfA = (await idsOf(A, '/recipes'))[0];
    expect((await api(sim, `/recipes/${recipeOfA}`, { token: B })).status).toBe(404);
    expect((await api(sim, `/recipes/${recipeOfA}/jobs`, { token: B })).status).toBe(404);
    expect((await api(sim, `/folders?parent_id=${meA.body.root_folder_id}`, { token: B })).status).toBe(404);
    expect(sim.tokens).toEqual([A, B]);
    expect(sim.token).toBe(A);
  });

  it('the default simulator serves the demo token', async () => {
    const demo = await startSimulator({ quiet: true });
    try {
      expect(demo.token).toBe(DEMO_TOKEN);
      expect(DEMO_TOKEN).toMatch(/^[0-9a-f]{64}$/);
      expect(demo.url).toBe(`${demo.origin}/api`);
      expect((await api(demo, '/users/me')).body.name).toBe('Northwind Ops');
    } finally {
      await demo.close();
    }
  });
});
