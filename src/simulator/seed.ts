/**
 * Deterministic workspace generation. Workspace 0 starts from the Northwind fixtures (same ids, names, values) and
 * adds generated data; other workspaces are fully generated with their own ids and names. All size options count
 * *additional* generated items (Northwind's 4 recipes / 4 connections / 3 projects are always there in workspace 0).
 */
import type { Workato } from '../workato/types.js';
import { CONNECTABLE, CONNECTORS, NO_CONNECTION_APPS, connectorTitle } from './catalogue.js';
import { seedDeployments } from './deployments.js';
import { NW_CONNECTIONS, NW_FOLDERS, NW_JOB_DETAIL, NW_JOBS_3307712, NW_PROJECTS, NW_RECIPES, NW_VERSIONS_3307712, NW_WORKSPACE } from './fixtures.js';
import { GeneratedJobs, generateVersions, type JobPlan } from './jobs-gen.js';
import { hash32, handle, Rng } from './random.js';
import { WorkspaceStore, type ConnectionRow, type RecipeRow } from './store.js';
import { DAY, formatTime, HOUR, MINUTE, parseTime, SIM_NOW } from './time.js';

export interface SeedOptions {
  seed?: number;
  recipes?: number;
  connections?: number;
  projects?: number;
  foldersPerFolder?: number;
  folderDepth?: number;
  jobsPerRecipe?: number;
  /** False: the workspace lacks the Environments add-on; builds and deployments answer 400 (§14.4). Default true. */
  environments?: boolean;
}

/** Defaults for the generated part (the demo workspace = Northwind + these). */
export const DEFAULT_SEED_OPTIONS: Required<SeedOptions> = {
  seed: 1, recipes: 40, connections: 12, projects: 3, foldersPerFolder: 2, folderDepth: 2, jobsPerRecipe: 60, environments: true,
};

const WORKSPACE_NAMES = ['Contoso Labs', 'Fabrikam Retail', 'Tailspin Toys', 'Wingtip Analytics', 'Adventure Works',
  'Litware Health', 'Proseware Logistics', 'Woodgrove Finance'];
const PROJECT_NAMES = ['Lead to Revenue', 'Hire to Retire', 'Incident Management', 'Customer Onboarding', 'Finance Close',
  'Data Warehouse Sync', 'IT Service Desk', 'Marketing Ops', 'Supply Chain', 'Partner Portal', 'Billing', 'Security Ops'];
const FOLDER_NAMES = ['Inbound', 'Outbound', 'Sync jobs', 'Error handling', 'Utilities', 'Archive', 'Reporting',
  'Webhooks', 'Staging', 'Notifications', 'Backfills', 'Lookups'];
const PEOPLE = ['Dana Whitfield', 'Kenji Watanabe', 'Sofia Marquez', 'Olu Adeyemi', 'Hannah Kowalski', 'Ravi Menon'];
const CONNECTION_SUFFIXES = ['Prod', 'Sandbox', 'Ops', 'EU', 'Integration user', 'Finance', 'Sales'];
const STOP_CAUSES = ['trigger_errors_limit', 'action_quota_limit', 'trial_expired', 'txn_quota_limit'];

export interface Person { name: string; email: string }

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

function nonNeg(n: number | undefined, fallback: number): number {
  return n === undefined || !Number.isFinite(n) ? fallback : Math.max(0, Math.floor(n));
}

