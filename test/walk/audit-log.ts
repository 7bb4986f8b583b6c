/** The activity audit log (§27) and custom connectors (§16.3): the schema generators, and a custom connector by id. */
import { Enum, type FamilyWalk } from './types.js';

const walk: FamilyWalk = {
  mutations: [
    // Nested objects and arrays reach SchemaField.of and .properties.
    ['customConnectorSchemaFromJson', () => ({ sample: JSON.stringify({ id: 1, customer: { email: 'a@b.example' }, lines: [{ sku: 'A-1' }] }) })],
    ['customConnectorSchemaFromJson', () => ({ sample: 'not json' })],
    ['customConnectorSchemaFromCsv', () => ({ sample: 'Order id;Total\n1;2', columnSeparator: new Enum('SEMICOLON') })],
  ],
  args: () => ({ 'Query.customConnector': { id: '562523' } }),
};

export default walk;
