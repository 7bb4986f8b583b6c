/**
 * Collaborator writes (REFERENCE §20 #1, #4, #5), in the token's workspace or an Embedded customer's (§17.2 #4, #5,
 * #9). What the docs limit is checked before Workato is called; Workato's refusals become userErrors, and its
 * one-invitation-per-20-minutes rule (§5) becomes `INVITATION_ALREADY_SENT`.
 */
import type { MemberEnvRoleInput, MutationMemberInviteArgs, Resolvers } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { inviteMember } from '../workato/collaborators.js';
import { WorkatoError } from '../workato/http.js';
import { INVITATION_THROTTLE_TEXT } from '../workato/inferred.js';
import { removeMember, updateMember } from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import type { CustomerRef } from './managed-users.js';
import { customerId, write } from './managed-user-mutations.js';
import type { MemberInvitationMapper, MemberMapper } from './mappers.js';
import { inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, WORKATO_INT_ID, workatoKey } from './relay.js';

const ENVIRONMENTS = ['dev', 'test', 'prod'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** §20 #1/#4: one role per environment, in dev/test/prod, each with a name. */
function envRoleErrors(roles: readonly MemberEnvRoleInput[]): UserErrorValue[] {
  const seen = new Set<string>();
  return roles.flatMap((role, i): UserErrorValue[] => {
    const at = ['input', 'envRoles', String(i)];
    const environment = role.environmentType ?? 'dev';
    if (!ENVIRONMENTS.includes(environment)) return [inputError('INVALID', `environmentType must be dev, test or prod; got "${environment}".`, [...at, 'environmentType'])];
    if (seen.has(environment)) return [inputError('INVALID', `Give one role per environment; ${environment} has more than one.`, [...at, 'environmentType'])];
    seen.add(environment);
    return role.roleName.trim() ? [] : [inputError('INVALID', 'roleName must not be blank.', [...at, 'roleName'])];
  });
}

/** At least one role, each valid (what Workato's `env_roles` takes). */
const roleErrors = (roles: readonly MemberEnvRoleInput[]): UserErrorValue[] =>
  roles.length ? envRoleErrors(roles) : [inputError('INVALID', 'Give at least one role.', ['input', 'envRoles'])];

const wireRoles = (roles: readonly MemberEnvRoleInput[]) =>
  roles.map((r) => ({ environment_type: r.environmentType ?? 'dev', name: r.roleName.trim(), ...(r.roleType ? { role_type: r.roleType } : {}) }));

/** The workspace of a write: the token's own (undefined), or a customer's numeric id as the loaders' scope. */
async function scopeOfRef(ctx: GatewayContext, ref: CustomerRef | null | undefined): Promise<Outcome<string | undefined>> {
  if (!ref) return { ok: true, value: undefined };
  const customer = await customerId(ctx, ref, 'input.managedUser');
  return customer.ok ? { ok: true, value: String(customer.value) } : customer;
}

/** A member given as its global id (which names its workspace) or as a Workato id, with `managedUser` for a customer's. */
async function memberTarget(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }): Promise<Outcome<{ scope: string | undefined; member: number }>> {
  const { key, scope } = workatoKey('Member', input.id, 'input.id');
  if (WORKATO_INT_ID.test(input.id)) {
    const named = await scopeOfRef(ctx, input.managedUser);
    return named.ok ? { ok: true, value: { scope: named.value, member: Number(key) } } : named;
  }
  if (input.managedUser) {
    const named = await scopeOfRef(ctx, input.managedUser);
    if (named.ok && named.value !== scope) throw badUserInput('`input.id` is a member of another workspace than `input.managedUser`.', 'input.managedUser');
  }
  return { ok: true, value: { scope, member: Number(key) } };
}

function inviteErrors(input: MutationMemberInviteArgs['input']): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if (!input.name.trim()) errors.push(inputError('INVALID', 'name must not be blank.', ['input', 'name']));
  if (!EMAIL.test(input.email.trim())) errors.push(inputError('INVALID', `email must be an e-mail address; got "${input.email}".`, ['input', 'email']));
  return [...errors, ...roleErrors(input.envRoles)];
}

