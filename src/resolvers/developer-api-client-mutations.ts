/**
 * Writes to developer API clients and client roles (REFERENCE §21; a customer's under /v2/managed_users, §17.8).
 * What the docs limit is checked before Workato is called; Workato's refusals become userErrors. The token Workato
 * answers on create and regenerate goes into that payload only: it is stripped before any object reaches a loader.
 */
import type { DeveloperApiClientCreateInput, DeveloperApiClientUpdateInput, Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import {
  copyDeveloperApiClientRole,
  createDeveloperApiClient,
  deleteDeveloperApiClient,
  regenerateDeveloperApiClientToken,
  updateDeveloperApiClient,
} from '../workato/developer-api-clients.js';
import { IP_ALLOW_LIST_SEPARATOR, objectWithId, tokenValueOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { customerId, write } from './managed-user-mutations.js';
import type { CustomerRef } from './managed-users.js';
import type { DeveloperApiClientMapper, DeveloperApiClientRoleMapper } from './mappers.js';
import { inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, WORKATO_INT_ID, workatoKey, type NodeType } from './relay.js';

type Scope = string | undefined;
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

/** The workspace a write goes to: the caller's own, or a customer's (its numeric id, as global ids carry it). */
async function scopeOfCustomer(ctx: GatewayContext, ref: CustomerRef | null | undefined): Promise<Outcome<Scope>> {
  if (!ref) return ok(undefined);
  const id = await customerId(ctx, ref, 'input.managedUser');
  return id.ok ? ok(String(id.value)) : id;
}

/** An object given by global id (which names its workspace) or by `workatoId` plus `managedUser`. */
async function target(ctx: GatewayContext, type: NodeType, input: { id: string; managedUser?: CustomerRef | null }): Promise<Outcome<{ scope: Scope; id: number }>> {
  const { key, scope } = workatoKey(type, input.id, 'input.id');
  if (!input.managedUser) return ok({ scope, id: Number(key) });
  const customer = await scopeOfCustomer(ctx, input.managedUser);
  if (!customer.ok) return customer;
  if (!WORKATO_INT_ID.test(input.id) && scope !== customer.value) {
    return refused([inputError('INVALID', '`input.id` is an object of another workspace than `input.managedUser`.', ['input', 'managedUser'])]);
  }
  return ok({ scope: customer.value, id: Number(key) });
}

/** A Workato id of `type` in `scope`: a bare id, or a global id read from the same workspace. */
function keyIn(type: NodeType, value: string, field: string[], scope: Scope, errors: UserErrorValue[]): number {
  const { key, scope: of } = workatoKey(type, value, field.join('.'));
  if (!WORKATO_INT_ID.test(value) && of !== scope) errors.push(inputError('INVALID', `${field.join('.')} is a ${type} of another workspace.`, field));
  return Number(key);
}

type BodyFields = 'name' | 'roleId' | 'allFolders' | 'folderIds' | 'environmentName' | 'ipAllowList';
type BodyInput = { [K in BodyFields]?: DeveloperApiClientCreateInput[K] | null };

/** The body of a create or update, checked as far as the docs allow (`all_folders` needs `folder_ids` when false). */
function clientBody(input: BodyInput, scope: Scope, creating: boolean): Outcome<Workato.DeveloperApiClientWrite> {
  const errors: UserErrorValue[] = [];
  const body: Workato.DeveloperApiClientWrite = {};
  if (input.name != null || creating) {
    if (!input.name?.trim()) errors.push(inputError('INVALID', 'name must not be blank.', ['input', 'name']));
    else body.name = input.name.trim();
  }
  if (input.roleId != null) body.api_privilege_group_id = keyIn('DeveloperApiClientRole', input.roleId, ['input', 'roleId'], scope, errors);
  if (input.folderIds != null) {
    body.folder_ids = input.folderIds.map((id, i) => keyIn('Folder', id, ['input', 'folderIds', String(i)], scope, errors));
    // Folders are only meaningful without all_folders (§21): giving them says "only these".
    if (input.allFolders == null && !creating) body.all_folders = false;
  }
  if (input.allFolders != null) body.all_folders = input.allFolders;
  if (body.all_folders === true && body.folder_ids?.length) {
    errors.push(inputError('INVALID', 'folderIds must be left out when allFolders is true.', ['input', 'folderIds']));
  }
  if (body.all_folders === false && !body.folder_ids?.length && (creating || input.folderIds != null)) {
    errors.push(inputError('INVALID', 'folderIds must name at least one folder when allFolders is false.', ['input', 'folderIds']));
  }
  if (input.environmentName != null) body.environment_name = input.environmentName;
  if (input.ipAllowList != null) {
    const bad = input.ipAllowList.findIndex((entry) => !entry.trim() || /[\s,]/.test(entry.trim()));
    if (bad !== -1) errors.push(inputError('INVALID', 'ipAllowList entries must be single addresses or CIDR ranges.', ['input', 'ipAllowList', String(bad)]));
    body.ip_allow_list = input.ipAllowList.map((e) => e.trim()).join(IP_ALLOW_LIST_SEPARATOR);
  }
  return errors.length ? refused(errors) : ok(body);
}

/** Workato names the role `api_privilege_group_id`; the input calls it `roleId`. */
const roleField = (errors: UserErrorValue[]): UserErrorValue[] =>
  errors.map((e) => (e.field?.[1] === 'apiPrivilegeGroupId' ? { ...e, field: ['input', 'roleId'] } : e));

/** A client answer without its token value: safe to keep in a loader or hand to the object resolvers. */
function withoutToken(client: Workato.DeveloperApiClient, scope: Scope): DeveloperApiClientMapper {
  const { token, api_token: _value, ...rest } = client;
  return tagOne({ ...rest, ...(token && typeof token === 'object' ? { token } : {}) }, scope);
}

/**
 * After a create or regenerate: the client read back (its `token.updated_at` moved) and the token. Should the read
 * fail, the answer itself (stripped) stands in: the token must not be lost, Workato shows it only once.
 */
async function withToken(loaders: ScopedLoaders, scope: Scope, answer: Workato.DeveloperApiClient) {
  const clients = loaders.developerApiClients;
  clients.forgetDeveloperApiClients({ id: answer.id });
  const client = await clients.developerApiClientById.load(answer.id).catch(() => withoutToken(answer, scope));
  return { client, token: tokenValueOf(answer) };
}

type Issued = Outcome<{ client: DeveloperApiClientMapper; token: string | null }>;
const issuedPayload = (outcome: Issued) => ({
  ...payload<'developerApiClient', DeveloperApiClientMapper>('developerApiClient', outcome.ok ? ok(outcome.value.client) : outcome),
  token: outcome.ok ? outcome.value.token : null,
});

async function create(ctx: GatewayContext, input: DeveloperApiClientCreateInput): Promise<Issued> {
  const scope = await scopeOfCustomer(ctx, input.managedUser);
  if (!scope.ok) return scope;
  const body = clientBody(input, scope.value, true);
  if (!body.ok) return body;
  const loaders = ctx.loaders.scope(scope.value);
  const created = await write(() => createDeveloperApiClient(loaders.api, body.value), ['input']);
  if (!created.ok) return refused(roleField(created.userErrors));
  return ok(await withToken(loaders, scope.value, created.value));
}

async function update(ctx: GatewayContext, input: DeveloperApiClientUpdateInput): Promise<Outcome<DeveloperApiClientMapper>> {
  const found = await target(ctx, 'DeveloperApiClient', input);
  if (!found.ok) return found;
  const { scope, id } = found.value;
  const body = clientBody(input, scope, false);
  if (!body.ok) return body;
  const loaders = ctx.loaders.scope(scope);
  const updated = await write(() => updateDeveloperApiClient(loaders.api, id, body.value), ['input', 'id']);
  if (!updated.ok) return refused(roleField(updated.userErrors));
  const clients = loaders.developerApiClients;
  clients.forgetDeveloperApiClients({ id });
  const answered = objectWithId<Workato.DeveloperApiClient>(updated.value);
  if (answered) clients.developerApiClientById.prime(id, withoutToken(answered, scope));
  return ok(await clients.developerApiClientById.load(id));
}

async function remove(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }): Promise<Outcome<string>> {
  const found = await target(ctx, 'DeveloperApiClient', input);
  if (!found.ok) return found;
  const { scope, id } = found.value;
  const loaders = ctx.loaders.scope(scope);
  const deleted = await write(() => deleteDeveloperApiClient(loaders.api, id), ['input', 'id']);
  loaders.developerApiClients.forgetDeveloperApiClients({ id });
  return deleted.ok ? ok(toGlobalId('DeveloperApiClient', [id], scope)) : deleted;
}

async function regenerate(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }): Promise<Issued> {
  const found = await target(ctx, 'DeveloperApiClient', input);
  if (!found.ok) return found;
  const { scope, id } = found.value;
  const loaders = ctx.loaders.scope(scope);
  const answer = await write(() => regenerateDeveloperApiClientToken(loaders.api, id), ['input', 'id']);
  return answer.ok ? ok(await withToken(loaders, scope, answer.value)) : answer;
}

