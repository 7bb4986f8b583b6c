/**
 * Custom connector writes (REFERENCE §16 #5–#7): create and update with the fields of Workato's "Create custom
 * connector" page, and release. A blank title or code and code over 10 MB are refused before any call.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { createCustomConnector, releaseCustomConnector, updateCustomConnector } from '../workato/custom-connectors.js';
import type { Workato } from '../workato/types.js';
import type { CustomConnectorMapper } from './mappers.js';
import { attempt, inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { workatoIntId } from './relay.js';
import { given } from './helpers.js';

/** api-docs "Create custom connector": the code may not exceed 10 MB. */
const MAX_CODE_BYTES = 10 * 1024 * 1024;

function writeErrors(input: { title?: string | null; code?: string | null }): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if (input.title != null && input.title.trim() === '') errors.push(inputError('INVALID', "title can't be blank", ['input', 'title']));
  if (input.code != null && input.code.trim() === '') errors.push(inputError('INVALID', "code can't be blank", ['input', 'code']));
  if (input.code != null && Buffer.byteLength(input.code) > MAX_CODE_BYTES) errors.push(inputError('INVALID', 'code is larger than 10 MB', ['input', 'code']));
  return errors;
}

/**
 * The payload of a create or update: the connector (primed for the rest of the request) and its newest version. A
 * write changes connector metadata (`GET /integrations` knows custom connectors by name): the caller's cached
 * reference data is dropped before the answer.
 */
async function written(loaders: ScopedLoaders, outcome: Outcome<Workato.CustomConnectorWritten>) {
  if (!outcome.ok) return { ...payload<'customConnector', CustomConnectorMapper>('customConnector', outcome), latestVersion: null };
  await loaders.dropReferenceData();
  return { customConnector: loaders.customConnectors.rememberCustomConnector(outcome.value), latestVersion: outcome.value.latest_version ?? null, userErrors: [] };
}

export const customConnectorMutationResolvers: Resolvers = {
  Mutation: {
    customConnectorCreate: async (_root, { input }, ctx) => {
      const loaders = ctx.loaders.scope();
      const invalid = writeErrors(input);
      if (invalid.length) return written(loaders, refused(invalid));
      const body = { title: input.title.trim(), code: input.code, ...given({ description: input.description, logo: input.logo, note: input.note }) };
      return written(loaders, await attempt(() => createCustomConnector(loaders.api, body)));
    },
    customConnectorUpdate: async (_root, { input }, ctx) => {
      const id = workatoIntId('CustomConnector', input.id, 'input.id');
      const loaders = ctx.loaders.scope();
      const invalid = writeErrors(input);
      if (invalid.length) return written(loaders, refused(invalid));
      const body: Workato.CustomConnectorWrite = given({ title: input.title?.trim(), code: input.code, description: input.description, logo: input.logo, note: input.note });
      return written(loaders, await attempt(() => updateCustomConnector(loaders.api, id, body)));
    },
    customConnectorRelease: async (_root, { input }, ctx) => {
      const id = workatoIntId('CustomConnector', input.id, 'input.id');
      const loaders = ctx.loaders.scope();
      const outcome = await attempt(() => releaseCustomConnector(loaders.api, id));
      if (!outcome.ok) return payload<'customConnector', CustomConnectorMapper>('customConnector', outcome);
      await loaders.dropReferenceData();
      return { customConnector: loaders.customConnectors.rememberCustomConnector(outcome.value), userErrors: [] };
    },
  },
};
