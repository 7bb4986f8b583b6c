/**
 * Gateway-side client authentication (README "Who may call, as whom"): API keys sent as `X-API-Key`, or JWTs
 * verified against a JWKS by yoga's JWT plugin. It runs first, on every route but the probes, the metrics
 * endpoint and the GraphiQL page, so GraphQL requests and package downloads alike are refused with 401
 * `UNAUTHENTICATED` before any Workato call. With either configured, one valid credential suffices.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { requestIdOf } from '../request-scope.js';
import type { YogaOptions } from '../yoga.js';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Where the JWT travels: `Authorization` when it is the only credential (server token), else its own header. */
export function jwtHeader(options: Pick<YogaOptions, 'serverToken'>): string {
  return options.serverToken ? 'authorization' : 'x-gateway-authorization';
}

/** Yoga's JWT plugin and its JOSE/JWKS libraries, loaded only when JWTs are configured (see loadJwtSupport). */
export type JwtSupport = typeof import('@graphql-yoga/plugin-jwt');

/** Loaded at start-up when GATEWAY_JWKS_URL is set; a gateway without JWTs does not carry those libraries. */
export function loadJwtSupport(config: YogaOptions['config']): Promise<JwtSupport> | undefined {
  return config.clientAuth.jwt ? import('@graphql-yoga/plugin-jwt') : undefined;
}

export function useClientAuth(options: YogaOptions): Plugin<Record<string, unknown>> {
  const { apiKeys, jwt } = options.config.clientAuth;
  if (!apiKeys.length && !jwt) return {};
  const keyDigests = apiKeys.map(digest);
  const header = jwtHeader(options);
  const jwtPlugin = jwt ? jwtVerifier(jwt, header, options.jwtSupport) : undefined;
  const open = new Set(['/healthz', '/readyz', options.config.metrics.path]);

  const validKey = (presented: string): boolean => {
    const d = digest(presented);
    let ok = false;
    for (const k of keyDigests) ok = timingSafeEqual(d, k) || ok; // no early exit: same time for every key
    return ok;
  };

  const refuse = (fetchAPI: { Response: typeof Response }, request: Request, message: string): Response =>
    new fetchAPI.Response(
      JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED, requestId: requestIdOf(request) } }] }),
      { status: 401, headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': jwt ? 'Bearer' : 'ApiKey' } },
    );

  const how = [apiKeys.length ? 'an `X-API-Key` header' : '', jwt ? `a JWT in \`${header === 'authorization' ? 'Authorization' : 'X-Gateway-Authorization'}: Bearer <jwt>\`` : '']
    .filter(Boolean)
    .join(' or ');

  return {
    onYogaInit(payload) {
      jwtPlugin?.onYogaInit?.(payload as never);
    },
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (open.has(url.pathname)) return;
      // The GraphiQL page itself is static; the queries it sends are checked like any other.
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html') && !url.search) return;
      // Its scripts and styles (plugins/graphiql-page.ts) are the same public bundles for everyone.
      if (request.method === 'GET' && url.pathname.startsWith(`${options.graphqlPath}/assets/`)) return;
      if (request.method === 'OPTIONS') return; // CORS preflight carries no credentials
      const key = request.headers.get('x-api-key');
      if (key !== null && apiKeys.length) {
        if (validKey(key.trim())) return;
        endResponse(refuse(fetchAPI, request, 'The X-API-Key is not valid for this gateway.'));
        return;
      }
      if (jwtPlugin?.onRequestParse) {
        try {
          await jwtPlugin.onRequestParse({ request, url, serverContext } as never);
          return;
        } catch {
          endResponse(refuse(fetchAPI, request, request.headers.has(header) ? 'The JWT is not valid for this gateway (signature, issuer, audience or expiry).' : `This gateway needs client authentication: send ${how}.`));
          return;
        }
      }
      endResponse(refuse(fetchAPI, request, `This gateway needs client authentication: send ${how}.`));
    },
  };
}

function jwtVerifier(jwt: NonNullable<YogaOptions['config']['clientAuth']['jwt']>, header: string, support: JwtSupport | undefined) {
  if (!support) throw new Error('JWT client authentication is configured but its plugin was not loaded (loadJwtSupport)');
  return support.useJWT({
    signingKeyProviders: [support.createRemoteJwksSigningKeyProvider({ jwksUri: jwt.jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 })],
    tokenLookupLocations: [support.extractFromHeader({ name: header, prefix: 'Bearer' })],
    // Asymmetric algorithms only: a JWKS holds public keys, and accepting HS256 would let a public key sign.
    tokenVerification: { algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'], issuer: jwt.issuer, audience: jwt.audience },
    reject: { missingToken: true, invalidToken: true },
    extendContext: 'jwt', // the plugin only verifies when it has a context field to fill
  });
}
