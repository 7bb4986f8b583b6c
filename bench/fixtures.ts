/** Picks the ids the operations use, straight from the simulator, before anything is measured. */
import type { Fixtures } from './operations.js';
import type { RestClient } from './rest.js';

interface Recipe {
  id: number;
  running?: boolean;
}

export async function loadFixtures(c: RestClient, startStopPool: number): Promise<Fixtures> {
  const recipes: Recipe[] = [];
  for (let sinceId: number | undefined; ; ) {
    const page = await c.get<{ items: Recipe[] }>(`/recipes?per_page=100${sinceId ? `&since_id=${sinceId}` : ''}`);
    recipes.push(...page.body.items);
    if (page.body.items.length < 100) break;
    sinceId = page.body.items[page.body.items.length - 1]!.id;
  }
  const entityIds = recipes.filter((_, i) => i % 3 === 0).slice(0, 100).map((r) => r.id);
  if (entityIds.length < 100) throw new Error(`the simulator holds ${recipes.length} recipes; the _entities operation needs 298 or more`);

  let jobsRecipeId: number | undefined;
  for (const r of recipes) {
    const jobs = await c.get<{ job_count: number }>(`/recipes/${r.id}/jobs?per_page=1`);
    if (jobs.body.job_count >= 60) {
      jobsRecipeId = r.id;
      break;
    }
  }
  if (jobsRecipeId === undefined) throw new Error('no recipe with 60 jobs or more in the simulator');

  // Running recipes whose stop and start both succeed now (they are left running); one whose start is refused stays
  // stopped and is not used.
  const startStopIds: number[] = [];
  for (const r of recipes) {
    if (startStopIds.length >= startStopPool) break;
    if (!r.running) continue;
    const stop = await c.put<{ success?: boolean }>(`/recipes/${r.id}/stop`);
    const start = await c.put<{ success?: boolean }>(`/recipes/${r.id}/start`).catch(() => ({ body: { success: false } }));
    if (stop.body.success && start.body.success) startStopIds.push(r.id);
  }
  if (startStopIds.length === 0) throw new Error('no running recipe that stops and starts cleanly');

  const customers = await c.get<{ result: Array<{ id: number }> }>('/managed_users?per_page=100').catch(() => undefined);
  let managedUserId = 0;
  for (const customer of customers?.body.result ?? []) {
    const page = await c.get<{ result: unknown[] }>(`/managed_users/${customer.id}/recipes?per_page=10`);
    if (page.body.result.length >= 5) {
      managedUserId = customer.id;
      break;
    }
  }
  return { jobsRecipeId, entityIds, startStopIds, managedUserId };
}
