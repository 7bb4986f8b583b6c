/**
 * `packageStatus`: follows a package by polling `GET /packages/:id` (REFERENCE §15.5), as Workato's own CLI does,
 * and sends a Package each time its status changes (polling.ts).
 */
import type { Resolvers } from '../generated/graphql.js';
import { packageStatusOf } from '../workato/inferred.js';
import { ownId } from './packages.js';
import { follow, polled } from './polling.js';

export const packageStatusResolvers: Resolvers = {
  Subscription: {
    packageStatus: {
      subscribe: (_root, args, ctx) => {
        const id = ownId('Package', args.id, 'id');
        return follow(ctx, {
          load: (c) => c.loaders.scope().packageById.load(id),
          versionOf: (pkg) => packageStatusOf(pkg.status),
          done: (pkg) => packageStatusOf(pkg.status) !== 'in_progress',
        });
      },
      resolve: polled,
    },
  },
};
