/**
 * Parsed and validated documents, kept by their text, in place of yoga's own cache (`parserAndValidationCache`,
 * switched off in yoga.ts). Both give the same answers; the difference is the clock. Yoga keeps its documents in
 * lru-cache with a one-hour TTL, and a TTL'd lru-cache reads the clock through a 1 ms timer on every lookup (it
 * caches `performance.now()` for a millisecond): two timers per request, which woke the gateway a millisecond into
 * many of its Workato calls (bench/README, "In `npm run bench`'s rotation every process pays for waking up"). Here
 * nothing expires: a document's parse and validation never go stale for one schema. What bounds memory is the
 * number of entries, as in yoga, and also their text: yoga would keep 1,024 texts of any size (a 1 MB string
 * argument parses in a few tokens), here a text over the budget is parsed every time instead.
 */
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** Distinct documents (and, apart, distinct unparsable texts) kept: yoga's own bound. */
const DOCUMENT_CACHE_ENTRIES = 1024;
/** Characters of document text kept, all entries together (the parsed documents take a few times that). */
export const DOCUMENT_CACHE_CHARS = 4 * 1024 * 1024;
/** The same for texts that failed to parse. */
const PARSE_ERROR_CACHE_CHARS = 1024 * 1024;

const byLength = (_: unknown, text: string) => Math.max(1, text.length);

export function useDocumentCache(): Plugin<Record<string, unknown>> {
  const documents = new LRUCache<string, DocumentNode>({ max: DOCUMENT_CACHE_ENTRIES, maxSize: DOCUMENT_CACHE_CHARS, sizeCalculation: byLength });
  // Apart from the documents, so a stream of junk cannot push the real ones out.
  const parseErrors = new LRUCache<string, Error>({ max: DOCUMENT_CACHE_ENTRIES, maxSize: PARSE_ERROR_CACHE_CHARS, sizeCalculation: byLength });
  // By the rules this hook sees (plugins after it may add their own, the same for every request of a server), then
  // by schema and document object: the parse cache hands out one object per text.
  const validations = new Map<string, WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly Error[]>>>();
  return {
    onParse({ params, setParsedDocument }) {
      const text = params.source.toString();
      const document = documents.get(text);
      if (document) return setParsedDocument(document);
      const error = parseErrors.get(text);
      if (error) throw error;
      return ({ result }) => {
        if (result instanceof Error) parseErrors.set(text, result);
        else if (result) documents.set(text, result);
      };
    },
    onValidate({ params: { schema, documentAST, rules }, setResult }) {
      const rulesKey = rules?.map((rule: ValidationRule) => rule.name).join(',') ?? '';
      let bySchema = validations.get(rulesKey);
      if (!bySchema) validations.set(rulesKey, (bySchema = new WeakMap()));
      let byDocument = bySchema.get(schema);
      if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
      const cached = byDocument.get(documentAST);
      if (cached) return setResult(cached);
      return ({ result }) => {
        if (result) byDocument.set(documentAST, result);
      };
    },
  };
}
