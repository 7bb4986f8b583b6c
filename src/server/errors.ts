/**
 * The gateway's error vocabulary: every error a client sees carries one of these `extensions.code`s.
 * WorkatoError (REST client) and NotFoundError (loaders) are turned into GraphQLErrors here and only here.
 */
import { GraphQLError } from 'graphql';
import { NotFoundError } from '../loaders/errors.js';
import { UnexpectedAnswerError, WorkatoError } from '../workato/http.js';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  // A second Workato host (data-table records, §25) answered 404: the configured host is not the workspace's.
  UPSTREAM_NOT_FOUND: 'UPSTREAM_NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Request limits (src/server/plugins/limits.ts, http-handler.ts): the caller's to fix.
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_IDS: 'TOO_MANY_IDS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  VARIABLES_TOO_DEEP: 'VARIABLES_TOO_DEEP',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // A query with @defer or @stream from a client that accepts neither multipart/mixed nor server-sent events (406).
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  // Automatic persisted queries (plugins/automatic-persisted-queries.ts): a hash that is not the text's, or a
  // protocol version other than 1.
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function gatewayError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return gatewayError(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
}

const retryAfter = (seconds: number | undefined) =>
  seconds === undefined ? 'Retry after a few seconds.' : `Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`;

/**
 * Maps a failed Workato call to the client-facing error. The message says what happened and what to do, and quotes
 * what Workato said (`withDetail`): the caller's to read, not the log's — Workato's text may repeat what the request
 * sent (a connection's credentials), so the log gets the message without it (`logMessageOf`).
 */
export function fromWorkatoError(error: WorkatoError, withDetail = true): GraphQLError {
  const upstream = { status: error.status || undefined, upstreamRequestId: error.requestId };
  const said = error.detail && withDetail ? ` Workato said: "${error.detail}".` : '';
  // A write that may have reached Workato: retrying as told would create a duplicate if it was applied. The code
  // stays (the failure is still Workato's), the message and `writeOutcome` say to check first.
  const unknown = error.outcomeUnknown
    ? {
        advice: ' Workato may have applied this change: check whether it did (read the object or the list) before retrying, or the retry may apply it twice.',
        extensions: { writeOutcome: 'UNKNOWN' },
      }
    : undefined;
  if (error.kind === 'timeout') {
    if (unknown) {
      return gatewayError(ErrorCode.UPSTREAM_TIMEOUT, `Workato did not answer in time (${error.method} ${error.path}) after the request was sent.${unknown.advice}`, unknown.extensions);
    }
    return gatewayError(ErrorCode.UPSTREAM_TIMEOUT, `Workato did not answer in time (${error.method} ${error.path}). Try again later.`);
  }
  if (error.kind === 'throttled') {
    return gatewayError(
      ErrorCode.RATE_LIMITED,
      `${error.message} ${retryAfter(error.retryAfter)}`,
      { retryAfter: error.retryAfter },
    );
  }
  if (error.kind === 'unavailable') {
    return gatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${error.message} ${retryAfter(error.retryAfter)}`, {
      retryAfter: error.retryAfter,
    });
  }
  if (error.kind === 'invalid') return gatewayError(ErrorCode.BAD_USER_INPUT, error.message);
  if (error.kind === 'network') {
    if (unknown) {
      return gatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `The connection to Workato broke after the request was sent (${error.method} ${error.path}).${unknown.advice}`, unknown.extensions);
    }
    return gatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `Workato could not be reached (${error.method} ${error.path}). Try again later.`);
  }
  switch (error.status) {
    case 401:
      return gatewayError(
        ErrorCode.UNAUTHENTICATED,
        error.kind === 'auth'
          ? error.message
          : `Workato rejected the API token (401).${said} Send \`Authorization: Bearer <API client token>\`.`,
      );
    case 403:
      return gatewayError(ErrorCode.FORBIDDEN, `The API client may not call ${error.method} ${error.path}: its role, environment or folder scope does not allow it (403).${said}`, upstream);
    case 404:
      return gatewayError(ErrorCode.NOT_FOUND, `Workato has no such object, or the token cannot see it (${error.method} ${error.path}).`, upstream);
    case 400:
    case 422:
      return gatewayError(ErrorCode.BAD_USER_INPUT, `Workato refused the request (${error.status}).${said}`, {
        ...upstream,
        fieldErrors: error.fieldErrors,
      });
    case 409:
      return gatewayError(ErrorCode.CONFLICT, `Workato reported a conflict (409).${said}`, upstream);
    case 429:
      return gatewayError(
        ErrorCode.RATE_LIMITED,
        `Workato's rate limit was reached.${said} ${retryAfter(error.retryAfter)}`,
        { ...upstream, retryAfter: error.retryAfter },
      );
    default:
      if (error.status >= 500) {
        return gatewayError(
          ErrorCode.UPSTREAM_ERROR,
          `Workato failed with HTTP ${error.status} on ${error.method} ${error.path}.${said}`,
          upstream,
        );
      }
      if (error.kind === 'protocol') {
        return gatewayError(ErrorCode.UPSTREAM_ERROR, error.message, upstream);
      }
      return gatewayError(ErrorCode.UPSTREAM_ERROR, `Workato answered HTTP ${error.status}.${said}`, upstream);
  }
}

