import type { Resolvers } from '../generated/graphql.js';
import type { ConnectorMapper } from './mappers.js';
import { list } from './helpers.js';
import { fromGlobalId, pageOfPagedList, pageSize, toGlobalId } from './relay.js';

export const connectorResolvers: Resolvers = {
  Query: {
    // GET /integrations/all pages with a total `count` (REFERENCE §16.2).
    connectors: async (_root, args, ctx) => {
      let totalCount: number | undefined;
      const page = await pageOfPagedList(pageSize(args.first), args.after, async (page, per_page) => {
        const answer = await ctx.loaders.connectors.connectorPage.load({ page, per_page });
        totalCount = answer.count;
        return answer.items;
      });
      return { ...page, totalCount };
    },
    connector: (_root, args, ctx) => {
      const parsed = fromGlobalId(args.name);
      const name = parsed?.type === 'Connector' ? parsed.keys[0]! : args.name;
      return ctx.loaders.connectors.connectorByName.load(name);
    },
  },
  Connector: {
    id: (c) => toGlobalId('Connector', [c.name]),
    categories: list<ConnectorMapper, 'categories'>('categories'),
    triggers: list<ConnectorMapper, 'triggers'>('triggers'),
    actions: list<ConnectorMapper, 'actions'>('actions'),
  },
};
