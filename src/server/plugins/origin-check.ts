/**
 * The CORS allow-list, enforced: a browser request from an origin that is neither this gateway's own (GraphiQL)
 * nor in CORS_ORIGINS is refused with 403 `ORIGIN_NOT_ALLOWED` before anything runs, instead of relying on the
 * browser to hide the answer. Requests without an `Origin` (servers, curl) are not affected. yoga's `cors`
 * option (yoga.ts) writes the CORS headers for allowed origins.
 */
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { requestIdOf } from '../request-scope.js';
import type { YogaOptions } from '../yoga.js';

/**
 * The rule, for HTTP requests and WebSocket upgrades (websocket.ts) alike: no `Origin` (not a browser), one of this
 * gateway's own origins, or one CORS_ORIGINS allows (`*` allows all).
 */
export function originAllowed(allowed: ReadonlySet<string>, origin: string | null | undefined, own: readonly string[]): boolean {
  return !origin || allowed.has('*') || allowed.has(origin) || own.includes(origin);
}

export function useOriginCheck(options: YogaOptions): Plugin<Record<string, unknown>> {
  const allowed = new Set(options.config.corsOrigins);
  if (allowed.has('*')) return {};
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      const origin = request.headers.get('origin');
      if (originAllowed(allowed, origin, [url.origin])) return;
      const body = {
        errors: [{
          message: `Browser requests from ${origin!.slice(0, 200)} are not allowed; add the origin to CORS_ORIGINS.`,
          extensions: { code: ErrorCode.ORIGIN_NOT_ALLOWED, requestId: requestIdOf(request) },
        }],
      };
      endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    },
  };
}
