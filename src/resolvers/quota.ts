/** `workatoQuota`: the caller's quota windows as the gateway counts them (workato/rate-limiter.ts); no Workato call. */
import type { Resolvers } from '../generated/graphql.js';

export const quotaResolvers: Resolvers = {
  Query: {
    workatoQuota: (_root, _args, ctx) => {
      const { enforced, families } = ctx.api.quotas();
      return {
        enforced,
        families: families.map(({ family, usage }) => ({
          family: family.name,
          limit: family.quota.limit,
          windowSeconds: family.quota.windowMs / 1000,
          used: usage.used,
          remaining: usage.remaining,
          resetAt: usage.resetAt === undefined ? null : new Date(usage.resetAt).toISOString(),
          queued: usage.queued,
        })),
      };
    },
  },
};
