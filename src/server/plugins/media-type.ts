/**
 * A POST body yoga has no parser for (`Content-Type: text/plain`, `application/xml`, or none) got yoga's bare 415
 * with an empty body: the client could not tell why. It gets the same 415 with a GraphQL error body and a code,
 * naming the content types the endpoint reads.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';

export function useMediaTypeCheck(): Plugin<Record<string, unknown>> {
  return {
    // yoga's own parsers run first (they are registered before every plugin): none of them took the body.
    onRequestParse({ request, requestParser }) {
      if (requestParser || request.method !== 'POST') return;
      const sent = request.headers.get('content-type');
      throw new GraphQLError(
        `Unsupported Content-Type ${sent ? `"${sent.slice(0, 100)}"` : '(none)'}: send the request as \`Content-Type: application/json\` (\`multipart/form-data\` for file uploads).`,
        { extensions: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, http: { status: 415 } } },
      );
    },
  };
}
