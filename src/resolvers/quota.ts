/**
 * `workatoQuota`: the caller's quota windows as the gateway counts them (workato/rate-limiter.ts); no Workato call
 * (one Redis round trip when the windows are shared by replicas).
 */
import type { Resolvers } from '../generated/graphql.js';
import { standing } from '../workato/rate-limiter.js';

export const quotaResolvers: Resolvers = {
  Query: {
    workatoQuota: async (_root, _args, ctx) => {
      // Shared windows (REDIS_URL) are read from Redis first: other replicas' calls count too.
      await ctx.api.refreshQuotas();
      const { enforced, families } = ctx.api.quotas();
      return { enforced, families: families.map(({ family, usage }) => standing(family.name, family.quota, usage)) };
    },
  },
};