/** §5: a second invitation to the same address within 20 minutes; Workato answers it like a rate limit (429). */
function throttledInvitation(error: unknown): error is WorkatoError {
  return error instanceof WorkatoError && error.kind === 'http' && error.status === 429 && INVITATION_THROTTLE_TEXT.test(error.detail ?? error.message);
}

async function invite(ctx: GatewayContext, input: MutationMemberInviteArgs['input']): Promise<Outcome<MemberInvitationMapper>> {
  const errors = inviteErrors(input);
  if (errors.length) return refused(errors);
  const groupIds = (input.userGroupIds ?? []).map((id, i) => Number(workatoKey('IamUserGroup', id, `input.userGroupIds.${i}`).key));
  const scope = await scopeOfRef(ctx, input.managedUser);
  if (!scope.ok) return scope;
  const body: Workato.MemberInvitationWrite = {
    name: input.name.trim(),
    email: input.email.trim(),
    env_roles: wireRoles(input.envRoles),
    ...(groupIds.length ? { user_group_ids: groupIds } : {}),
  };
  let sent: Outcome<Partial<Workato.MemberInvitation> | undefined>;
  try {
    sent = await write(() => inviteMember(ctx.loaders.scope(scope.value).api, body), ['input', 'managedUser']);
  } catch (error) {
    if (!throttledInvitation(error)) throw error;
    const wait = error.retryAfter !== undefined ? ` Try again in ${Math.ceil(error.retryAfter / 60)} minute(s).` : ' Try again later.';
    return refused([inputError('INVITATION_ALREADY_SENT', `Workato already sent an invitation to ${body.email} for this workspace in the last 20 minutes.${wait}`, ['input', 'email'])]);
  }
  if (!sent.ok) return sent;
  const answer = sent.value ?? {};
  return {
    ok: true,
    value: {
      email: answer.email ?? body.email,
      name: answer.name ?? body.name,
      env_roles: answer.env_roles ?? body.env_roles,
      user_group_ids: answer.user_group_ids ?? groupIds,
      created_at: answer.created_at ?? null,
    },
  };
}

async function updateRoles(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null; envRoles: readonly MemberEnvRoleInput[] }): Promise<Outcome<MemberMapper>> {
  const errors = roleErrors(input.envRoles);
  if (errors.length) return refused(errors);
  const target = await memberTarget(ctx, input);
  if (!target.ok) return target;
  const { scope, member } = target.value;
  const loaders = ctx.loaders.scope(scope);
  const updated = await write(() => updateMember(loaders.api, member, { env_roles: wireRoles(input.envRoles) }), ['input', 'id']);
  if (!updated.ok) return updated;
  loaders.forgetMembers(member);
  loaders.collaborators.forgetMemberAccess(member);
  return { ok: true, value: await loaders.memberById.load(member) };
}

async function remove(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }): Promise<Outcome<string>> {
  const target = await memberTarget(ctx, input);
  if (!target.ok) return target;
  const { scope, member } = target.value;
  const loaders = ctx.loaders.scope(scope);
  const removed = await write(() => removeMember(loaders.api, member), ['input', 'id']);
  loaders.forgetMembers(member);
  loaders.collaborators.forgetMemberAccess(member);
  return removed.ok ? { ok: true, value: toGlobalId('Member', [member], scope) } : removed;
}

/** Joined into collaboratorResolvers (collaborators.ts), so the family is one entry in resolvers/index.ts. */
export const collaboratorMutations: NonNullable<Resolvers['Mutation']> = {
  memberInvite: async (_root, { input }, ctx) => payload<'invitation', MemberInvitationMapper>('invitation', await invite(ctx, input)),
  memberRolesUpdate: async (_root, { input }, ctx) => payload<'member', MemberMapper>('member', await updateRoles(ctx, input)),
  memberRemove: async (_root, { input }, ctx) => payload<'deletedMemberId', string>('deletedMemberId', await remove(ctx, input)),
};
