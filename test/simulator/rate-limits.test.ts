import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { limitFor } from '../../src/simulator/rate-limits.js';
import { api } from './helpers.js';

const OTHER = 'b'.repeat(64);
let limited: Simulator;
let open: Simulator;
beforeAll(async () => {
  limited = await startSimulator({ quiet: true, rateLimits: true, workspaces: { [DEMO_TOKEN]: {}, [OTHER]: {} } });
  open = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await limited.close();
  await open.close();
});

describe('documented rate limits (REFERENCE §5), switched on by an option', () => {
  it('names the documented numbers per family', () => {
    expect(limitFor('GET', '/api/connections')).toMatchObject({ limit: 60, windowMs: 60_000 });
    expect(limitFor('POST', '/api/connections')).toMatchObject({ limit: 1, windowMs: 1_000 });
    expect(limitFor('POST', '/api/recipes/:recipe_id/repeat_jobs')).toMatchObject({ limit: 1, windowMs: 1_000 });
    expect(limitFor('POST', '/api/recipes/:recipe_id/cancel_jobs')).toMatchObject({ limit: 1, windowMs: 1_000 });
    expect(limitFor('GET', '/api/recipes/:recipe_id/jobs')).toMatchObject({ family: 'jobs', limit: 60 });
    expect(limitFor('GET', '/api/integrations')).toMatchObject({ family: 'connectors', limit: 60 });
    expect(limitFor('GET', '/api/recipes/:id')).toMatchObject({ family: 'recipes', limit: 60 });
    expect(limitFor('GET', '/api/recipes/:recipe_id/test_cases')).toMatchObject({ family: 'test_cases', limit: 60 });
    expect(limitFor('POST', '/api/test_cases/run_requests')).toMatchObject({ family: 'test_cases', limit: 60 });
    expect(limitFor('POST', '/api/recipes/:recipe_id/health')).toMatchObject({ family: 'recipe health check', limit: 20 });
    expect(limitFor('GET', '/api/recipes/:recipe_id/health')).toMatchObject({ family: 'recipes', limit: 60 });
    expect(limitFor('POST', '/api/sdk/generate_schema/json')).toMatchObject({ family: 'custom_connectors', limit: 60 });
    expect(limitFor('GET', '/api/managed_users/:id/connections')).toMatchObject({ limit: 1000 });
    // Workato's "Manage customers" page.
    expect(limitFor('POST', '/api/managed_users')).toMatchObject({ limit: 1000 });
    expect(limitFor('GET', '/api/managed_users/:id')).toMatchObject({ limit: 60 });
    expect(limitFor('DELETE', '/api/managed_users/:id/members/:member_id')).toMatchObject({ limit: 1000 });
    expect(limitFor('PUT', '/api/managed_users/:id/members/:member_id')).toMatchObject({ limit: 60 });
  });

  it('answers the 61st call of a family in a minute with 429 and Retry-After; other families and tokens are not affected', async () => {
    const statuses = [];
    for (let i = 0; i < 60; i++) statuses.push((await api(limited, '/recipes/3307712')).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const over = await api(limited, '/recipes/3307712');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ message: 'Too many requests' });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api(limited, '/folders')).status).toBe(200);
    expect((await api(limited, '/recipes/3307712', { token: OTHER })).status).not.toBe(429);
  });

  it('allows one connection write per second', async () => {
    const create = () => api(limited, '/connections', { method: 'POST', headers: { 'content-type': 'application/json' } });
    const first = await create();
    const second = await create();
    expect(first.status).not.toBe(429);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
  });

  it("counts per workspace: an API client's token draws on its workspace's count, not one of its own", async () => {
    const created = await api(limited, '/developer_api_clients', { body: { name: 'second client', api_privilege_group_id: 26779, all_folders: true } });
    const clientToken = (created.body as any).result.token as string;
    const jobs = (token?: string) => api(limited, '/recipes/3307712/repeat_jobs', { body: { job_ids: ['j-1'] }, token });
    expect((await jobs()).status).not.toBe(429);
    const second = await jobs(clientToken);
    expect(second.status).toBe(429); // 1/s for the workspace, whichever of its tokens calls
    expect((await jobs(OTHER)).status).not.toBe(429); // another workspace counts on its own
  });

  it('is off by default', async () => {
    for (let i = 0; i < 65; i++) expect((await api(open, '/users/me')).status).toBe(200);
  });
});
