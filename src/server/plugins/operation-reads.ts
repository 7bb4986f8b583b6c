import type { Plugin } from 'graphql-yoga';
import { operationReads } from '../../resolvers/lookahead.js';
import type { GatewayContext } from '../context.js';
import type { YogaOptions } from '../yoga.js';

/**
 * Tells the request's loaders what the operation reads before the first resolver runs, so REST calls can leave out
 * what nobody asked for (recipe lists without `code`, most of a real recipe's bytes; lists without `tags`). Worked out once per document.
 */
export function useOperationReads(_options: YogaOptions): Plugin<Record<string, unknown>, GatewayContext> {
  return {
    onExecute({ args }) {
      const { operation } = args.contextValue as unknown as Partial<GatewayContext>;
      if (operation) operation.reads = operationReads(args.schema, args.document);
    },
  };
}
