/**
 * Connection forms of an Embedded customer (REFERENCE §17.3 #6, §17.8): `ManagedUser.connectionInputSchema` and
 * `ManagedUser.connectorInputSchema`, lists of `SchemaField` (resolved in custom-connectors.ts with the schema
 * generators' answers).
 */
import type { Resolvers } from '../generated/graphql.js';
import { badUserInput } from '../server/errors.js';
import { customerKey, customerLoaders } from './managed-users.js';

export const inputSchemaResolvers: Resolvers = {
  ManagedUser: {
    connectionInputSchema: (u, args, ctx) =>
      customerLoaders(ctx, u).inputSchemas.connectionInputSchema.load(customerKey('Connection', args.connectionId, 'connectionId', u)),
    connectorInputSchema: (u, args, ctx) => {
      const application = args.application.trim();
      if (application === '') throw badUserInput('`application` must name a connector, for example "salesforce".', 'application');
      return customerLoaders(ctx, u).inputSchemas.connectorInputSchema.load(application);
    },
  },
};
