/**
 * Writes to Embedded customers (REFERENCE §17.1) and their members (§17.2). Refusals (400/404/422, or a 200 with
 * `success: false`) become userErrors; after a write the affected loaders are cleared and the object is read back.
 */
import type {
  ManagedUserAuthSettingsInput,
  ManagedUserEnvironmentInput,
  MemberEnvRoleInput,
  MutationManagedUserMemberAddArgs,
  MutationManagedUserMemberRemoveArgs,
  MutationManagedUserMemberUpdateArgs,
  Resolvers,
} from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import {
  addMember,
  createManagedUser,
  deleteManagedUser,
  removeMember,
  updateManagedUser,
  updateMember,
} from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import { given, toWire } from './helpers.js';
import { customerSegment, type CustomerRef } from './managed-users.js';
import type { ManagedUserMapper, MemberMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome } from './payload.js';
import { fromGlobalId, toGlobalId, WORKATO_INT_ID } from './relay.js';

/** GraphQL input field → Workato property (§17.1). */
const CUSTOMER_FIELDS = {
  name: 'name', notificationEmail: 'notification_email', externalId: 'external_id', planId: 'plan_id', originUrl: 'origin_url',
  frameAncestors: 'frame_ancestors', oauthId: 'oauth_id', timeZone: 'time_zone', adminNotificationEmails: 'admin_notification_emails',
  errorNotificationEmails: 'error_notification_emails', inTrial: 'in_trial', taskLimitAdjustment: 'task_limit_adjustment',
  customTaskLimit: 'custom_task_limit', billingStartDate: 'billing_start_date',
} as const satisfies Record<string, keyof Workato.ManagedUserWrite>;

/**
 * Only the fields the caller wrote are sent: omitted → unchanged, `null` → cleared (§17.1). `environments` goes as
 * Workato's `environments[...]`, one object per TEST/PROD environment with the settings given.
 */
function customerBody(input: { environments?: readonly ManagedUserEnvironmentInput[] | null }): Workato.ManagedUserUpdate {
  const body: Record<string, unknown> = {};
  for (const [field, wire] of Object.entries(CUSTOMER_FIELDS)) if (field in input) body[wire] = (input as Record<string, unknown>)[field];
  if (input.environments != null) {
    body.environments = input.environments.map((e): Workato.ManagedUserEnvironment => ({
      environment_type: toWire(e.environmentType) as Workato.ManagedUserEnvironment['environment_type'],
      ...('externalId' in e ? { external_id: e.externalId } : {}),
      ...('errorNotificationEmails' in e ? { error_notification_emails: e.errorNotificationEmails } : {}),
    }));
  }
  return body as Workato.ManagedUserUpdate;
}

/** §17.1 create's `auth_settings`: the sign-in type in Workato's words, and the SAML set-up fields given. */
function authSettings(input: ManagedUserAuthSettingsInput): Workato.ManagedUserAuthSettings {
  return {
    type: toWire(input.type) as Workato.ManagedUserAuthSettings['type'],
    ...given({
      provider: input.provider ?? undefined,
      metadata_url: input.metadataUrl ?? undefined,
      sso_url: input.ssoUrl ?? undefined,
      saml_issuer: input.samlIssuer ?? undefined,
      x509_cert: input.x509Cert ?? undefined,
    }),
  };
}

/** A write whose 2xx body may still be a refusal (§4.3). */
export async function write<T>(run: () => Promise<T>, notFoundField: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(run, notFoundField);
  if (!outcome.ok) return outcome;
  const refusals = refusalErrors(outcome.value as Workato.SuccessResponse | undefined);
  return refusals.length ? refused(refusals) : outcome;
}

/** The customer's numeric id: given, or read by external id (a 404 is the caller's userError). */
export async function customerId(ctx: GatewayContext, ref: CustomerRef, argument: string): Promise<Outcome<number>> {
  const segment = customerSegment(ref, argument);
  if (WORKATO_INT_ID.test(segment)) return { ok: true, value: Number(segment) };
  try {
    return { ok: true, value: (await ctx.loaders.managedUsers.managedUserBySegment.load(segment)).id };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return refused([inputError('NOT_FOUND', 'Workato has no customer with that external id, or the token cannot see it.', argument.split('.'))]);
  }
}

/** §17.2 roles: `role_name` (one DEV role) and/or `env_roles`. */
function memberRoles(input: { roleName?: string | null; envRoles?: readonly MemberEnvRoleInput[] | null }): Workato.MemberWrite {
  const body: Workato.MemberWrite = {};
  if (input.roleName != null) body.role_name = input.roleName;
  if (input.envRoles != null) {
    body.env_roles = input.envRoles.map((r) => ({ environment_type: r.environmentType ?? 'dev', name: r.roleName, ...(r.roleType ? { role_type: r.roleType } : {}) }));
  }
  return body;
}

/** A member given as its global id (which names its customer) or as a Workato id plus `managedUser`. */
async function memberTarget(
  ctx: GatewayContext,
  input: { id: string; managedUser?: CustomerRef | null },
): Promise<Outcome<{ customer: number; member: number }>> {
  if (WORKATO_INT_ID.test(input.id)) {
    if (!input.managedUser) throw badUserInput('`input.managedUser` is required when `input.id` is a `workatoId`.', 'input.managedUser');
    const customer = await customerId(ctx, input.managedUser, 'input.managedUser');
    return customer.ok ? { ok: true, value: { customer: customer.value, member: Number(input.id) } } : customer;
  }
  const parsed = fromGlobalId(input.id);
  if (parsed?.type !== 'Member' || parsed.scope === undefined || parsed.keys.length !== 1 || !WORKATO_INT_ID.test(parsed.keys[0]!)) {
    throw badUserInput(`\`input.id\` must be the \`id\` of a customer workspace's member, or its \`workatoId\`; got "${input.id}".`, 'input.id');
  }
  const named = input.managedUser?.id;
  if (named != null && customerSegment({ id: named }, 'input.managedUser') !== parsed.scope) {
    throw badUserInput('`input.id` is a member of another customer than `input.managedUser`.', 'input.managedUser');
  }
  return { ok: true, value: { customer: Number(parsed.scope), member: Number(parsed.keys[0]) } };
}

