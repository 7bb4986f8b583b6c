/** Lookup tables (REFERENCE §18): a table made, a row added, changed and deleted, then the table deleted. */
import type { FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    ['lookupTableCreate', () => ({ name: 'Walk table', columns: ['k', 'v'] }), 'lookupTable'],
    ['lookupTableRowCreate', (s) => ({ tableId: s.lookupTable!, cells: [{ column: 'k', value: '1' }] }), 'lookupTableRow'],
    ['lookupTableRowUpdate', (s) => ({ id: s.lookupTableRow!, cells: [{ column: 'v', value: 'walked' }] })],
    ['lookupTableRowDelete', (s) => ({ id: s.lookupTableRow! })],
    ['lookupTablesDelete', (s) => ({ ids: [s.lookupTable!] })],
  ],
  args: () => ({
    'Query.lookupTable': { id: '1315' },
    'Query.lookupTableRow': { tableId: '1315', match: [{ column: 'code', value: 'DE' }] },
    'ManagedUser.lookupTableRow': { tableId: '7291', match: [{ column: 'region', value: 'emea' }] },
    'LookupTable.row': { id: '5' },
    'LookupTableRow.value': { column: 'code' },
  }),
};

export default walk;
