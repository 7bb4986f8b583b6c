/**
 * Developer API clients and client roles (REFERENCE §21), in the caller's workspace and, on `ManagedUser`, in an
 * Embedded customer's (§17.8). Objects carry their scope, so their role and folders are read from the same workspace.
 * No resolver here ever sees a token value: reads send only `token: {"updated_at"}` (mutations strip the value).
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { IP_ALLOW_LIST_SEPARATOR } from '../workato/inferred.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { flag, found, prop, typed, workatoId } from './helpers.js';
import { customerKey, customerLoaders } from './managed-users.js';
import type { DeveloperApiClientConnectionMapper, DeveloperApiClientMapper, FolderMapper } from './mappers.js';
import { globalIdOf, pageOfPagedList, pageSize, WORKATO_INT_ID, workatoIntId, type GlobalId } from './relay.js';
import { linkTo } from './links.js';

/** One page of clients with Workato's `count` (§6: `{"result": {"count", "items"}}`). */
async function clientPage(loaders: ScopedLoaders, args: { first?: number | null; after?: string | null }): Promise<DeveloperApiClientConnectionMapper> {
  let totalCount = 0;
  const page = await pageOfPagedList(pageSize(args.first), args.after, async (page, per_page) => {
    const answer = await loaders.developerApiClients.developerApiClientPage({ page, per_page });
    totalCount = answer.count;
    return answer.items;
  });
  return { ...page, totalCount };
}

const clientsOf = (loaders: ScopedLoaders) => loaders.developerApiClients;

/** The client's folders, read from its workspace's folder tree; folders the caller cannot see are left out. */
async function foldersOf(client: DeveloperApiClientMapper, ctx: GatewayContext): Promise<FolderMapper[]> {
  if (client.all_folders || !client.folder_ids?.length) return [];
  return found(await ctx.loaders.scope(scopeOf(client)).folderById.loadMany(client.folder_ids));
}

/** The numeric Workato id of a node id's key; anything else was not issued by this API. */
function nodeKey(parsed: GlobalId, id: () => string): number {
  const key = parsed.keys[0] ?? '';
  if (parsed.keys.length !== 1 || !WORKATO_INT_ID.test(key)) throw badUserInput(`"${id()}" is not an id this API issued.`, 'id');
  return Number(key);
}

export const developerApiClientNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await clientsOf(ctx.loaders.scope(parsed.scope)).developerApiClientById.load(nodeKey(parsed, id)), 'DeveloperApiClient');

export const developerApiClientRoleNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await clientsOf(ctx.loaders.scope(parsed.scope)).developerApiClientRoleById.load(nodeKey(parsed, id)), 'DeveloperApiClientRole');

export const developerApiClientResolvers: Resolvers = {
  Query: {
    developerApiClients: (_root, args, ctx) => clientPage(ctx.loaders.scope(), args),
    developerApiClient: (_root, args, ctx) =>
      clientsOf(ctx.loaders.scope()).developerApiClientById.load(workatoIntId('DeveloperApiClient', args.id, 'id')),
    developerApiClientRoles: (_root, _args, ctx) => clientsOf(ctx.loaders.scope()).developerApiClientRoles(),
  },
  ManagedUser: {
    developerApiClients: (u, args, ctx) => clientPage(customerLoaders(ctx, u), args),
    developerApiClient: (u, args, ctx) =>
      clientsOf(customerLoaders(ctx, u)).developerApiClientById.load(customerKey('DeveloperApiClient', args.id, 'id', u)),
    developerApiClientRoles: (u, _args, ctx) => clientsOf(customerLoaders(ctx, u)).developerApiClientRoles(),
  },
  DeveloperApiClient: {
    id: (c) => globalIdOf('DeveloperApiClient', c, c.id),
    workatoId,
    role: linkTo((c) => c.api_privilege_group_id, (l) => clientsOf(l).developerApiClientRoleById),
    allFolders: flag('all_folders'),
    folders: (c, _args, ctx) => foldersOf(c, ctx),
    environmentName: prop('environment_name'),
    environmentId: prop('environment_id'),
    ipAllowList: (c) => (c.ip_allow_list ?? '').split(IP_ALLOW_LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean),
    tokenUpdatedAt: (c) => (c.token && typeof c.token === 'object' ? (c.token.updated_at ?? null) : null),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
  DeveloperApiClientRole: {
    id: (r) => globalIdOf('DeveloperApiClientRole', r, r.id),
    workatoId,
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
};
