/**
 * The per-request context: a Workato client bound to this caller's token and a fresh set of loaders.
 * Nothing here outlives the request, so no cache or token can reach another caller. Shared state that must
 * outlive it (quotas, response cache, reference cache) is keyed by `api.callerKey`, a keyed hash of the token, never
 * the token.
 */
import type { YogaInitialContext } from 'graphql-yoga';
import { createLoaders, type Loaders } from '../loaders/index.js';
import { READS_EVERYTHING, type LoaderMode, type OperationReads } from '../loaders/options.js';
import type { ReferenceCache } from '../loaders/reference-cache.js';
import { WorkatoApi, type Transport } from '../workato/http.js';
import { CallLedger } from '../workato/ledger.js';
import { scopeOfRequest } from './request-scope.js';

export interface GatewayContext {
  /** The incoming HTTP request (yoga's initial context). */
  request: Request;
  /** The caller's own workspace API (Embedded customer scopes hang off it via `forManagedUser`). */
  api: WorkatoApi;
  loaders: Loaders;
  /** Echoed in the `x-request-id` response header and in error extensions. */
  requestId: string;
  /** Milliseconds between two polls of a package in the `packageStatus` subscription. */
  packagePollMs: number;
  /** Seconds Workato may hold one long poll of `topicMessages` (config `EVENT_STREAM_POLL_SECONDS`). */
  eventStreamPollSecs: number;
  /** Ids one `nodes(ids:)` or `_entities` may ask for (config `MAX_IDS`): each may cost a Workato call. */
  maxIds: number;
  /**
   * What the executing operation reads, set by plugins/operation-reads.ts when execution starts (everything until
   * then). A holder object: yoga copies the context's fields into its own object, so only a shared object is seen
   * by the loaders made here.
   */
  operation: { reads: OperationReads };
  /**
   * What the caller asked the cost report to add (plugins/workato-report.ts): every Workato call of the run
   * (`X-Workato-Trace: 1` or the `workatoTrace` request extension), or the plan without running it (`explain`).
   */
  report: ReportRequest;
  /** API roots of Workato's other hosts (config `hosts`): use `ctx.api.onHost(ctx.hosts.eventStreams)`. */
  hosts: WorkatoHosts;
  /** Where callers reach the gateway (PUBLIC_URL, no trailing slash); undefined: the request's own URL. */
  publicUrl: string | undefined;
}

export interface WorkatoHosts {
  /** Data-table records (REFERENCE §25). */
  dataTables: string;
  /** Event-stream messages (REFERENCE §26). */
  eventStreams: string;
}

export interface ReportRequest {
  trace: boolean;
  explain: boolean;
}

const reportRequests = new WeakMap<Request, ReportRequest>();

/**
 * The header (`1`/`true`) or the GraphQL request extension (`true`) that asks for a trace or an explanation; worked
 * out once per request (the cost report's plugin asks before the context is made, the context after).
 */
export function reportRequestOf(request: Request, extensions: Record<string, unknown> | undefined): ReportRequest {
  let asked = reportRequests.get(request);
  if (!asked) {
    const flag = (header: string, extension: string) => {
      const value = request.headers.get(header)?.trim().toLowerCase();
      return value === '1' || value === 'true' || extensions?.[extension] === true;
    };
    asked = { trace: flag('x-workato-trace', 'workatoTrace'), explain: flag('x-workato-explain', 'workatoExplain') };
    reportRequests.set(request, asked);
  }
  return asked;
}

export interface ContextOptions {
  baseUrl: string;
  /** Used when the request carries no `Authorization` header (server token or demo mode). */
  serverToken: string | undefined;
  transport: Transport;
  /** Milliseconds between package status polls (config `PACKAGE_POLL_INTERVAL_MS`); default 2 s. */
  packagePollMs?: number;
  /** Seconds of one `topicMessages` long poll (config `EVENT_STREAM_POLL_SECONDS`); default 25. */
  eventStreamPollSecs?: number;
  /** Ids per `nodes(ids:)` / `_entities` (config `MAX_IDS`); default 500. */
  maxIds?: number;
  /** Batched unless the benchmark switches batching off (config `BENCH_DISABLE_BATCHING`). */
  loaderMode?: LoaderMode;
  /**
   * With a server token and JWT client authentication, `Authorization` carries the caller's JWT (checked by
   * plugins/client-auth.ts): it is never forwarded, and every call uses the server token.
   */
  authorizationIsGatewayCredential?: boolean;
  /** Workato's other hosts; default: the Developer API root (`baseUrl`). */
  hosts?: Partial<WorkatoHosts>;
  /** Where callers reach the gateway (config PUBLIC_URL), for links it hands out; default: the request's URL. */
  publicUrl?: string;
  /** The process's reference cache (REFERENCE_CACHE), shared by every request; keyed by caller and scope. */
  referenceCache?: ReferenceCache;
}

/** What the caller presented: a bearer token, nothing, or something we refuse to forward. */
export type Credentials = { token: string } | { refused: string };

export function credentialsFrom(headers: Headers, serverToken: string | undefined): Credentials {
  const authorization = headers.get('authorization')?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return { refused: 'The Authorization header must be `Bearer <Workato API client token>`.' };
    return { token: match[1]! };
  }
  if (headers.has('x-user-token') || headers.has('x-user-email')) {
    // REFERENCE §2.2: the legacy key pair is rejected by Workato; never forward it.
    return { refused: 'Legacy X-USER-EMAIL/X-USER-TOKEN authentication is no longer accepted by Workato. Send `Authorization: Bearer <API client token>`.' };
  }
  if (serverToken) return { token: serverToken };
  return { refused: 'No Workato token: send `Authorization: Bearer <Workato API client token>`.' };
}

/** The caller's Workato credentials under this gateway's settings (used by every route, not only GraphQL). */
export function callerCredentials(
  headers: Headers,
  options: { serverToken: string | undefined; authorizationIsGatewayCredential?: boolean },
): Credentials {
  if (options.authorizationIsGatewayCredential && options.serverToken) return { token: options.serverToken };
  return credentialsFrom(headers, options.serverToken);
}

export function createContextFactory(options: ContextOptions) {
  return ({ request, params }: YogaInitialContext): GatewayContext => {
    const credentials = callerCredentials(request.headers, options);
    const report = reportRequestOf(request, params?.extensions);
    const scope = scopeOfRequest(request);
    const ledger = new CallLedger({ trace: report.trace, plan: report.explain, requestId: scope.requestId });
    scope.ledger = ledger;
    const api =
      'token' in credentials
        ? new WorkatoApi(options.transport, options.baseUrl, credentials.token, '', undefined, { ledger })
        : WorkatoApi.refusing(options.transport, options.baseUrl, credentials.refused, ledger);
    const operation = { reads: READS_EVERYTHING };
    return {
      request,
      api,
      loaders: createLoaders(api, options.loaderMode, () => operation.reads, options.referenceCache),
      requestId: scope.requestId,
      packagePollMs: options.packagePollMs ?? 2_000,
      eventStreamPollSecs: options.eventStreamPollSecs ?? 25,
      maxIds: options.maxIds ?? 500,
      operation,
      report,
      hosts: { dataTables: options.hosts?.dataTables ?? options.baseUrl, eventStreams: options.hosts?.eventStreams ?? options.baseUrl },
      publicUrl: options.publicUrl,
    };
  };
}
