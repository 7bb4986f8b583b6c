/**
 * Custom OAuth profiles (REFERENCE §28): a page-based list, a get by id, and create/update/delete. The client secret
 * goes to Workato in create/update bodies only; no answer carries it (Workato's neither).
 */
import type { Resolvers } from '../generated/graphql.js';
import { badUserInput } from '../server/errors.js';
import {
  createCustomOAuthProfile,
  deleteCustomOAuthProfile,
  updateCustomOAuthProfile,
} from '../workato/custom-oauth-profiles.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { given, prop, typed, workatoId } from './helpers.js';
import type { CustomOAuthProfileMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused } from './payload.js';
import { pageOfPagedList, pageSize, toGlobalId, WORKATO_INT_ID, workatoKey } from './relay.js';

/** Profiles live in the caller's own workspace only: a global id of a customer's object is the caller's mistake. */
function profileId(value: string, argument: string): number {
  const { key, scope } = workatoKey('CustomOAuthProfile', value, argument);
  if (scope !== undefined) throw badUserInput(`\`${argument}\` must be a custom OAuth profile of the caller's own workspace.`, argument);
  return Number(key);
}

/** `node(id)`: the by-id loader (free after a list of the same request). */
export const customOAuthProfileNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  if (parsed.scope !== undefined || parsed.keys.length !== 1 || !WORKATO_INT_ID.test(parsed.keys[0]!)) {
    throw badUserInput(`"${id()}" is not an id this API issued. Pass an \`id\` field's value.`, 'id');
  }
  return typed(await ctx.loaders.scope().customOAuthProfiles.customOAuthProfileById.load(Number(parsed.keys[0])), 'CustomOAuthProfile');
};

/** Create/update answers are [inferred] to be the profile; anything else means "read it back". */
const answered = (body: unknown): body is Workato.CustomOAuthProfile =>
  !!body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'number';

export const customOAuthProfileResolvers: Resolvers = {
  Query: {
    customOAuthProfiles: (_root, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) =>
        ctx.loaders.scope().customOAuthProfiles.customOAuthProfilePage.load({ page, per_page }),
      ),
    customOAuthProfile: (_root, args, ctx) => ctx.loaders.scope().customOAuthProfiles.customOAuthProfileById.load(profileId(args.id, 'id')),
  },
  CustomOAuthProfile: {
    id: (p) => toGlobalId('CustomOAuthProfile', [p.id]),
    workatoId,
    name: (p) => p.name ?? '',
    provider: (p) => p.provider ?? '',
    connector: (p, _args, ctx) => (p.provider ? ctx.loaders.connectors.connectorByName.load(p.provider) : null),
    clientId: (p) => p.data?.client_id ?? null,
    connectionCount: prop('shared_accounts_count'),
    customerCount: prop('oem_customers_count'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  Mutation: {
    customOAuthProfileCreate: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope().customOAuthProfiles;
      const body: Workato.CustomOAuthProfileWrite = {
        name: input.name,
        provider: input.provider,
        data: { client_id: input.clientId, client_secret: input.clientSecret },
      };
      const outcome = await attempt(() => createCustomOAuthProfile(ctx.loaders.scope().api, body));
      if (!outcome.ok) return payload<'customOAuthProfile', CustomOAuthProfileMapper>('customOAuthProfile', outcome);
      loaders.forgetCustomOAuthProfiles();
      if (!answered(outcome.value)) {
        // A 200 `success: false` is a refusal (§4.3); any other answer without the profile cannot be read back.
        const refusals = refusalErrors(outcome.value as Workato.SuccessResponse | undefined);
        const unknown = inputError('REFUSED', 'Workato answered without the new profile; list customOAuthProfiles to see whether it was created.');
        return payload<'customOAuthProfile', CustomOAuthProfileMapper>('customOAuthProfile', refused(refusals.length ? refusals : [unknown]));
      }
      loaders.customOAuthProfileById.prime(outcome.value.id, outcome.value);
      return payload<'customOAuthProfile', CustomOAuthProfileMapper>('customOAuthProfile', { ok: true, value: outcome.value });
    },
    customOAuthProfileUpdate: async (_root, { input }, ctx) => {
      const id = profileId(input.id, 'input.id');
      const loaders = ctx.loaders.scope().customOAuthProfiles;
      const data = given({ client_id: input.clientId, client_secret: input.clientSecret });
      const body: Workato.CustomOAuthProfileWrite = { ...given({ name: input.name }), ...(Object.keys(data).length ? { data } : {}) };
      const outcome = await attempt(() => updateCustomOAuthProfile(ctx.loaders.scope().api, id, body));
      if (!outcome.ok) return payload<'customOAuthProfile', CustomOAuthProfileMapper>('customOAuthProfile', outcome);
      loaders.forgetCustomOAuthProfiles(id);
      if (answered(outcome.value)) loaders.customOAuthProfileById.prime(id, outcome.value);
      return payload<'customOAuthProfile', CustomOAuthProfileMapper>('customOAuthProfile', { ok: true, value: await loaders.customOAuthProfileById.load(id) });
    },
    customOAuthProfileDelete: async (_root, { input }, ctx) => {
      const id = profileId(input.id, 'input.id');
      const outcome = await attempt(() => deleteCustomOAuthProfile(ctx.loaders.scope().api, id));
      const refusals = outcome.ok ? refusalErrors(outcome.value as Workato.SuccessResponse | undefined) : outcome.userErrors;
      if (refusals.length) return payload<'deletedCustomOAuthProfileId', string>('deletedCustomOAuthProfileId', refused(refusals));
      ctx.loaders.scope().customOAuthProfiles.forgetCustomOAuthProfiles(id);
      return payload<'deletedCustomOAuthProfileId', string>('deletedCustomOAuthProfileId', { ok: true, value: toGlobalId('CustomOAuthProfile', [id]) });
    },
  },
};

