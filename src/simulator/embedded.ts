/**
 * Embedded (OEM) partner state, REFERENCE §17: an Embed admin workspace owns customer workspaces ("managed users"),
 * each an isolated WorkspaceStore built by the same seed code as any workspace, with its own id ranges.
 * The first workspace's customers are the fixture ones (fixtures/managed-users-list.json).
 */
import type { Workato } from '../workato/types.js';
import { notFound, HttpError } from './http-helpers.js';
import { INFERRED } from './inferred.js';
import { Rng, hash32 } from './random.js';
import { buildWorkspace, type SeedOptions } from './seed.js';
import type { WorkspaceStore } from './store.js';
import { DAY, formatTime, parseTime, SIM_NOW } from './time.js';

export interface ManagedUserRow {
  /** The customer as GET /api/managed_users/:id answers it (§8.8). */
  user: Workato.ManagedUser;
  /** The customer workspace: recipes, jobs, connections, folders, projects, lookup tables, members. */
  store: WorkspaceStore;
  /** Connection items in the 2019 shape, `provider` instead of `application` (fixtures/managed-user-connections-list.json). */
  legacyConnectionShape: boolean;
}

export interface EmbeddedOptions {
  /** An Embed admin (partner) workspace with the fixture customers. Default: only the first workspace. */
  embedded?: boolean;
}

/** fixtures/managed-users-list.json, with the size of each customer's generated workspace. */
const FIXTURE_CUSTOMERS: Array<{ user: Workato.ManagedUser; seed: SeedOptions; legacy?: boolean; tables: number; members: string[] }> = [
  {
    user: {
      id: 19029, external_id: 'ACME-001', name: 'Acme Corporation', notification_email: 'it-alerts@acme.example',
      plan_id: 'oem_plan', origin_url: null, in_trial: false,
      created_at: '2024-09-02T11:20:45.118-07:00', updated_at: '2025-04-17T08:03:12.640-07:00',
    },
    seed: { recipes: 12, connections: 4, projects: 2, foldersPerFolder: 2, folderDepth: 1, jobsPerRecipe: 30 },
    legacy: true,
    tables: 2,
    members: ['Wile Coyote', 'Road Runner', 'Elmer Fudd'],
  },
  {
    user: {
      id: 19030, external_id: 'GLOBEX-7', name: 'Globex', notification_email: 'ops@globex.example',
      plan_id: 'oem_plan', origin_url: 'https://integrations.globex.example', in_trial: false,
      created_at: '2024-10-14T09:02:33.904-07:00', updated_at: '2025-02-08T15:44:20.007-08:00',
    },
    seed: { recipes: 5, connections: 3, projects: 1, foldersPerFolder: 1, folderDepth: 1, jobsPerRecipe: 10 },
    tables: 1,
    members: ['Hank Scorpio'],
  },
  {
    // A trial customer with no folders at all: every recipe sits in Home.
    user: {
      id: 19041, external_id: null, name: 'Initech (trial)', notification_email: 'admin@initech.example',
      plan_id: 'oem_plan', origin_url: null, in_trial: true,
      created_at: '2025-05-30T13:10:05.662-07:00', updated_at: '2025-05-30T13:10:05.991-07:00',
    },
    seed: { recipes: 3, connections: 2, projects: 0, folderDepth: 0, jobsPerRecipe: 5 },
    tables: 0,
    members: ['Bill Lumbergh'],
  },
];

/** fixtures/managed-user-connections-list.json: customer 19029's connections, recorded in the 2019 shape. */
const ACME_CONNECTIONS: Workato.Connection[] = [
  { id: 6132, name: 'Acme Box', provider: 'box', authorization_status: 'success', authorized_at: '2024-09-10T18:20:08.854-07:00', created_at: '2024-09-10T18:19:57.437-07:00', updated_at: '2024-09-10T18:20:08.859-07:00' },
  { id: 6131, name: 'Acme Salesforce', provider: 'salesforce', authorization_status: 'success', authorized_at: '2024-09-10T18:19:43.018-07:00', created_at: '2024-09-10T18:19:12.902-07:00', updated_at: '2024-09-10T18:19:43.021-07:00' },
];

/** fixtures/lookup-tables-list.json: the partner workspace's own tables (§18). */
const NORTHWIND_TABLES: Workato.LookupTable[] = [
  { id: 1316, name: 'Subsidiary map', schema: columns(['salesforce_region', 'netsuite_subsidiary_id']), created_at: '2025-02-10T10:00:44.520-08:00', updated_at: '2025-05-11T09:12:03.337-07:00', project_id: '44021' },
  { id: 1315, name: 'Country codes', schema: columns(['code', 'name']), created_at: '2024-11-20T11:54:26.934-08:00', updated_at: '2024-11-20T11:54:26.934-08:00', project_id: null },
];

const TABLE_NAMES: Array<[string, string[]]> = [
  ['Plan tiers', ['tier', 'task_limit']],
  ['Region routing', ['region', 'queue', 'owner_email']],
  ['Currency codes', ['code', 'name']],
];

