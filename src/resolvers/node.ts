import type { Resolvers, ResolversTypes } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { tagOne } from '../loaders/scope.js';
import { FAMILY_NODES } from './family-nodes.js';
import { typed } from './helpers.js';
import { fromGlobalId, toGlobalId, type GlobalId, type NodeType } from './relay.js';

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
  const family = FAMILY_NODES[parsed.type];
  if (family) return family(parsed, ctx, id);
  const int = (i: number) => Number(parsed.keys[i]);
  if (parsed.type !== 'Connector' && parsed.type !== 'Job' && !Number.isInteger(int(0))) throw notIssued(id());
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
      if (!Number.isInteger(recipeId) || !handle) throw badUserInput(`"${id()}" is not a job id this API issued.`, 'id');
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

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, args, ctx) => loadNode(args.id, ctx),
    // Each id resolves on its own: one missing id is null (with its error), the rest still load, in one batch.
    nodes: (_root, args, ctx) => args.ids.map((id) => loadNode(id, ctx).catch((e: unknown) => e as Error)) as never,
  },
  Node: {
    __resolveType: (node) => node.__typename,
  },
};
