/**
 * Identical queries of the same caller in flight share one run: a query that arrives while the same document,
 * operation name and variables of the same token (its keyed hash) are already being executed waits for that run's
 * result instead of resolving every field again. It is the REST client's rule for reads (workato/http.ts) one level
 * up, and it saves what that rule cannot: the resolvers, loaders and result building of every request after the first
 * (a dashboard open in several tabs, callers of one server token; bench/README measures it under load).
 *
 * Never across tokens; never for a mutation or a subscription; never past the run's end (that is the response
 * cache's job, with its TTL); never for a trace or an explanation, which report their own calls; never for a
 * document that reads a secret, a live figure or a field built from the caller's request (secrets.ts). A mutation of
 * the caller forgets its runs in flight, so a query sent after the mutation never takes an answer read before it.
 * Only a result without errors is shared: when the run fails or answers with errors, each request that waited for it
 * runs on its own and answers for itself (its own request id, its own errors).
 *
 * A shared answer made no Workato call: its cost report says `calls` 0 and `cached` 1, as a response cache hit.
 * OPERATION_SHARING=off runs every request on its own.
 */
import { getNamedType, getOperationAST, Kind, TypeInfo, visit, visitWithTypeInfo, BREAK, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { isAsyncIterable } from '../result-events.js';
import { SHARED_RESULT } from '../reused-results.js';
import { perOperation } from '../per-operation.js';
import { UNCACHED_SCHEMA_COORDINATES } from '../secrets.js';
import { stableJson } from '../stable-json.js';
import type { YogaOptions } from '../yoga.js';

/** A run in flight: its answer when it is shareable, undefined when every waiting request must run on its own. */
type Run = Promise<ExecutionResult | undefined>;

/** One run in flight, with its variables (as JSON with sorted keys once a request of the same operation asks). */
type Entry = { variables: Record<string, unknown>; json?: string; run: Run };

/**
 * What sharing makes of an operation (a query it may share, a mutation that ends the caller's runs, or neither), and
 * the number its runs are kept under.
 */
type Operation = { sharing: 'query' | 'mutation' | 'never'; id: number };

export function useOperationSharing(options: Pick<YogaOptions, 'config'>): Plugin<Record<string, unknown>> {
  if (!options.config.operationSharing || options.config.benchDisableBatching) return {};
  /**
   * Runs in flight, by caller (keyed token hash), then by operation (document and operation name). The variables
   * are compared only among runs of the same operation: most requests find none, and never pay for writing theirs
   * out (76 µs for 100 federation representations).
   */
  const running = new Map<string, Map<number, Entry[]>>();
  let operations = 0;
  const operationOf = perOperation<Operation>((args) => {
    const kind = getOperationAST(args.document, args.operationName)?.operation;
    const sharing = kind === 'mutation' ? 'mutation' : kind === 'query' && !readsUnshareable(args.schema, args.document) ? 'query' : 'never';
    return { sharing, id: operations++ };
  });
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as Partial<GatewayContext>;
      const caller = context.api?.callerKey;
      if (caller === undefined || caller === 'anonymous') return;
      const { sharing, id: operation } = operationOf(args);
      if (sharing === 'mutation') {
        // What the caller's queries in flight read may be what this mutation changes: forgotten when it starts, and
        // again when it ends (a query that started meanwhile may have read the state before the write).
        running.delete(caller);
        return { onExecuteDone: () => void running.delete(caller) };
      }
      if (sharing === 'never' || context.report?.trace || context.report?.explain) return;
      const variables = args.variableValues ?? {};
      setExecuteFn((executionArgs: ExecutionArgs) => {
        const runs = running.get(caller);
        const sameDocument = runs?.get(operation);
        let json: string | undefined;
        if (sameDocument) {
          json = stableJson(variables);
          const first = sameDocument.find((entry) => (entry.json ??= stableJson(entry.variables)) === json);
          if (first) {
            return first.run.then(
              (result) => (result ? { ...result, [SHARED_RESULT]: true } : executeFn(executionArgs)),
              () => executeFn(executionArgs),
            );
          }
        }
        const run = Promise.resolve(executeFn(executionArgs) as ExecutionResult | Promise<ExecutionResult>);
        // A copy of the answer as the run returned it: plugins after this one may replace its fields for the first
        // request (the response cache swaps `data` for one without the fields it added), not for the others.
        const entry: Entry = { variables, json, run: run.then((result) => (isAsyncIterable(result) || result.errors?.length ? undefined : { ...result })) };
        const mine = runs ?? new Map<number, Entry[]>();
        if (!runs) running.set(caller, mine);
        const list = sameDocument ?? [];
        if (!sameDocument) mine.set(operation, list);
        list.push(entry);
        const forget = (): void => {
          const at = list.indexOf(entry);
          if (at < 0) return;
          list.splice(at, 1);
          if (list.length || mine.get(operation) !== list) return;
          mine.delete(operation);
          if (mine.size === 0 && running.get(caller) === mine) running.delete(caller);
        };
        entry.run.then(forget, forget);
        return run;
      });
    },
  };
}

const UNSHAREABLE = new Set(UNCACHED_SCHEMA_COORDINATES);

/** Whether the document selects a coordinate (`Type.field`) or a type whose answer must go to one request only. */
function readsUnshareable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](node) {
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        if ((parent && UNSHAREABLE.has(`${parent.name}.${node.name.value}`)) || (type && UNSHAREABLE.has(getNamedType(type).name))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}
