/** Small helpers shared by the write resolvers. */
import type { ManagedUserRefInput } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { customerId } from './managed-user-mutations.js';
import type { Outcome } from './payload.js';
import { keyShapeOf, workatoKey, type NodeType } from './relay.js';

/** One id argument of an input: its value, type and name (`input.id`). */
export interface IdArg {
  value: string;
  type: NodeType;
  argument: string;
}

/**
 * The one workspace all ids of an input live in, and their Workato keys. Global ids name their workspace; bare ids
 * belong to `managedUser`'s, or the token's own without it. Mixing workspaces is the caller's mistake.
 */
export async function resolveScope(
  ctx: GatewayContext,
  ids: IdArg[],
  managedUser: ManagedUserRefInput | null | undefined,
): Promise<Outcome<{ scope: string | undefined; keys: string[] }>> {
  let scope: string | undefined;
  if (managedUser) {
    const customer = await customerId(ctx, managedUser, 'input.managedUser');
    if (!customer.ok) return customer;
    scope = String(customer.value);
  }
  let named: { scope: string | undefined; argument: string } | undefined = managedUser ? { scope, argument: 'input.managedUser' } : undefined;
  const keys = ids.map(({ value, type, argument }) => {
    const { key, scope: of } = workatoKey(type, value, argument);
    if (keyShapeOf(type).test(value)) return key;
    if (named && named.scope !== of) {
      throw badUserInput(`\`${argument}\` belongs to another workspace than \`${named.argument}\`; all ids of one input must be of one workspace.`, argument);
    }
    named ??= { scope: of, argument };
    return key;
  });
  return { ok: true, value: { scope: named?.scope, keys } };
}

/** An id argument when given (`input.projectId`), for `workspaceOf`; null when the input leaves it out. */
export const idArg = (type: NodeType, value: string | null | undefined, argument: string): IdArg | null => (value ? { value, type, argument } : null);

/**
 * `resolveScope` for an input's optional id arguments: the one workspace of its ids and `managedUser` (a global id
 * names its workspace; ids of two workspaces are BAD_USER_INPUT), that workspace's loaders, and the Workato key of
 * each id argument by its name.
 */
export async function workspaceOf(ctx: GatewayContext, args: Array<IdArg | null>, managedUser?: ManagedUserRefInput | null) {
  const present = args.filter((a): a is IdArg => a !== null);
  const where = await resolveScope(ctx, present, managedUser);
  if (!where.ok) return where;
  const { scope } = where.value;
  const keys = new Map(present.map((arg, i) => [arg.argument, Number(where.value.keys[i])]));
  return { ok: true as const, value: { scope, loaders: ctx.loaders.scope(scope), key: (argument: string) => keys.get(argument) } };
}
