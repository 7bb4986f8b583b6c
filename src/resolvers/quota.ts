/** `workatoQuota`: the caller's quota windows as the gateway counts them (workato/rate-limiter.ts); no Workato call. */
import type { Resolvers } from '../generated/graphql.js';
import { standing } from '../workato/rate-limiter.js';

export const quotaResolvers: Resolvers = {
  Query: {
    workatoQuota: (_root, _args, ctx) => {
      const { enforced, families } = ctx.api.quotas();
      return { enforced, families: families.map(({ family, usage }) => standing(family.name, family.quota, usage)) };
    },
  },
};
