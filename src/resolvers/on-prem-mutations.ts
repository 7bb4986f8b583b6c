/**
 * On-prem writes (REFERENCE §24): groups and agents, create/update/delete, and the agent's activation code — a
 * SECRET (src/server/secrets.ts) revealed only by its own mutation. Refusals (400/404/409/422, 200 `success:false`)
 * become userErrors; after a write the request's on-prem loaders are cleared and the object is read back.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { objectWithId } from '../workato/inferred.js';
import {
  createOnPremAgent,
  createOnPremGroup,
  deleteOnPremAgent,
  deleteOnPremGroup,
  getOnPremAgentActivationCode,
  updateOnPremAgent,
  updateOnPremGroup,
} from '../workato/on-prem.js';
import type { Workato } from '../workato/types.js';
import { tag } from '../loaders/scope.js';
import { toWire } from './helpers.js';
import { customerId } from './managed-user-mutations.js';
import type { CustomerRef } from './managed-users.js';
import type { OnPremAgentMapper, OnPremGroupMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoKey } from './relay.js';
import { given } from './writes.js';

type OnPremType = 'OnPremGroup' | 'OnPremAgent';

/** A blank name is refused before any call: Workato requires one (§24). */
function nameErrors(name: string | null | undefined, required: boolean) {
  if (name == null ? required : name.trim() === '') return [inputError('INVALID', "name can't be blank", ['input', 'name'])];
  return [];
}

/** The workspace a write goes to: the scope in a global id, else the `managedUser` given, else the caller's own. */
async function scopeFor(ctx: GatewayContext, idScope: string | undefined, managedUser: CustomerRef | null | undefined): Promise<Outcome<string | undefined>> {
  if (managedUser == null) return { ok: true, value: idScope };
  const customer = await customerId(ctx, managedUser, 'input.managedUser');
  if (!customer.ok) return customer;
  if (idScope !== undefined && idScope !== String(customer.value)) {
    throw badUserInput('`input.groupId` is a group of another workspace than `input.managedUser`.', 'input.groupId');
  }
  return { ok: true, value: String(customer.value) };
}

/** Workato's field names that the inputs call otherwise. */
const INPUT_FIELDS: Record<string, string> = { onPremGroupId: 'groupId' };

/**
 * A write whose 2xx body may still be a refusal (§4.3). A 400 without field errors is about the object's state (a
 * group that still has agents, an agent already activated): REFUSED rather than INVALID.
 */
async function write<T>(run: () => Promise<T>, notFoundField?: string[]): Promise<Outcome<T>> {
  const outcome = await attempt(run, notFoundField);
  if (!outcome.ok) {
    return refused(outcome.userErrors.map((e) => {
      if (e.code === 'INVALID' && e.field === null) return { ...e, code: 'REFUSED' as const };
      const [root, name] = e.field ?? [];
      return root === 'input' && name && INPUT_FIELDS[name] ? { ...e, field: ['input', INPUT_FIELDS[name]!] } : e;
    }));
  }
  const refusals = refusalErrors(outcome.value as Workato.SuccessResponse | undefined);
  return refusals.length ? refused(refusals) : outcome;
}

/** The id of the object a mutation changes, with the workspace its global id names. */
function target(type: OnPremType, value: string) {
  const { key, scope } = workatoKey(type, value, 'input.id');
  return { id: Number(key), scope };
}

const whitelist = (ips: readonly string[] | null | undefined) => (ips == null ? {} : { settings_attributes: { whitelisted_ips: [...ips] } });

