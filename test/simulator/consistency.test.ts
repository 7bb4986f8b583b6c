import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

const TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[-+]\d\d:\d\d$/;
const OPTS = { seed: 42, recipes: 150, connections: 25, projects: 4, foldersPerFolder: 3, folderDepth: 3, jobsPerRecipe: 20 };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-1': OPTS, 'tok-2': OPTS } });
});
afterAll(() => sim.close());

async function allRecipes(token: string): Promise<any[]> {
  const out: any[] = [];
  for (let p = 1; ; p++) {
    const items = (await api(sim, `/recipes?page=${p}`, { token })).body.items;
    out.push(...items);
    if (items.length < 100) return out;
  }
}

async function folderTree(token: string, root: number): Promise<Map<number, any>> {
  const found = new Map<number, any>();
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (let p = 1; ; p++) {
      const page = (await api(sim, `/folders?parent_id=${parent}&page=${p}&per_page=100`, { token })).body;
      for (const f of page) {
        expect(f.parent_id).toBe(parent); // one level only
        found.set(f.id, f);
        queue.push(f.id);
      }
      if (page.length < 100) break;
    }
  }
  return found;
}

describe.each(['tok-1', 'tok-2'])('internal consistency (%s)', (token) => {
  it('folders form a tree under Home; projects are the top-level folders', async () => {
    const me = (await api(sim, '/users/me', { token })).body;
    const tree = await folderTree(token, me.root_folder_id);
    expect(tree.has(me.root_folder_id)).toBe(false); // root never listed
    const top = [...tree.values()].filter((f) => f.parent_id === me.root_folder_id);
    expect(top.every((f) => f.is_project && typeof f.project_id === 'number')).toBe(true);
    const depth = (f: any): number => (f.parent_id === me.root_folder_id ? 1 : 1 + depth(tree.get(f.parent_id)));
    expect(Math.max(...[...tree.values()].map(depth))).toBeGreaterThanOrEqual(4);
    const projects = (await api(sim, '/projects', { token })).body;
    expect(projects.map((p: any) => p.folder_id).sort()).toEqual(top.map((f) => f.id).sort());
    for (const p of projects) expect(tree.get(p.folder_id).project_id).toBe(p.id);
    for (const f of tree.values()) {
      if (!f.is_project) expect(f.project_id).toBe(tree.get(f.parent_id).project_id);
      expect(f.created_at).toMatch(TS);
    }
    const nested = (await api(sim, `/folders?with_nested_folders=true&parent_id=${top[0].id}`, { token })).body;
    expect(nested.length).toBe([...tree.values()].filter((f) => f.project_id === top[0].project_id).length - 1);
  });

  it('recipes: folders exist, config account_ids are connections of that connector, counts match users/me', async () => {
    const me = (await api(sim, '/users/me', { token })).body;
    const recipes = await allRecipes(token);
    const tree = await folderTree(token, me.root_folder_id);
    const conns = new Map<number, any>((await api(sim, '/connections?include_runtime_connections=true', { token })).body.map((c: any) => [c.id, c]));
    expect(recipes).toHaveLength(me.recipes_count);
    expect(recipes.filter((r) => r.running)).toHaveLength(me.active_recipes_count);
    const levels = new Set<number>();
    let nullAccounts = 0;
    for (const r of recipes) {
      expect(r.folder_id === me.root_folder_id || tree.has(r.folder_id)).toBe(true);
      if (tree.has(r.folder_id)) levels.add(tree.get(r.folder_id).parent_id === me.root_folder_id ? 1 : 2);
      expect(r.applications).toEqual([r.trigger_application, ...r.action_applications]);
      expect(r.config.map((c: any) => c.provider)).toEqual(r.applications);
      for (const c of r.config) {
        if (c.account_id === null) nullAccounts++;
        else expect(conns.get(c.account_id)?.application).toBe(c.provider);
      }
      for (const k of ['created_at', 'updated_at']) expect(r[k]).toMatch(TS);
      expect(() => JSON.parse(r.code)).not.toThrow();
    }
    expect(levels.size).toBe(2);
    expect(nullAccounts).toBeGreaterThan(0);
    // runtime connections hidden by default
    const plain = (await api(sim, '/connections', { token })).body;
    expect(plain.every((c: any) => c.parent_id === null)).toBe(true);
    expect(conns.size).toBeGreaterThan(plain.length);
    const child = [...conns.values()].find((c) => c.parent_id !== null);
    expect((await api(sim, `/connections?parent_id=${child.parent_id}`, { token })).body.map((c: any) => c.id)).toContain(child.id);
  });

  it('integrations/all lists every application used, in pages of ≤100', async () => {
    const recipes = await allRecipes(token);
    const first = (await api(sim, '/integrations/all', { token })).body;
    expect(first.per_page).toBe(100);
    expect(first.page).toBe(1);
    const names = new Set(first.items.map((c: any) => c.name));
    expect(first.count).toBe(names.size);
    for (const r of recipes) for (const a of r.applications) expect(names.has(a), a).toBe(true);
    expect((await api(sim, '/integrations/all?per_page=101', { token })).status).toBe(400);
    const p2 = (await api(sim, '/integrations/all?per_page=10&page=2', { token })).body;
    expect(p2.items.map((c: any) => c.name)).toEqual(first.items.slice(10, 20).map((c: any) => c.name));
  });
});

describe('determinism and scale', () => {
  it('same options give the same data (same seed per position)', async () => {
    const again = await startSimulator({ quiet: true, workspaces: { 'tok-x': OPTS } });
    try {
      const a = await api(sim, '/recipes?per_page=100', { token: 'tok-1' });
      const b = await api(again, '/recipes?per_page=100', { token: 'tok-x' });
      expect(b.body).toEqual(a.body);
      const rid = a.body.items[20].id;
      expect((await api(again, `/recipes/${rid}/jobs?per_page=100`, { token: 'tok-x' })).body)
        .toEqual((await api(sim, `/recipes/${rid}/jobs?per_page=100`, { token: 'tok-1' })).body);
    } finally {
      await again.close();
    }
  });

  it('2,000 recipes × 200 jobs start well under a second', async () => {
    const t0 = performance.now();
    const big = await startSimulator({ quiet: true, workspaces: { big: { recipes: 2000, jobsPerRecipe: 200, connections: 100, projects: 10 } } });
    const elapsed = performance.now() - t0;
    try {
      expect(elapsed).toBeLessThan(1000);
      const me = (await api(big, '/users/me')).body;
      expect(me.recipes_count).toBe(2004);
      const rec = (await api(big, '/recipes?page=20')).body.items[0];
      expect((await api(big, `/recipes/${rec.id}/jobs`)).body.job_count).toBe(200);
    } finally {
      await big.close();
    }
  });
});
