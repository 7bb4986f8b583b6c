/** The external-secrets cache (REFERENCE §27): one bodiless call. */
import type { Resolvers } from '../generated/graphql.js';
import { clearSecretsCache } from '../workato/secrets-management.js';
import type { Workato } from '../workato/types.js';
import { attempt, refusalErrors } from './payload.js';

export const secretsManagementResolvers: Resolvers = {
  Mutation: {
    secretsCacheClear: async (_root, { input }, ctx) => {
      const outcome = await attempt(() => clearSecretsCache(ctx.loaders.scope().api), ['input']);
      // The answer is [inferred] `{"success": true}`; a 200 with `success: false` is still a refusal (§4.3).
      const userErrors = outcome.ok ? refusalErrors(outcome.value as Workato.SuccessResponse | undefined) : outcome.userErrors;
      return { cleared: userErrors.length === 0, clientMutationId: input.clientMutationId ?? null, userErrors };
    },
  },
};
