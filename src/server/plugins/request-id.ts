import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { logMessageOf, unexpectedCauseOf, withoutEchoedLiteral } from '../errors.js';
import type { Logger } from '../logger.js';
import { requestIdOf, requestScopeOf, scopeOfRequest } from '../request-scope.js';
import { eachEvent, isAsyncIterable } from '../result-events.js';
import type { YogaOptions } from '../yoga.js';

type ResultError = { message: string; extensions?: Record<string, unknown> };

/**
 * Logs one error of a result (or of a package download), with the request's id: an unexpected fault at `error` with
 * its cause (errors.ts `maskError` kept it aside), trouble upstream at `warn`, anything else (the caller's mistakes)
 * at `debug`. An error made from a Workato failure is logged without what Workato said (`logMessageOf`).
 */
export function logResultError(logger: Logger, error: ResultError, reqId: string): void {
  const cause = unexpectedCauseOf(error);
  if (cause !== undefined) return logger.error('Unexpected error while executing a GraphQL request', cause, { reqId });
  const code = error.extensions?.code;
  const message = logMessageOf(error);
  if (typeof code === 'string' && (code.startsWith('UPSTREAM') || code === 'RATE_LIMITED')) logger.warn(`${code}: ${message}`, { reqId });
  else logger.debug(`${String(code)}: ${withoutEchoedLiteral(message)}`, { reqId });
}

/**
 * The request's scope and id (request-scope.ts). First of the plugins: binds the scope http-handler.ts opened (or a
 * new one, for a request that came another way) to yoga's Request, for every plugin after it. Echoes the id on every
 * response and puts it in every error's extensions, so a user's bug report points at the log lines of that request;
 * and writes those lines: the errors of each result (subscription events included), and at `debug` each answer.
 */
export function useRequestId(options: YogaOptions): Plugin<Record<string, unknown>, GatewayContext> {
  const { logger } = options;
  const stampErrors = (errors: ResultError[] | undefined, requestId: string): void => {
    for (const error of errors ?? []) {
      logResultError(logger, error, requestId);
      // GraphQLError freezes nothing, but extensions may be shared with a cached error: copy, don't mutate.
      error.extensions = { ...error.extensions, requestId };
    }
  };
  // A result, a subscription event, or a part of a @defer/@stream answer, whose errors are in its `incremental` items.
  const stamp = <T>(one: T, requestId: string): T => {
    const part = one as { errors?: ResultError[]; incremental?: Array<{ errors?: ResultError[] }> } | undefined;
    stampErrors(part?.errors, requestId);
    for (const item of part?.incremental ?? []) stampErrors(item.errors, requestId);
    return one;
  };
  return {
    onRequest({ request, serverContext }) {
      scopeOfRequest(request, (serverContext as { req?: object } | undefined)?.req);
    },
    onResultProcess({ request, result, setResult }) {
      const requestId = requestIdOf(request);
      if (!requestId) return;
      if (isAsyncIterable(result)) setResult(eachEvent(result, (event) => stamp(event, requestId)));
      else for (const one of Array.isArray(result) ? result : [result]) stamp(one, requestId);
    },
    onResponse({ request, response }) {
      const scope = requestScopeOf(request);
      if (!scope) return;
      scope.ledger?.close();
      const id = scope.requestId;
      if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', id);
      // In place of yoga's progress lines (yoga.ts): one line per answer, with the path only (a GET's query string
      // holds the document and its variables).
      if (logger.enabled?.('debug') === false) return;
      logger.debug(`${request.method} ${new URL(request.url).pathname} answered ${response.status}`, { reqId: id });
    },
  };
}
