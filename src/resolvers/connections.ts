import type { Resolvers } from '../generated/graphql.js';
import { prop, workatoId } from './helpers.js';
import { globalIdOf, pageOfList, pageSize, workatoIntKey, workatoKey } from './relay.js';
import { linkTo } from './links.js';

export const connectionResolvers: Resolvers = {
  Query: {
    // Workato returns the whole (filtered) list in one answer (REFERENCE §12.1): page over it in memory.
    connections: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const all = await ctx.loaders.scope().connectionList.load({
        provider: args.application ?? undefined,
        folder_id: args.folderId ? Number(workatoKey('Folder', args.folderId, 'folderId').key) : undefined,
        parent_id: args.parentId ? Number(workatoKey('Connection', args.parentId, 'parentId').key) : undefined,
        external_id: args.externalId ?? undefined,
        include_runtime_connections: args.includeRuntimeConnections ? true : undefined,
      });
      return { ...pageOfList(all, first, args.after), totalCount: all.length };
    },
    connection: (_root, args, ctx) => {
      const { id, scope } = workatoIntKey('Connection', args.id, 'id');
      return ctx.loaders.scope(scope).connectionById.load(id);
    },
  },
  Connection: {
    id: (c) => globalIdOf('Connection', c, c.id),
    workatoId,
    application: (c) => c.application ?? c.provider ?? null,
    connector: (c, _args, ctx) => {
      const name = c.application ?? c.provider;
      return name ? ctx.loaders.connectors.connectorByName.load(name) : null;
    },
    authorizationStatus: prop('authorization_status'),
    authorizationError: prop('authorization_error'),
    authorizedAt: prop('authorized_at'),
    connected: (c) => c.authorization_status === 'success',
    connectionLostAt: prop('connection_lost_at'),
    connectionLostReason: prop('connection_lost_reason'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    externalId: prop('external_id'),
    folder: linkTo((c) => c.folder_id, (l) => l.folderById),
    parent: linkTo((c) => c.parent_id, (l) => l.connectionById),
  },
};