/** The faults behind the INTERNAL_SERVER_ERROR errors `maskError` made, until they are logged with their request. */
const unexpectedCauses = new WeakMap<GraphQLError, unknown>();

/** What the log says of an error made from a Workato failure: its message without Workato's own text. */
const logMessages = new WeakMap<object, string>();

/** The message to log for an error of a result: without what Workato said, for errors made from a Workato failure. */
export function logMessageOf(error: { message: string }): string {
  return logMessages.get(error) ?? error.message;
}

/** `fromWorkatoError`, remembering the message the log may carry. */
export function workatoErrorFor(error: WorkatoError): GraphQLError {
  const mapped = fromWorkatoError(error);
  if (error.detail) logMessages.set(mapped, fromWorkatoError(error, false).message);
  return mapped;
}

/** The fault an INTERNAL_SERVER_ERROR stands for (for the log, never the response); undefined for any other error. */
export function unexpectedCauseOf(error: object): unknown {
  return unexpectedCauses.get(error as GraphQLError);
}

/**
 * Yoga's `maskError`: known errors become coded GraphQL errors; anything else is an internal fault, masked for the
 * client (INTERNAL_SERVER_ERROR) with its cause kept aside (`unexpectedCauseOf`): yoga gives maskError no request, so
 * the request-id plugin logs it, with the request's id, when the result goes out.
 */
