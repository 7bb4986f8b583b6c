/**
 * Same object, same fields: Workato's single-job call has no `flow_run_id` (REFERENCE §8.4), its job list has. A job
 * read alone after its list, in the same request, keeps the list's value (loaders/jobs.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobLoaders } from '../src/loaders/jobs.js';
import { createTransport, WorkatoApi } from '../src/workato/http.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(() => sim.close());

const transport = () => createTransport({ connections: 2, timeouts: { connectMs: 1_000, headersMs: 5_000, bodyMs: 5_000 } });

it('a job fetched after its list keeps flow_run_id; fetched alone it has none, as Workato sends it', async () => {
  const api = new WorkatoApi(transport(), sim.url, sim.token);
  const loaders = createJobLoaders(api, undefined);
  const page = await loaders.jobList.load({ recipeId: 3307712, perPage: 2 });
  const listedJob = page.items[0]!;
  expect(listedJob.flow_run_id).toEqual(expect.any(Number));
  const detail = await loaders.jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(detail.flow_run_id).toBe(listedJob.flow_run_id);

  const alone = await createJobLoaders(new WorkatoApi(transport(), sim.url, sim.token), undefined).jobByKey.load({ recipeId: 3307712, handle: listedJob.id });
  expect(alone.flow_run_id ?? null).toBeNull();
});
