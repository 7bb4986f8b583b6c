/**
 * Trusted documents (persisted operations) for production front-ends: the app's build writes a manifest of its
 * operations (graphql-codegen's persisted-documents.json), the gateway loads it at start-up (TRUSTED_DOCUMENTS),
 * and clients send only the id: `{"extensions": {"persistedQuery": {"sha256Hash": "<id>"}}, "variables": …}`.
 * With TRUSTED_DOCUMENTS_ONLY (the default) any other document is refused, so the gateway runs exactly the
 * operations the app was built with.
 */
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import type { YogaOptions } from '../yoga.js';

/** Apollo's APQ shape, with or without `version: 1`. */
function documentIdOf(params: { extensions?: Record<string, unknown> }): string | null {
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

export function useTrustedDocuments(options: YogaOptions): Plugin<Record<string, unknown>> {
  const trusted = options.config.trustedDocuments;
  if (!trusted) return {};
  const bad = (code: ErrorCode, message: string) => ({ message, extensions: { code, http: { status: 400 } } });
  return usePersistedOperations({
    getPersistedOperation: (id) => trusted.documents.get(id) ?? null,
    allowArbitraryOperations: !trusted.only,
    extractPersistedOperationId: documentIdOf,
    customErrors: {
      notFound: bad(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'No trusted document has this id; the app and the gateway disagree on the manifest.'),
      keyNotFound: bad(ErrorCode.PERSISTED_QUERY_ONLY, 'Send a trusted document id as extensions.persistedQuery.sha256Hash.'),
      persistedQueryOnly: bad(ErrorCode.PERSISTED_QUERY_ONLY, 'This gateway runs trusted documents only: send the document id, not its text.'),
    },
  }) as unknown as Plugin<Record<string, unknown>>;
}
