/**
 * `npm run schema:print` writes the published subgraph SDL (what `_service { sdl }` serves) to
 * published/subgraph.graphql, for schema registries and composition.
 * `npm run schema:check` (part of `npm test`) compares the current SDL with that committed file and fails when they
 * differ, listing breaking changes first: a breaking change lands only together with the updated file, so it shows
 * up in review. `print` also rewrites the router's supergraph in deploy/ (scripts/supergraph.ts) from the new SDL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { subgraphSdl } from '../src/server/federation.js';
import { readTypeDefs } from '../src/server/schema.js';
import { composeDeploySupergraph, DEPLOY_SUPERGRAPH } from './supergraph.js';

const PUBLISHED = fileURLToPath(new URL('../published/subgraph.graphql', import.meta.url));

/** The federation directives the published SDL uses through @link, so it builds as a plain schema for the diff. */
const FEDERATION_DEFS = readTypeDefs().find((sdl) => sdl.includes('directive @key')) ?? '';

function asSchema(sdl: string): GraphQLSchema {
  const defs = FEDERATION_DEFS.replace(/^extend schema .*$/m, '');
  return buildASTSchema(parse(`${sdl}\n${defs}`), { assumeValidSDL: true });
}

const current = `${subgraphSdl(readTypeDefs())}\n`;
const mode = process.argv[2];

if (mode === 'print') {
  writeFileSync(PUBLISHED, current);
  console.log(`Wrote ${PUBLISHED}`);
  writeFileSync(DEPLOY_SUPERGRAPH, composeDeploySupergraph(current));
  console.log(`Wrote ${DEPLOY_SUPERGRAPH}`);
} else if (mode === 'check') {
  let published = '';
  try {
    published = readFileSync(PUBLISHED, 'utf8');
  } catch {
    console.error('published/subgraph.graphql is missing: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  if (published === current) {
    console.log('Published subgraph SDL is up to date.');
  } else {
    const changes = await diff(asSchema(published), asSchema(current));
    const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
    const others = changes.filter((c) => c.criticality.level !== CriticalityLevel.Breaking);
    if (breaking.length) {
      console.error(`BREAKING changes to the public schema (${breaking.length}):`);
      for (const c of breaking) console.error(`  ✖ ${c.message}`);
    }
    if (others.length) {
      console.error(`Other changes (${others.length}):`);
      for (const c of others) console.error(`  • ${c.message}`);
    }
    console.error(
      '\npublished/subgraph.graphql does not match the schema. If these changes are intended, run `npm run schema:print` ' +
        'and commit the file with them (breaking changes need a note for subgraph consumers).',
    );
    process.exit(1);
  }
} else {
  console.error('usage: tsx scripts/schema.ts print|check');
  process.exit(2);
}
