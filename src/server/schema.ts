import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers/index.js';
import { federationParts } from './federation.js';

/** schema/ sits two levels above this module both in src/server and in dist/server: never read from the cwd. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The SDL files, base.graphql first (it declares the root types the others extend). */
export function readTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(`${dir}${f}`, 'utf8'));
}

/** The one place type definitions meet resolvers: the domain SDL and resolvers plus the federation parts. */
export function buildSchema(): GraphQLSchema {
  const typeDefs = readTypeDefs();
  const federation = federationParts(typeDefs);
  return makeExecutableSchema({
    typeDefs: [...typeDefs, ...federation.typeDefs],
    resolvers: [...(resolvers as never[]), federation.resolvers as never],
  });
}
