/**
 * On-prem groups and agents (REFERENCE §24), in the caller's workspace and, with the same types, in an Embedded
 * customer's (§17.8, `ManagedUser.onPremGroups` …). Both lists come whole: pages are cut in memory, and a group's
 * agents, an agent's group and get-by-id after a list cost no further call.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import { ON_PREM_AGENT_PROVES_GROUP } from '../workato/inferred.js';
import { badUserInput } from '../server/errors.js';
import type { GatewayContext } from '../server/context.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { flag, prop, typed, workatoId } from './helpers.js';
import { customerKey, customerLoaders } from './managed-users.js';
import { settledById } from './lookahead.js';
import type { OnPremAgentMapper, OnPremGroupMapper } from './mappers.js';
import { decodeCursor, globalIdOf, pageOfList, pageSize, workatoIntKey } from './relay.js';
import { linked } from './links.js';

interface AgentPageArgs {
  first?: number | null;
  after?: string | null;
  commonName?: string | null;
}

/** `first` and `after` are checked before any call: a bad one costs Workato nothing. */
function pageArgs(args: { first?: number | null; after?: string | null }): number {
  decodeCursor(args.after, 'id');
  return pageSize(args.first);
}

async function groupPage(loaders: ScopedLoaders, args: { first?: number | null; after?: string | null }) {
  const first = pageArgs(args);
  const all = await loaders.onPrem.onPremGroups();
  return { ...pageOfList(all, first, args.after), totalCount: all.length };
}

/** The whole agent list, or Workato's search by common name; `groupId` filters in memory (no filter is documented). */
async function agentPage(loaders: ScopedLoaders, args: AgentPageArgs, groupId: number | undefined) {
  const first = pageArgs(args);
  if (args.commonName != null && args.commonName.trim() === '') throw badUserInput('`commonName` must not be empty.', 'commonName');
  let all = args.commonName != null ? await loaders.onPrem.onPremAgentsByCommonName.load(args.commonName.trim()) : await loaders.onPrem.onPremAgents();
  if (groupId !== undefined) all = all.filter((a) => a.on_prem_group_id === groupId);
  return { ...pageOfList(all, first, args.after), totalCount: all.length };
}

const scoped = (ctx: GatewayContext, value: object) => ctx.loaders.scope(scopeOf(value)).onPrem;

/** Group fields whose call needs only the group id and answers 404 for an unknown group: its status (§24 #6). */
const GROUP_ID_FINDS: ReadonlySet<string> = new Set(['status']);
/** Group fields that need only the id but whose call cannot tell a missing group: its agents (the whole agent list). */
const GROUP_ID_ONLY: ReadonlySet<string> = new Set(['agents']);

/**
 * `onPremGroup(id:)`: the group, or its id alone when nothing selected needs GET /on_prem_groups/:id — `{ id status }`
 * (whose call finds a missing group), or `{ id agents }` when the agent list, read for the agents anyway, holds an
 * agent of the group (ON_PREM_AGENT_PROVES_GROUP). A group no agent names is read: it may have none, or not exist.
 */
async function groupOrItsId(loaders: ScopedLoaders, id: number, scope: string | undefined, info: GraphQLResolveInfo) {
  const itself = () => tagOne({ id } as OnPremGroupMapper, scope);
  if (settledById(info, GROUP_ID_FINDS, GROUP_ID_ONLY)) return itself();
  if (ON_PREM_AGENT_PROVES_GROUP && settledById(info, GROUP_ID_ONLY)) {
    const agents = await loaders.onPrem.onPremAgentsByGroupId.load(id).catch(() => []);
    if (agents.length > 0) return itself();
  }
  return loaders.onPrem.onPremGroupById.load(id);
}

// One-part ids reach these with their shape checked (node.ts loadNodeOf).
export const onPremGroupNode: FamilyNodeLoader = async (parsed, ctx) =>
  typed(await ctx.loaders.scope(parsed.scope).onPrem.onPremGroupById.load(Number(parsed.keys[0])), 'OnPremGroup');

