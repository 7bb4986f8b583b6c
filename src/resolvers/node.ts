import type { Resolvers, ResolversTypes } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput, ErrorCode, gatewayError } from '../server/errors.js';
import { tagOne } from '../loaders/scope.js';
import { FAMILY_NODES } from './family-nodes.js';
import { typed } from './helpers.js';
import { fromGlobalId, keyShapeOf, toGlobalId, WORKATO_INT_ID, type GlobalId } from './relay.js';

export type NodeValue = ResolversTypes['Node'];

/** Resolves any global id through the same per-request loaders the typed fields use. */
export async function loadNode(id: string, ctx: GatewayContext): Promise<NodeValue> {
  const parsed = fromGlobalId(id);
  if (!parsed) throw notIssued(id);
  return loadNodeOf(parsed, ctx, id);
}

const notIssued = (id: string) => badUserInput(`"${id}" is not an id this API issued. Pass an \`id\` field's value.`, 'id');

/**
 * A node by its id's parts. Federation's `workatoId` representations come here directly: encoding a global id per
 * representation only to decode it again cost about 90 kB of allocation per `_entities` batch of 100. `given` is the
 * global id the caller passed, for messages; without one, it is encoded from the parts when a message needs it.
 */
export async function loadNodeOf(parsed: GlobalId, ctx: GatewayContext, given?: string): Promise<NodeValue> {
  const id = () => given ?? toGlobalId(parsed.type, parsed.keys, parsed.scope);
  // A one-part id has its type's shape (relay.ts KEY_SHAPES), checked here for every family: `Number()` alone reads
  // " 3307712 " or "0x327ac0" as recipe 3307712, and a 17-digit id as another recipe. (Connectors are named.)
  if (parsed.keys.length === 1 && parsed.type !== 'Connector' && !keyShapeOf(parsed.type).test(parsed.keys[0]!)) throw notIssued(id());
  const family = FAMILY_NODES[parsed.type];
  if (family) return family(parsed, ctx, id);
  const int = (i: number) => (WORKATO_INT_ID.test(parsed.keys[i] ?? '') ? Number(parsed.keys[i]) : NaN);
  if (parsed.type !== 'Connector' && !Number.isInteger(int(0))) throw notIssued(id());
  const loaders = ctx.loaders.scope(parsed.scope);
  switch (parsed.type) {
    case 'Workspace': {
      const me = await loaders.me();
      if (me.id !== int(0)) throw badUserInput('That workspace is not the one this token belongs to.', 'id');
      return typed(me, 'Workspace');
    }
    case 'Recipe':
      return typed(await loaders.recipeById.load(int(0)), 'Recipe');
    case 'RecipeVersion': {
      const [recipeId, versionId] = [int(0), int(1)];
      if (!Number.isInteger(versionId)) throw badUserInput(`"${id()}" is not a recipe version id this API issued.`, 'id');
      const version = await loaders.recipeVersionByKey.load({ recipeId, versionId });
      return { ...version, recipe_id: recipeId, __typename: 'RecipeVersion' };
    }
    case 'Job': {
      const [recipeId, handle] = [int(0), parsed.keys[1]];
      if (!handle) throw badUserInput(`"${id()}" is not a job id this API issued.`, 'id');
      const job = await loaders.jobByKey.load({ recipeId, handle });
      return tagOne({ ...job, recipe_id: recipeId, __typename: 'Job' as const }, parsed.scope);
    }
    case 'Connection':
      return typed(await loaders.connectionById.load(int(0)), 'Connection');
    case 'Connector': {
      const connector = await ctx.loaders.connectors.connectorByName.load(parsed.keys[0]!);
      if (!connector) throw badUserInput(`No connector named "${parsed.keys[0]}".`, 'id');
      return typed(connector, 'Connector');
    }
    case 'Folder':
      return typed(await loaders.folderById.load(int(0)), 'Folder');
    case 'Project':
      return typed(await loaders.projectById.load(int(0)), 'Project');
    case 'ProjectBuild':
      return typed(await loaders.projectBuildById.load(int(0)), 'ProjectBuild');
    case 'Deployment':
      return typed(await loaders.deploymentById.load(int(0)), 'Deployment');
    case 'ExportManifest':
      return typed(await loaders.exportManifestById.load(int(0)), 'ExportManifest');
    case 'ManagedUser':
      // Customers live in the partner workspace; their own objects carry them as scope instead.
      if (parsed.scope !== undefined) throw badUserInput(`"${id()}" is not an id this API issued.`, 'id');
      return typed(await ctx.loaders.managedUsers.managedUserBySegment.load(String(int(0))), 'ManagedUser');
    case 'Member':
      return typed(await loaders.memberById.load(int(0)), 'Member');
    case 'LookupTable':
      return typed(await loaders.lookupTableById.load(int(0)), 'LookupTable');
    default:
      throw notIssued(id());
  }
}

/**
 * Refuses a list of more ids than MAX_IDS before anything is loaded: each id may cost a Workato call, and with a
 * server token every caller shares its quota.
 */
export function checkIdCount(count: number, ctx: GatewayContext, argument: string): void {
  if (count <= ctx.maxIds) return;
  throw gatewayError(ErrorCode.TOO_MANY_IDS, `Too many ids: \`${argument}\` has ${count}, and this gateway loads at most ${ctx.maxIds} at once (MAX_IDS).`, {
    argument,
    max: ctx.maxIds,
  });
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, args, ctx) => loadNode(args.id, ctx),
    // Each id resolves on its own: one missing id is null (with its error), the rest still load, in one batch.
    nodes: (_root, args, ctx) => {
      checkIdCount(args.ids.length, ctx, 'ids');
      return args.ids.map((id) => loadNode(id, ctx).catch((e: unknown) => e as Error)) as never;
    },
  },
  Node: {
    __resolveType: (node) => node.__typename,
  },
};
