/**
 * On-prem writes (REFERENCE §24): groups and agents, create/update/delete, and the agent's activation code — a
 * SECRET (src/server/secrets.ts) revealed only by its own mutation. Refusals (400/404/409/422, 200 `success:false`)
 * become userErrors; after a write the request's on-prem loaders are cleared and the object is read back.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import type { WorkatoApi } from '../workato/http.js';
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
import type { OnPremLoaders } from '../loaders/on-prem.js';
import { type Scoped, tagOne } from '../loaders/scope.js';
import { given, toWire } from './helpers.js';
import { customerId } from './managed-user-mutations.js';
import type { CustomerRef } from './managed-users.js';
import type { OnPremAgentMapper, OnPremGroupMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoIntKey } from './relay.js';

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
const target = (type: OnPremType, value: string) => workatoIntKey(type, value, 'input.id');

const whitelist = (ips: readonly string[] | null | undefined) => (ips == null ? {} : { settings_attributes: { whitelisted_ips: [...ips] } });

/** Which by-id loader of the request holds objects of one type. */
type ByIdOf<T> = (loaders: OnPremLoaders) => { prime(id: number, value: Scoped<T>): unknown; load(id: number): Promise<Scoped<T>> };

/** An update: refuse a blank name first, write, then read the object back (primed with Workato's answer when it is one). */
async function updated<T extends { id: number }>(
  ctx: GatewayContext, type: OnPremType, value: string, name: string | null | undefined,
  run: (api: WorkatoApi, id: number) => Promise<unknown>, byId: ByIdOf<T>,
): Promise<Outcome<Scoped<T>>> {
  const { id, scope } = target(type, value);
  const invalid = nameErrors(name, false);
  if (invalid.length) return refused(invalid);
  const { api, onPrem } = ctx.loaders.scope(scope);
  const outcome = await write(() => run(api, id));
  if (!outcome.ok) return outcome;
  onPrem.forgetOnPrem();
  const loader = byId(onPrem);
  const answered = objectWithId<T>(outcome.value);
  if (answered) loader.prime(id, tagOne(answered, scope));
  return { ok: true, value: await loader.load(id) };
}

/** A delete: the deleted object's global id, for clients to evict. */
async function deleted(ctx: GatewayContext, type: OnPremType, value: string, run: (api: WorkatoApi, id: number) => Promise<unknown>): Promise<Outcome<string>> {
  const { id, scope } = target(type, value);
  const { api, onPrem } = ctx.loaders.scope(scope);
  const outcome = await write(() => run(api, id));
  if (!outcome.ok) return outcome;
  onPrem.forgetOnPrem();
  return { ok: true, value: toGlobalId(type, [id], scope) };
}

/** A create in the workspace `scope`: the new object, primed for later fields of the request. */
async function created<T extends { id: number }>(
  ctx: GatewayContext, scope: string | undefined, run: (api: WorkatoApi) => Promise<T>, byId: ByIdOf<T>, notFoundField?: string[],
): Promise<Outcome<Scoped<T>>> {
  const { api, onPrem } = ctx.loaders.scope(scope);
  const outcome = await write(() => run(api), notFoundField);
  if (!outcome.ok) return outcome;
  onPrem.forgetOnPrem();
  const value = tagOne(outcome.value, scope);
  byId(onPrem).prime(value.id, value);
  return { ok: true, value };
}

const groups: ByIdOf<Workato.OnPremGroup> = (l) => l.onPremGroupById;
const agents: ByIdOf<Workato.OnPremAgent> = (l) => l.onPremAgentById;
const group = (outcome: Outcome<OnPremGroupMapper>) => payload<'onPremGroup', OnPremGroupMapper>('onPremGroup', outcome);
const agent = (outcome: Outcome<OnPremAgentMapper>) => payload<'onPremAgent', OnPremAgentMapper>('onPremAgent', outcome);

export const onPremMutationResolvers: Resolvers = {
  Mutation: {
    onPremGroupCreate: async (_root, { input }, ctx) => {
      const invalid = nameErrors(input.name, true);
      if (invalid.length) return group(refused(invalid));
      const scope = await scopeFor(ctx, undefined, input.managedUser);
      if (!scope.ok) return group(scope);
      const body = { name: input.name.trim(), ...given({ use_managed_connection: input.useManagedConnection }), ...whitelist(input.whitelistedIps) };
      return group(await created(ctx, scope.value, (api) => createOnPremGroup(api, body), groups));
    },
    onPremGroupUpdate: async (_root, { input }, ctx) => {
      const body = { ...given({ name: input.name?.trim(), use_managed_connection: input.useManagedConnection }), ...whitelist(input.whitelistedIps) };
      return group(await updated(ctx, 'OnPremGroup', input.id, input.name, (api, id) => updateOnPremGroup(api, id, body), groups));
    },
    onPremGroupDelete: async (_root, { input }, ctx) =>
      payload<'deletedOnPremGroupId', string>('deletedOnPremGroupId', await deleted(ctx, 'OnPremGroup', input.id, deleteOnPremGroup)),
    onPremAgentCreate: async (_root, { input }, ctx) => {
      const groupKey = workatoIntKey('OnPremGroup', input.groupId, 'input.groupId');
      const invalid = nameErrors(input.name, true);
      if (invalid.length) return agent(refused(invalid));
      const scope = await scopeFor(ctx, groupKey.scope, input.managedUser);
      if (!scope.ok) return agent(scope);
      const body: Workato.OnPremAgentWrite = {
        name: input.name.trim(), os: toWire(input.os), on_prem_group_id: groupKey.id, ...given({ awaiting_setup: input.awaitingSetup }),
      };
      return agent(await created(ctx, scope.value, (api) => createOnPremAgent(api, body), agents, ['input', 'groupId']));
    },
    onPremAgentUpdate: async (_root, { input }, ctx) => {
      const body = given({ name: input.name?.trim(), enabled: input.enabled });
      return agent(await updated(ctx, 'OnPremAgent', input.id, input.name, (api, id) => updateOnPremAgent(api, id, body), agents));
    },
    onPremAgentDelete: async (_root, { input }, ctx) =>
      payload<'deletedOnPremAgentId', string>('deletedOnPremAgentId', await deleted(ctx, 'OnPremAgent', input.id, deleteOnPremAgent)),
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
