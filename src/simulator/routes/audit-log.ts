/**
 * REFERENCE §27: the activity audit log, `GET /api/activity_logs` (and an Embedded customer's under
 * /api/managed_users/:id, §17.8). Not CRUD: a read-only, cursor-paged table, generated at its first read from what
 * the workspace then holds (recipes, connections, folders, projects, lookup tables, members, builds, deployments,
 * manifests, packages, custom connectors) so that entries point at real objects, plus a few at deleted ones.
 */
import type { Workato } from '../../workato/types.js';
import { badRequest, ok, type Query, type RouteDef } from '../http-helpers.js';
import { INFERRED_AUDIT_LOG } from '../inferred.js';
import { hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, MINUTE, SIM_NOW } from '../time.js';
import { customConnectorsOf } from './custom-connectors.js';

type Entry = Workato.ActivityLogEntry & { id: number };
type Resource = NonNullable<Workato.ActivityLogEntry['resource']>;
interface Actor { id: number; name: string; email: string }

/** §27's resource types, as the docs list them. */
export const RESOURCE_TYPES: readonly string[] = [
  'AccountProperty', 'Adapter', 'ApiAccessProfile', 'ApiClient', 'ApiCustomer', 'ApiEndpoint', 'ApiGroup', 'ApiPolicy',
  'ApiPrivilegeGroup', 'CustomOauthKey', 'Deployment', 'ExportManifest', 'Flow', 'Folder', 'LookupTable', 'ManagedUserGrant',
  'MemberInvitation', 'Package', 'PrivilegeGroup', 'Project', 'ProjectBuild', 'ProjectProperty', 'SharedAccount',
  'Tags::Models::Tag', 'TeamProfile', 'Topic', 'User',
];

const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
  'workato-platform-cli/1.0.0 (python-requests)',
];
const FIRST_NAMES = ['Alex Moreno', 'Jordan Ellis', 'Sam Okafor'];
const API_CLIENTS = ['CI pipeline', 'Reporting client', 'Backup exporter'];
const PROPERTIES = ['sf_api_version', 'netsuite_account', 'alert_channel'];
const TAGS = ['pii', 'finance', 'deprecated'];

/** One event kind: its resource type, event names, and the resources it can be about. */
type Kind = { type: string; events: string[]; resources: Resource[] };

function kinds(store: WorkspaceStore, actors: Actor[]): Kind[] {
  const recipes = [...store.recipes.values()].map((r) => ({ id: r.recipe.id, name: r.recipe.name, type: 'Flow' }));
  // A few entries about recipes deleted since: their ids are no longer in the workspace.
  const gone = [1, 2].map((k) => ({ id: 3_000_000 + store.index * 1000 + k, name: `Retired sync ${k}`, type: 'Flow' }));
  const folders = [...store.folders.values()].filter((f) => f.parent_id != null && !f.is_project);
  // The newest recipes are the busiest: they get most of the recipe entries, as a workspace's active work does.
  const busy = [...recipes].sort((a, b) => b.id - a.id).slice(0, 3);
  const flowEvents = ['recipe_started', 'recipe_stopped', 'recipe_updated', 'recipe_created'];
  const all: Kind[] = [
    { type: 'Flow', events: flowEvents, resources: recipes },
    { type: 'Flow', events: flowEvents, resources: busy },
    { type: 'Flow', events: ['recipe_started', 'recipe_stopped'], resources: busy },
    { type: 'Flow', events: ['recipe_deleted'], resources: gone },
    {
      type: 'SharedAccount',
      events: ['connection_created', 'connection_updated', 'connection_disconnected'],
      // Runtime-user connections (§12.7) are their users' own, not the workspace's.
      resources: [...store.connections.values()].filter((c) => c.connection.parent_id == null).map((c) => ({ id: c.connection.id, name: c.connection.name, type: 'SharedAccount' })),
    },
    { type: 'Folder', events: ['folder_created', 'folder_updated'], resources: folders.map((f) => ({ id: f.id, name: f.name, type: 'Folder' })) },
    { type: 'Project', events: ['project_created', 'project_updated'], resources: [...store.projects.values()].map((p) => ({ id: p.id, name: p.name, type: 'Project' })) },
    {
      type: 'LookupTable',
      events: ['lookup_table_created', 'lookup_table_updated'],
      resources: [...store.lookupTables.values()].map((t) => ({ id: t.id, name: t.name, type: 'LookupTable' })),
    },
    { type: 'ProjectBuild', events: ['project_build_created'], resources: [...store.builds.keys()].map((id) => ({ id, name: `Build ${id}`, type: 'ProjectBuild' })) },
    { type: 'Deployment', events: ['deployment_created'], resources: [...store.deployments.keys()].map((id) => ({ id, name: `Deployment ${id}`, type: 'Deployment' })) },
    {
      type: 'ExportManifest',
      events: ['export_manifest_created', 'export_manifest_updated'],
      resources: [...store.lifecycle.manifests.values()].map((m) => ({ id: m.id, name: m.name, type: 'ExportManifest' })),
    },
    { type: 'Package', events: ['package_exported'], resources: [...store.lifecycle.packages.keys()].map((id) => ({ id, name: `Package ${id}`, type: 'Package' })) },
    {
      type: 'Adapter',
      events: ['connector_released', 'connector_updated'],
      resources: customConnectorsOf(store).map((c) => ({ id: c.id, name: c.title ?? c.name, type: 'Adapter' })),
    },
    {
      type: 'User',
      events: ['user_logged_in', 'member_role_updated'],
      resources: actors.map((a) => ({ id: a.id, name: a.name, type: 'User', email: a.email, email_confirmed_at: formatTime(SIM_NOW - 400 * DAY) })),
    },
    { type: 'ApiClient', events: ['api_client_created', 'api_client_token_regenerated'], resources: named(store, 'ApiClient', API_CLIENTS, 41_000) },
    { type: 'AccountProperty', events: ['account_property_created', 'account_property_updated'], resources: named(store, 'AccountProperty', PROPERTIES, 72_000) },
    { type: 'Tags::Models::Tag', events: ['tag_created'], resources: named(store, 'Tags::Models::Tag', TAGS, 8_000) },
  ];
  return all.filter((k) => k.resources.length > 0);
}

