import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-recipes': { recipes: 230, connections: 20, projects: 4, jobsPerRecipe: 10 } } });
});
afterAll(() => sim.close());

const ids = (r: { body: { items: Array<{ id: number }> } }): number[] => r.body.items.map((x) => x.id);

describe('GET /api/recipes', () => {
  it('returns {"items"} id-descending with per_page default 100', async () => {
    const r = await api(sim, '/recipes');
    expect(Object.keys(r.body)).toEqual(['items']);
    expect(r.body.items).toHaveLength(100);
    const list = ids(r);
    expect([...list].sort((a, b) => b - a)).toEqual(list);
    expect(list.slice(0, 4)).toEqual([3307712, 3307698, 3307650, 3307601]); // Northwind first
  });

  it('rejects per_page > 100, < 1, non-integers, and bad page values with 400 {"message"}', async () => {
    for (const q of ['per_page=101', 'per_page=0', 'per_page=-5', 'per_page=abc', 'per_page=1.5', 'page=0', 'page=x', 'since_id=abc']) {
      const r = await api(sim, `/recipes?${q}`);
      expect(r.status, q).toBe(400);
      expect(typeof r.body.message, q).toBe('string');
    }
    expect((await api(sim, '/recipes?per_page=100')).status).toBe(200);
  });

  it('walks every page with page/per_page without gaps or duplicates', async () => {
    const me = (await api(sim, '/users/me')).body;
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const r = await api(sim, `/recipes?per_page=37&page=${page}&exclude_code=true`);
      seen.push(...ids(r));
      if (r.body.items.length < 37) break;
    }
    expect(seen).toHaveLength(me.recipes_count);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('since_id returns strictly lower ids and walks the same list', async () => {
    const all = ids(await api(sim, '/recipes?per_page=100')).concat(
      ids(await api(sim, '/recipes?per_page=100&page=2')), ids(await api(sim, '/recipes?per_page=100&page=3')));
    const walked: number[] = [];
    let since: number | undefined;
    for (;;) {
      const r = await api(sim, `/recipes?per_page=50${since ? `&since_id=${since}` : ''}`);
      const page = ids(r);
      if (since !== undefined) expect(page.every((id) => id < since!)).toBe(true);
      walked.push(...page);
      if (page.length < 50) break;
      since = page[page.length - 1];
    }
    expect(walked).toEqual(all);
    expect(ids(await api(sim, '/recipes?since_id=3307712&per_page=1'))).toEqual([3307698]);
  });

  it('filters: running / legacy active, folder_id, adapter names, stop_cause, updated_after, stopped_after', async () => {
    const all = (await Promise.all([1, 2, 3].map((p) => api(sim, `/recipes?page=${p}`)))).flatMap((r) => r.body.items);
    const me = (await api(sim, '/users/me')).body;
    const walk = async (q: string): Promise<any[]> => {
      const out: any[] = [];
      for (let p = 1; ; p++) {
        const r = await api(sim, `/recipes?${q}&page=${p}`);
        expect(r.status, q).toBe(200);
        out.push(...r.body.items);
        if (r.body.items.length < 100) return out;
      }
    };
    const running = await walk('running=true');
    expect(running).toHaveLength(me.active_recipes_count);
    expect(running.every((r) => r.running)).toBe(true);
    expect(ids({ body: { items: await walk('active=true') } })).toEqual(ids({ body: { items: running } }));
    expect((await walk('running=false')).length).toBe(me.recipes_count - me.active_recipes_count);

    const folder = all[10].folder_id;
    expect(ids({ body: { items: await walk(`folder_id=${folder}`) } })).toEqual(all.filter((r) => r.folder_id === folder).map((r) => r.id));

    const anyRes = await walk('adapter_names_any=slack,netsuite');
    expect(anyRes.map((r) => r.id)).toEqual(all.filter((r) => r.applications.some((a: string) => ['slack', 'netsuite'].includes(a))).map((r) => r.id));
    const allRes = await walk('adapter_names_all=salesforce,slack');
    expect(allRes.map((r) => r.id)).toContain(3307712);
    expect(allRes.every((r) => r.applications.includes('salesforce') && r.applications.includes('slack'))).toBe(true);

    const causes = await walk('stop_cause=trigger_errors_limit');
    expect(causes.map((r) => r.id)).toContain(3307650);
    expect(causes.every((r) => r.stop_cause === 'trigger_errors_limit')).toBe(true);

    const t = '2025-05-01T00:00:00Z';
    const updated = await walk(`updated_after=${t}`);
    expect(updated.map((r) => r.id)).toEqual(all.filter((r) => Date.parse(r.updated_at) > Date.parse(t)).map((r) => r.id));
    const stopped = await walk(`stopped_after=${t}`);
    expect(stopped.map((r) => r.id)).toEqual(all.filter((r) => !r.stopped_at || Date.parse(r.stopped_at) <= Date.parse(t)).map((r) => r.id));

    expect((await api(sim, '/recipes?running=maybe')).status).toBe(400);
    expect((await api(sim, '/recipes?updated_after=yesterday')).status).toBe(400);
    expect((await api(sim, '/recipes?order=bogus')).status).toBe(400);
  });

  it('order=activity sorts by last_run_at, includes[]=tags adds only tags', async () => {
    const r = await api(sim, '/recipes?order=activity&per_page=20');
    const times = r.body.items.map((x: any) => (x.last_run_at ? Date.parse(x.last_run_at) : -Infinity));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const plain = await api(sim, '/recipes?per_page=5');
    const tagged = await api(sim, '/recipes?per_page=5&includes[]=tags');
    tagged.body.items.forEach((x: any, i: number) => {
      expect(Array.isArray(x.tags)).toBe(true);
      const { tags: _t, ...rest } = x;
      expect(rest).toEqual(plain.body.items[i]);
    });
  });
});
