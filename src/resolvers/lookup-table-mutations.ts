/**
 * Lookup table writes (REFERENCE §18 #2, #3, #7–#9): create and batch-delete tables, add, change and delete rows.
 * What the docs limit (≤ 10 columns) and what the table's schema says (column labels) is checked before Workato
 * is called; Workato's own refusals (400/404/422, 200 `success: false`) become userErrors too.
 */
import type { LookupTableCellInput, LookupTableCreateInput, Resolvers } from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import type { TableRow } from '../loaders/lookup-tables.js';
import { tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { objectWithId } from '../workato/inferred.js';
import {
  batchDeleteLookupTables,
  createLookupTable,
  createLookupTableRow,
  deleteLookupTableRow,
  updateLookupTableRow,
  type LookupRow,
} from '../workato/lookup-tables.js';
import type { Workato } from '../workato/types.js';
import { customerId } from './managed-user-mutations.js';
import type { CustomerRef } from './managed-users.js';
import { lookupTableReadResolvers, rowIdParts, tableKey, unknownColumns } from './lookup-tables.js';
import type { LookupTableMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { fromGlobalId, toGlobalId, WORKATO_INT_ID, workatoKey } from './relay.js';

/** §18, §5: a lookup table has at most 10 columns. */
const MAX_COLUMNS = 10;

/** Workato names the create's columns `schema` and a row's cells `data`; the input calls them `columns`/`cells`. */
const WIRE_FIELDS: Record<string, string> = { schema: 'columns', data: 'cells' };
const onInputFields = (errors: UserErrorValue[]): UserErrorValue[] =>
  errors.map((e) => (e.field?.length === 2 && WIRE_FIELDS[e.field[1]!] ? { ...e, field: ['input', WIRE_FIELDS[e.field[1]!]!] } : e));

/** A write whose 2xx body may still be a refusal (§4.3), with Workato's field names mapped onto the input's. */
async function write<T>(run: () => Promise<T>, notFoundField: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(run, notFoundField);
  const refusals = outcome.ok ? refusalErrors(outcome.value as Workato.SuccessResponse | undefined) : outcome.userErrors;
  return refusals.length ? refused(onInputFields(refusals)) : outcome;
}

/** The workspace of a write: the named customer (numeric id, read by external id when needed), or `fromIds`. */
async function writeScope(ctx: GatewayContext, managedUser: CustomerRef | null | undefined, fromIds: Array<string | undefined>): Promise<Outcome<string | undefined>> {
  const scopes = new Set(fromIds.filter((s) => s !== undefined));
  if (scopes.size > 1) throw badUserInput('The ids belong to different workspaces; one call deletes tables of one workspace.', 'input.ids');
  if (!managedUser) return { ok: true, value: [...scopes][0] };
  const customer = await customerId(ctx, managedUser, 'input.managedUser');
  if (!customer.ok) return customer;
  if (scopes.size && !scopes.has(String(customer.value))) throw badUserInput('An id belongs to another workspace than `input.managedUser`.', 'input.managedUser');
  return { ok: true, value: String(customer.value) };
}

/** What the docs limit for a new table: a name, 1–10 unique, non-blank column labels. */
function tableInputErrors(input: LookupTableCreateInput): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if (input.name.trim() === '') errors.push(inputError('INVALID', "name can't be blank", ['input', 'name']));
  if (input.columns.length === 0) errors.push(inputError('INVALID', 'A lookup table needs at least one column.', ['input', 'columns']));
  if (input.columns.length > MAX_COLUMNS) {
    errors.push(inputError('INVALID', `A lookup table has at most ${MAX_COLUMNS} columns; got ${input.columns.length}.`, ['input', 'columns']));
  }
  input.columns.forEach((label, i) => {
    if (label.trim() === '') errors.push(inputError('INVALID', 'A column label must not be blank.', ['input', 'columns', String(i)]));
    else if (input.columns.indexOf(label) !== i) errors.push(inputError('INVALID', `Column "${label}" is given twice.`, ['input', 'columns', String(i)]));
  });
  return errors;
}

/** Cells of a row write: at least one, each column once, every label a column of the table. */
function cellErrors(table: LookupTableMapper, cells: readonly LookupTableCellInput[]): UserErrorValue[] {
  if (cells.length === 0) return [inputError('INVALID', 'Give at least one cell.', ['input', 'cells'])];
  const unknown = new Set(unknownColumns(table, cells));
  return cells.flatMap((cell, i) => {
    const field = ['input', 'cells', String(i), 'column'];
    if (unknown.has(cell.column)) return [inputError('UNKNOWN_COLUMN', `Table "${table.name}" has no column "${cell.column}".`, field)];
    if (cells.findIndex((c) => c.column === cell.column) !== i) return [inputError('INVALID', `Column "${cell.column}" is given twice.`, field)];
    return [];
  });
}

/** The table a row write is about, or the NOT_FOUND userError when Workato's list does not hold it. */
async function tableFor(loaders: ScopedLoaders, tableId: number, field: string[]): Promise<Outcome<LookupTableMapper>> {
  try {
    return { ok: true, value: await loaders.lookupTableById.load(tableId) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return refused([inputError('NOT_FOUND', 'Workato has no such lookup table, or the token cannot see it.', field)]);
  }
}

/** A row given as its global id, or as a `workatoId` with `tableId`. */
function rowTarget(input: { id: string; tableId?: string | null }): { tableId: number; rowId: number; scope: string | undefined } {
  const table = input.tableId != null ? tableKey(input.tableId, 'input.tableId') : undefined;
  if (WORKATO_INT_ID.test(input.id)) {
    if (!table) throw badUserInput('`input.tableId` is required when `input.id` is a `workatoId`.', 'input.tableId');
    return { ...table, rowId: Number(input.id) };
  }
  const parts = rowIdParts(fromGlobalId(input.id));
  if (!parts) throw badUserInput(`\`input.id\` must be a lookup table row \`id\` or its \`workatoId\`; got "${input.id}".`, 'input.id');
  if (table && (table.tableId !== parts.tableId || table.scope !== parts.scope)) {
    throw badUserInput('`input.id` is a row of another table than `input.tableId`.', 'input.tableId');
  }
  return parts;
}

const dataOf = (cells: readonly LookupTableCellInput[]): Workato.LookupTableRowWrite => ({ data: Object.fromEntries(cells.map((c) => [c.column, c.value])) });

/** The row a write answered, tagged; Workato's answer is [inferred] to be the row. */
const written = (row: LookupRow, tableId: number, scope: string | undefined): TableRow => tagOne({ ...row, table_id: tableId }, scope);

async function createTable(ctx: GatewayContext, input: LookupTableCreateInput): Promise<Outcome<LookupTableMapper>> {
  const errors = tableInputErrors(input);
  if (errors.length) return refused(errors);
  const project = input.projectId != null ? workatoKey('Project', input.projectId, 'input.projectId') : undefined;
  const scope = await writeScope(ctx, input.managedUser, [project?.scope]);
  if (!scope.ok) return scope;
  const loaders = ctx.loaders.scope(scope.value);
  const body: Workato.LookupTableCreate = {
    name: input.name.trim(),
    ...(project ? { project_id: Number(project.key) } : {}),
    schema: input.columns.map((label) => ({ label: label.trim() })),
  };
  const outcome = await write(() => createLookupTable(loaders.api, body), ['input', 'projectId']);
  if (!outcome.ok) return outcome;
  loaders.forgetLookupTables();
  const created = objectWithId<Workato.LookupTable>(outcome.value);
  if (created) {
    const table = tagOne(created, scope.value);
    loaders.lookupTableById.prime(table.id, table);
    return { ok: true, value: table };
  }
  // No table in the answer: the newest table of that name, from a fresh list.
  const page = await loaders.lookupTablePage.load({ page: 1, per_page: 100 });
  const named = page.filter((t) => t.name === body.name).sort((a, b) => b.id - a.id)[0];
  return named ? { ok: true, value: named } : refused([inputError('REFUSED', 'Workato did not report the created table.')]);
}

async function deleteTables(ctx: GatewayContext, input: { ids: readonly string[]; managedUser?: CustomerRef | null }): Promise<Outcome<string[]>> {
  if (input.ids.length === 0) return refused([inputError('INVALID', 'Give at least one table id.', ['input', 'ids'])]);
  const keys = input.ids.map((id, i) => tableKey(id, `input.ids.${i}`));
  const scope = await writeScope(ctx, input.managedUser, keys.map((k) => k.scope));
  if (!scope.ok) return scope;
  const loaders = ctx.loaders.scope(scope.value);
  const ids = [...new Set(keys.map((k) => k.tableId))];
  const outcome = await write(() => batchDeleteLookupTables(loaders.api, ids), ['input', 'ids']);
  if (!outcome.ok) return outcome;
  loaders.forgetLookupTables();
  loaders.lookupTableRows.forgetRows();
  return { ok: true, value: ids.map((id) => toGlobalId('LookupTable', [id], scope.value)) };
}

async function createRow(ctx: GatewayContext, input: { tableId: string; cells: readonly LookupTableCellInput[] }): Promise<Outcome<TableRow>> {
  const { tableId, scope } = tableKey(input.tableId, 'input.tableId');
  const loaders = ctx.loaders.scope(scope);
  const table = await tableFor(loaders, tableId, ['input', 'tableId']);
  if (!table.ok) return table;
  const errors = cellErrors(table.value, input.cells);
  if (errors.length) return refused(errors);
  const outcome = await write(() => createLookupTableRow(loaders.api, tableId, dataOf(input.cells)), ['input', 'tableId']);
  if (!outcome.ok) return outcome;
  if (!outcome.value) return refused([inputError('REFUSED', 'Workato did not report the created row.')]);
  const row = written(outcome.value, tableId, scope);
  loaders.lookupTableRows.forgetRows(row);
  return { ok: true, value: row };
}

async function updateRow(ctx: GatewayContext, input: { id: string; tableId?: string | null; cells: readonly LookupTableCellInput[] }): Promise<Outcome<TableRow>> {
  const { tableId, rowId, scope } = rowTarget(input);
  const loaders = ctx.loaders.scope(scope);
  const table = await tableFor(loaders, tableId, ['input', 'id']);
  if (!table.ok) return table;
  const errors = cellErrors(table.value, input.cells);
  if (errors.length) return refused(errors);
  const outcome = await write(() => updateLookupTableRow(loaders.api, tableId, rowId, dataOf(input.cells)), ['input', 'id']);
  if (!outcome.ok) return outcome;
  const rows = loaders.lookupTableRows;
  rows.forgetRows(outcome.value ? written(outcome.value, tableId, scope) : undefined);
  if (!outcome.value) rows.forgetRow({ tableId, rowId });
  return { ok: true, value: await rows.rowByKey.load({ tableId, rowId }) };
}

async function deleteRow(ctx: GatewayContext, input: { id: string; tableId?: string | null }): Promise<Outcome<string>> {
  const { tableId, rowId, scope } = rowTarget(input);
  const loaders = ctx.loaders.scope(scope);
  const outcome = await write(() => deleteLookupTableRow(loaders.api, tableId, rowId), ['input', 'id']);
  if (!outcome.ok) return outcome;
  loaders.lookupTableRows.forgetRows();
  loaders.lookupTableRows.forgetRow({ tableId, rowId });
  return { ok: true, value: toGlobalId('LookupTableRow', [tableId, rowId], scope) };
}

/** The whole family: the reads (lookup-tables.ts) and the writes. */
export const lookupTableResolvers: Resolvers = {
  ...lookupTableReadResolvers,
  Mutation: {
    lookupTableCreate: async (_root, { input }, ctx) => payload<'lookupTable', LookupTableMapper>('lookupTable', await createTable(ctx, input)),
    lookupTablesDelete: async (_root, { input }, ctx) => payload<'deletedLookupTableIds', string[]>('deletedLookupTableIds', await deleteTables(ctx, input)),
    lookupTableRowCreate: async (_root, { input }, ctx) => payload<'row', TableRow>('row', await createRow(ctx, input)),
    lookupTableRowUpdate: async (_root, { input }, ctx) => payload<'row', TableRow>('row', await updateRow(ctx, input)),
    lookupTableRowDelete: async (_root, { input }, ctx) => payload<'deletedLookupTableRowId', string>('deletedLookupTableRowId', await deleteRow(ctx, input)),
  },
};
