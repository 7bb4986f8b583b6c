/**
 * Data-table writes (REFERENCE §25; Embedded under /v2/managed_users/:id, §17.8): tables on the Developer API host,
 * records on the data-tables host. What can be checked is checked before any call: blank names, duplicate or
 * unknown columns, values of the wrong type, missing required columns. Workato's 400/404/422 become userErrors; a
 * 404 of the records host on a record create (the table was just read) is `RECORDS_HOST_NOT_FOUND`.
 */
import type { DataTableColumnInput, ManagedUserRefInput, Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { NotFoundError } from '../loaders/errors.js';
import { tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import {
  createDataTable, createRecord, deleteDataTable, deleteRecord, truncateDataTable, updateDataTable, updateRecord,
} from '../workato/data-tables.js';
import type { Workato } from '../workato/types.js';
import { dataTableKey, dataTableReadResolvers, dataTablesOf, RECORDS_HOST_MESSAGE, recordKey, recordsApi } from './data-tables.js';
import { given, toWire } from './helpers.js';
import { customerId, write } from './managed-user-mutations.js';
import type { DataTableMapper, DataTableRecordMapper } from './mappers.js';
import { attempt, inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoIntId } from './relay.js';

const MAX_NAME = 255;

/** The workspace of an input: a global id names it; bare UUIDs belong to `managedUser`'s, or the token's own. */
async function scopeFor(ctx: GatewayContext, named: string | undefined, bare: boolean, managedUser: ManagedUserRefInput | null | undefined, argument: string): Promise<Outcome<string | undefined>> {
  if (!managedUser) return { ok: true, value: named };
  const customer = await customerId(ctx, managedUser, 'input.managedUser');
  if (!customer.ok) return customer;
  if (!bare && named !== String(customer.value)) {
    throw badUserInput(`\`${argument}\` belongs to another workspace than \`input.managedUser\`.`, argument);
  }
  return { ok: true, value: String(customer.value) };
}

/** A table given as `id`/UUID (+ managedUser) → its scope and UUID. */
async function tableTarget(ctx: GatewayContext, value: string, managedUser: ManagedUserRefInput | null | undefined, argument: string) {
  const { key, scope } = dataTableKey(value, argument);
  const where = await scopeFor(ctx, scope, key === value, managedUser, argument);
  return where.ok ? { ok: true as const, value: { scope: where.value, id: key } } : where;
}

const field = (...path: Array<string | number>) => ['input', ...path.map(String)];

function nameErrors(name: string | null | undefined, path: string[]): UserErrorValue[] {
  if (name == null) return [];
  if (name.trim() === '') return [inputError('INVALID', "name can't be blank", path)];
  if (name.length > MAX_NAME) return [inputError('INVALID', `name is too long (maximum is ${MAX_NAME} characters)`, path)];
  return [];
}

function columnErrors(columns: readonly DataTableColumnInput[] | null | undefined): UserErrorValue[] {
  if (columns == null) return [];
  if (columns.length === 0) return [inputError('INVALID', 'Give at least one column.', field('columns'))];
  const seen = new Set<string>();
  return columns.flatMap((c, i) => {
    const errors = nameErrors(c.name, field('columns', i, 'name'));
    if (!errors.length && seen.has(c.name.trim())) errors.push(inputError('INVALID', `column name "${c.name}" is used twice`, field('columns', i, 'name')));
    seen.add(c.name.trim());
    if ((c.type === 'RELATION') !== (c.relation != null)) {
      errors.push(inputError('INVALID', 'A RELATION column needs `relation`, and only a RELATION column may have one.', field('columns', i, 'relation')));
    }
    return errors;
  });
}

interface Schema {
  schema: Workato.DataTableWrite['schema'];
  /** The linked tables read to fill in a relation's column; the write does not change them (re-primed after it). */
  linked: DataTableMapper[];
}

/**
 * The wire schema. [spec] DataTableRelation requires `field_id`; a relation given without `columnId` links to the
 * linked table's first column, as this input promises: the gateway reads that table (no call when this request
 * already has it) and sends the column's `field_id`. An unknown linked table is NOT_FOUND on its `tableId`.
 */
async function schemaOf(loaders: ScopedLoaders, columns: readonly DataTableColumnInput[]): Promise<Outcome<Schema>> {
  const linked: DataTableMapper[] = [];
  const errors: UserErrorValue[] = [];
  const schema = await Promise.all(columns.map(async (c, i) => {
    let relation: Workato.DataTableColumn['relation'] = null;
    if (c.relation) {
      const tableId = dataTableKey(c.relation.tableId, `input.columns.${i}.relation.tableId`).key;
      let fieldId = c.relation.columnId ?? undefined;
      if (fieldId == null) {
        const table = await tableForRecords(loaders, tableId, field('columns', i, 'relation', 'tableId'));
        if (!table.ok) errors.push(...table.userErrors);
        else {
          linked.push(table.value);
          fieldId = table.value.schema?.[0]?.field_id ?? undefined;
          if (fieldId == null) errors.push(inputError('INVALID', 'The linked table has no column to link to; give `columnId`.', field('columns', i, 'relation', 'tableId')));
        }
      }
      relation = { table_id: tableId, field_id: fieldId ?? null };
    }
    return {
      name: c.name.trim(), type: toWire(c.type) as Workato.DataTableColumnType, optional: c.optional ?? true, multivalue: c.multivalue ?? false,
      ...given({ hint: c.hint, default_value: c.defaultValue, field_id: c.fieldId }),
      relation,
    };
  }));
  return errors.length ? refused(errors) : { ok: true, value: { schema, linked } };
}

/** A call on one whole table (delete, truncate); this request's table reads are forgotten after it. */
async function tableCall(
  ctx: GatewayContext,
  input: { id: string; managedUser?: ManagedUserRefInput | null },
  run: (api: ScopedLoaders['api'], id: string) => Promise<Workato.SuccessResponse | undefined>,
): Promise<Outcome<{ scope: string | undefined; id: string; loaders: ScopedLoaders }>> {
  const target = await tableTarget(ctx, input.id, input.managedUser, 'input.id');
  if (!target.ok) return target;
  const loaders = ctx.loaders.scope(target.value.scope);
  const outcome = await write(() => run(loaders.api, target.value.id), field('id'));
  if (!outcome.ok) return outcome;
  loaders.dataTables.forgetDataTables();
  return { ok: true, value: { ...target.value, loaders } };
}

/** The table a write answered, primed into this request's loaders (lists read again), with tables it did not change. */
function answered(loaders: ScopedLoaders, scope: string | undefined, table: Workato.DataTable, unchanged: readonly DataTableMapper[] = []): DataTableMapper {
  loaders.dataTables.forgetDataTables();
  const t = tagOne(table, scope);
  loaders.dataTables.dataTableById.prime(t.id, t);
  for (const other of unchanged) if (other.id !== t.id) loaders.dataTables.dataTableById.prime(other.id, other);
  return t;
}

// ------------------------------------------------------------------ record values

function valueFits(column: Workato.DataTableColumn, value: unknown, multi = column.multivalue ?? false): boolean {
  if (value === null) return true;
  if (multi) return Array.isArray(value) && value.every((v) => valueFits(column, v, false));
  switch (column.type) {
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'date_time': return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    default: return typeof value === 'string';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v != null && typeof v === 'object' && !Array.isArray(v);

/** Checks `values` against the table's columns (names, basic types; on create, required columns). */
function valueErrors(table: Workato.DataTable, values: Record<string, unknown>, creating: boolean): UserErrorValue[] {
  const columns = new Map((table.schema ?? []).map((c) => [c.name, c]));
  const errors: UserErrorValue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const column = columns.get(name);
    const at = field('values', name);
    if (!column) errors.push(inputError('INVALID', `"${name}" is no column of table "${table.name}" (columns: ${[...columns.keys()].join(', ')}).`, at));
    else if (column.type === 'file') errors.push(inputError('INVALID', `"${name}" is a file column; this gateway does not write files.`, at));
    else if (!valueFits(column, value)) errors.push(inputError('INVALID', `"${name}" must be ${column.multivalue ? 'a list of ' : 'a '}${column.type}${column.type === 'date' ? ' (YYYY-MM-DD)' : ''}.`, at));
  }
  if (creating) {
    for (const c of columns.values()) {
      if (c.optional === false && c.default_value == null && values[c.name] == null) errors.push(inputError('INVALID', `"${c.name}" is required.`, field('values', c.name)));
    }
  }
  return errors;
}

/** The table of a record write, read for its columns; a 404 is the caller's NOT_FOUND on `tableId`. */
async function tableForRecords(loaders: ScopedLoaders, id: string, path: string[]): Promise<Outcome<DataTableMapper>> {
  try {
    return { ok: true, value: await loaders.dataTables.dataTableById.load(id) };
  } catch (error) {
    if (error instanceof NotFoundError) return refused([inputError('NOT_FOUND', 'Workato has no such data table, or the token cannot see it.', path)]);
    throw error;
  }
}

/** A records-host write; a 404 on create can only be the host (the table was just read), on update/delete the record or the host. */
async function recordWrite<T>(run: () => Promise<T>, creating: boolean, path: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(run, path);
  if (outcome.ok || outcome.userErrors[0]?.code !== 'NOT_FOUND') return outcome;
  if (creating) return refused([inputError('RECORDS_HOST_NOT_FOUND', RECORDS_HOST_MESSAGE, null)]);
  return refused([inputError('NOT_FOUND', "The records host has no such record. (If the record exists, check WORKATO_DATA_TABLES_URL: it must be the data-tables host of this workspace's data center.)", path)]);
}

/** A record given as its global id, or a bare id with `tableId` (+ managedUser). */
async function recordTarget(ctx: GatewayContext, input: { id: string; tableId?: string | null; managedUser?: ManagedUserRefInput | null }) {
  const parsed = recordKey(input.id, 'input.id');
  if (parsed) {
    const where = await scopeFor(ctx, parsed.scope, false, input.managedUser, 'input.id');
    return where.ok ? { ok: true as const, value: { scope: where.value, tableId: parsed.tableId, recordId: parsed.recordId } } : where;
  }
  if (!input.tableId) throw badUserInput('`input.tableId` is required when `input.id` is a bare record id.', 'input.tableId');
  const table = await tableTarget(ctx, input.tableId, input.managedUser, 'input.tableId');
  return table.ok ? { ok: true as const, value: { scope: table.value.scope, tableId: table.value.id, recordId: input.id } } : table;
}

const recordPayload = (outcome: Outcome<DataTableRecordMapper>) => payload('record', outcome);

/** The family's resolver map: the reads (data-tables.ts) and the writes. */
export const dataTableResolvers: Resolvers = {
  ...dataTableReadResolvers,
  Mutation: {
    dataTableCreate: async (_root, { input }, ctx) => {
      const invalid = [...nameErrors(input.name, field('name')), ...columnErrors(input.columns)];
      if (invalid.length) return payload<'dataTable', DataTableMapper>('dataTable', refused(invalid));
      const where = await scopeFor(ctx, undefined, true, input.managedUser, 'input.managedUser');
      if (!where.ok) return payload<'dataTable', DataTableMapper>('dataTable', where);
      const loaders = ctx.loaders.scope(where.value);
      const folder_id = workatoIntId('Folder', input.folderId, 'input.folderId');
      const schema = await schemaOf(loaders, input.columns);
      if (!schema.ok) return payload<'dataTable', DataTableMapper>('dataTable', schema);
      const body = { name: input.name.trim(), folder_id, schema: schema.value.schema };
      const outcome = await write(() => createDataTable(loaders.api, body), field('folderId'));
      if (!outcome.ok) return payload<'dataTable', DataTableMapper>('dataTable', outcome);
      return payload('dataTable', { ok: true, value: answered(loaders, where.value, outcome.value, schema.value.linked) });
    },
    dataTableUpdate: async (_root, { input }, ctx) => {
      const invalid = [...nameErrors(input.name, field('name')), ...columnErrors(input.columns)];
      if (invalid.length) return payload<'dataTable', DataTableMapper>('dataTable', refused(invalid));
      const target = await tableTarget(ctx, input.id, input.managedUser, 'input.id');
      if (!target.ok) return payload<'dataTable', DataTableMapper>('dataTable', target);
      const loaders = ctx.loaders.scope(target.value.scope);
      const folder = input.folderId != null ? { folder_id: workatoIntId('Folder', input.folderId, 'input.folderId') } : {};
      const schema = input.columns != null ? await schemaOf(loaders, input.columns) : undefined;
      if (schema && !schema.ok) return payload<'dataTable', DataTableMapper>('dataTable', schema);
      const body: Workato.DataTableWrite = {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...folder,
        ...(schema?.ok ? { schema: schema.value.schema } : {}),
      };
      const outcome = await write(() => updateDataTable(loaders.api, target.value.id, body), field('id'));
      if (!outcome.ok) return payload<'dataTable', DataTableMapper>('dataTable', outcome);
      // `answered` skips the written table itself among the linked ones.
      return payload('dataTable', { ok: true, value: answered(loaders, target.value.scope, outcome.value, schema?.ok ? schema.value.linked : []) });
    },
    dataTableDelete: async (_root, { input }, ctx) => {
      const done = await tableCall(ctx, input, deleteDataTable);
      if (!done.ok) return payload<'deletedDataTableId', string>('deletedDataTableId', done);
      return payload('deletedDataTableId', { ok: true, value: toGlobalId('DataTable', [done.value.id], done.value.scope) });
    },
    dataTableTruncate: async (_root, { input }, ctx) => {
      const done = await tableCall(ctx, input, truncateDataTable);
      if (!done.ok) return payload<'dataTable', DataTableMapper>('dataTable', done);
      return payload('dataTable', { ok: true, value: await done.value.loaders.dataTables.dataTableById.load(done.value.id) });
    },
    dataTableRecordCreate: async (_root, { input }, ctx) => {
      if (!isObject(input.values)) return recordPayload(refused([inputError('INVALID', '`values` must be an object of column name → value.', field('values'))]));
      const target = await tableTarget(ctx, input.tableId, input.managedUser, 'input.tableId');
      if (!target.ok) return recordPayload(target);
      const loaders = ctx.loaders.scope(target.value.scope);
      const table = await tableForRecords(loaders, target.value.id, field('tableId'));
      if (!table.ok) return recordPayload(table);
      const invalid = valueErrors(table.value, input.values, true);
      if (invalid.length) return recordPayload(refused(invalid));
      const values = input.values;
      const outcome = await recordWrite(() => createRecord(recordsApi(ctx, target.value.scope), table.value.id, values), true, field('tableId'));
      if (!outcome.ok) return recordPayload(outcome);
      loaders.dataTables.recordQuery.clearAll();
      return recordPayload({ ok: true, value: { table: table.value, record: outcome.value } });
    },
    dataTableRecordUpdate: async (_root, { input }, ctx) => {
      if (!isObject(input.values)) return recordPayload(refused([inputError('INVALID', '`values` must be an object of column name → value.', field('values'))]));
      const target = await recordTarget(ctx, input);
      if (!target.ok) return recordPayload(target);
      const { scope, tableId, recordId } = target.value;
      const loaders = ctx.loaders.scope(scope);
      const table = await tableForRecords(loaders, tableId, field('tableId'));
      if (!table.ok) return recordPayload(table);
      const invalid = valueErrors(table.value, input.values, false);
      if (invalid.length) return recordPayload(refused(invalid));
      const values = input.values;
      const outcome = await recordWrite(() => updateRecord(recordsApi(ctx, scope), tableId, recordId, values), false, field('id'));
      if (!outcome.ok) return recordPayload(outcome);
      loaders.dataTables.recordQuery.clearAll();
      return recordPayload({ ok: true, value: { table: table.value, record: outcome.value } });
    },
    dataTableRecordDelete: async (_root, { input }, ctx) => {
      const target = await recordTarget(ctx, input);
      if (!target.ok) return payload<'deletedDataTableRecordId', string>('deletedDataTableRecordId', target);
      const { scope, tableId, recordId } = target.value;
      const outcome = await recordWrite(() => deleteRecord(recordsApi(ctx, scope), tableId, recordId), false, field('id'));
      if (!outcome.ok) return payload<'deletedDataTableRecordId', string>('deletedDataTableRecordId', outcome);
      dataTablesOf(ctx, scope).recordQuery.clearAll();
      return payload('deletedDataTableRecordId', { ok: true, value: toGlobalId('DataTableRecord', [tableId, recordId], scope) });
    },
  },
};
