/**
 * REFERENCE §12.2–§12.5: create, update, disconnect and delete a connection. Credentials (`input`) are checked
 * and dropped: the simulator never stores or echoes them; it keeps only the form selectors that decide the
 * connection's input schema (input-schemas.ts). Choices the reference leaves open: inferred.ts.
 */
import type { Workato } from '../../workato/types.js';
import { CONNECTOR_BY_NAME, NO_CONNECTION_APPS } from '../catalogue.js';
import { badRequest, notFound, ok, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_WRITES } from '../inferred.js';
import { settingsOf } from '../input-schemas.js';
import type { ConnectionRow, WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';
import { blank, bodyBool, bodyId, bodyOf, connectionsInUse, Validation } from '../writes.js';

export function findConnection(store: WorkspaceStore, raw: string | undefined): ConnectionRow {
  const row = store.connections.get(pathInt(raw));
  if (!row) throw notFound();
  return row;
}

/** The wire object without tags (§12.1: tags only with `includes[]=tags`, which writes do not take). */
const render = (row: ConnectionRow): Workato.Connection => ({ ...row.connection });

/** [inferred] Workato tests a non-shell connection's credentials; here any non-blank input value passes. */
function authorize(c: Workato.Connection, input: Record<string, unknown> | undefined, now: string): void {
  const passes = Object.values(input ?? {}).some((v) => v !== null && v !== undefined && String(v).trim() !== '');
  Object.assign(c, passes
    ? { authorization_status: 'success', authorized_at: now, authorization_error: null, connection_lost_at: null, connection_lost_reason: null }
    : { authorization_status: 'failed', authorization_error: 'Connection test failed: required connection fields are missing' });
}

interface Checked {
  folder_id?: number;
  parent_id?: number;
  shell?: boolean;
  input?: Record<string, unknown>;
}

/** Validates the fields §12.2/§12.3 accept; `provider` is the connector the connection is (or will be) for. */
function checkFields(store: WorkspaceStore, body: Record<string, unknown>, provider: string | undefined, v: Validation, self?: number): Checked {
  const out: Checked = {};
  if ('folder_id' in body && body.folder_id !== null) {
    out.folder_id = bodyId(body.folder_id);
    if (out.folder_id === undefined || !store.folders.has(out.folder_id)) v.add('folder_id', 'is invalid');
  }
  if ('parent_id' in body && body.parent_id !== null) {
    out.parent_id = bodyId(body.parent_id);
    const parent = out.parent_id === undefined ? undefined : store.connections.get(out.parent_id)?.connection;
    // §12.2: the parent is another connection of the same connector, itself not a runtime-user connection.
    if (!parent || parent.id === self || parent.parent_id != null || (provider && (parent.application ?? parent.provider) !== provider)) {
      v.add('parent_id', 'is invalid');
    }
  }
  if ('shell_connection' in body && body.shell_connection !== null) {
    out.shell = bodyBool(body.shell_connection);
    if (out.shell === undefined) v.add('shell_connection', 'is invalid');
  }
  if ('input' in body && body.input !== null) {
    if (typeof body.input !== 'object' || Array.isArray(body.input)) v.add('input', 'is invalid');
    else out.input = body.input as Record<string, unknown>;
  }
  if ('external_id' in body && body.external_id !== null && typeof body.external_id !== 'string') v.add('external_id', 'is invalid');
  return out;
}

/**
 * §12.2 → the Connection (200); 400 validation shape on bad input. A customer's (§17.3 #2, "shell connections only")
 * is always a shell: `shell_connection` is not read and no credentials are tested [inferred: whether Workato refuses
 * `shell_connection: false` there or ignores it; the simulator ignores it].
 */
function createConnection(shellOnly: boolean): RouteDef['handler'] {
  return async (ctx) => {
    const { store } = ctx;
    const body = await bodyOf(ctx);
    const v = new Validation();
    if (blank(body.name)) v.add('name', "can't be blank");
    const provider = typeof body.provider === 'string' ? body.provider : undefined;
    const connector = provider === undefined || NO_CONNECTION_APPS.has(provider) ? undefined : CONNECTOR_BY_NAME.get(provider);
    if (!connector) v.add('provider', 'is not included in the list');
    const fields = checkFields(store, body, connector?.name, v);
    const shell = shellOnly || (fields.shell ?? false);
    if (connector?.oauth && !shell) v.add('shell_connection', INFERRED_WRITES.oauthShellOnly); // §12.2: OAuth only as shell
    v.check();
    const now = formatTime(Date.now());
    const connection: Workato.Connection = {
      application: connector!.name, id: store.allocateId('connection'), name: String(body.name).trim(), description: null,
      authorized_at: null, authorization_status: null, authorization_error: null, created_at: now, updated_at: now,
      external_id: typeof body.external_id === 'string' ? body.external_id : null, folder_id: fields.folder_id ?? store.rootFolderId,
      connection_lost_at: null, connection_lost_reason: null, parent_id: fields.parent_id ?? null,
    };
    if (!shell) authorize(connection, fields.input, now);
    const row: ConnectionRow = { connection, tags: [], settings: settingsOf(connector!.name, fields.input) };
    store.connections.set(connection.id, row);
    store.touch();
    return ok(render(row));
  };
}

/**
 * §12.4: `force` needed while running recipes use the connection; a connection already disconnected stays so. The
 * Embedded variant answers `{"result": [...]}` ("result — list of objects", §17.3, INDEX "Disconnect response")
 * [inferred: what the objects are; here the one connection, as it is after the disconnect].
 */
async function disconnect(ctx: RouteContext): Promise<ConnectionRow> {
  const { store } = ctx;
  const row = findConnection(store, ctx.params.connection_id);
  const body = await bodyOf(ctx);
  const force = ctx.query.bool('force') ?? bodyBool(body.force) ?? false;
  const c = row.connection;
  if (c.authorization_status === 'success') {
    if (!force && connectionsInUse(store).has(c.id)) throw badRequest(INFERRED_WRITES.connectionInUse);
    Object.assign(c, { authorization_status: null, updated_at: formatTime(Date.now()) });
    store.touch();
  }
  return row;
}

export const connectionWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/connections',
    handler: createConnection(false),
    customer: createConnection(true),
  },
  {
    // §12.3 → the updated Connection; 404 unknown id.
    method: 'PUT',
    path: '/api/connections/:connection_id',
    handler: async (ctx) => {
      const { store } = ctx;
      const row = findConnection(store, ctx.params.connection_id);
      const c = row.connection;
      const body = await bodyOf(ctx);
      const v = new Validation();
      if ('name' in body && blank(body.name)) v.add('name', "can't be blank");
      const provider = c.application ?? c.provider ?? undefined;
      const fields = checkFields(store, body, provider, v, c.id);
      const oauth = provider ? CONNECTOR_BY_NAME.get(provider)?.oauth === true : false;
      if (oauth && fields.input && fields.shell === false) v.add('shell_connection', INFERRED_WRITES.oauthShellOnly);
      v.check();
      const now = formatTime(Date.now());
      if ('name' in body) c.name = String(body.name).trim();
      if (fields.folder_id !== undefined) c.folder_id = fields.folder_id;
      if ('parent_id' in body) c.parent_id = fields.parent_id ?? null;
      if ('external_id' in body) c.external_id = (body.external_id as string | null) ?? null;
      if (fields.shell === true) Object.assign(c, { authorization_status: null, authorization_error: null });
      else if (fields.input && !oauth) authorize(c, fields.input, now);
      if (provider && fields.input) row.settings = { ...row.settings, ...settingsOf(provider, fields.input) };
      c.updated_at = now;
      store.touch();
      return ok(render(row));
    },
  },
  {
    // §12.4 → `{"success": true, "status": "disconnected"}`; the customer's (§17.3 #4) `{"result": [...]}`.
    method: 'POST',
    path: '/api/connections/:connection_id/disconnect',
    handler: async (ctx) => {
      await disconnect(ctx);
      return ok({ success: true, status: INFERRED_WRITES.disconnectedStatus });
    },
    customer: async (ctx) => ok({ result: [render(await disconnect(ctx))] }),
  },
  {
    // §12.5: only a disconnected connection that no running recipe uses.
    method: 'DELETE',
    path: '/api/connections/:connection_id',
    handler: ({ store, params }) => {
      const row = findConnection(store, params.connection_id);
      if (row.connection.authorization_status === 'success') throw badRequest(INFERRED_WRITES.connectionActive);
      if (connectionsInUse(store).has(row.connection.id)) throw badRequest(INFERRED_WRITES.connectionInUse);
      store.connections.delete(row.connection.id);
      store.touch();
      return ok({ success: true });
    },
  },
];