const named = (store: WorkspaceStore, type: string, names: string[], base: number): Resource[] =>
  names.map((name, k) => ({ id: base + store.index * 1000 + k, name, type }));

/** Who acts in the log: the workspace's members, or (no member list, e.g. the caller's own workspace) a few people. */
function actorsOf(store: WorkspaceStore): Actor[] {
  if (store.members.size) return [...store.members.values()].map((m) => ({ id: m.id, name: m.name, email: m.email ?? '' }));
  const domain = (store.workspace.email ?? 'workspace.example').split('@')[1];
  return FIRST_NAMES.map((name, k) => ({ id: 90_500 + store.index * 1000 + k, name, email: `${name.toLowerCase().replace(' ', '.')}@${domain}` }));
}

/** Hundreds of entries over the 120 days before SIM_NOW, ids ascending with time (base + index × 1000). */
function seed(store: WorkspaceStore): Entry[] {
  const rng = new Rng(hash32(27, store.index));
  const actors = actorsOf(store);
  const kindList = kinds(store, actors);
  const count = INFERRED_AUDIT_LOG.minSeedEntries + rng.int(0, 120);
  const times = Array.from({ length: count }, () => SIM_NOW - rng.int(10, 120 * 24 * 60) * MINUTE).sort((a, b) => a - b);
  const environment = store.index >= 100 ? 'prod' : 'dev';
  return times.map((time, k) => {
    const kind = rng.pick(kindList);
    const resource = rng.pick(kind.resources);
    const event = rng.pick(kind.events);
    const actor = rng.pick(actors);
    return {
      id: INFERRED_AUDIT_LOG.firstId + store.index * 1000 + k,
      timestamp: formatTime(time),
      event_type: event,
      workspace: { id: store.workspace.id, name: store.workspace.name, email: store.workspace.email ?? null, environment },
      user: { id: actor.id, name: actor.name, email: actor.email },
      details: {
        request: { ip: `203.0.113.${rng.int(2, 250)}`, user_agent: rng.pick(AGENTS) },
        activity: { action: event.slice(event.lastIndexOf('_') + 1), resource_name: resource.name },
      },
      resource: { ...resource },
    };
  });
}

export const AUDIT_LOG: TableSpec<Entry> = { name: 'activity_logs', idOf: (e) => e.id, seed };

/** `name[]` integers; anything else → 400. */
function intList(query: Query, name: string): number[] {
  return query.list(name).map((v) => {
    if (!/^\d+$/.test(v.trim())) throw badRequest(`${name} must be a list of integers`);
    return Number(v);
  });
}

function typeList(query: Query, name: string): string[] {
  const types = query.list(name);
  const unknown = types.find((t) => !RESOURCE_TYPES.includes(t));
  if (unknown !== undefined) throw badRequest(`${name} contains an unknown resource type: ${unknown}`);
  return types;
}

const when = (e: Entry) => Date.parse(e.timestamp ?? '');

export const auditLogRoutes: RouteDef[] = [
  {
    // §27 → {"data": [Entry], "total": <entries in this response>}; newest first, `page[after]` = ids lower [inferred].
    method: 'GET',
    path: '/api/activity_logs',
    embedded: 'managed_users',
    handler: ({ store, query }) => {
      const size = query.int('page[size]', { min: 1, max: INFERRED_AUDIT_LOG.maxPageSize }) ?? INFERRED_AUDIT_LOG.maxPageSize;
      const after = query.int('page[after]', { min: 1 });
      const from = query.time('from');
      const to = query.time('to');
      if (from !== undefined && to !== undefined && from > to) throw badRequest('from must be before to');
      const users = intList(query, 'users_ids');
      const include = typeList(query, 'include_resource_types');
      const exclude = typeList(query, 'exclude_resource_types');
      const includeEvents = query.list('include_event_types');
      const excludeEvents = query.list('exclude_event_types');
      const rows = [...store.table(AUDIT_LOG).values()]
        .filter((e) => after === undefined || e.id < after)
        .filter((e) => (from === undefined || when(e) >= from) && (to === undefined || when(e) <= to))
        .filter((e) => users.length === 0 || users.includes(e.user?.id ?? -1))
        .filter((e) => (include.length === 0 || include.includes(e.resource?.type ?? '')) && !exclude.includes(e.resource?.type ?? ''))
        .filter((e) => (includeEvents.length === 0 || includeEvents.includes(e.event_type ?? '')) && !excludeEvents.includes(e.event_type ?? ''))
        .sort((a, b) => b.id - a.id)
        .slice(0, size)
        .map((e) => structuredClone(e));
      return ok({ data: rows, total: rows.length });
    },
  },
];
