/**
 * Standalone simulator: `npm run simulator`. SIMULATOR_RATE_LIMITS=true enforces the documented rate limits.
 * Env: SIMULATOR_HOST (127.0.0.1), SIMULATOR_PORT (4010; 0 = any free port), SIMULATOR_LATENCY_MS (0),
 * SIMULATOR_TOKEN (DEMO_TOKEN), SIMULATOR_SEED, SIMULATOR_RECIPES, SIMULATOR_CONNECTIONS, SIMULATOR_PROJECTS,
 * SIMULATOR_FOLDERS_PER_FOLDER, SIMULATOR_FOLDER_DEPTH, SIMULATOR_JOBS_PER_RECIPE, SIMULATOR_ASYNC_POLLS (2: reads
 * before a project build or deployment finishes), SIMULATOR_CUTOFF_MS (40000: Workato's request cut-off, REFERENCE §5).
 */
import { DEMO_TOKEN, startSimulator, type SeedOptions } from './index.js';

function num(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return n;
}

const seed: SeedOptions = {
  seed: num('SIMULATOR_SEED'),
  recipes: num('SIMULATOR_RECIPES'),
  connections: num('SIMULATOR_CONNECTIONS'),
  projects: num('SIMULATOR_PROJECTS'),
  foldersPerFolder: num('SIMULATOR_FOLDERS_PER_FOLDER'),
  folderDepth: num('SIMULATOR_FOLDER_DEPTH'),
  jobsPerRecipe: num('SIMULATOR_JOBS_PER_RECIPE'),
};
for (const k of Object.keys(seed) as Array<keyof SeedOptions>) if (seed[k] === undefined) delete seed[k];

const token = process.env.SIMULATOR_TOKEN || DEMO_TOKEN;
const sim = await startSimulator({
  host: process.env.SIMULATOR_HOST || '127.0.0.1',
  port: num('SIMULATOR_PORT') ?? 4010,
  latencyMs: num('SIMULATOR_LATENCY_MS') ?? 0,
  rateLimits: process.env.SIMULATOR_RATE_LIMITS === 'true', // REFERENCE §5 quotas, 429 + Retry-After
  asyncPolls: num('SIMULATOR_ASYNC_POLLS'),
  cutOffMs: num('SIMULATOR_CUTOFF_MS'),
  workspaces: { [token]: seed },
});

console.log(`Workato simulator listening
  API root : ${sim.url}
  token    : ${sim.token}
  try      : curl -H 'Authorization: Bearer ${sim.token}' ${sim.url}/users/me
  stats    : ${sim.origin}/__simulator/stats`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