export function buildWorkspace(token: string, index: number, options: SeedOptions = {}): WorkspaceStore {
  const o: Required<SeedOptions> = {
    seed: options.seed ?? DEFAULT_SEED_OPTIONS.seed,
    recipes: nonNeg(options.recipes, DEFAULT_SEED_OPTIONS.recipes),
    connections: nonNeg(options.connections, DEFAULT_SEED_OPTIONS.connections),
    projects: nonNeg(options.projects, DEFAULT_SEED_OPTIONS.projects),
    foldersPerFolder: nonNeg(options.foldersPerFolder, DEFAULT_SEED_OPTIONS.foldersPerFolder),
    folderDepth: nonNeg(options.folderDepth, DEFAULT_SEED_OPTIONS.folderDepth),
    jobsPerRecipe: nonNeg(options.jobsPerRecipe, DEFAULT_SEED_OPTIONS.jobsPerRecipe),
    environments: options.environments ?? DEFAULT_SEED_OPTIONS.environments,
  };
  const seed = hash32(o.seed, index);
  const rng = new Rng(seed);
  const northwind = index === 0;

  // ------------------------------------------------------------ identity (§8.1)
  let ws: Workato.Workspace;
  let domain: string;
  if (northwind) {
    ws = { ...NW_WORKSPACE };
    domain = 'northwind.example';
  } else {
    const base = WORKSPACE_NAMES[(index - 1) % WORKSPACE_NAMES.length];
    const name = index > WORKSPACE_NAMES.length ? `${base} ${Math.ceil(index / WORKSPACE_NAMES.length)}` : base;
    const id = 270315 + index * 10007;
    domain = `${slug(base).replace(/\./g, '')}.example`;
    const digits = String(id).padStart(9, '0');
    const created = SIM_NOW - rng.int(400, 900) * DAY;
    ws = {
      id, name, created_at: formatTime(created), plan_id: rng.pick(['enterprise_yearly', 'business_yearly']),
      current_billing_period_start: NW_WORKSPACE.current_billing_period_start,
      current_billing_period_end: NW_WORKSPACE.current_billing_period_end,
      expert: false,
      avatar_url: `https://workato-assets.s3.amazonaws.com/profiles/avatars/${digits.slice(0, 3)}/${digits.slice(3, 6)}/${digits.slice(6)}/large/logo.png?${Math.floor(created / 1000)}`,
      recipes_count: 0, interested_applications: [], company_name: `${base.split(' ')[0]} Inc.`, location: null,
      last_seen: formatTime(SIM_NOW - 5 * MINUTE), contact_phone: null, contact_email: null, about_me: null,
      email: `automation-admin@${domain}`, phone: 'xxxxxxxxxx', active_recipes_count: 0,
      root_folder_id: 1201000 + index * 1_000_000,
    };
  }
  const rootId = ws.root_folder_id as number;
  const store = new WorkspaceStore(token, index, ws, rootId);
  const wsCreated = parseTime(ws.created_at);
  const people: Person[] = (northwind
    ? ['Priya Raman', 'Marcus Lee', ...PEOPLE.slice(0, 2)]
    : rng.sample(PEOPLE, 4)
  ).map((name) => ({ name, email: `${slug(name)}@${domain}` }));

  // ------------------------------------------------------------ tags (§23; handles only)
  store.tags = northwind ? ['tag-ANgeffPL-3gxQwA', 'tag-AQf3d2Kx-9LmNpZ'] : [];
  while (store.tags.length < 4) store.tags.push(handle('tag', rng));

  // ------------------------------------------------------------ folders and projects (§8.7, §13, §14)
  store.folders.set(rootId, {
    id: rootId, name: 'Home', parent_id: null, is_project: false, project_id: null,
    created_at: ws.created_at, updated_at: ws.created_at,
  });
  if (northwind) {
    for (const f of NW_FOLDERS) store.folders.set(f.id, { ...f });
    for (const p of NW_PROJECTS) store.projects.set(p.id, { ...p });
  }
  // Generated folders are newer than Northwind's (higher ids, later timestamps).
  const folderEraStart = northwind ? parseTime('2024-11-10T10:00:00.000-08:00') : wsCreated + 7 * DAY;
  const stamp = (): [string, string] => {
    const c = folderEraStart + rng.next() * (SIM_NOW - 30 * DAY - folderEraStart);
    return [formatTime(c), formatTime(c + rng.next() * (SIM_NOW - c))];
  };
  let folderId = northwind ? 1201300 : rootId + 101;
  let projectId = northwind ? 44024 : 44021 + index * 10_000;
  let level: Workato.Folder[] = [];
  const projectNames = rng.sample(PROJECT_NAMES, PROJECT_NAMES.length);
  for (let p = 0; p < o.projects; p++) {
    const name = projectNames[p % projectNames.length] + (p >= projectNames.length ? ` ${Math.floor(p / projectNames.length) + 1}` : '');
    const [created_at, updated_at] = stamp();
    const folder: Workato.Folder = { id: folderId, name, parent_id: rootId, is_project: true, project_id: projectId, created_at, updated_at };
    store.folders.set(folder.id, folder);
    store.projects.set(projectId, { id: projectId, description: `${name} automations`, folder_id: folder.id, name });
    level.push(folder);
    folderId += rng.int(1, 4);
    projectId += rng.int(1, 3);
  }
  for (let depth = 1; depth <= o.folderDepth; depth++) {
    const next: Workato.Folder[] = [];
    for (const parent of level) {
      const names = rng.sample(FOLDER_NAMES, FOLDER_NAMES.length);
      for (let c = 0; c < o.foldersPerFolder; c++) {
        const name = names[c % names.length] + (c >= names.length ? ` ${Math.floor(c / names.length) + 1}` : '');
        const [created_at, updated_at] = stamp();
        const folder: Workato.Folder = {
          id: folderId, name, parent_id: parent.id, is_project: false, project_id: parent.project_id, created_at, updated_at,
        };
        store.folders.set(folder.id, folder);
        next.push(folder);
        folderId += rng.int(1, 4);
      }
    }
    level = next;
  }
  const allFolders = [...store.folders.values()].filter((f) => f.id !== rootId);
  const projectFolders = allFolders.filter((f) => f.is_project);

  // ------------------------------------------------------------ connections (§8.5, §12)
  if (northwind) for (const c of NW_CONNECTIONS) store.connections.set(c.id, splitTags(c));
  let connectionId = northwind ? 880105 : 880101 + index * 100_000;
  const apps = rng.sample(CONNECTABLE, CONNECTABLE.length);
  const connEraStart = northwind ? parseTime('2025-01-21T09:00:00.000-08:00') : wsCreated + 3 * DAY;
  for (let i = 0; i < o.connections; i++) {
    const created = connEraStart + rng.next() * (SIM_NOW - 3 * DAY - connEraStart);
    const parents = [...store.connections.values()].filter(
      (r) => r.connection.parent_id == null && r.connection.authorization_status === 'success' &&
        CONNECTABLE.find((c) => c.name === r.connection.application)?.oauth,
    );
    const runtime = i % 6 === 5 && parents.length > 0;
    let c: Workato.Connection;
    if (runtime) {
      const parent = rng.pick(parents).connection;
      const external = `${slug(rng.pick(PEOPLE))}+${i}@${domain}`;
      c = connection(connectionId, parent.application as string, `${parent.name} (${external})`, parent.folder_id ?? rootId, created);
      const authorized = created + rng.int(5_000, 90_000);
      c.authorized_at = formatTime(authorized);
      c.updated_at = formatTime(authorized + 11);
      c.authorization_status = 'success';
      c.external_id = external;
      c.parent_id = parent.id;
    } else {
      const app = apps[i % apps.length];
      const folder = projectFolders.length && rng.chance(0.7) ? rng.pick(projectFolders) : allFolders.length ? rng.pick(allFolders) : undefined;
      c = connection(connectionId, app.name, `${app.title} ${rng.pick(CONNECTION_SUFFIXES)}`, folder?.id ?? rootId, created);
      const roll = rng.next();
      if (roll < 0.8) {
        const authorized = created + rng.int(5_000, 90_000);
        c.authorized_at = formatTime(authorized);
        c.updated_at = formatTime(authorized + 11);
        c.authorization_status = 'success';
      } else if (roll < 0.92) {
        const lost = created + rng.next() * (SIM_NOW - created);
        c.authorized_at = formatTime(created + rng.int(5_000, 90_000));
        c.authorization_status = 'failed';
        c.authorization_error = '401 Unauthorized: token expired or revoked';
        c.connection_lost_at = formatTime(lost);
        c.connection_lost_reason = 'Authentication failed';
        c.updated_at = formatTime(lost + 19);
      } // else: a shell connection, never authorized (authorization_status null [inferred], §8.5)
    }
    const tags = rng.chance(0.3) ? rng.sample(store.tags, 1) : [];
    store.connections.set(c.id, { connection: c, tags });
    connectionId += rng.int(1, 5);
  }

  // ------------------------------------------------------------ recipes (§8.2), jobs (§8.4), versions (§8.3)
  const versionBase = 1_000_000 + index * 100_000_000;
  let ordinal = 0;
  const addRecipe = (recipe: Workato.Recipe, tags: string[], plan: Omit<JobPlan, 'seed' | 'recipe'>, pinnedVersions?: Workato.RecipeVersion[]): void => {
    const idTop = versionBase + ordinal++ * 10_000;
    let versions: Workato.RecipeVersion[] | undefined;
    const row: RecipeRow = {
      recipe, tags, jobs: new GeneratedJobs({ seed, recipe, ...plan }),
      versions: () => (versions ??= generateVersions({ seed, recipe, idTop, people, pinned: pinnedVersions })),
    };
    store.recipes.set(recipe.id, row);
  };
  if (northwind) {
    for (const fixture of NW_RECIPES) {
      const { tags, ...recipe } = structuredClone(fixture);
      const mine = recipe.id === 3307712;
      addRecipe(recipe, tags ?? [], {
        succeeded: recipe.job_succeeded_count ?? 0, failed: recipe.job_failed_count ?? 0, pending: 0,
        newestStartMs: parseTime(recipe.last_run_at), oldestStartMs: parseTime(recipe.created_at),
        flowRunTop: 58_000_000 + (hash32(recipe.id) % 200_000),
        pinned: mine ? NW_JOBS_3307712 : undefined, pinnedDetails: mine ? [NW_JOB_DETAIL] : undefined,
        pollErrorsFirst: recipe.stop_cause === 'trigger_errors_limit',
      }, mine ? NW_VERSIONS_3307712 : undefined);
    }
  }
  // Generated recipes are older than Northwind's (lower ids), so Northwind stays on the first page.
  let recipeId = northwind ? 3307601 - rng.int(2, 9) : 3307712 + index * 1_000_000;
  const recipeEraEnd = northwind ? parseTime('2024-11-01T09:00:00.000-07:00') : SIM_NOW - 2 * DAY;
  const recipeEraStart = wsCreated + DAY;
  const connsByApp = new Map<string, Workato.Connection[]>();
  for (const { connection: c } of store.connections.values()) {
    if (c.parent_id != null) continue; // runtime-user connections are not used in recipe config
    connsByApp.set(c.application as string, [...(connsByApp.get(c.application as string) ?? []), c]);
  }
  const triggerApps = CONNECTORS.filter((c) => (c.triggers ?? []).length > 0 && (NO_CONNECTION_APPS.has(c.name) || connsByApp.has(c.name)));
  const actionApps = CONNECTORS.filter((c) => (c.actions ?? []).length > 0 && (NO_CONNECTION_APPS.has(c.name) || connsByApp.has(c.name)));
  for (let j = 0; j < o.recipes; j++) {
    const created = recipeEraEnd - (recipeEraEnd - recipeEraStart) * ((j + rng.next()) / Math.max(1, o.recipes));
    const trigger = rng.pick(triggerApps);
    const actions = rng.sample(actionApps.filter((a) => a.name !== trigger.name), rng.int(1, 3));
    const applications = [trigger.name, ...actions.map((a) => a.name)];
    let wantRunning = rng.chance(0.6);
    const config: Workato.RecipeConfigEntry[] = applications.map((name) => {
      let account: number | null = null;
      if (!NO_CONNECTION_APPS.has(name)) {
        const options = connsByApp.get(name) ?? [];
        const healthy = options.filter((c) => c.authorization_status === 'success');
        const pick = wantRunning && healthy.length ? rng.pick(healthy) : options.length && !rng.chance(0.1) ? rng.pick(options) : null;
        account = pick?.id ?? null;
        if (!pick || pick.authorization_status !== 'success') wantRunning = false; // cannot run unconnected (§29.5)
      }
      return { keyword: 'application', name, provider: name, skip_validation: false, account_id: account };
    });
    const running = wantRunning;
    const triggerOp = rng.pick(trigger.triggers ?? []);
    const actionOps = actions.map((a) => ({ app: a, op: rng.pick(a.actions ?? []) }));
    const steps = actionOps.map(({ app, op }, k) => ({ number: k + 1, provider: app.name, name: op.name, as: rng.hex(8), keyword: 'action', input: {} }));
    const code = JSON.stringify({ number: 0, provider: trigger.name, name: triggerOp.name, as: rng.hex(8), keyword: 'trigger', input: {}, block: steps, uuid: rng.uuid() });
    const stopCause = running || rng.chance(0.75) ? null : rng.pick(STOP_CAUSES);
    const n = o.jobsPerRecipe;
    const pending = running && n > 0 && rng.chance(0.3) ? 1 : 0;
    let failed = Math.round((n - pending) * (rng.chance(0.3) ? 0 : rng.next() * 0.12));
    if (stopCause === 'trigger_errors_limit') failed = Math.max(failed, Math.min(n - pending, 3));
    const succeeded = n - pending - failed;
    const stoppedAt = running ? null : created + (0.3 + 0.7 * rng.next()) * (SIM_NOW - created);
    const updated = stoppedAt !== null ? stoppedAt + 17 : created + rng.next() * (SIM_NOW - DAY - created);
    const lastRun = n === 0 ? null : stoppedAt !== null ? stoppedAt - rng.int(MINUTE, 3 * DAY) : SIM_NOW - rng.int(MINUTE, 8 * HOUR);
    const author = rng.pick(people);
    const versionAuthor = rng.chance(0.7) ? author : rng.pick(people);
    const subject = `${connectorTitle(trigger.name)} ${triggerOp.title?.toLowerCase()}`;
    const recipe: Workato.Recipe = {
      id: recipeId, user_id: ws.id, name: `${subject} -> ${actionOps.map(({ app, op }) => `${app.title} ${op.title?.toLowerCase()}`).join(', ')}`,
      created_at: formatTime(created), updated_at: formatTime(updated), copy_count: rng.chance(0.15) ? rng.int(1, 3) : 0,
      trigger_application: trigger.name, action_applications: applications.slice(1), applications,
      description: `On ${subject}, ${actionOps.map(({ op }) => op.title?.toLowerCase()).join(' and ')}.`,
      parameters_schema: [], parameters: {},
      webhook_url: trigger.name === 'workato_webhooks' ? `https://webhooks.workato.com/webhooks/rest/${rng.uuid()}/${rng.hex(6)}` : null,
      folder_id: allFolders.length && !rng.chance(0.05) ? rng.pick(allFolders).id : rootId,
      running, job_succeeded_count: succeeded, job_failed_count: failed,
      lifetime_task_count: succeeded * applications.length + failed,
      last_run_at: lastRun === null ? null : formatTime(Math.max(lastRun, created + MINUTE)),
      stopped_at: stoppedAt === null ? null : formatTime(stoppedAt), version_no: rng.int(1, 25), stop_cause: stopCause,
      config, trigger_closure: null, code, author_name: author.name, version_author_name: versionAuthor.name,
      version_author_email: versionAuthor.email, version_comment: rng.chance(0.6) ? 'Initial version' : null,
    };
    const tags = rng.chance(0.35) ? rng.sample(store.tags, rng.int(1, 2)) : [];
    addRecipe(recipe, tags, {
      succeeded, failed, pending, newestStartMs: parseTime(recipe.last_run_at), oldestStartMs: created,
      flowRunTop: 40_000_000 + (hash32(seed, recipeId) % 18_000_000),
      pollErrorsFirst: stopCause === 'trigger_errors_limit',
    });
    recipeId -= rng.int(1, 7);
  }

  // Ids for create endpoints (added by later tasks).
  const max = (ids: Iterable<number>): number => Math.max(0, ...ids);
  store.setNextId('recipe', max(store.recipes.keys()) + 1);
  store.setNextId('connection', connectionId);
  store.setNextId('folder', folderId);
  store.setNextId('project', projectId);
  store.setNextId('version', versionBase + 90_000_000);
  seedDeployments(store, northwind, o.environments);
  return store;
}

function connection(id: number, application: string, name: string, folderId: number, created: number): Workato.Connection {
  const at = formatTime(created);
  return {
    application, id, name, description: null, authorized_at: null, authorization_status: null, authorization_error: null,
    created_at: at, updated_at: at, external_id: null, folder_id: folderId, connection_lost_at: null,
    connection_lost_reason: null, parent_id: null,
  };
}

function splitTags(c: Workato.Connection): ConnectionRow {
  const { tags, ...connection } = structuredClone(c);
  return { connection, tags: tags ?? [] };
}