/** §18: `schema` is a JSON string of columns `col1`…`col10`, each with a label. */
export function columns(labels: readonly string[]): string {
  return JSON.stringify(labels.map((label, i) => ({ control_type: 'text', label, name: `col${i + 1}`, type: 'string', sticky: true })));
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

/** First id of the next customer created with POST /api/managed_users. */
const NEXT_CUSTOMER_ID = 19042;

/**
 * Makes `partner` an Embed admin workspace (or leaves it alone), seeding its fixture customers and, for the first
 * workspace, the fixture lookup tables. Customer workspaces use seed index 100 + (id mod 1000) + 1000 × partner
 * index: ids far from every token workspace's ranges, as on Workato where ids are global.
 */
export function seedEmbedded(partner: WorkspaceStore, options: EmbeddedOptions & { seed?: number } = {}): WorkspaceStore {
  if (partner.index === 0) for (const t of NORTHWIND_TABLES) partner.lookupTables.set(t.id, { ...t });
  partner.setNextId('lookup_table', 1317);
  if (!(options.embedded ?? partner.index === 0)) return partner;
  partner.managedUsers = new Map();
  partner.setNextId('managed_user', NEXT_CUSTOMER_ID);
  for (const fixture of FIXTURE_CUSTOMERS) {
    const row = addCustomer(partner, { ...fixture.user }, { seed: options.seed, ...fixture.seed }, fixture.legacy ?? false);
    const { store } = row;
    // Exactly as recorded: the 2019 items carry no folder_id.
    if (fixture.legacy) for (const c of ACME_CONNECTIONS) store.connections.set(c.id, { connection: { ...c }, tags: [] });
    const rng = new Rng(hash32(fixture.user.id, 17));
    const projects = [...store.projects.values()];
    for (let t = 0; t < fixture.tables; t++) {
      const [name, labels] = TABLE_NAMES[t % TABLE_NAMES.length]!;
      const id = store.allocateId('lookup_table');
      const created = SIM_NOW - rng.int(30, 300) * DAY;
      store.lookupTables.set(id, {
        id, name, schema: columns(labels), created_at: formatTime(created), updated_at: formatTime(created + rng.int(0, 20) * DAY),
        // §7: `project_id` is a string here; null for a global table.
        project_id: projects.length && t % 2 === 0 ? String(projects[0]!.id) : null,
      });
    }
    const domain = (fixture.user.notification_email ?? 'customer.example').split('@')[1];
    fixture.members.forEach((name, k) => {
      const id = store.allocateId('member');
      store.members.set(id, {
        id, grant_type: 'team', name, email: `${slug(name)}@${domain}`, external_id: null, oauth_id: null,
        time_zone: 'Pacific Time (US & Canada)', created_at: formatTime(parseTime(fixture.user.created_at) + (k + 1) * DAY),
        roles: [{ environment_type: 'dev', role_name: k === 0 ? 'Admin' : 'Operator' }],
      });
    });
  }
  return partner;
}

/** Customer workspaces' seed indexes start here; token workspaces are 0, 1, 2, … (routes/collaborators.ts tells them apart). */
export const CUSTOMER_INDEX_BASE = 100;

/** A new customer workspace: seeded like any workspace (a created one starts empty: Home only). */
export function addCustomer(partner: WorkspaceStore, user: Workato.ManagedUser, seed: SeedOptions, legacy = false): ManagedUserRow {
  const index = CUSTOMER_INDEX_BASE + (user.id % 1000) + 1000 * partner.index;
  const store = buildWorkspace(partner.token, index, seed);
  // §17.1: the customer's `name` is its workspace's name ("customer (workspace) name"): what its own answers (audit
  // log entries, §27) call the workspace.
  store.workspace.name = user.name;
  // Ids of objects created later (members, tables) per customer, in ranges of their own.
  store.setNextId('member', 900_000 + (user.id % 1000) * 100);
  store.setNextId('lookup_table', 7_000 + (user.id % 1000) * 10);
  // Packages settle as the partner's do, and their zips are served by the same storage.
  store.lifecycle.follow(partner.lifecycle);
  // Workato's manifest and package ids are global: a customer's never repeat the partner's (§17.9).
  store.lifecycle.startIdsAt(40_000 + (user.id % 1000) * 100, 600_000 + (user.id % 1000) * 1000);
  const row: ManagedUserRow = { user, store, legacyConnectionShape: legacy };
  partner.managedUsers!.set(user.id, row);
  return row;
}

/** An empty customer workspace, as POST /api/managed_users creates it. */
export const EMPTY_WORKSPACE: SeedOptions = { recipes: 0, connections: 0, projects: 0, folderDepth: 0, jobsPerRecipe: 0 };

/** The partner's customers, or 403 when the token's workspace is not an Embed admin workspace (§17). */
export function customersOf(partner: WorkspaceStore): Map<number, ManagedUserRow> {
  if (!partner.managedUsers) throw new HttpError(403, { message: INFERRED.embeddedForbiddenMessage });
  return partner.managedUsers;
}

/**
 * §17.0: a `:id` / `:managed_user_id` segment is the customer id or `E` + the external id (the router has already
 * URL-decoded it). Unknown ids and unknown external ids → 404 `Not found`.
 */
export function findCustomer(partner: WorkspaceStore, segment: string | undefined): ManagedUserRow {
  const customers = customersOf(partner);
  if (segment?.startsWith('E') && segment.length > 1) {
    const external = segment.slice(1);
    for (const row of customers.values()) if (row.user.external_id === external) return row;
    throw notFound();
  }
  if (segment === undefined || !/^\d+$/.test(segment)) throw notFound();
  const row = customers.get(Number(segment));
  if (!row) throw notFound();
  return row;
}
