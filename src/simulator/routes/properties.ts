/**
 * REFERENCE §19: environment and project properties. Not CRUD (a prefix search and a bulk upsert), so hand-written
 * routes over one family table; Embedded customers get them under /api/managed_users/:id (§17.8).
 */
import { badRequest, notFound, ok, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { bodyOf, Validation } from '../writes.js';

export interface PropertyRow {
  /** null for an environment property. */
  project_id: number | null;
  /** The full name (project properties too: the prefix is stripped only on the way out). */
  name: string;
  value: string;
}

const keyOf = (projectId: number | null, name: string) => `${projectId ?? 'env'}:${name}`;

function seed(store: WorkspaceStore): PropertyRow[] {
  const i = store.index;
  const objects = ['Account', 'Contact', 'Opportunity', 'Lead'];
  const env: Array<[string, string]> = [
    // The documented example's pair (§19), then workspace-specific settings.
    ['salesforce_sync.object_name', objects[i % objects.length]!],
    ['salesforce_sync.object_field', i === 0 ? 'Id' : `External_Id_${i}__c`],
    ['netsuite.subsidiary_id', String(1 + (i % 7))],
    ['alerts.slack_channel', `#ops-alerts-${i}`],
    ['company.display_name', store.workspace.name],
  ];
  const rows: PropertyRow[] = env.map(([name, value]) => ({ project_id: null, name, value }));
  const project = [...store.projects.values()].sort((a, b) => a.id - b.id)[0];
  if (project) {
    const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    rows.push(
      { project_id: project.id, name: 'public_url', value: i === 0 ? 'https://www.example.com' : `https://${slug}-${i}.example.com` },
      { project_id: project.id, name: 'admin_email', value: `admin+${slug}@workspace-${i}.example` },
      { project_id: project.id, name: 'sync.batch_size', value: String(100 + i * 50) },
    );
  }
  return rows;
}

export const PROPERTIES: TableSpec<PropertyRow, string> = { name: 'properties', idOf: (row) => keyOf(row.project_id, row.name), seed };

/** `project_id` from the query: absent → environment; not a project of this workspace → 404. */
function projectOf(ctx: RouteContext): number | null {
  const id = ctx.query.int('project_id', { min: 1 });
  if (id === undefined) return null;
  if (!ctx.store.projects.has(id)) throw notFound();
  return id;
}

/** Values as Workato stores them: strings (numbers and booleans as their text); anything else is refused. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export const propertyRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/properties',
    embedded: 'managed_users',
    handler: (ctx) => {
      const prefix = ctx.query.string('prefix');
      if (prefix === undefined) throw badRequest(INFERRED.missingPrefixMessage);
      const projectId = projectOf(ctx);
      const rows = [...ctx.store.table(PROPERTIES).values()]
        .filter((row) => row.project_id === projectId && row.name.startsWith(prefix))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      // §19 [spec]: project properties lose the prefix; environment properties keep their full names.
      return ok(Object.fromEntries(rows.map((row) => [projectId === null ? row.name : row.name.slice(prefix.length), row.value])));
    },
  },
  {
    method: 'POST',
    path: '/api/properties',
    embedded: 'managed_users',
    handler: async (ctx) => {
      const projectId = projectOf(ctx);
      const body = await bodyOf(ctx);
      const given = body.properties;
      if (!given || typeof given !== 'object' || Array.isArray(given) || Object.keys(given).length === 0) {
        throw badRequest(INFERRED.missingPropertiesMessage);
      }
      const table = ctx.store.table(PROPERTIES);
      const validation = new Validation();
      const writes: PropertyRow[] = [];
      for (const [name, raw] of Object.entries(given as Record<string, unknown>)) {
        const value = valueText(raw);
        if (name.trim() === '') validation.add('properties', 'have a blank name');
        else if (name.length > INFERRED.propertyMaxName) validation.add('properties', `have a name longer than ${INFERRED.propertyMaxName} characters: ${name.slice(0, 20)}…`);
        if (value === undefined) validation.add('properties', `must have string values: ${name}`);
        else if (value.length > INFERRED.propertyMaxValue) validation.add('properties', `have a value longer than ${INFERRED.propertyMaxValue} characters: ${name}`);
        if (value !== undefined) writes.push({ project_id: projectId, name, value });
      }
      const existing = [...table.values()].filter((row) => row.project_id === projectId).length;
      const added = writes.filter((row) => !table.has(keyOf(projectId, row.name))).length;
      if (existing + added > INFERRED.propertyMaxPerScope) {
        validation.add('properties', `exceed the limit of ${INFERRED.propertyMaxPerScope} per ${projectId === null ? 'environment' : 'project'}`);
      }
      validation.check();
      for (const row of writes) table.set(keyOf(projectId, row.name), row);
      return ok({ success: true });
    },
  },
];
