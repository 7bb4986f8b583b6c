import type { Resolvers, ResolversTypes } from '../generated/graphql.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { tag } from '../loaders/scope.js';
import { fromGlobalId } from './relay.js';

type NodeValue = ResolversTypes['Node'];

/** Resolves any global id through the same per-request loaders the typed fields use. */
export async function loadNode(id: string, ctx: GatewayContext): Promise<NodeValue> {
  const parsed = fromGlobalId(id);
  const int = (i: number) => Number(parsed?.keys[i]);
  if (!parsed || (parsed.type !== 'Connector' && parsed.type !== 'Job' && !Number.isInteger(int(0)))) {
    throw badUserInput(`"${id}" is not an id this API issued. Pass an \`id\` field's value.`, 'id');
  }
  const loaders = ctx.loaders.scope(parsed.scope);
  switch (parsed.type) {
    case 'Workspace': {
      const me = await loaders.me();
      if (me.id !== int(0)) throw badUserInput('That workspace is not the one this token belongs to.', 'id');
      return { ...me, __typename: 'Workspace' };
    }
    case 'Recipe':
      return { ...(await loaders.recipeById.load(int(0))), __typename: 'Recipe' };
    case 'RecipeVersion': {
      const [recipeId, versionId] = [int(0), int(1)];
      if (!Number.isInteger(versionId)) throw badUserInput(`"${id}" is not a recipe version id this API issued.`, 'id');
      const version = await loaders.recipeVersionByKey.load({ recipeId, versionId });
      return { ...version, recipe_id: recipeId, __typename: 'RecipeVersion' };
    }
    case 'Job': {
      const [recipeId, handle] = [int(0), parsed.keys[1]];
      if (!Number.isInteger(recipeId) || !handle) throw badUserInput(`"${id}" is not a job id this API issued.`, 'id');
      const job = await loaders.jobByKey.load({ recipeId, handle });
      return { ...tag([{ ...job, recipe_id: recipeId }], parsed.scope)[0]!, __typename: 'Job' };
    }
    case 'Connection':
      return { ...(await loaders.connectionById.load(int(0))), __typename: 'Connection' };
    case 'Connector': {
      const connector = await ctx.loaders.connectors.connectorByName.load(parsed.keys[0]!);
      if (!connector) throw badUserInput(`No connector named "${parsed.keys[0]}".`, 'id');
      return { ...connector, __typename: 'Connector' };
    }
    case 'Folder':
      return { ...(await loaders.folderById.load(int(0))), __typename: 'Folder' };
    case 'Project':
      return { ...(await loaders.projectById.load(int(0))), __typename: 'Project' };
    case 'ProjectBuild':
      return { ...(await loaders.projectBuildById.load(int(0))), __typename: 'ProjectBuild' };
    case 'Deployment':
      return { ...(await loaders.deploymentById.load(int(0))), __typename: 'Deployment' };
    case 'ExportManifest':
      return { ...(await loaders.exportManifestById.load(int(0))), __typename: 'ExportManifest' };
    case 'Package':
      return { ...(await loaders.packageById.load(int(0))), __typename: 'Package' };
    case 'ManagedUser':
      // Customers live in the partner workspace; their own objects carry them as scope instead.
      if (parsed.scope !== undefined) throw badUserInput(`"${id}" is not an id this API issued.`, 'id');
      return { ...(await ctx.loaders.managedUsers.managedUserBySegment.load(String(int(0)))), __typename: 'ManagedUser' };
    case 'Member':
      return { ...(await loaders.memberById.load(int(0))), __typename: 'Member' };
    case 'LookupTable':
      return { ...(await loaders.lookupTableById.load(int(0))), __typename: 'LookupTable' };
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