export const onPremMutationResolvers: Resolvers = {
  Mutation: {
    onPremGroupCreate: async (_root, { input }, ctx) => {
      const invalid = nameErrors(input.name, true);
      if (invalid.length) return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', refused(invalid));
      const scope = await scopeFor(ctx, undefined, input.managedUser);
      if (!scope.ok) return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', scope);
      const { api, onPrem: loaders } = ctx.loaders.scope(scope.value);
      const body = { name: input.name.trim(), ...given({ use_managed_connection: input.useManagedConnection }), ...whitelist(input.whitelistedIps) };
      const outcome = await write(() => createOnPremGroup(api, body));
      if (!outcome.ok) return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', outcome);
      loaders.forgetOnPrem();
      const group = tag([outcome.value], scope.value)[0]!;
      loaders.onPremGroupById.prime(group.id, group);
      return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', { ok: true, value: group });
    },
    onPremGroupUpdate: async (_root, { input }, ctx) => {
      const { id, scope } = target('OnPremGroup', input.id);
      const invalid = nameErrors(input.name, false);
      if (invalid.length) return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', refused(invalid));
      const { api, onPrem: loaders } = ctx.loaders.scope(scope);
      const body = { ...given({ name: input.name?.trim(), use_managed_connection: input.useManagedConnection }), ...whitelist(input.whitelistedIps) };
      const outcome = await write(() => updateOnPremGroup(api, id, body));
      if (!outcome.ok) return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', outcome);
      loaders.forgetOnPrem();
      const answered = objectWithId<Workato.OnPremGroup>(outcome.value);
      if (answered) loaders.onPremGroupById.prime(id, tag([answered], scope)[0]!);
      return payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', { ok: true, value: await loaders.onPremGroupById.load(id) });
    },
    onPremGroupDelete: async (_root, { input }, ctx) => {
      const { id, scope } = target('OnPremGroup', input.id);
      const { api, onPrem: loaders } = ctx.loaders.scope(scope);
      const outcome = await write(() => deleteOnPremGroup(api, id));
      if (!outcome.ok) return payload<'deletedOnPremGroupId', string>('deletedOnPremGroupId', outcome);
      loaders.forgetOnPrem();
      return payload<'deletedOnPremGroupId', string>('deletedOnPremGroupId', { ok: true, value: toGlobalId('OnPremGroup', [id], scope) });
    },
    onPremAgentCreate: async (_root, { input }, ctx) => {
      const group = workatoKey('OnPremGroup', input.groupId, 'input.groupId');
      const invalid = nameErrors(input.name, true);
      if (invalid.length) return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', refused(invalid));
      const scope = await scopeFor(ctx, group.scope, input.managedUser);
      if (!scope.ok) return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', scope);
      const { api, onPrem: loaders } = ctx.loaders.scope(scope.value);
      const body: Workato.OnPremAgentWrite = {
        name: input.name.trim(), os: toWire(input.os), on_prem_group_id: Number(group.key), ...given({ awaiting_setup: input.awaitingSetup }),
      };
      const outcome = await write(() => createOnPremAgent(api, body), ['input', 'groupId']);
      if (!outcome.ok) return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', outcome);
      loaders.forgetOnPrem();
      const agent = tag([outcome.value], scope.value)[0]!;
      loaders.onPremAgentById.prime(agent.id, agent);
      return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', { ok: true, value: agent });
    },
    onPremAgentUpdate: async (_root, { input }, ctx) => {
      const { id, scope } = target('OnPremAgent', input.id);
      const invalid = nameErrors(input.name, false);
      if (invalid.length) return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', refused(invalid));
      const { api, onPrem: loaders } = ctx.loaders.scope(scope);
      const outcome = await write(() => updateOnPremAgent(api, id, given({ name: input.name?.trim(), enabled: input.enabled })));
      if (!outcome.ok) return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', outcome);
      loaders.forgetOnPrem();
      const answered = objectWithId<Workato.OnPremAgent>(outcome.value);
      if (answered) loaders.onPremAgentById.prime(id, tag([answered], scope)[0]!);
      return payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', { ok: true, value: await loaders.onPremAgentById.load(id) });
    },
    onPremAgentDelete: async (_root, { input }, ctx) => {
      const { id, scope } = target('OnPremAgent', input.id);
      const { api, onPrem: loaders } = ctx.loaders.scope(scope);
      const outcome = await write(() => deleteOnPremAgent(api, id));
      if (!outcome.ok) return payload<'deletedOnPremAgentId', string>('deletedOnPremAgentId', outcome);
      loaders.forgetOnPrem();
      return payload<'deletedOnPremAgentId', string>('deletedOnPremAgentId', { ok: true, value: toGlobalId('OnPremAgent', [id], scope) });
    },
    onPremAgentActivationCodeReveal: async (_root, { input }, ctx) => {
      const { id, scope } = target('OnPremAgent', input.id);
      const { api, onPrem: loaders } = ctx.loaders.scope(scope);
      const refusal = (userErrors: UserErrorValue[]) => ({ activationCode: null, onPremAgent: null, userErrors });
      const outcome = await write(() => getOnPremAgentActivationCode(api, id));
      if (!outcome.ok) return refusal(outcome.userErrors);
      if (outcome.value === null) return refusal([inputError('REFUSED', 'Workato answered without an activation code.')]);
      return { activationCode: outcome.value, onPremAgent: await loaders.onPremAgentById.load(id), userErrors: [] };
    },
  },
};
