import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import {
  FIXTURE_CONNECTORS, NW_CONNECTIONS, NW_FOLDERS, NW_JOB_DETAIL, NW_JOBS_3307712, NW_PROJECTS, NW_RECIPES,
  NW_VERSIONS_3307712, NW_WORKSPACE,
} from '../../src/simulator/fixtures.js';
import { api, FIXTURE_ONLY } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-northwind': FIXTURE_ONLY } });
});
afterAll(() => sim.close());

const withoutTags = <T extends { tags?: unknown }>(o: T): Omit<T, 'tags'> => {
  const { tags: _tags, ...rest } = o;
  return rest;
};

describe('Northwind fixture workspace (fixture-only seed)', () => {
  it('GET /api/users/me equals fixtures/users-me.json', async () => {
    const r = await api(sim, '/users/me');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.body).toEqual(NW_WORKSPACE);
    expect(r.body).toMatchObject({ id: 270315, name: 'Northwind Ops', recipes_count: 4, active_recipes_count: 2, root_folder_id: 1201000 });
  });

  it('GET /api/recipes?includes[]=tags equals fixtures/recipes-list.json', async () => {
    const r = await api(sim, '/recipes?includes[]=tags');
    expect(r.body).toEqual({ items: NW_RECIPES });
    expect(r.body.items.map((x: any) => x.id)).toEqual([3307712, 3307698, 3307650, 3307601]);
    // URL-encoded brackets work too (§3)
    expect((await api(sim, '/recipes?includes%5B%5D=tags')).body).toEqual({ items: NW_RECIPES });
  });

  it('recipes carry no tags without includes[]=tags; exclude_code drops code', async () => {
    const r = await api(sim, '/recipes');
    expect(r.body.items).toEqual(NW_RECIPES.map(withoutTags));
    expect(r.body.items[0]).not.toHaveProperty('tags');
    const lean = await api(sim, '/recipes?exclude_code=true');
    expect(lean.body.items[0]).not.toHaveProperty('code');
    expect(typeof r.body.items[0].code).toBe('string'); // §3: code is a JSON string
  });

  it('GET /api/recipes/:id equals fixtures/recipe-get.json; 404 for unknown and non-integer ids', async () => {
    expect((await api(sim, '/recipes/3307712?includes[]=tags')).body).toEqual(NW_RECIPES[0]);
    expect((await api(sim, '/recipes/3307712')).body).toEqual(withoutTags(NW_RECIPES[0]));
    for (const p of ['/recipes/1', '/recipes/abc', '/recipes/12abc']) {
      const r = await api(sim, p);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ message: 'Not found' });
    }
  });

  it('versions: {"data": [...]} newest first, starting with the fixture versions', async () => {
    const r = await api(sim, '/recipes/3307712/versions');
    expect(Object.keys(r.body)).toEqual(['data']);
    expect(r.body.data.slice(0, 3)).toEqual(NW_VERSIONS_3307712);
    expect(r.body.data.map((v: any) => v.version_no)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(new Set(r.body.data.map((v: any) => v.id)).size).toBe(14);
    const times = r.body.data.map((v: any) => Date.parse(v.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await api(sim, '/recipes/3307712/versions/99087')).body).toEqual(NW_VERSIONS_3307712[1]);
    expect((await api(sim, '/recipes/3307698/versions/99087')).status).toBe(404);
    expect((await api(sim, '/recipes/3307712/versions?per_page=2&page=2')).body.data.map((v: any) => v.version_no)).toEqual([12, 11]);
  });

  it('jobs: counters and the newest items equal fixtures/jobs-list.json', async () => {
    const r = await api(sim, '/recipes/3307712/jobs?per_page=3');
    expect(r.body).toEqual({ job_succeeded_count: 412, job_failed_count: 9, job_count: 421, job_scope_count: 421, items: NW_JOBS_3307712 });
  });

  it('job detail equals fixtures/job-get.json; 404 through another recipe', async () => {
    expect((await api(sim, '/recipes/3307712/jobs/j-AXk9Yb71-Qm3rT8')).body).toEqual(NW_JOB_DETAIL);
    const other = await api(sim, '/recipes/3307698/jobs/j-AXk9Yb71-Qm3rT8');
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ message: 'Not found' });
  });

  it('connections: bare array equal to fixtures/connections-list.json, ignoring page/per_page', async () => {
    expect((await api(sim, '/connections?includes[]=tags')).body).toEqual(NW_CONNECTIONS);
    expect((await api(sim, '/connections?includes[]=tags&page=2&per_page=1')).body).toEqual(NW_CONNECTIONS);
    expect((await api(sim, '/connections?provider=jira')).body).toEqual([withoutTags(NW_CONNECTIONS[3])]);
    expect((await api(sim, '/connections?folder_id=1201101')).body.map((c: any) => c.id)).toEqual([880101, 880102]);
  });

  it('integrations: fixture metadata in request order; unknown names absent', async () => {
    const r = await api(sim, '/integrations?applications=salesforce,netsuite,slack');
    expect(r.body).toEqual({ items: FIXTURE_CONNECTORS.slice(0, 3) });
    const u = await api(sim, '/integrations?applications=slack,no_such_app');
    expect(u.body.items.map((c: any) => c.name)).toEqual(['slack']);
  });

  it('integrations/all?page=1&per_page=2 has the fixture shape', async () => {
    const r = await api(sim, '/integrations/all?page=1&per_page=2');
    expect(Object.keys(r.body).sort()).toEqual(['count', 'items', 'page', 'per_page']);
    expect(r.body.items).toEqual(FIXTURE_CONNECTORS.slice(3, 5)); // active_directory, airtable
    expect(r.body).toMatchObject({ page: 1, per_page: 2 });
  });

  it('folders (Home level, and one level under 1201101) and projects equal the fixtures', async () => {
    expect((await api(sim, '/folders')).body).toEqual(NW_FOLDERS.slice(0, 3));
    expect((await api(sim, '/folders?parent_id=1201000')).body).toEqual(NW_FOLDERS.slice(0, 3));
    expect((await api(sim, '/folders?parent_id=1201101')).body).toEqual(NW_FOLDERS.slice(3));
    expect((await api(sim, '/folders?parent_id=1201210')).body).toEqual([]);
    expect((await api(sim, '/projects')).body).toEqual(NW_PROJECTS);
  });
});
