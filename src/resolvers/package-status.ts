/**
 * `packageStatus`: follows a package by polling `GET /packages/:id` (REFERENCE §15.5; a customer's:
 * `/managed_users/:id/{imports,exports}/:id`, §17.9), as Workato's own CLI does,
 * and sends a Package each time its status changes (polling.ts).
 */
import type { Resolvers } from '../generated/graphql.js';
import { packageStatusOf } from '../workato/inferred.js';
import { packageRef } from './packages.js';
import { follow, polled } from './polling.js';

export const packageStatusResolvers: Resolvers = {
  Subscription: {
    packageStatus: {
      subscribe: (_root, args, ctx) => {
        // A customer's package id names the customer and the operation (§17.9).
        const { scope, ...ref } = packageRef(args.id, 'id');
        return follow(ctx, {
          load: (c) => c.loaders.scope(scope).packageById.load(ref),
          versionOf: (pkg) => packageStatusOf(pkg.status),
          done: (pkg) => packageStatusOf(pkg.status) !== 'in_progress',
        });
      },
      resolve: polled,
    },
  },
};
