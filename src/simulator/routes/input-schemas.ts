/**
 * REFERENCE §17.3 #6 and §17.8 connectors: the connection forms of an Embedded customer, `{"result": [field, ...]}`.
 * Customer-scope only (no workspace twin): an unknown customer, connection or connector is 404.
 */
import { findCustomer } from '../embedded.js';
import { notFound, ok, type RouteDef } from '../http-helpers.js';
import { connectionSchema, formOf } from '../input-schemas.js';
import { findConnection } from './connection-writes.js';

export const inputSchemaRoutes: RouteDef[] = [
  {
    // Base schema plus the extended settings the connection's input activates.
    method: 'GET',
    path: '/api/managed_users/:managed_user_id/connections/:connection_id/input_schema',
    handler: ({ store, params }) => {
      const row = findConnection(findCustomer(store, params.managed_user_id).store, params.connection_id);
      const application = row.connection.application ?? row.connection.provider ?? '';
      return ok({ result: connectionSchema(application, row.settings ?? {}) });
    },
  },
  {
    // The connector's static base schema.
    method: 'GET',
    path: '/api/v2/managed_users/:managed_user_id/connectors/:connector_name/input_schema',
    handler: ({ store, params }) => {
      findCustomer(store, params.managed_user_id);
      const form = formOf(params.connector_name ?? '');
      if (!form) throw notFound();
      return ok({ result: form.base });
    },
  },
];
