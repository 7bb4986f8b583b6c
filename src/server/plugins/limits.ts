/**
 * What one request may ask: depth, cost, aliases, directives and tokens (graphql-armor), introspection on or off,
 * and field suggestions ("Did you mean …?") hidden in production. Each refusal carries its own `extensions.code`
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
    // yoga JSON.parses GET `variables`/`extensions` unguarded: a malformed one would surface as an internal error.
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
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
