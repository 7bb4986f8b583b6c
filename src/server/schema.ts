import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { PARENT_ONLY } from '../resolvers/helpers.js';
import { resolvers } from '../resolvers/index.js';
import { runAttributed } from '../workato/ledger.js';
import type { GatewayContext } from './context.js';
import { federationParts } from './federation.js';
import { noteMutationWrites } from './mutation-writes.js';

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
  const schema = makeExecutableSchema({
    typeDefs: [...typeDefs, ...federation.typeDefs],
    resolvers: [...(resolvers as never[]), federation.resolvers as never],
  });
  attributeCalls(schema);
  noteMutationWrites(schema);
  return schema;
}

/**
 * For a traced or explained request (plugins/workato-report.ts), every resolver that may call Workato runs with
 * its response path attributed (workato/ledger.ts), so each call names the fields it served; explain also notes
 * which fields ran. Resolvers that only read their parent (`parentOnly`) and default resolvers are left alone, and
 * an untraced request pays one property check per wrapped field.
 */
function attributeCalls(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as (GraphQLFieldResolver<unknown, GatewayContext> & { [PARENT_ONLY]?: true }) | undefined;
      if (!resolve || resolve[PARENT_ONLY]) continue;
      field.resolve = (source, args, ctx: GatewayContext, info) => {
        const ledger = ctx.api?.ledger;
        if (!ledger?.trace) return resolve(source, args, ctx, info);
        const parts: string[] = [];
        const indexed: Array<string | number> = [];
        for (let p: typeof info.path | undefined = info.path; p; p = p.prev) {
          indexed.unshift(p.key);
          if (typeof p.key === 'string') parts.unshift(p.key);
        }
        ledger.resolvedPaths?.add(parts.join('.'));
        return runAttributed({ paths: [indexed.join('.')] }, () => resolve(source, args, ctx, info));
      };
    }
  }
}
