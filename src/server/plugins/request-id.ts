import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { currentRequestId } from '../request-scope.js';
import type { YogaOptions } from '../yoga.js';

/**
 * Echoes the request id (the caller's `x-request-id`, or one the gateway made; http-handler.ts) on every response and
 * puts it in every error's extensions, so a user's bug report points at the log lines of that request.
 */
export function useRequestId(_options: YogaOptions): Plugin<Record<string, unknown>, GatewayContext> {
  return {
    onResultProcess({ result }) {
      const requestId = currentRequestId();
      if (!requestId) return;
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: Array<{ extensions?: Record<string, unknown> }> } | undefined)?.errors;
        if (!errors) continue;
        for (const error of errors) {
          // GraphQLError freezes nothing, but extensions may be shared with a cached error: copy, don't mutate.
          (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, requestId };
        }
      }
    },
    onResponse({ response }) {
      const id = currentRequestId();
      if (id && !response.headers.has('x-request-id')) response.headers.set('x-request-id', id);
    },
  };
}
