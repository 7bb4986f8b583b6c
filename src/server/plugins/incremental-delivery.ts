/**
 * `@defer` and `@stream` on queries (yoga's defer-stream plugin: the directives in the schema, their validation
 * rules; yoga's executor delivers the parts as `multipart/mixed`, or as server-sent events when asked for). A
 * dashboard shows its recipes while each recipe's jobs — a Workato call per recipe, under the jobs quota — are still
 * on their way. Each part carries its own `extensions.workato`: the calls made since the part before.
 *
 * Queries only: a mutation's answer goes out whole, because the response cache evicts what the answer holds before
 * it leaves (response-cache.ts), and a subscription's events are already parts of their own.
 */
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { hasDirective } from '../document-directives.js';
import { ErrorCode, gatewayError } from '../errors.js';
import type { Plugin } from 'graphql-yoga';

const INCREMENTAL = new Set(['defer', 'stream']);

/**
 * Refuses @defer and @stream outside query operations (and in fragments that such an operation spreads), and a
 * negative @stream(initialCount:) literal (the executor would fail on it mid-answer; errors.ts maps a variable's).
 */
function IncrementalDeliveryRule(context: ValidationContext): ASTVisitor {
  return {
    Directive(directive) {
      if (directive.name.value !== 'stream') return;
      const initialCount = directive.arguments?.find((argument) => argument.name.value === 'initialCount')?.value;
      if (initialCount?.kind === Kind.INT && Number(initialCount.value) < 0) {
        context.reportError(new GraphQLError('@stream(initialCount:) must be 0 or more.', { nodes: [initialCount] }));
      }
    },
    OperationDefinition(operation) {
      if (operation.operation === 'query') return;
      const seen = new Set<string>();
      const check = (selectionSet: SelectionSetNode | undefined): void => {
        for (const selection of selectionSet?.selections ?? []) {
          const directive = selection.directives?.find((d) => INCREMENTAL.has(d.name.value));
          if (directive) {
            context.reportError(new GraphQLError(`@${directive.name.value} is for queries: a ${operation.operation}'s answer is sent whole.`, { nodes: [directive] }));
          }
          if (selection.kind !== Kind.FRAGMENT_SPREAD) check(selection.selectionSet);
          else if (!seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            check(context.getFragment(selection.name.value)?.selectionSet);
          }
        }
      };
      check(operation.selectionSet);
    },
  };
}

/** Whether a document asks for incremental delivery anywhere; worked out once per document. */
const incremental = new WeakMap<DocumentNode, boolean>();
function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = incremental.get(document);
  if (found === undefined) incremental.set(document, (found = hasDirective(document, INCREMENTAL)));
  return found;
}

/** The media types yoga sends the parts of an answer in. */
const PARTS = /multipart\/mixed|text\/event-stream|\*\/\*/i;

export function useIncrementalDelivery(): Plugin<Record<string, unknown>> {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useDeferStream() as Plugin<Record<string, unknown>>);
    },
    onValidate({ addValidationRule }) {
      addValidationRule(IncrementalDeliveryRule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      // Yoga would answer such a client 406 with an empty body once the parts began: say why, before any call.
      if (!usesIncrementalDelivery(args.document)) return;
      const accept = (args.contextValue as { request?: Request }).request?.headers.get('accept') ?? '*/*';
      if (PARTS.test(accept)) return;
      setResultAndStopExecution({
        errors: [gatewayError(ErrorCode.NOT_ACCEPTABLE, 'This query uses @defer or @stream, whose answer comes in parts: send `Accept: multipart/mixed` or `Accept: text/event-stream`.', { http: { status: 406 } })],
      });
    },
  };
}
