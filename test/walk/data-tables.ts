/**
 * Data tables (REFERENCE §25): create a table in the workspace and one in a customer's (and one refused before any
 * call), change it, add, change and delete a record, truncate; a throwaway table is deleted, the others stay for
 * the reads.
 */
import { Enum, type FamilyWalk } from './types.js';

// "Order to Cash", a Northwind folder no earlier step deletes.
const FOLDER = '1201101';
const columns = () => [{ name: 'name', type: new Enum('STRING'), optional: false }, { name: 'qty', type: new Enum('INTEGER') }];

const walk: FamilyWalk = {
  mutations: [
    ['dataTableCreate', () => ({ name: 'Walk table', folderId: FOLDER, columns: columns() }), 'dataTable'],
    ['dataTableCreate', () => ({ name: ' ', folderId: FOLDER, columns: columns() })], // refused before any call: InputError
    ['dataTableCreate', () => ({ name: 'Walk throwaway', folderId: FOLDER, columns: columns() }), 'throwawayTable'],
    // Customer 19029's "Billing" folder.
    ['dataTableCreate', () => ({ name: 'Walk customer table', folderId: '130201101', columns: columns(), managedUser: { id: '19029' } }), 'customerDataTable'],
    ['dataTableUpdate', (s) => ({ id: s.dataTable!, name: 'Walk table 2' })],
    ['dataTableRecordCreate', (s) => ({ tableId: s.dataTable!, values: { name: 'walked', qty: 2 } }), 'record'],
    ['dataTableRecordCreate', (s) => ({ tableId: s.dataTable!, values: { name: 'kept', qty: 1 } })],
    ['dataTableRecordUpdate', (s) => ({ id: s.record!, values: { qty: 3 } })],
    ['dataTableRecordDelete', (s) => ({ id: s.record! })],
    ['dataTableTruncate', (s) => ({ id: s.throwawayTable! })],
    ['dataTableDelete', (s) => ({ id: s.throwawayTable! })],
  ],
  args: (s) => ({
    'Query.dataTable': { id: s.dataTable! },
    'ManagedUser.dataTable': { id: s.customerDataTable! },
    'DataTable.column': { name: 'name' },
    'DataTableRecord.value': { column: 'name' },
  }),
  // The seeded Orders table's `customer` column relates to Customers; relations sit below the generated depth.
  deep: () => [['{ dataTables(first: 5) { nodes { columns ', 'DataTableColumn', '} } }']],
};

export default walk;
