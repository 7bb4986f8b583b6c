/**
 * `packageStatus`: follows a package by polling `GET /packages/:id` (REFERENCE §15.5), as Workato's own CLI does,
 * and sends a Package each time its status changes. Yoga serves it over server-sent events.
 */
import { Repeater } from 'graphql-yoga';
import type { Resolvers } from '../generated/graphql.js';
import { createLoaders } from '../loaders/index.js';
import type { GatewayContext } from '../server/context.js';
import { WorkatoError } from '../workato/http.js';
import { packageStatusOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { ownId } from './packages.js';

/** One emission: the package as read by one poll, or why the poll failed. */
type PackageEvent = { package: Workato.Package } | { error: unknown };

/** Failures worth another poll: Workato busy or unreachable. Anything else (404, 401, 403) ends the stream. */
export function retryAfterMs(error: unknown, pollMs: number): number | undefined {
  if (!(error instanceof WorkatoError)) return undefined;
  if (error.status === 429) return Math.max(pollMs, (error.retryAfter ?? 0) * 1000);
  if (error.kind === 'timeout' || error.kind === 'network' || error.status >= 500) return pollMs;
  return undefined;
}

/** Resolves after `ms`, or at once when the subscriber has gone (the timer is cleared either way). */
export function pause(ms: number, stop: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void stop.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Polls until the package is completed or failed, or until the client disconnects (yoga then returns the
 * iterator, which stops the repeater and cuts the pause short).
 */
function followPackage(ctx: GatewayContext, id: number): AsyncIterable<PackageEvent> {
  return new Repeater<PackageEvent>(async (push, stop) => {
    let gone = false;
    void stop.then(() => (gone = true));
    let last: string | undefined;
    while (!gone) {
      // Each poll is its own "request": fresh loaders, so neither the package nor any field under it (manifest,
      // recipes) is served from an earlier poll's cache. The previous emission has been executed by now.
      ctx.loaders = createLoaders(ctx.api);
      let wait: number | undefined = ctx.packagePollMs;
      try {
        const pkg = await ctx.loaders.scope().packageById.load(id);
        const status = packageStatusOf(pkg.status);
        if (status !== last) {
          last = status;
          await push({ package: pkg });
        }
        if (status !== 'in_progress') wait = undefined;
      } catch (error) {
        await push({ error });
        wait = retryAfterMs(error, ctx.packagePollMs);
      }
      if (wait === undefined) break;
      await pause(wait, stop);
    }
    stop();
  });
}

export const packageStatusResolvers: Resolvers = {
  Subscription: {
    packageStatus: {
      subscribe: (_root, args, ctx) => followPackage(ctx, ownId('Package', args.id, 'id')),
      // A failed poll becomes a GraphQL error in the stream (coded by maskError like any other).
      resolve: (event: PackageEvent) => {
        if ('error' in event) throw event.error;
        return event.package;
      },
    },
  },
};
