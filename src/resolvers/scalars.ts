import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';

/** Timestamps stay as Workato sent them, offset included (REFERENCE §3); input must at least parse as a date. */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 timestamp with its UTC offset.',
  serialize: (value) => String(value),
  parseValue: (value) => checkDate(value),
  parseLiteral: (ast) => checkDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function checkDate(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    // The value itself is not quoted: an input may hold credentials (errors.ts withoutEchoedValue).
    throw new TypeError('DateTime must be an ISO 8601 string such as 2025-06-12T08:41:07Z.');
  }
  return value;
}

function literal(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
}

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});

export const scalarResolvers: Resolvers = { DateTime, JSON: JSONScalar };
