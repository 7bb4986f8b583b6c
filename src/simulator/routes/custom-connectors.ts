/**
 * REFERENCE §16.3: custom (SDK) connectors — the list (documented `…/search`, and the older index [spec]), each
 * one's code, create and update (bodies from api-docs "Create custom connector"), release, and the schema generators.
 * List, create and update are plain CRUD (crud.ts); the rest are routes of their own over the same table.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_CUSTOM_CONNECTORS } from '../inferred.js';
import { hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { blank, bodyOf, Validation } from '../writes.js';

interface Row {
  connector: Workato.CustomConnector;
  /** The Ruby source, served only by GET …/:id/code. */
  code: string;
  /** The newest version (released or not) and its note; only write answers carry them (api-docs). */
  latest: { version: number; note: string | null };
  logo?: string | null;
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
      latest: { version: versions, note: 'Connector Version' },
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

/** api-docs "Create custom connector": the answer is the connector with its logo and newest version. */
const written = (row: Row) => ({ ...structuredClone(row.connector), logo: row.logo ?? null, latest_version: row.latest.version, latest_version_note: row.latest.note });

/** The documented create fields (api-docs): strings, code at most 10 MB; `title` and `code` required on create [inferred]. */
function checkWrite(body: Record<string, unknown>, creating: boolean): void {
  const v = new Validation();
  const mistyped = (key: string) => key in body && body[key] !== null && typeof body[key] !== 'string';
  if ((creating || 'title' in body) && !mistyped('title') && blank(body.title)) v.add('title', "can't be blank");
  if ((creating || 'code' in body) && !mistyped('code') && blank(body.code)) v.add('code', "can't be blank");
  else if (typeof body.code === 'string' && Buffer.byteLength(body.code) > INFERRED_CUSTOM_CONNECTORS.maxCodeBytes) v.add('code', 'is too large (maximum is 10 MB)');
  for (const key of ['title', 'code', 'description', 'logo', 'note']) if (mistyped(key)) v.add(key, 'must be a String');
  v.check();
}

const SPEC: CrudSpec<Row> = {
  table: TABLE,
  path: '/api/custom_connectors',
  param: 'id',
  // [inferred] id-ascending, whole (no paging documented, §6).
  list: { paging: false, order: (a, b) => a.connector.id - b.connector.id, envelope: (rows) => ({ result: rows }) },
  wire: (row) => structuredClone(row.connector),
  create: {
    build: (body, ctx) => {
      checkWrite(body, true);
      const id = ctx.nextId();
      const title = String(body.title).trim();
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '_');
      return {
        code: String(body.code),
        latest: { version: 1, note: typeof body.note === 'string' ? body.note : null },
        logo: typeof body.logo === 'string' ? body.logo : null,
        connector: { id, name: `${slug}_connector_${id}_${Math.floor(Date.now() / 1000)}`, title, latest_released_version: null, latest_released_version_note: null, released_versions: [], static_webhook_url: null },
      };
    },
    answer: written,
  },
  // [inferred] Only the fields sent change; new code is a new (unreleased) version, with `note` as its note.
  update: {
    apply: (row, body) => {
      checkWrite(body, false);
      if (typeof body.title === 'string') row.connector.title = body.title.trim();
      if ('logo' in body) row.logo = (body.logo as string | null) ?? null;
      if (typeof body.code === 'string') {
        row.code = body.code;
        row.latest = { version: row.latest.version + 1, note: typeof body.note === 'string' ? body.note : null };
      } else if ('note' in body) row.latest.note = (body.note as string | null) ?? null;
    },
    answer: written,
  },
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
    // §16 #7 [inferred]: no body; releases the newest version and answers the connector. Nothing new to release → 400.
    method: 'POST',
    path: '/api/custom_connectors/:id/release',
    handler: (ctx) => {
      const row = findRow(SPEC, ctx);
      const c = row.connector;
      if (c.latest_released_version === row.latest.version) throw badRequest(INFERRED_CUSTOM_CONNECTORS.nothingToReleaseMessage);
      const now = formatTime(Date.now());
      c.released_versions = [{ version: row.latest.version, version_note: row.latest.note, created_at: now, released_at: now }, ...(c.released_versions ?? [])];
      c.latest_released_version = row.latest.version;
      c.latest_released_version_note = row.latest.note;
      ctx.store.touch();
      return ok(written(row));
    },
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
