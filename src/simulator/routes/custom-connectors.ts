/**
 * REFERENCE §16.3: custom (SDK) connectors — the list (documented `…/search`, and the older index [spec]), each
 * one's code, and the schema generators. The list is plain CRUD (crud.ts); code and the generators are routes of
 * their own over the same table.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_CUSTOM_CONNECTORS } from '../inferred.js';
import { hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { bodyOf } from '../writes.js';

interface Row {
  connector: Workato.CustomConnector;
  /** The Ruby source, served only by GET …/:id/code. */
  code: string;
}

const TITLES = ['Acme Billing', 'Internal HR API', 'Legacy ERP', 'Weather Feed'];

function source(title: string): string {
  return [
    '{',
    `  title: '${title}',`,
    '  connection: {',
    "    fields: [{ name: 'api_key', control_type: 'password', optional: false }],",
    "    authorization: { type: 'api_key', apply: lambda { |connection| headers('Authorization': \"Bearer #{connection['api_key']}\") } }",
    '  },',
    "  test: lambda { |_connection| get('/ping') },",
    '  actions: {},',
    '  triggers: {}',
    '}',
  ].join('\n');
}

function seed(store: WorkspaceStore): Row[] {
  const rng = new Rng(hash32(163, store.index));
  return rng.sample(TITLES, 2 + (store.index % 2)).map((title, k) => {
    const id = INFERRED_CUSTOM_CONNECTORS.firstId + store.index * 1000 + k;
    const created = SIM_NOW - rng.int(60, 400) * DAY;
    const versions = rng.int(1, 4);
    const step = rng.int(3, 20) * DAY;
    // Newest first; version n was released n steps after the connector was created.
    const released_versions = Array.from({ length: versions }, (_, v) => {
      const at = created + (versions - v) * step;
      return { version: versions - v, version_note: v === 0 ? 'Connector Version' : null, created_at: formatTime(at), released_at: formatTime(at + 1500) };
    });
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    return {
      code: source(title),
      connector: {
        id,
        name: `${slug}_connector_${id}_${Math.floor(created / 1000)}`,
        title,
        latest_released_version: versions,
        latest_released_version_note: 'Connector Version',
        released_versions,
        static_webhook_url: k === 0 ? `https://webhooks.workato.com/webhooks/rest/${rng.hex(8)}/${slug}` : null,
      },
    };
  });
}

const TABLE: TableSpec<Row> = { name: 'custom_connectors', idOf: (r) => r.connector.id, seed };

const SPEC: CrudSpec<Row> = {
  table: TABLE,
  path: '/api/custom_connectors',
  param: 'id',
  // [inferred] id-ascending, whole (no paging documented, §6).
  list: { paging: false, order: (a, b) => a.connector.id - b.connector.id, envelope: (rows) => ({ result: rows }) },
  wire: (row) => structuredClone(row.connector),
};

/** The custom connectors of a workspace (the audit log's `Adapter` entries point at them). */
export const customConnectorsOf = (store: WorkspaceStore): Workato.CustomConnector[] => [...rowsOf(store, TABLE).values()].map((r) => r.connector);

/** A custom connector as `GET /api/integrations` describes connectors (§8.6): no categories, no SDK operations listed. */
export function customConnectorMetadata(store: WorkspaceStore, name: string): Workato.Connector | undefined {
  const c = customConnectorsOf(store).find((x) => x.name === name);
  if (!c) return undefined;
  return { name: c.name, title: c.title ?? c.name, categories: [], oauth: false, deprecated: false, secondary: false, triggers: [], actions: [] };
}

const titleOf = (name: string) => name.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()).trim();

/** A sample value → a Workato schema field ([inferred] control types, as the SDK's generator names them). */
function fieldOf(name: string, value: unknown): Workato.SchemaField {
  const base = { name, label: titleOf(name) };
  if (Array.isArray(value)) {
    const first = value[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) return { ...base, type: 'array', of: 'object', properties: fieldsOf(first) };
    return { ...base, type: 'array', of: typeof first === 'number' ? 'number' : 'string' };
  }
  if (value && typeof value === 'object') return { ...base, type: 'object', properties: fieldsOf(value) };
  if (typeof value === 'boolean') return { ...base, control_type: 'checkbox', type: 'boolean' };
  if (typeof value === 'number') return Number.isInteger(value) ? { ...base, control_type: 'integer', type: 'integer' } : { ...base, control_type: 'number', type: 'number' };
  return { ...base, control_type: 'text', type: 'string' };
}

const fieldsOf = (sample: object): Workato.SchemaField[] => Object.entries(sample).map(([k, v]) => fieldOf(k, v));

async function sampleOf(ctx: Parameters<RouteDef['handler']>[0]): Promise<{ sample: string; body: Record<string, unknown> }> {
  const body = await bodyOf(ctx);
  if (typeof body.sample !== 'string' || body.sample.trim() === '') throw badRequest('Missing required parameter: sample');
  return { sample: body.sample, body };
}

export const customConnectorRoutes: RouteDef[] = [
  ...crudRoutes(SPEC),
  {
    // §16.3 the documented list path; the same answer as the older index.
    method: 'GET',
    path: '/api/custom_connectors/search',
    handler: ({ store }) => ok({ result: [...rowsOf(store, TABLE).values()].sort((a, b) => a.connector.id - b.connector.id).map((r) => structuredClone(r.connector)) }),
  },
  {
    // §16.3 → {"data": {"code": "<ruby source>"}}; 404 unknown id.
    method: 'GET',
    path: '/api/custom_connectors/:id/code',
    handler: (ctx) => ok({ data: { code: findRow(SPEC, ctx).code } }),
  },
  {
    // §16.3 `{"sample": "<stringified JSON>"}` → array of fields; a sample that is not a JSON object (or array of
    // objects) → 400 [inferred].
    method: 'POST',
    path: '/api/sdk/generate_schema/json',
    handler: async (ctx) => {
      const { sample } = await sampleOf(ctx);
      let parsed: unknown;
      try {
        parsed = JSON.parse(sample);
      } catch {
        throw badRequest(INFERRED_CUSTOM_CONNECTORS.invalidJsonMessage);
      }
      const object = Array.isArray(parsed) ? parsed[0] : parsed;
      if (!object || typeof object !== 'object' || Array.isArray(object)) throw badRequest(INFERRED_CUSTOM_CONNECTORS.invalidJsonMessage);
      return ok(fieldsOf(object));
    },
  },
  {
    // §16.3 CSV: the header row names string fields; `col_sep` one of the documented names (default comma).
    method: 'POST',
    path: '/api/sdk/generate_schema/csv',
    handler: async (ctx) => {
      const { sample, body } = await sampleOf(ctx);
      const sepName = body.col_sep === undefined ? 'comma' : body.col_sep;
      const sep = typeof sepName === 'string' ? INFERRED_CUSTOM_CONNECTORS.columnSeparators[sepName] : undefined;
      if (sep === undefined) throw badRequest(`col_sep must be one of ${Object.keys(INFERRED_CUSTOM_CONNECTORS.columnSeparators).join(', ')}`);
      const header = sample.split(/\r?\n/)[0]!.split(sep).map((h) => h.trim()).filter(Boolean);
      if (header.length === 0) throw badRequest(INFERRED_CUSTOM_CONNECTORS.emptyCsvMessage);
      return ok(header.map((h) => ({ name: h.toLowerCase().replace(/[^a-z0-9]+/g, '_'), label: h, control_type: 'text', type: 'string' })));
    },
  },
];
