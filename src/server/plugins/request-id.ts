import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { YogaOptions } from '../yoga.js';

/** Echoes the request id (the caller's `x-request-id`, or one the gateway made) on every response. */
export function useRequestId(_options: YogaOptions): Plugin<Record<string, unknown>, GatewayContext> {
  const ids = new WeakMap<Request, string>();
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as GatewayContext;
      ids.set(ctx.request, ctx.requestId);
    },
    onResponse({ request, response }) {
      const id = ids.get(request) ?? request.headers.get('x-request-id');
      if (id) response.headers.set('x-request-id', id);
    },
  };
}
