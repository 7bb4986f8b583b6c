/**
 * Plain CRUD families as data: one spec names a family's table, paths, envelopes and validation, and `crudRoutes`
 * turns it into list/get/create/update/delete routes. A family that is more than CRUD adds its own routes beside
 * these (its own file in routes/), over the same table.
 */
import { notFound, ok, pageParams, paginate, pathInt, type PageWindow, type Reply, type RouteContext, type RouteDef } from './http-helpers.js';
import type { TableSpec, WorkspaceStore } from './store.js';
import { formatTime } from './time.js';
import { bodyOf } from './writes.js';

export interface CrudSpec<Row extends object, Id extends string | number = number> {
  table: TableSpec<Row, Id>;
  /** The collection path, e.g. `/api/tags`; members are `<path>/:<param>`. */
  path: string;
  /** The member path parameter, as REFERENCE names it (`handle`, `id`, `topic_id`). */
  param: string;
  /** Path id → row key; default an integer (a non-integer is 404, as Rails `find`). */
  parseId?(raw: string): Id;
  /** Where the Embedded variant lives (REFERENCE §17.8): under /api/managed_users/:id or /api/v2/managed_users/:id. */
  embedded?: EmbeddedScope;
  list?: {
    /** Keeps the rows a query asks for (filters such as `q`, `project_id`). */
    filter?(row: Row, ctx: RouteContext): boolean;
    /** Sort order of the list; default: as stored (seed order, then creation order). */
    order?(a: Row, b: Row): number;
    /** page/per_page defaults (REFERENCE §6); `false` for lists Workato sends whole. */
    paging?: { perPage?: number; maxPerPage?: number } | false;
    /** The list body around one page of wire rows: `rows => rows` for a bare array, `rows => ({ data: rows })`, … */
    envelope(rows: unknown[], info: { all: Row[]; window: PageWindow | undefined }): unknown;
  };
  /** GET <path>/:param. `envelope` wraps the wire row (`{ data: row }`); default the row itself. */
  get?: { envelope?(row: unknown): unknown } | true;
  /** POST <path>: builds the row from the body (throws `Validation` answers); the answer is the new row. */
  create?: {
    build(body: Record<string, unknown>, ctx: CrudContext<Row, Id>): Row;
    envelope?(row: unknown): unknown;
    status?: number;
    /** The answer when it is not the wire row (a write answer with more than reads carry); replaces `envelope`. */
    answer?(row: Row): unknown;
  };
  /** PUT <path>/:param: changes the row in place from the body (throws `Validation` answers); answers the row. */
  update?: {
    apply(row: Row, body: Record<string, unknown>, ctx: CrudContext<Row, Id>): void;
    envelope?(row: unknown): unknown;
    method?: 'PUT' | 'PATCH';
    /** As create's. */
    answer?(row: Row): unknown;
  };
  /** DELETE <path>/:param; the answer defaults to `{"success": true}`. */
  remove?: { answer?(row: Row): unknown; check?(row: Row, ctx: CrudContext<Row, Id>): void } | true;
  /** The row as Workato sends it; default a shallow copy. Use it to leave out simulator-side fields or secrets. */
  wire?(row: Row, ctx: RouteContext): unknown;
}

export type EmbeddedScope = 'managed_users' | 'v2/managed_users';

export interface CrudContext<Row, Id extends string | number> extends RouteContext {
  rows: Map<Id, Row>;
  /** A fresh id from the table's sequence (numeric tables). */
  nextId(): number;
  /** Now, formatted like Workato's timestamps. */
  now(): string;
}

const intId = (raw: string) => pathInt(raw);

function crudContext<Row extends object, Id extends string | number>(spec: CrudSpec<Row, Id>, ctx: RouteContext): CrudContext<Row, Id> {
  const rows = ctx.store.table(spec.table);
  return { ...ctx, rows, nextId: () => ctx.store.allocateId(spec.table.name), now: () => formatTime(Date.now()) };
}

/** The row a member path names; 404 `{"message": "Not found"}` when there is none (REFERENCE §4.1). */
export function findRow<Row extends object, Id extends string | number>(spec: Pick<CrudSpec<Row, Id>, 'table' | 'param' | 'parseId'>, ctx: RouteContext): Row {
  const raw = ctx.params[spec.param];
  if (raw === undefined) throw notFound();
  const row = ctx.store.table(spec.table).get((spec.parseId ?? (intId as unknown as (raw: string) => Id))(raw));
  if (!row) throw notFound();
  return row;
}

/** The rows of a family in one workspace (for routes beyond CRUD, and for other families' lookups). */
export const rowsOf = <Row, Id extends string | number>(store: WorkspaceStore, table: TableSpec<Row, Id>): Map<Id, Row> => store.table(table);

export function crudRoutes<Row extends object, Id extends string | number = number>(spec: CrudSpec<Row, Id>): RouteDef[] {
  const member = `${spec.path}/:${spec.param}`;
  const wire = (row: Row, ctx: RouteContext) => (spec.wire ? spec.wire(row, ctx) : { ...row });
  const wrap = (envelope: ((row: unknown) => unknown) | undefined, body: unknown) => (envelope ? envelope(body) : body);
  const route = (method: RouteDef['method'], path: string, handler: (ctx: RouteContext) => Reply | Promise<Reply>): RouteDef => ({
    method,
    path,
    handler,
    embedded: spec.embedded,
  });
  const routes: RouteDef[] = [];
  const { list, get, create, update, remove } = spec;
  if (list) {
    routes.push(
      route('GET', spec.path, (ctx) => {
        let all = [...ctx.store.table(spec.table).values()];
        if (list.filter) all = all.filter((row) => list.filter!(row, ctx));
        if (list.order) all.sort(list.order);
        const window = list.paging === false ? undefined : pageParams(ctx.query, list.paging ?? {});
        const page = window ? paginate(all, window) : all;
        return ok(list.envelope(page.map((row) => wire(row, ctx)), { all, window }));
      }),
    );
  }
  if (get) {
    const envelope = get === true ? undefined : get.envelope;
    routes.push(route('GET', member, (ctx) => ok(wrap(envelope, wire(findRow(spec, ctx), ctx)))));
  }
  if (create) {
    routes.push(
      route('POST', spec.path, async (ctx) => {
        const c = crudContext(spec, ctx);
        const row = create.build(await bodyOf(ctx), c);
        c.rows.set(spec.table.idOf(row), row);
        return { status: create.status ?? 200, body: create.answer ? create.answer(row) : wrap(create.envelope, wire(row, ctx)) };
      }),
    );
  }
  if (update) {
    routes.push(
      route(update.method ?? 'PUT', member, async (ctx) => {
        const row = findRow(spec, ctx);
        update.apply(row, await bodyOf(ctx), crudContext(spec, ctx));
        return ok(update.answer ? update.answer(row) : wrap(update.envelope, wire(row, ctx)));
      }),
    );
  }
  if (remove) {
    routes.push(
      route('DELETE', member, (ctx) => {
        const row = findRow(spec, ctx);
        const c = crudContext(spec, ctx);
        if (remove !== true) remove.check?.(row, c);
        c.rows.delete(spec.table.idOf(row));
        return ok(remove !== true && remove.answer ? remove.answer(row) : { success: true });
      }),
    );
  }
  return routes;
}
