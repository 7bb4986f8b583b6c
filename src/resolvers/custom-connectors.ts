/**
 * Custom (SDK) connectors (REFERENCE §16.3): the list and one connector (list-and-index, no get-by-id), each one's
 * code (its own call), its `Connector` metadata where Workato knows the name, and the two schema generators.
 */
import type { CsvColumnSeparator, Resolvers } from '../generated/graphql.js';
import { badUserInput } from '../server/errors.js';
import { generateSchemaFromCsv, generateSchemaFromJson } from '../workato/custom-connectors.js';
import { inputFieldChoices } from '../workato/inferred.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { list, prop, toWire, typed, workatoId } from './helpers.js';
import type { SchemaFieldMapper } from './mappers.js';
import { attempt, inputError, payload, refused } from './payload.js';
import { globalIdOf, pageOfList, pageSize, workatoIntId } from './relay.js';

/** node(id) of a custom connector: from the list, read once per request. */
export const customConnectorNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const key = Number(parsed.keys[0]);
  if (!Number.isSafeInteger(key)) throw badUserInput(`"${id()}" is not a custom connector id this API issued.`, 'id');
  return typed(await ctx.loaders.scope(parsed.scope).customConnectors.customConnectorById.load(key), 'CustomConnector');
};

/** A JSON sample must parse before Workato sees it. */
function jsonSampleError(sample: string) {
  try {
    const value: unknown = JSON.parse(sample);
    if (value && typeof value === 'object') return null;
  } catch {
    // reported below
  }
  return inputError('INVALID', 'The sample must be JSON text holding an object or an array of objects.', ['input', 'sample']);
}

export const customConnectorResolvers: Resolvers = {
  Query: {
    customConnectors: async (_root, args, ctx) => {
      const all = await ctx.loaders.scope().customConnectors.customConnectors();
      return { ...pageOfList(all, pageSize(args.first), args.after), totalCount: all.length };
    },
    customConnector: (_root, args, ctx) =>
      ctx.loaders.scope().customConnectors.customConnectorById.load(workatoIntId('CustomConnector', args.id, 'id')),
  },
  Mutation: {
    customConnectorSchemaFromJson: async (_root, { input }, ctx) => {
      const invalid = jsonSampleError(input.sample);
      if (invalid) return payload<'fields', SchemaFieldMapper[]>('fields', refused([invalid]));
      const outcome = await attempt(() => generateSchemaFromJson(ctx.loaders.scope().api, input.sample), ['input', 'sample']);
      return payload('fields', outcome);
    },
    customConnectorSchemaFromCsv: async (_root, { input }, ctx) => {
      if (input.sample.trim() === '') {
        return payload<'fields', SchemaFieldMapper[]>('fields', refused([inputError('INVALID', 'The sample must start with a header row.', ['input', 'sample'])]));
      }
      const separator = toWire<CsvColumnSeparator>(input.columnSeparator ?? 'COMMA')!;
      const outcome = await attempt(() => generateSchemaFromCsv(ctx.loaders.scope().api, input.sample, separator), ['input', 'sample']);
      return payload('fields', outcome);
    },
  },
  CustomConnector: {
    id: (c) => globalIdOf('CustomConnector', c, c.id),
    workatoId,
    latestReleasedVersion: prop('latest_released_version'),
    latestReleasedVersionNote: prop('latest_released_version_note'),
    releasedVersions: list('released_versions'),
    staticWebhookUrl: prop('static_webhook_url'),
    connector: (c, _args, ctx) => ctx.loaders.connectors.connectorByName.load(c.name),
    code: (c, _args, ctx) => ctx.loaders.scope().customConnectors.customConnectorCode.load(c.id),
  },
  CustomConnectorVersion: {
    versionNote: prop('version_note'),
    createdAt: prop('created_at'),
    releasedAt: prop('released_at'),
  },
  // One Workato schema field: a generator's answer, or a field of a connection form (input-schemas.ts).
  SchemaField: {
    controlType: prop('control_type'),
    hint: prop('hint'),
    // The connector SDK's default: a value is required unless the field says otherwise.
    optional: (f) => f.optional === true,
    default: (f) => f.default ?? null,
    options: (f) => inputFieldChoices(f).options,
    pickList: (f) => inputFieldChoices(f).pickList,
    visibleWhen: prop('ngIf'),
    extendsSchema: (f) => f.extends_schema === true,
    attributes: (f) => f,
  },
};
