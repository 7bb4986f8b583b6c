/**
 * Connection pick lists (REFERENCE §12.6) and runtime-user connections (§12.7). Every call here is a connection
 * endpoint, limited to 1 request/second (§5; the limiter queues for the slot).
 */
import type { Resolvers } from '../generated/graphql.js';
import { scopeOf } from '../loaders/scope.js';
import { badUserInput } from '../server/errors.js';
import { createRuntimeUserConnection } from '../workato/connections.js';
import type { ConnectionMapper } from './mappers.js';
import { attempt, inputError, payload, refused } from './payload.js';
import { workatoKey } from './relay.js';
import { given } from './helpers.js';

/** Pick list parameters must be a JSON object (§12.6 `pick_list_params`). */
function pickListParams(params: unknown): Record<string, unknown> | undefined {
  if (params == null) return undefined;
  if (typeof params !== 'object' || Array.isArray(params)) throw badUserInput('`params` must be a JSON object, for example {"sobject_name": "Account"}.', 'params');
  return params as Record<string, unknown>;
}

export const connectionExtraResolvers: Resolvers = {
  Connection: {
    pickList: (c, args, ctx) => {
      if (args.name.trim() === '') throw badUserInput('`name` must not be empty.', 'name');
      const params = pickListParams(args.params);
      return ctx.loaders.scope(scopeOf(c)).connectionExtras.pickList.load({ connectionId: c.id, name: args.name.trim(), ...(params ? { params } : {}) });
    },
    runtimeUserOauthUrl: (c, _args, ctx) =>
      c.parent_id == null ? null : ctx.loaders.scope(scopeOf(c)).connectionExtras.runtimeUserOauthUrl.load(c.id),
  },
  Mutation: {
    connectionRuntimeUserCreate: async (_root, { input }, ctx) => {
      const refusal = (userErrors: ReturnType<typeof inputError>[]) => ({ connection: null, oauthUrl: null, userErrors });
      if (input.externalId.trim() === '') return refusal([inputError('INVALID', "external_id can't be blank", ['input', 'externalId'])]);
      const parent = workatoKey('Connection', input.parentId, 'input.parentId');
      const folder = workatoKey('Folder', input.folderId, 'input.folderId');
      if (parent.scope !== undefined || folder.scope !== undefined) {
        throw badUserInput('Runtime-user connections are created in the token\'s own workspace; pass its connection and folder ids.', 'input');
      }
      const loaders = ctx.loaders.scope();
      const body = {
        parent_id: Number(parent.key), folder_id: Number(folder.key), external_id: input.externalId.trim(),
        ...given({ name: input.name, callback_url: input.callbackUrl, redirect_url: input.redirectUrl }),
      };
      const outcome = await attempt(() => createRuntimeUserConnection(loaders.api, body), ['input', 'parentId']);
      if (!outcome.ok) return refusal(outcome.userErrors);
      await loaders.dropReferenceData();
      loaders.forgetConnections();
      // The new child is listed only with `include_runtime_connections` or its parent's filter (§12.1).
      const children = await loaders.connectionList.load({ parent_id: body.parent_id, include_runtime_connections: true });
      const connection = children.find((c) => c.id === outcome.value.id) ?? null;
      return { ...payload<'connection', ConnectionMapper>('connection', connection ? { ok: true, value: connection } : refused([])), oauthUrl: outcome.value.url };
    },
  },
};