export const onPremAgentNode: FamilyNodeLoader = async (parsed, ctx) =>
  typed(await ctx.loaders.scope(parsed.scope).onPrem.onPremAgentById.load(Number(parsed.keys[0])), 'OnPremAgent');

export const onPremResolvers: Resolvers = {
  Query: {
    onPremGroups: (_root, args, ctx) => groupPage(ctx.loaders.scope(), args),
    onPremGroup: (_root, args, ctx, info) => {
      const { id, scope } = workatoIntKey('OnPremGroup', args.id, 'id');
      return groupOrItsId(ctx.loaders.scope(scope), id, scope, info);
    },
    onPremAgents: (_root, args, ctx) => {
      const group = args.groupId != null ? workatoIntKey('OnPremGroup', args.groupId, 'groupId') : undefined;
      return agentPage(ctx.loaders.scope(group?.scope), args, group?.id);
    },
    onPremAgent: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('OnPremAgent', args.id, 'id');
      return ctx.loaders.scope(scope).onPrem.onPremAgentById.load(id);
    },
  },
  ManagedUser: {
    onPremGroups: (u, args, ctx) => groupPage(customerLoaders(ctx, u), args),
    onPremGroup: (u, args, ctx, info) => groupOrItsId(customerLoaders(ctx, u), customerKey('OnPremGroup', args.id, 'id', u), String(u.id), info),
    onPremAgents: (u, args, ctx) =>
      agentPage(customerLoaders(ctx, u), args, args.groupId != null ? customerKey('OnPremGroup', args.groupId, 'groupId', u) : undefined),
    onPremAgent: (u, args, ctx) => customerLoaders(ctx, u).onPrem.onPremAgentById.load(customerKey('OnPremAgent', args.id, 'id', u)),
  },
  OnPremGroup: {
    id: (g) => globalIdOf('OnPremGroup', g, g.id),
    workatoId,
    createdAt: prop('created_at'),
    inUse: flag('in_use'),
    useManagedConnection: flag('use_managed_connection'),
    configVersion: prop('config_version'),
    logsEnabled: flag('logs_enabled'),
    whitelistedIps: prop('whitelisted_ips'),
    agents: (g, _args, ctx) => scoped(ctx, g).onPremAgentsByGroupId.load(g.id),
    status: (g, _args, ctx) => scoped(ctx, g).onPremGroupStatusById.load(g.id),
  },
  OnPremGroupStatus: {
    state: prop('state'),
    active: (s) => s.state === 'active',
    agentCount: prop('agents_count'),
    activeAgentCount: prop('active_agents_count'),
  },
  OnPremAgent: {
    id: (a) => globalIdOf('OnPremAgent', a, a.id),
    workatoId,
    os: prop('os'),
    installationMethod: prop('installation_method'),
    awaitingSetup: flag('awaiting_setup'),
    enabled: flag('enabled'),
    activated: flag('activated'),
    state: prop('state'),
    commonName: prop('cn'),
    lastSeenVersion: prop('last_seen_version'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    groupId: prop('on_prem_group_id'),
    // One group list for every agent of the request; a group it does not hold is read by id.
    group: (a: OnPremAgentMapper, _args, ctx, info) =>
      linked(info, a, a.on_prem_group_id, async (id) => {
        const loaders = scoped(ctx, a);
        return (await loaders.onPremGroups()).find((g) => g.id === id) ?? loaders.onPremGroupById.load(id);
      }),
    status: (a, _args, ctx) => scoped(ctx, a).onPremAgentStatusById.load(a.id),
  },
  OnPremAgentStatus: {
    state: prop('state'),
    active: (s) => s.state === 'active',
    lastSeenAt: prop('last_seen_at'),
    version: prop('version'),
  },
};