async function copyRole(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }): Promise<Outcome<DeveloperApiClientRoleMapper>> {
  const found = await target(ctx, 'DeveloperApiClientRole', input);
  if (!found.ok) return found;
  const { scope, id } = found.value;
  // §17.8: the copy endpoint exists only for customer workspaces.
  if (scope === undefined) {
    return refused([inputError('INVALID', 'Only an Embedded customer\'s roles can be copied: give a customer\'s role `id`, or `managedUser`.', ['input', 'managedUser'])]);
  }
  const loaders = ctx.loaders.scope(scope);
  const copied = await write(() => copyDeveloperApiClientRole(loaders.api, id), ['input', 'id']);
  if (!copied.ok) return copied;
  loaders.developerApiClients.forgetDeveloperApiClients({ roles: true });
  return ok(tagOne(copied.value, scope));
}

export const developerApiClientMutationResolvers: Resolvers = {
  Mutation: {
    developerApiClientCreate: async (_root, { input }, ctx) => issuedPayload(await create(ctx, input)),
    developerApiClientUpdate: async (_root, { input }, ctx) =>
      payload<'developerApiClient', DeveloperApiClientMapper>('developerApiClient', await update(ctx, input)),
    developerApiClientDelete: async (_root, { input }, ctx) =>
      payload<'deletedDeveloperApiClientId', string>('deletedDeveloperApiClientId', await remove(ctx, input)),
    developerApiClientTokenRegenerate: async (_root, { input }, ctx) => issuedPayload(await regenerate(ctx, input)),
    developerApiClientRoleCopy: async (_root, { input }, ctx) =>
      payload<'developerApiClientRole', DeveloperApiClientRoleMapper>('developerApiClientRole', await copyRole(ctx, input)),
  },
};
