/**
 * Large JSON answers compressed for clients that accept it (gzip or brotli, by `Accept-Encoding`): above all the
 * introspection result GraphiQL asks for on every visit (~0.5 MB of JSON, ~50 kB compressed). Answers under 32 kB
 * go out as they are — compressing them would cost more CPU than it saves on the wire — and so do event streams.
 * The GraphiQL page and its assets are compressed once, ahead of time (graphiql-page.ts).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const MIN_BYTES = 32 * 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** `name` in Accept-Encoding, without `q=0`. */
const acceptance = (name: string) => new RegExp(`(^|[,\\s])${name}(;q=(?!0(\\.0*)?\\b)[\\d.]+)?\\s*(,|$)`, 'i');
const BR = acceptance('br');
const GZIP = acceptance('gzip');

function accepted(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const header = acceptEncoding ?? '';
  return BR.test(header) ? 'br' : GZIP.test(header) ? 'gzip' : undefined;
}

export function useCompression(): Plugin<Record<string, unknown>> {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      // The common case first and cheapest: a small answer of known length goes out as it is.
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length < MIN_BYTES) return;
      const encoding = accepted(request.headers.get('accept-encoding'));
      const type = response.headers.get('content-type') ?? '';
      if (!encoding || !type.includes('json') || response.headers.has('content-encoding') || !response.body) return;
      const body = Buffer.from(await response.arrayBuffer());
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'accept-encoding');
      let sent: Buffer = body;
      if (body.length >= MIN_BYTES) {
        sent =
          encoding === 'br'
            ? await brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
            : await gzipAsync(body, { level: 5 });
        headers.set('content-encoding', encoding);
      }
      headers.set('content-length', String(sent.length));
      setResponse(new fetchAPI.Response(sent as unknown as BodyInit, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
