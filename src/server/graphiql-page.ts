/**
 * The GraphiQL page as a light page and long-lived assets. @graphql-yoga/render-graphiql inlines everything
 * (~9 MB of HTML: the GraphiQL and Monaco bundles, their workers, the styles), which a browser would download on
 * every visit. Here the large inline scripts and styles become files with content-hashed names, served with
 * `Cache-Control: public, max-age=31536000, immutable`; the page keeps only the small call that renders GraphiQL
 * with this gateway's options, and carries an ETag (a revisit costs a 304). Everything is served compressed
 * (brotli or gzip, by `Accept-Encoding`, compressed once and kept). Still nothing is fetched from anywhere else.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { executeSync, getIntrospectionQuery, parse, type GraphQLSchema } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { costPanelMarkup } from './graphiql-cost-panel.js';

/** One file of the page: its bytes, type, and compressed forms made on first request. */
export class StaticFile {
  readonly etag: string;
  private readonly encoded = new Map<string, Buffer>();

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  }

  /** The bytes in the best encoding the client accepts (br, then gzip, then none). */
  negotiate(acceptEncoding: string | null): { body: Buffer; encoding?: 'br' | 'gzip' } {
    const accepts = (name: string) => new RegExp(`(^|[,\\s])${name}(;q=(?!0(\\.0*)?\\b)[\\d.]+)?\\s*(,|$)`, 'i').test(acceptEncoding ?? '');
    for (const encoding of ['br', 'gzip'] as const) {
      if (!accepts(encoding)) continue;
      let body = this.encoded.get(encoding);
      if (!body) {
        // Brotli at quality 5: within a few percent of the best for these bundles, in a fraction of a second.
        body =
          encoding === 'br'
            ? brotliCompressSync(this.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length } })
            : gzipSync(this.body, { level: 9 });
        this.encoded.set(encoding, body);
      }
      return { body, encoding };
    }
    return { body: this.body };
  }
}

export interface GraphiQLPage {
  page: StaticFile;
  /** Assets by file name (`<hash>.js`, `<hash>.css`), served under `<graphqlPath>/assets/`. */
  assets: Map<string, StaticFile>;
}

/** Inline blocks larger than this become files; small ones (the render call, the cost panel) stay in the page. */
const EXTRACT_OVER = 4_096;

/** Splits a rendered GraphiQL page into the page and its assets (URLs under `assetBase`). */
export function splitPage(html: string, assetBase: string): { html: string; assets: Map<string, StaticFile> } {
  const assets = new Map<string, StaticFile>();
  const asset = (body: string, ext: 'js' | 'css'): string => {
    const file = new StaticFile(Buffer.from(body), ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
    const name = `${file.etag.slice(1, -1)}.${ext}`;
    assets.set(name, file);
    return `${assetBase}/${name}`;
  };
  let out = '';
  let at = 0;
  // Top-level <script>/<style> blocks, in order; their bodies contain no closing tag (bundlers escape `<\/script>`).
  const open = /<(script|style)(\s[^>]*)?>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const tag = m[1]!.toLowerCase();
    const attributes = m[2] ?? '';
    const close = html.indexOf(`</${tag}>`, open.lastIndex);
    if (close === -1) break;
    let body = html.slice(open.lastIndex, close);
    out += html.slice(at, m.index);
    at = close + tag.length + 3;
    open.lastIndex = at;
    if (body.length <= EXTRACT_OVER || /\bsrc=/i.test(attributes)) {
      out += html.slice(m.index, at);
      continue;
    }
    if (tag === 'style') {
      out += `<link rel="stylesheet" href="${asset(body, 'css')}">`;
      continue;
    }
    // The page's own render call (with this gateway's options) stays inline; the bundle before it becomes a file.
    const call = body.lastIndexOf('YogaGraphiQL.renderYogaGraphiQL(');
    let inline = '';
    if (call !== -1) {
      inline = body.slice(call);
      body = body.slice(0, call);
    }
    out += `<script${attributes} src="${asset(body, 'js')}"></script>`;
    if (inline) out += `<script${attributes}>${inline}</script>`;
  }
  out += html.slice(at);
  return { html: out, assets };
}

/**
 * The page for `options`, rendered on first use only: the renderer module holds the bundles as strings (~35 MB of
 * heap), which a gateway that only answers API calls never needs (bench/RESULTS.md, memory).
 */
export function createGraphiQLPage(options: GraphiQLOptions & { endpoint: string }, schema: GraphQLSchema | undefined): () => Promise<GraphiQLPage> {
  let built: Promise<GraphiQLPage> | undefined;
  return () =>
    (built ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => {
      const base = `${options.endpoint}/assets`;
      // The schema's introspection as one more immutable file: GraphiQL asks for it on every visit (~0.5 MB of JSON),
      // and a POST is never cached by a browser; the page script answers that request from this file instead.
      const introspection = schema && introspectionFile(schema);
      const schemaUrl = introspection ? `${base}/${introspection.etag.slice(1, -1)}.json` : undefined;
      // The "Workato calls" panel (graphiql-cost-panel.ts) goes at the end of the page.
      const rendered = renderGraphiQL(options).replace(/<\/body>(?![\s\S]*<\/body>)/, `${costPanelMarkup(options.endpoint, schemaUrl)}</body>`);
      const { html, assets } = splitPage(rendered, base);
      if (introspection && schemaUrl) assets.set(schemaUrl.slice(base.length + 1), introspection);
      return { page: new StaticFile(Buffer.from(html), 'text/html; charset=utf-8'), assets };
    }));
}

/** The answer to GraphiQL's introspection query, with everything it may ask for. */
function introspectionFile(schema: GraphQLSchema): StaticFile {
  const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
  const result = executeSync({ schema, document: parse(query) });
  return new StaticFile(Buffer.from(JSON.stringify(result)), 'application/json; charset=utf-8');
}
