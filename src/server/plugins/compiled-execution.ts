/**
 * Compiled execution (COMPILED_EXECUTION, on by default): a document seen a second time is compiled by graphql-jit
 * into one function for its selection set, and that function runs it from then on instead of graphql-js walking the
 * document for every request. Same resolvers, same loaders, same calls; the CPU spent executing drops (bench/README,
 * "Compiled execution"). Queries only: mutations stay with graphql-js, which stops a serial list at the first mutation
 * whose failure nulls the whole answer (graphql-jit would run the next one, a write whose answer nobody sees), and so
 * do subscriptions, documents with @skip or @include (graphql-jit places a field first selected in a skipped fragment
 * where that fragment was, not where graphql-js and the spec's field collection put it), with @defer or @stream
 * (graphql-jit answers all at once; yoga's executor delivers the parts), a document graphql-jit
 * cannot compile, and the first run of any document.
 *
 * What graphql-jit answers differently is made equal here, so no plugin after it can tell:
 * - its field errors are read-only objects with `locations` but no AST nodes (yoga rebuilds errors from their nodes,
 *   which would drop the locations): each becomes a graphql-js GraphQLError on the field nodes it names;
 * - variables it refuses (before any resolver runs) are refused by graphql-js instead, word for word: its messages,
 *   which errors.ts knows how to strip of the rejected value, and its 400 status.
 * One difference stays: a field without a resolver is read as a plain property, so a function there is not called
 * as graphql-js calls it (a promise is awaited by both; seen in a scratch run of both on one schema). Resolvers here
 * return plain values for such fields; test/schema-walk.test.ts, which runs compiled like the whole suite, walks every
 * field, where a function would show as a scalar that cannot be serialized or an object whose non-null fields are null.
 */
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { getOperationAST, GraphQLError, Kind, visit, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FieldNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { hasDirective } from '../document-directives.js';
import { perOperation } from '../per-operation.js';
import type { YogaOptions } from '../yoga.js';

/** Per document: how often it ran before compiling, then the compiled query (or null: graphql-js keeps it). */
type Entry = { runs: number; compiled?: CompiledQuery | null };

export function useCompiledExecution(options: Pick<YogaOptions, 'config'>): Plugin<Record<string, unknown>> {
  if (options.config.compiledExecution === 'off') return {};
  // A document is compiled the second time it runs: documents sent once (GraphiQL typing) never pay for compiling,
  // which takes 0.4–0.8 ms for the benchmark's documents (about two runs) and 10–36 ms, once, for one at the alias
  // limit (bench/README). `eager` compiles on the first run.
  const runsBeforeCompiling = options.config.compiledExecution === 'eager' ? 0 : 1;
  // Whether graphql-jit may run it is settled once, when the document and operation are first seen.
  const entryOf = perOperation<Entry>((args) =>
    getOperationAST(args.document, args.operationName)?.operation === 'query' && !hasDirective(args.document, GRAPHQL_JS_DIRECTIVES) ? { runs: 0 } : { runs: 0, compiled: null },
  );
  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    const entry = entryOf(args);
    if (entry.compiled !== undefined) return entry.compiled;
    if (entry.runs++ < runsBeforeCompiling) return null;
    let compiled: CompiledQuery | ExecutionResult | undefined;
    try {
      compiled = compileQuery(args.schema, args.document, args.operationName ?? undefined, {
        // The resolver's own error keeps its stack; the wrapper's would only say "generated code".
        disablingCapturingStackErrors: true,
      });
    } catch {
      // Whatever graphql-jit cannot compile, graphql-js runs as before.
    }
    // A document graphql-jit refuses (an unknown operation name, say) is graphql-js's to answer, with its errors.
    entry.compiled = compiled && isCompiledQuery(compiled) ? compiled : null;
    return entry.compiled;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      // Compiled from the document the executor is handed, which a later plugin may have rewritten (the response
      // cache adds the typenames and ids it invalidates by).
      setExecuteFn((executionArgs: ExecutionArgs) => {
        const compiled = compiledFor(executionArgs);
        if (!compiled) return executeFn(executionArgs);
        const result = compiled.query(executionArgs.rootValue, executionArgs.contextValue, executionArgs.variableValues ?? {});
        if (result instanceof Promise) return result.then((done) => withGraphQLJsErrors(done, executionArgs.document));
        if (refusedVariables(result)) return executeFn(executionArgs);
        return withGraphQLJsErrors(result, executionArgs.document);
      });
    },
  };
}

/** graphql-jit answers variables it cannot coerce with errors and no data, before running anything. */
function refusedVariables(result: ExecutionResult): boolean {
  return !!result.errors?.length && !('data' in result);
}

function withGraphQLJsErrors(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  // (Checked first: taking `rest` apart costs an object, and most answers have no errors.)
  const { errors = [], ...rest } = result;
  const fields = fieldsByLocation(document);
  // `errors` before `data`, in graphql-js's order, so that even the bytes agree.
  return {
    errors: errors.map((error) => {
      const nodes = (error.locations ?? []).map(({ line, column }) => fields.get(`${line}:${column}`)).filter((node) => node !== undefined);
      return new GraphQLError(error.message, {
        nodes,
        path: error.path,
        originalError: error.originalError ?? undefined,
        extensions: error.extensions,
      });
    }),
    ...rest,
  };
}

/** Directives whose documents graphql-js runs: conditional selections (@skip, @include), incremental delivery. */
const GRAPHQL_JS_DIRECTIVES = new Set(['skip', 'include', 'defer', 'stream']);


/** The document's fields by where they start (graphql-jit names a field by its location only). */
const fieldIndexes = new WeakMap<DocumentNode, Map<string, FieldNode>>();

function fieldsByLocation(document: DocumentNode): Map<string, FieldNode> {
  let index = fieldIndexes.get(document);
  if (index) return index;
  index = new Map();
  const found = index;
  visit(document, {
    [Kind.FIELD](node: FieldNode) {
      const start = node.loc?.startToken;
      if (start) found.set(`${start.line}:${start.column}`, node);
    },
  });
  fieldIndexes.set(document, index);
  return index;
}
