/**
 * What one request may ask: depth, cost, aliases, directives and tokens (graphql-armor), how deeply its variables
 * nest (MAX_VARIABLE_DEPTH), introspection on or off, and field suggestions ("Did you mean …?") hidden in production. Each refusal carries its own `extensions.code`
 * and names the limit, so a client developer knows which setting to ask about (README "Limits").
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import type { YogaOptions } from '../yoga.js';

type Reject = (ctx: ValidationContext | null, error: GraphQLError) => void;

/**
 * armor reports "Syntax Error: Query depth limit of 12 exceeded, found 14."; we keep its numbers and give the error a
 * code. Validation rules report into the context; the token counter runs inside the parser, so it throws.
 */
function reject(code: ErrorCode, what: string): Reject {
  return (ctx, error) => {
    const detail = error.message.replace(/^Syntax Error:\s*/, '');
    const coded = new GraphQLError(`${what}: ${detail}`, { extensions: { code, http: { status: 400 } } });
    if (ctx) ctx.reportError(coded);
    else throw coded;
  };
}

/**
 * Like graphql's NoSchemaIntrospectionCustomRule, with a code. `__typename` stays allowed. Federation's `_service`
 * hands out the whole SDL as well, so it is refused too: a supergraph is composed from published/subgraph.graphql.
 */
const noIntrospection: ValidationRule = (context): ASTVisitor => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type' || (name === '_service' && context.getParentType()?.name === 'Query')) {
      context.reportError(
        new GraphQLError('Introspection is disabled on this gateway (INTROSPECTION=false).', {
          nodes: node,
          extensions: { code: ErrorCode.INTROSPECTION_DISABLED, http: { status: 400 } },
        }),
      );
    }
  },
});

/**
 * Refuses variables whose values nest objects and lists deeper than `max` (a scalar is depth 0, `{"a": 1}` depth 1),
 * walked with an explicit stack: the check itself must not recurse.
 */
function checkVariableDepth(variables: unknown, max: number): void {
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return;
  for (const [name, value] of Object.entries(variables as Record<string, unknown>)) {
    const pending: Array<[unknown, number]> = [[value, 0]];
    while (pending.length) {
      const [item, depth] = pending.pop()!;
      if (!item || typeof item !== 'object') continue;
      if (depth + 1 > max) {
        throw new GraphQLError(
          `Variables too deep: "$${name.slice(0, 100)}" nests objects and lists more than ${max} levels deep (MAX_VARIABLE_DEPTH).`,
          { extensions: { code: ErrorCode.VARIABLES_TOO_DEEP, http: { status: 400 } } },
        );
      }
      for (const child of Array.isArray(item) ? item : Object.values(item)) {
        if (child && typeof child === 'object') pending.push([child, depth + 1]);
      }
    }
  }
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function useLimits(options: YogaOptions): Plugin<Record<string, unknown>> {
  const limits = options.config.limits;
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [reject(ErrorCode.QUERY_TOO_DEEP, 'Query too deep')] },
    costLimit: { maxCost: limits.maxCost, propagateOnRejection: false, onReject: [reject(ErrorCode.QUERY_TOO_COMPLEX, 'Query too complex')] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_ALIASES, 'Too many aliases')] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_DIRECTIVES, 'Too many directives')] },
    maxTokens: { n: limits.maxTokens, propagateOnRejection: true, onReject: [reject(ErrorCode.TOO_MANY_TOKENS, 'Document too long')] },
    // Suggestions are hidden below for every error, not only validation errors as armor does.
    blockFieldSuggestion: { enabled: false },
  });
  return {
    onRequestParse({ request, url }) {
      // yoga JSON.parses GET `variables`/`extensions` unguarded: a malformed one would surface as an internal error.
      if (request.method === 'GET') {
        for (const name of ['variables', 'extensions']) {
          const raw = url.searchParams.get(name);
          if (raw === null) continue;
          try {
            JSON.parse(raw);
          } catch {
            throw new GraphQLError(`The "${name}" query parameter is not valid JSON.`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
        }
      }
      // Right after parsing, before any plugin, the cache key or graphql-js reads the variables: their readers
      // recurse, and a JSON scalar nested 20,000 levels overflowed the stack (an internal error, logged as a fault).
      return {
        onRequestParseDone({ requestParserResult }) {
          for (const params of Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult]) {
            checkVariableDepth(params?.variables, limits.maxVariableDepth);
          }
        },
      };
    },
    onPluginInit({ addPlugin }) {
      addPlugin(armor as unknown as Plugin<Record<string, unknown>>);
    },
    onValidate({ addValidationRule }) {
      if (!limits.introspection) addValidationRule(noIntrospection);
    },
    onResultProcess({ result }) {
      if (limits.fieldSuggestions) return;
      // Variable coercion ("Did you mean the enum value …?") happens after validation; scrub every result.
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: Array<{ message: string }> }).errors;
        if (!errors) continue;
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      }
    },
  };
}