export function maskError(error: unknown): GraphQLError {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  const located = isGraphQLError(error) ? error : undefined;
  const withLocation = (mapped: GraphQLError) =>
    located
      ? new GraphQLError(mapped.message, {
          nodes: located.nodes,
          source: located.source,
          positions: located.positions,
          path: located.path,
          originalError: mapped,
          extensions: mapped.extensions,
        })
      : mapped;
  if (original instanceof WorkatoError) {
    const mapped = workatoErrorFor(original);
    const out = withLocation(mapped);
    const logged = logMessages.get(mapped);
    if (logged !== undefined) logMessages.set(out, logged);
    return out;
  }
  if (original instanceof UnexpectedAnswerError) return withLocation(gatewayError(ErrorCode.UPSTREAM_ERROR, original.message));
  if (original instanceof NotFoundError) {
    return withLocation(gatewayError(ErrorCode.NOT_FOUND, original.message, { entity: original.entity, key: original.key }));
  }
  if (isGraphQLError(original) && original.extensions?.code) return located ?? original;
  // Errors GraphQL itself raises before execution (parse, validation, variable coercion) have no path:
  // they are the caller's to fix. Keep them, with a code; yoga's `extensions.http` keeps their 400 status.
  if (located && !located.path) {
    return new GraphQLError(withoutEchoedValue(located), {
      nodes: located.nodes,
      source: located.source,
      positions: located.positions,
      originalError: located.originalError ?? undefined,
      extensions: { code: codeForStatus(located.extensions?.http), ...located.extensions },
    });
  }
  // A negative @stream(initialCount:) from a variable, which validation cannot see (a literal is refused there).
  if (original instanceof Error && STREAM_INITIAL_COUNT.test(original.message)) {
    return withLocation(badUserInput('@stream(initialCount:) must be 0 or more.'));
  }
  // Still logged as a fault (the request-id plugin), in case the gap is the gateway's.
  const gap = answerGap(original, located?.path);
  const masked = withLocation(gap ? gatewayError(ErrorCode.UPSTREAM_ERROR, gap) : gatewayError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.'));
  unexpectedCauses.set(masked, original);
  return masked;
}

/**
 * The Workato answer behind a field lacked what its API documents, as graphql-js, graphql-jit or DataLoader found
 * out: a non-null field came out null, or an object came without the id its nested field loads by (`load(undefined)`).
 * The message for the caller, or undefined for any other fault.
 */
function answerGap(cause: unknown, path: GraphQLError['path']): string | undefined {
  const message = cause instanceof Error ? cause.message : '';
  const field = NON_NULL_VIOLATION.exec(message)?.[1];
  if (field) return `Workato's answer had no value for ${field}, which its API documents. Try again later.`;
  if (!MISSING_LOADER_KEY.test(message)) return undefined;
  const asked = path ? [...path].reverse().find((step) => typeof step === 'string') : undefined;
  return `Workato's answer had no id for the object whose ${asked ?? 'nested'} field was asked, which its API documents. Try again later.`;
}

/** The executor's check of @stream's initialCount (@graphql-tools/executor). */
const STREAM_INITIAL_COUNT = /^initialCount must be a (?:positive integer|number)$/;
/** graphql-js's and graphql-jit's message for a null in a non-null field. */
const NON_NULL_VIOLATION = /^Cannot return null for non-nullable field (\w+\.\w+)\.$/;
/** DataLoader's message for `load(undefined)` (or null). */
const MISSING_LOADER_KEY = /^The loader\.load\(\) function must be called with a value, but got: (?:undefined|null)\.$/;

/** Yoga and its plugins mark request-level errors with an HTTP status only; give them a code too. */
function codeForStatus(http: unknown): ErrorCode {
  const status = (http as { status?: number } | undefined)?.status;
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 413) return ErrorCode.REQUEST_TOO_LARGE;
  if (status === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  return ErrorCode.BAD_USER_INPUT;
}

/**
 * `instanceof` is not enough: graphql ships CJS and ESM builds, and a tool chain may load both, giving two
 * GraphQLError classes (the "dual package hazard").
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof GraphQLError || (value instanceof Error && value.name === 'GraphQLError' && 'extensions' in value);
}

/**
 * graphql-js quotes the whole variable value in coercion errors (`Variable "$input" got invalid value {…}; …`): for a
 * `connectionCreate` input that is the caller's credentials, echoed into responses and logs. Keep the variable name
 * and the reason, drop the value — the reason's too (`String cannot represent a non string value: <the value>`,
 * `Value "<the value>" does not exist in "E" enum`).
 */
function withoutEchoedValue(error: GraphQLError): string {
  const match = /^(Variable "\$[^"]+") got invalid value /.exec(error.message);
  if (!match || !error.originalError?.message) return withoutEchoedLiteral(error.message);
  const inner = error.originalError.message;
  // Where in the value, when graphql-js says (` at "input.clientSecret"`, just before `; <reason>`).
  const head = error.message.endsWith(`; ${inner}`) ? error.message.slice(0, -inner.length - 2) : '';
  const at = / at "[^"]*"$/.exec(head)?.[0] ?? '';
  return `${match[1]} got an invalid value${at}; ${withoutEchoedLiteral(inner)}`;
}

/**
 * The same reasons without a value written in the document itself (`clientSecret: 987654321`): the caller may see it
 * (it is theirs), the log must not (plugins/request-id.ts logs every error's message).
 */
export function withoutEchoedLiteral(message: string): string {
  return message
    .replace(/(cannot represent [^:]*): [\s\S]*$/, '$1.')
    .replace(/^Value [\s\S]* does not exist in ("[^"]+" enum)\.?/, 'The value is not one of the $1.')
    .replace(/^(Expected value of type "[^"]+"), found [\s\S]*?(\.|; )/, '$1$2');
}
