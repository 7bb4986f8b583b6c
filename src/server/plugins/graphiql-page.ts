/**
 * GraphiQL on GET of the GraphQL path (a browser asking for HTML), and its assets under `<path>/assets/`: the page
 * with an ETag (a revisit is a 304), the assets with content-hashed names cached for a year, all compressed
 * (graphiql-page.ts). Replaces yoga's own GraphiQL route, which sends the whole 9 MB page on every visit.
 */
import type { Plugin } from 'graphql-yoga';
import { graphiqlOptions } from '../graphiql.js';
import { createGraphiQLPage, type StaticFile } from '../graphiql-page.js';
import type { YogaOptions } from '../yoga.js';

type FetchAPI = { Response: typeof Response };

/**
 * A static file, honouring If-None-Match and Accept-Encoding. Each coding gets its own strong tag (`"<hash>-br"`,
 * RFC 9110 §8.8.3: the bytes differ); any tag of the same content revalidates it (a 304 with the tag now chosen).
 */
function serve(fetchAPI: FetchAPI, request: Request, file: StaticFile, cacheControl: string): Response {
  const { body, encoding } = file.negotiate(request.headers.get('accept-encoding'));
  const etag = encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag;
  const headers: Record<string, string> = { 'content-type': file.contentType, 'cache-control': cacheControl, etag, vary: 'accept-encoding' };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '').replace(/-(?:br|gzip)"$/, '"') === file.etag)) {
    return new fetchAPI.Response(null, { status: 304, headers });
  }
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return new fetchAPI.Response(request.method === 'HEAD' ? null : (body as unknown as BodyInit), { status: 200, headers });
}

export function useGraphiQLPage(options: YogaOptions): Plugin<Record<string, unknown>> {
  if (!options.graphiql) return {};
  const path = options.graphqlPath;
  const assetPrefix = `${path}/assets/`;
  const page = createGraphiQLPage({ ...graphiqlOptions, endpoint: path }, options.config.limits.introspection ? options.schema : undefined);
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === path && (request.headers.get('accept') ?? '').includes('text/html')) {
        // The page names its assets by content: revalidate it every time, which costs a 304 while nothing changed.
        endResponse(serve(fetchAPI, request, (await page()).page, 'no-cache'));
        return;
      }
      if (url.pathname.startsWith(assetPrefix)) {
        const file = (await page()).assets.get(url.pathname.slice(assetPrefix.length));
        endResponse(
          file
            ? serve(fetchAPI, request, file, 'public, max-age=31536000, immutable')
            : new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
        );
      }
    },
  };
}
