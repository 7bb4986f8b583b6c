/**
 * Automatic persisted queries (Apollo's APQ protocol, as Apollo Client's `createPersistedQueryLink` and urql's
 * persisted exchange send it): a client sends only the SHA-256 of its document,
 * `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}, "variables": …}` (POST, or GET with
 * `extensions` in the query string). A hash the gateway knows runs its document; an unknown
 * one answers `PERSISTED_QUERY_NOT_FOUND`, and the client sends the hash with the text once, which registers it.
 *
 * Only a document whose text has that hash and which validated (limits included) is kept, so junk cannot fill the
 * store; it is kept in memory and, with REDIS_URL, in Redis for every replica (persisted-query-store.ts). A document
 * is code, not data: variables are never kept. APQ=off (or TRUSTED_DOCUMENTS, whose manifest the ids then name)
 * turns it off.
 */
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, gatewayError } from '../errors.js';
import { documentHash, type PersistedQueryStore } from '../persisted-query-store.js';
import type { YogaOptions } from '../yoga.js';

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An error of the protocol, with the HTTP status Apollo's clients expect (200 for the not-found step). */
const protocolError = (code: ErrorCode, message: string, status: number) => gatewayError(code, message, { http: { status } });

export function useAutomaticPersistedQueries(options: YogaOptions): Plugin<Record<string, unknown>> {
  const store: PersistedQueryStore | undefined = options.persistedQueries;
  if (!store) return {};
  /** Documents sent with their hash, to keep once they validate. */
  const toRegister = new WeakMap<Request, { hash: string; document: string }>();
  return {
    onParams({ request, params, setParams }) {
      const persisted = params.extensions?.persistedQuery as PersistedQueryExtension | undefined;
      if (persisted === undefined || persisted === null) return;
      if (persisted.version !== undefined && persisted.version !== 1) {
        throw protocolError(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, 'Only version 1 of persisted queries is supported.', 400);
      }
      const hash = typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash.toLowerCase() : undefined;
      if (!hash || !SHA256_HEX.test(hash)) {
        throw protocolError(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 'extensions.persistedQuery.sha256Hash must be the SHA-256 of the document, in hex.', 400);
      }
      if (typeof params.query === 'string') {
        if (documentHash(params.query) !== hash) {
          throw protocolError(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.', 400);
        }
        toRegister.set(request, { hash, document: params.query });
        return;
      }
      const run = (document: string | undefined): void => {
        // Apollo's clients read this code (or the message) as "send the text", and do.
        if (document === undefined) throw protocolError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'PersistedQueryNotFound', 200);
        setParams({ ...params, query: document });
      };
      // Synchronous when memory has it (or there is no Redis): no promise for yoga to wait on.
      const found = store.get(hash);
      return typeof found === 'object' ? found.then(run) : run(found);
    },
    onValidate({ context }) {
      const request = (context as { request?: Request }).request;
      const pending = request && toRegister.get(request);
      if (!pending) return;
      return ({ valid }) => {
        if (valid) store.set(pending.hash, pending.document);
      };
    },
  };
}