/** Read a member back after a write, from a fresh list. */
async function memberAfterWrite(ctx: GatewayContext, customer: number, member: number): Promise<Outcome<MemberMapper>> {
  const loaders = ctx.loaders.scope(String(customer));
  loaders.forgetMembers(member);
  return { ok: true, value: await loaders.memberById.load(member) };
}

/** Re-reads a customer after a write (ids and external ids may have changed: forget every key). */
async function customerAfterWrite(ctx: GatewayContext, written: Outcome<{ id: number }>): Promise<Outcome<ManagedUserMapper>> {
  if (!written.ok) return written;
  ctx.loaders.managedUsers.forgetManagedUser();
  return { ok: true, value: await ctx.loaders.managedUsers.managedUserBySegment.load(String(written.value.id)) };
}

async function deleteCustomer(ctx: GatewayContext, ref: CustomerRef): Promise<Outcome<string>> {
  const id = await customerId(ctx, ref, 'input.managedUser');
  if (!id.ok) return id;
  const deleted = await write(() => deleteManagedUser(ctx.api, String(id.value)), ['input', 'managedUser']);
  ctx.loaders.managedUsers.forgetManagedUser();
  // Its workspace is gone: its cached folders and connections must not answer for it any more.
  if (deleted.ok) await ctx.loaders.scope(String(id.value)).dropReferenceData();
  return deleted.ok ? { ok: true, value: toGlobalId('ManagedUser', [id.value]) } : deleted;
}

async function addCustomerMember(ctx: GatewayContext, input: MutationManagedUserMemberAddArgs['input']): Promise<Outcome<MemberMapper>> {
  const customer = await customerId(ctx, input.managedUser, 'input.managedUser');
  if (!customer.ok) return customer;
  const body: Workato.MemberWrite = {
    name: input.name,
    ...(input.email != null ? { email: input.email } : {}),
    ...(input.oauthId != null ? { oauth_id: input.oauthId } : {}),
    ...(input.externalId != null ? { external_id: input.externalId } : {}),
    ...memberRoles(input),
  };
  const added = await write(() => addMember(ctx.loaders.scope(String(customer.value)).api, body), ['input', 'managedUser']);
  return added.ok ? memberAfterWrite(ctx, customer.value, added.value.id) : added;
}

async function updateCustomerMember(ctx: GatewayContext, input: MutationManagedUserMemberUpdateArgs['input']): Promise<Outcome<MemberMapper>> {
  const body = memberRoles(input);
  if (!body.role_name && !body.env_roles) throw badUserInput('Give `input.roleName` or `input.envRoles`.', 'input.roleName');
  const target = await memberTarget(ctx, input);
  if (!target.ok) return target;
  const { customer, member } = target.value;
  const updated = await write(() => updateMember(ctx.loaders.scope(String(customer)).api, member, body), ['input', 'id']);
  return updated.ok ? memberAfterWrite(ctx, customer, member) : updated;
}

async function removeCustomerMember(ctx: GatewayContext, input: MutationManagedUserMemberRemoveArgs['input']): Promise<Outcome<string>> {
  const target = await memberTarget(ctx, input);
  if (!target.ok) return target;
  const { customer, member } = target.value;
  const loaders = ctx.loaders.scope(String(customer));
  const removed = await write(() => removeMember(loaders.api, member), ['input', 'id']);
  loaders.forgetMembers(member);
  return removed.ok ? { ok: true, value: toGlobalId('Member', [member], String(customer)) } : removed;
}

export const managedUserMutationResolvers: Resolvers = {
  Mutation: {
    managedUserCreate: async (_root, { input }, ctx) => {
      // customerBody copies the documented customer fields only: authSettings is sent as Workato's auth_settings.
      const body: Workato.ManagedUserCreate = { ...customerBody(input), ...(input.authSettings ? { auth_settings: authSettings(input.authSettings) } : {}) };
      const created = await write(() => createManagedUser(ctx.api, body), ['input']);
      return payload<'managedUser', ManagedUserMapper>('managedUser', await customerAfterWrite(ctx, created));
    },
    managedUserUpdate: async (_root, { input }, ctx) => {
      const { managedUser: ref, ...changes } = input;
      const segment = customerSegment(ref, 'input.managedUser');
      const updated = await write(() => updateManagedUser(ctx.api, segment, customerBody(changes)), ['input', 'managedUser']);
      return payload<'managedUser', ManagedUserMapper>('managedUser', await customerAfterWrite(ctx, updated));
    },
    managedUserDelete: async (_root, { input }, ctx) =>
      payload<'deletedManagedUserId', string>('deletedManagedUserId', await deleteCustomer(ctx, input.managedUser)),
    managedUserMemberAdd: async (_root, { input }, ctx) => payload<'member', MemberMapper>('member', await addCustomerMember(ctx, input)),
    managedUserMemberUpdate: async (_root, { input }, ctx) => payload<'member', MemberMapper>('member', await updateCustomerMember(ctx, input)),
    managedUserMemberRemove: async (_root, { input }, ctx) =>
      payload<'deletedMemberId', string>('deletedMemberId', await removeCustomerMember(ctx, input)),
  },
};
