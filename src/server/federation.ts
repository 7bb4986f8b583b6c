/**
 * Apollo Federation v2 subgraph support, added to the same makeExecutableSchema call as everything else:
 * `_service { sdl }`, `_entities(representations)` resolved through the per-request loaders, and the `_Entity`
 * union of every type with a `@key` in schema/. Written here rather than with @apollo/subgraph so that
 * @graphql-tools/schema stays the one place where type definitions meet resolvers, and entity lookups reuse the
 * loaders (a batch of representations costs the same calls as the equivalent `nodes` query).
 */
import { Kind, parse, print, type DefinitionNode, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import type { GatewayContext } from './context.js';
import { badUserInput } from './errors.js';
import { checkIdCount, loadNode, loadNodeOf } from '../resolvers/node.js';
import { fromGlobalId, keyShapeOf, type NodeType } from '../resolvers/relay.js';

const FEDERATION_NAMES = new Set([
  'link', 'key', 'shareable', 'external', 'requires', 'provides', 'inaccessible', 'tag',
  'federation__FieldSet', 'link__Import', 'link__Purpose', '_Any', '_Service', '_Entity',
]);

type TypeNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

/** Object types carrying `@key`, with their key field sets. */
export function entityKeys(documents: DocumentNode[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      for (const directive of (def as TypeNode).directives ?? []) {
        if (directive.name.value !== 'key') continue;
        const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
        if (fields?.kind === Kind.STRING) keys.set(def.name.value, [...(keys.get(def.name.value) ?? []), fields.value]);
      }
    }
  }
  return keys;
}

/**
 * The published subgraph SDL: the SDL files as written, minus the federation definitions that `@link` imports
 * (schema/federation.graphql keeps them for this server, codegen and the linter).
 */
export function subgraphSdl(typeDefs: string[]): string {
  return typeDefs
    .map((sdl) => {
      const doc = parse(sdl);
      const kept = doc.definitions.filter((d: DefinitionNode) => !('name' in d && d.name && FEDERATION_NAMES.has(d.name.value)));
      return kept.length ? print({ ...doc, definitions: kept }) : '';
    })
    .filter(Boolean)
    .join('\n\n');
}

export interface FederationParts {
  typeDefs: string[];
  resolvers: Record<string, unknown>;
}

/** The federation type definitions and resolvers for a schema made of `typeDefs`. */
export function federationParts(typeDefs: string[]): FederationParts {
  const keys = entityKeys(typeDefs.map((t) => parse(t)));
  const entities = [...keys.keys()].sort();
  const sdl = subgraphSdl(typeDefs);
  const parts: string[] = [];
  if (entities.length) {
    parts.push(/* GraphQL */ `
      "Every type other subgraphs can reference by key."
      union _Entity = ${entities.join(' | ')}
      extend type Query {
        "Federation: resolve entities of this subgraph from their key fields (used by the supergraph router)."
        _entities("Representations: \`__typename\` plus key fields." representations: [_Any!]!): [_Entity]!
        "Federation: this subgraph's SDL."
        _service: _Service!
      }
    `);
  }
  return {
    typeDefs: parts,
    resolvers: {
      Query: {
        _service: () => ({ sdl }),
        // One promise per representation, all started together: the loaders batch and de-duplicate them.
        _entities: (_root: unknown, args: { representations: Array<Record<string, unknown>> }, ctx: GatewayContext) => {
          checkIdCount(args.representations.length, ctx, 'representations');
          return args.representations.map((rep) => resolveEntity(rep, keys, ctx).catch((e: unknown) => e as Error));
        },
      },
      _Entity: { __resolveType: (value: { __typename: string }) => value.__typename },
    },
  };
}

/**
 * A representation by global `id`, or by Workato id (`workatoId`, or `name` for connectors), of a type with a @key
 * (`entities`). Everything is checked before anything is loaded: a representation the router could not have made
 * costs no Workato call.
 */
async function resolveEntity(rep: Record<string, unknown>, entities: ReadonlyMap<string, string[]>, ctx: GatewayContext) {
  const type = rep.__typename;
  if (typeof type !== 'string' || !entities.has(type)) {
    throw badUserInput(`Unknown entity type ${JSON.stringify(type)}.`, 'representations');
  }
  const nodeType = type as NodeType;
  if (typeof rep.id === 'string') {
    const parsed = fromGlobalId(rep.id);
    if (parsed && parsed.type !== type) throw badUserInput(`The id of a ${type} representation belongs to a ${parsed.type}.`, 'representations');
    // Decoded once: an id that does not decode gets loadNode's refusal.
    return parsed ? loadNodeOf(parsed, ctx, rep.id) : loadNode(rep.id, ctx);
  }
  // A Workato key names an object of the caller's own workspace (scope undefined), as `workatoId` fields do.
  const key = nodeType === 'Connector' ? rep.name : rep.workatoId;
  const keyName = nodeType === 'Connector' ? 'name' : 'workatoId';
  if (key === undefined || key === null) throw badUserInput(`A ${type} representation needs \`id\` or \`${keyName}\`.`, 'representations');
  if (!(typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key)))) {
    throw badUserInput(`The \`${keyName}\` of a ${type} representation must be a string or an integer.`, 'representations');
  }
  if (nodeType !== 'Connector' && !keyShapeOf(nodeType).test(String(key))) {
    throw badUserInput(`${JSON.stringify(String(key).slice(0, 80))} is not the \`workatoId\` of a ${type}.`, 'representations');
  }
  return loadNodeOf({ type: nodeType, scope: undefined, keys: [String(key)] }, ctx, String(key));
}
