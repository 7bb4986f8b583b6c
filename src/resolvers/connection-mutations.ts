/**
 * Connection writes (REFERENCE §12.2–§12.5). Workato has no GET /connections/:id, so after a write the request's
 * connection lists are dropped, and so are the caller's reference-cache entries of the scope. Create answers the whole new Connection, which primes the by-id loader (no extra
 * call); update answers it without tags and disconnect only `{"success", "status"}` (a customer's `{"result"}`), so both are read back
 * through the list (one GET). Delete reads nothing back.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { tagOne } from '../loaders/scope.js';
import { badUserInput } from '../server/errors.js';
import type { GatewayContext } from '../server/context.js';
import {
  createConnection,
  deleteConnection,
  disconnectConnection,
  updateConnection,
  type CreateConnectionBody,
} from '../workato/connections.js';
import { objectWithId, REFUSAL_PATTERNS } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { ConnectionMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoIntKey, workatoKey } from './relay.js';
import { given } from './helpers.js';

/**
 * Workato's field names → ours, for userErrors about input fields (§12.2: the connector is `provider` on the
 * wire, `application` here), and its refusal texts → stable codes (§12.4/§12.5, texts [inferred]).
 */
export function connectionErrors(errors: UserErrorValue[]): UserErrorValue[] {
  return errors.map((e) => {
    if (REFUSAL_PATTERNS.connectionInUse.test(e.message)) return inputError('CONNECTION_IN_USE', e.message, ['input', 'id']);
    if (REFUSAL_PATTERNS.connectionConnected.test(e.message)) return inputError('CONNECTION_CONNECTED', e.message, ['input', 'id']);
    if (e.field?.[0] === 'input' && e.field[1] === 'provider') {
      return { ...e, field: ['input', 'application'], message: e.message.replace(/^provider\b/, 'application') };
    }
    return e;
  });
}

/** `input.input` (the connector's fields) must be a JSON object; it is passed through and never read or logged. */
function credentials(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badUserInput('`input.input` must be a JSON object of connection fields.', 'input.input');
  return value as Record<string, unknown>;
}

/** Optional folder and parent ids, in one workspace scope (an Embedded customer's ids carry theirs). */
function placement(folderId: string | null | undefined, parentId: string | null | undefined) {
  const folder = folderId ? workatoKey('Folder', folderId, 'input.folderId') : undefined;
  const parent = parentId ? workatoKey('Connection', parentId, 'input.parentId') : undefined;
  if (folder && parent && folder.scope !== parent.scope) {
    throw badUserInput('`input.folderId` and `input.parentId` belong to different workspaces.', 'input.parentId');
  }
  return {
    scope: folder?.scope ?? parent?.scope,
    folder_id: folder ? Number(folder.key) : undefined,
    parent_id: parent ? Number(parent.key) : undefined,
  };
}

function target(ctx: GatewayContext, id: string): { loaders: ScopedLoaders; id: number; scope: string | undefined } {
  const key = workatoIntKey('Connection', id, 'input.id');
  return { loaders: ctx.loaders.scope(key.scope), ...key };
}

/**
 * After a write: drop every connection list this request read, then use Workato's answer when it is complete, so
 * the payload costs no extra call. A write answer carries `tags` only if Workato sent them (lists need
 * `includes[]=tags`, §12.1): a new connection has none, so its answer is complete; an updated one without `tags` —
 * or an answer without an id (tolerated, not expected) — is read back through the list, one GET.
 */
async function settle(
  loaders: ScopedLoaders,
  scope: string | undefined,
  id: number,
  body: unknown,
  created: boolean,
): Promise<Outcome<ConnectionMapper>> {
  await loaders.dropReferenceData();
  loaders.forgetConnections();
  const answered = objectWithId<Workato.Connection>(body);
  if (!answered || (!created && !Array.isArray(answered.tags))) return { ok: true, value: await loaders.connectionById.load(id) };
  const connection = tagOne({ ...answered, tags: answered.tags ?? [] }, scope);
  loaders.connectionById.prime(connection.id, connection);
  return { ok: true, value: connection };
}

export const connectionMutationResolvers: Resolvers = {
  Mutation: {
    connectionCreate: async (_root, { input }, ctx) => {
      const { scope, folder_id, parent_id } = placement(input.folderId, input.parentId);
      const loaders = ctx.loaders.scope(scope);
      const body: CreateConnectionBody = {
        name: input.name,
        provider: input.application,
        ...given({ folder_id, parent_id, external_id: input.externalId, shell_connection: input.shellConnection }),
        ...given({ input: credentials(input.input) }),
      };
      const outcome = await attempt(() => createConnection(loaders.api, body), ['input', 'folderId']);
      if (!outcome.ok) return payload<'connection', ConnectionMapper>('connection', refused(connectionErrors(outcome.userErrors)));
      return payload<'connection', ConnectionMapper>('connection', await settle(loaders, scope, outcome.value.id, outcome.value, true));
    },
    connectionUpdate: async (_root, { input }, ctx) => {
      const { loaders, id, scope } = target(ctx, input.id);
      const moved = placement(input.folderId, input.parentId);
      if (moved.scope !== undefined && moved.scope !== scope) {
        throw badUserInput('`input.folderId`/`input.parentId` belong to another workspace than the connection.', 'input.folderId');
      }
      const { folder_id, parent_id } = moved;
      const body = {
        ...given({ name: input.name, folder_id, parent_id, external_id: input.externalId, shell_connection: input.shellConnection }),
        ...given({ input: credentials(input.input) }),
      };
      const outcome = await attempt(() => updateConnection(loaders.api, id, body));
      if (!outcome.ok) return payload<'connection', ConnectionMapper>('connection', refused(connectionErrors(outcome.userErrors)));
      return payload<'connection', ConnectionMapper>('connection', await settle(loaders, scope, id, outcome.value, false));
    },
    connectionDisconnect: async (_root, { input }, ctx) => {
      const { loaders, id } = target(ctx, input.id);
      const outcome = await attempt(() => disconnectConnection(loaders.api, id, input.force ?? undefined));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'connection', ConnectionMapper>('connection', refused(connectionErrors(refusals)));
      // §12.4 answers no connection: read it back (one list call) so `connected` is Workato's, not a guess.
      await loaders.dropReferenceData();
      loaders.forgetConnections();
      return payload<'connection', ConnectionMapper>('connection', { ok: true, value: await loaders.connectionById.load(id) });
    },
    connectionDelete: async (_root, { input }, ctx) => {
      const { loaders, id, scope } = target(ctx, input.id);
      const outcome = await attempt(() => deleteConnection(loaders.api, id));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'deletedConnectionId', string>('deletedConnectionId', refused(connectionErrors(refusals)));
      await loaders.dropReferenceData();
      loaders.forgetConnections();
      return payload<'deletedConnectionId', string>('deletedConnectionId', { ok: true, value: toGlobalId('Connection', [id], scope) });
    },
  },
};
