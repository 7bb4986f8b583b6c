/**
 * `GET /packages/:id/download`: a package's zip, streamed from Workato through the gateway (REFERENCE §15.6; a
 * customer's export by its global id, from the export's storage URL, §17.9).
 * The caller authenticates as for GraphQL (its own bearer token, or the server token); the gateway follows
 * Workato's 302 to the storage host without the token and pipes the bytes through, never holding the whole file.
 * Errors are JSON in the GraphQL errors shape with the same `extensions.code` vocabulary. README "Package downloads"
 * says why the gateway proxies instead of handing out Workato's storage URL.
 */
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { packageRef } from '../../resolvers/packages.js';
import { WorkatoError } from '../../workato/http.js';
import { downloadCustomerPackage, downloadPackage } from '../../workato/packages.js';
import { createContextFactory, type GatewayContext } from '../context.js';
import { ErrorCode, gatewayError, workatoErrorFor } from '../errors.js';
import { requestIdOf } from '../request-scope.js';
import type { YogaOptions } from '../yoga.js';
import { logResultError } from './request-id.js';

/** The path of a package's zip on this gateway (`/packages/:id/download`). */
export const PACKAGE_DOWNLOAD_ROUTE = /^\/packages\/([^/]+)\/download\/?$/;

/** The route of a package's zip on this gateway (what `Package.downloadUrl` points at). */
export const packageDownloadPath = (workatoId: number | string): string => `/packages/${encodeURIComponent(String(workatoId))}/download`;

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UPSTREAM_ERROR]: 502,
  [ErrorCode.UPSTREAM_TIMEOUT]: 504,
  [ErrorCode.UPSTREAM_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/** Headers of the zip worth passing on; everything else (storage cookies, signatures, caching) stays upstream. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'last-modified', 'etag'];

type FetchAPI = { Response: typeof Response };

export function usePackageDownload(options: YogaOptions): Plugin<Record<string, unknown>, GatewayContext> {
  const contextFor = createContextFactory({ ...options });
  /** The error as JSON, with the request's id (as every GraphQL error has it), logged as GraphQL errors are. */
  const fail = (
    fetchAPI: FetchAPI,
    request: Request,
    error: GraphQLError,
    http: { status?: number; headers?: Record<string, string>; logged?: boolean } = {},
  ): Response => {
    const code = String(error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    const requestId = requestIdOf(request);
    if (requestId && !http.logged) logResultError(options.logger, error, requestId);
    const extensions = requestId ? { ...error.extensions, requestId } : error.extensions;
    return new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions }] }), {
      status: http.status ?? HTTP_STATUS[code] ?? 500,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...http.headers },
    });
  };

  const download = async (fetchAPI: FetchAPI, request: Request, rawId: string): Promise<Response> => {
    if (request.method !== 'GET') {
      return fail(fetchAPI, request, gatewayError(ErrorCode.BAD_USER_INPUT, 'Only GET is allowed on a package download.'), { status: 405, headers: { allow: 'GET' } });
    }
    let ref: ReturnType<typeof packageRef>;
    try {
      ref = packageRef(decodeURIComponent(rawId), 'id');
    } catch (error) {
      // workatoKey's BAD_USER_INPUT, or a malformed %-escape in the path.
      return fail(fetchAPI, request, error instanceof GraphQLError ? error : gatewayError(ErrorCode.BAD_USER_INPUT, 'The package id in the path is malformed.'));
    }
    // The same caller → token rule as GraphQL requests (the context factory), so auth modes apply here too.
    const { api } = contextFor({ request } as YogaInitialContext);
    const id = ref.id;
    try {
      // A customer's package id names the customer and the operation (§17.9); only exports have a zip.
      if (ref.scope !== undefined && ref.operation !== 'export') {
        return fail(fetchAPI, request, gatewayError(ErrorCode.NOT_FOUND, 'Only an export has a zip to download.'));
      }
      const zip =
        ref.scope === undefined ? await downloadPackage(api, id, request.signal) : await downloadCustomerPackage(api.forManagedUser(ref.scope), id, request.signal);
      const headers: Record<string, string> = {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="package-${id}.zip"`,
        'cache-control': 'private, no-store',
      };
      for (const name of PASSED_HEADERS) {
        const value = zip.headers[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      // yoga's server pipes a Node stream body into the socket: backpressure all the way to Workato's storage, and
      // the upstream body is destroyed if the client goes away.
      return new fetchAPI.Response(zip.body as unknown as BodyInit, { status: 200, headers });
    } catch (error) {
      if (error instanceof WorkatoError) {
        const retry = error.status === 429 && error.retryAfter !== undefined ? { 'retry-after': String(error.retryAfter) } : undefined;
        return fail(fetchAPI, request, workatoErrorFor(error), { headers: retry });
      }
      options.logger.error('Unexpected error while downloading a package', error, { reqId: requestIdOf(request) });
      return fail(fetchAPI, request, gatewayError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.'), { logged: true });
    }
  };

  return {
    // Not async: every request passes here, and only a download needs to wait.
    onRequest({ request, url, endResponse, fetchAPI }) {
      const match = PACKAGE_DOWNLOAD_ROUTE.exec(url.pathname);
      if (match) return download(fetchAPI, request, match[1]!).then(endResponse);
    },
  };
}
