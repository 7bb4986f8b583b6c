/**
 * API platform writes (REFERENCE §22). What the docs limit is checked before any call (a userError with its
 * `field`); Workato's 400/404/422 and 200 `success: false` become userErrors. Key secrets (`auth_token`) appear only
 * in the create and refresh payloads (server/secrets.ts keeps them out of logs and the response cache). A customer's
 * collections, endpoints, clients and keys (§17.8) are written under /managed_users/:id: with `managedUser`, or ids
 * of the customer's, which name it.
 */
import type { ApiJwtMethod, ApiPlatformAuthType, OpenApiFormat, Resolvers } from '../generated/graphql.js';
import type { ApiKeyOf } from '../loaders/api-platform.js';
import { NotFoundError, nullIfNotFound } from '../loaders/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { tagOne } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import {
  changeApiKey,
  createApiClient,
  createApiCollection,
  createApiEndpoint,
  createApiKey,
  deleteApiClient,
  deleteApiCollection,
  deleteApiKey,
  setApiEndpointEnabled,
  updateApiClient,
} from '../workato/api-platform.js';
import { API_ENDPOINT_RECIPE_STOPPED } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { given, toWire } from './helpers.js';
import { customerSegment, type CustomerRef } from './managed-users.js';
import type { ApiEndpointMapper, ApiPlatformClientMapper } from './mappers.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { fromGlobalId, toGlobalId, WORKATO_INT_ID, workatoKey, type NodeType } from './relay.js';
import { idArg, workspaceOf, type IdArg } from './writes.js';

const blank = (value: string | null | undefined) => value == null || value.trim() === '';
const invalid = (message: string, ...field: string[]) => inputError('INVALID', message, ['input', ...field]);

/** A write whose 2xx answer may still be a refusal (§4.3). */
async function write<T>(run: () => Promise<T>, notFoundField: string[] = ['input', 'id']): Promise<Outcome<T>> {
  const outcome = await attempt(run, notFoundField);
  if (!outcome.ok) return outcome;
  const refusals = refusalErrors(outcome.value as Workato.SuccessResponse | undefined);
  return refusals.length ? refused(refusals) : outcome;
}

/** Workato's field names whose input field is named differently here (`flow_id` → `recipeId`, …). */
function renamed(outcome: Outcome<unknown> & { ok: false }, names: Record<string, string>): UserErrorValue[] {
  return outcome.userErrors.map((e) => (e.field && e.field[1]! in names ? { ...e, field: ['input', names[e.field[1]!]!] } : e));
}

/** An id argument (global or Workato's) → the Workato id and the loaders of the workspace it belongs to. */
function target(ctx: GatewayContext, type: NodeType, value: string, argument: string): { id: number; loaders: ScopedLoaders; scope?: string } {
  const { key, scope } = workatoKey(type, value, argument);
  return { id: Number(key), loaders: ctx.loaders.scope(scope), scope };
}

/** The id arguments of a list input (`input.apiCollectionIds.0`, …). */
const idArgs = (type: NodeType, values: readonly string[] | null | undefined, argument: string): IdArg[] =>
  (values ?? []).map((value, i) => ({ value, type, argument: `${argument}.${i}` }));

/** An endpoint given by global id (its scope inside) or by Workato id plus `managedUser` (§17.8). */
async function endpointTarget(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }) {
  const { key, scope } = workatoKey('ApiEndpoint', input.id, 'input.id');
  if (!input.managedUser) return { id: Number(key), scope };
  if (scope !== undefined) throw badUserInput('Give `input.managedUser` only with a `workatoId`: a global `id` already names its customer.', 'input.managedUser');
  const segment = customerSegment(input.managedUser, 'input.managedUser');
  const customer = WORKATO_INT_ID.test(segment) ? segment : String((await ctx.loaders.managedUsers.managedUserBySegment.load(segment)).id);
  return { id: Number(key), scope: customer };
}

/** A delete: on success the lists are forgotten and the payload names the deleted object's global id. */
async function removal(loaders: ScopedLoaders, run: () => Promise<Workato.SuccessResponse>, deletedId: string): Promise<Outcome<string>> {
  const outcome = await write(run);
  if (!outcome.ok) return outcome;
  loaders.apiPlatform.forgetApiPlatform();
  return { ok: true, value: deletedId };
}

/** The endpoint, read back after a change (the answer is only `{"success": true}`, §22 #6/#7). */
async function endpointAfter(loaders: ScopedLoaders, id: number): Promise<ApiEndpointMapper> {
  loaders.apiPlatform.forgetApiPlatform();
  return loaders.apiPlatform.apiEndpointById.load(id);
}

/** A stopped recipe cannot serve an enabled endpoint (§22 #6): the refusal, whether found here or by Workato. */
const recipeStopped = (message: string) => inputError('API_ENDPOINT_RECIPE_STOPPED', message, ['input', 'id']);

async function setEnabled(ctx: GatewayContext, input: { id: string; managedUser?: CustomerRef | null }, enabled: boolean) {
  const { id, scope } = await endpointTarget(ctx, input);
  const loaders = ctx.loaders.scope(scope);
  let endpoint: ApiEndpointMapper;
  try {
    endpoint = await loaders.apiPlatform.apiEndpointById.load(id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', refused([inputError('NOT_FOUND', 'Workato has no such API endpoint, or the token cannot see it.', ['input', 'id'])]));
  }
  if (enabled && endpoint.flow_id != null) {
    const recipe = await loaders.recipeById.load(endpoint.flow_id).catch(nullIfNotFound);
    if (!recipe?.running) {
      const why = recipe ? `Recipe ${recipe.id} ("${recipe.name}") is stopped; start it before enabling the endpoint.` : `The endpoint's recipe ${endpoint.flow_id} does not exist.`;
      return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', refused([recipeStopped(why)]));
    }
  }
  const outcome = await write(() => setApiEndpointEnabled(loaders.api, id, enabled));
  if (!outcome.ok) {
    const errors = outcome.userErrors.map((e) => (API_ENDPOINT_RECIPE_STOPPED.test(e.message) ? recipeStopped(e.message) : e));
    return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', refused(errors));
  }
  return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', { ok: true, value: await endpointAfter(loaders, id) });
}

/** `format` when given, else JSON for a document that starts with `{`, else YAML. */
const formatOf = (format: OpenApiFormat | null | undefined, content: string) =>
  (format ? toWire(format) : content.trimStart().startsWith('{') ? 'json' : 'yaml') as 'json' | 'yaml';

/** What ApiClientCreateRequest requires and ties together ([spec] §22 #9), checked before the call. */
function clientInputErrors(input: {
  name?: string | null;
  apiCollectionIds?: readonly string[] | null;
  authType?: ApiPlatformAuthType | null;
  jwtMethod?: ApiJwtMethod | null;
  jwtSecret?: string | null;
  apiPortalId?: string | null;
  email?: string | null;
}, create: boolean): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if ((create || input.name != null) && blank(input.name)) errors.push(invalid('Give the client a name.', 'name'));
  if ((create || input.apiCollectionIds != null) && !input.apiCollectionIds?.length) errors.push(invalid('Give at least one API collection.', 'apiCollectionIds'));
  if (input.authType === 'JWT' && !input.jwtMethod) errors.push(invalid('A JWT client needs `jwtMethod`.', 'jwtMethod'));
  if (input.authType === 'JWT' && blank(input.jwtSecret)) errors.push(invalid('A JWT client needs `jwtSecret`.', 'jwtSecret'));
  if (input.apiPortalId != null && blank(input.email)) errors.push(invalid('A client of an API portal needs an `email`.', 'email'));
  return errors;
}

/** Workato-only ids (portals, policies, certificate bundles are not served here). */
function plainIds(values: readonly string[] | null | undefined, argument: string): number[] | undefined {
  return values?.map((v) => {
    if (!WORKATO_INT_ID.test(v)) throw badUserInput(`\`${argument}\` takes Workato ids; got "${v}".`, argument);
    return Number(v);
  });
}
const plainId = (value: string | null | undefined, argument: string) => (value == null ? undefined : plainIds([value], argument)![0]);

/** A key given by global id (`ApiKey:<client>:<key>`, scope inside) or by Workato id plus `clientId`. */
function keyTarget(ctx: GatewayContext, input: { id: string; clientId?: string | null }) {
  if (WORKATO_INT_ID.test(input.id)) {
    if (!input.clientId) throw badUserInput('`input.clientId` is required when `input.id` is a `workatoId`.', 'input.clientId');
    const client = target(ctx, 'ApiPlatformClient', input.clientId, 'input.clientId');
    return { ...client, clientId: client.id, keyId: Number(input.id) };
  }
  const parsed = fromGlobalId(input.id);
  const [clientId, keyId] = parsed?.keys ?? [];
  if (parsed?.type !== 'ApiKey' || parsed.keys.length !== 2 || !WORKATO_INT_ID.test(clientId ?? '') || !WORKATO_INT_ID.test(keyId ?? '')) {
    throw badUserInput(`\`input.id\` must be an ApiKey id (as returned in \`id\`) or its Workato id; got "${input.id}".`, 'input.id');
  }
  return { loaders: ctx.loaders.scope(parsed.scope), scope: parsed.scope, clientId: Number(clientId), keyId: Number(keyId) };
}

/** The key as the schema shows it: with its client, never with its secret. */
function keyValue(key: Workato.ApiKey, clientId: number, scope: string | undefined): ApiKeyOf {
  const { auth_token: _secret, ...rest } = key;
  return tagOne({ ...rest, api_client_id: clientId }, scope);
}

async function changeKey(ctx: GatewayContext, input: { id: string; clientId?: string | null }, action: 'enable' | 'disable' | 'refresh_secret') {
  const { loaders, scope, clientId, keyId } = keyTarget(ctx, input);
  const outcome = await write(() => changeApiKey(loaders.api, clientId, keyId, action));
  if (!outcome.ok) return { apiKey: null, authToken: null, userErrors: outcome.userErrors };
  loaders.apiPlatform.forgetApiPlatform();
  const key = outcome.value ?? (await loaders.apiPlatform.apiKeyByKey.load({ clientId, keyId }));
  return { apiKey: keyValue(key, clientId, scope), authToken: outcome.value?.auth_token ?? null, userErrors: [] };
}

export const apiPlatformMutationResolvers: Resolvers = {
  Mutation: {
    apiCollectionCreate: async (_root, { input }, ctx) => {
      const refuse = (errors: UserErrorValue[]) => ({ apiCollection: null, failedActions: [], userErrors: errors });
      const errors: UserErrorValue[] = [];
      if (blank(input.name)) errors.push(invalid('Give the collection a name.', 'name'));
      if ((input.openApiSpec == null) === (input.openApiFile == null)) {
        errors.push(invalid('Give the OpenAPI document exactly once: `openApiSpec` (text) or `openApiFile` (an upload).', 'openApiSpec'));
      }
      if (errors.length) return refuse(errors);
      const content = input.openApiSpec ?? (await input.openApiFile!.text());
      if (content.trim() === '') return refuse([invalid('The OpenAPI document is empty.', input.openApiSpec != null ? 'openApiSpec' : 'openApiFile')]);
      const where = await workspaceOf(
        ctx,
        [idArg('Project', input.projectId, 'input.projectId'), idArg('Connection', input.proxyConnectionId, 'input.proxyConnectionId')],
        input.managedUser,
      );
      if (!where.ok) return refuse(where.userErrors);
      const { scope, loaders, key } = where.value;
      const body: Workato.ApiCollectionWrite = {
        name: input.name,
        ...given({ project_id: key('input.projectId'), proxy_connection_id: key('input.proxyConnectionId') }),
        openapi_spec: { content, format: formatOf(input.format, content) },
      };
      // An unknown project is a 400 (`project_id is invalid`); a 404 with `managedUser` is an unknown customer.
      const outcome = await write(() => createApiCollection(loaders.api, body), input.managedUser ? ['input', 'managedUser'] : ['input', 'projectId']);
      if (!outcome.ok) return refuse(renamed(outcome, { openapiSpec: input.openApiSpec != null ? 'openApiSpec' : 'openApiFile' }));
      loaders.apiPlatform.forgetApiPlatform();
      const { message, import_results, ...collection } = outcome.value;
      return {
        apiCollection: tagOne(collection, scope),
        importSucceeded: import_results?.success ?? null,
        totalEndpoints: import_results?.total_endpoints ?? null,
        failedEndpoints: import_results?.failed_endpoints ?? null,
        failedActions: import_results?.failed_actions ?? [],
        importMessage: message ?? null,
        userErrors: [],
      };
    },
    apiCollectionDelete: async (_root, { input }, ctx) => {
      const { id, loaders, scope } = target(ctx, 'ApiCollection', input.id, 'input.id');
      return payload('deletedApiCollectionId', await removal(loaders, () => deleteApiCollection(loaders.api, id), toGlobalId('ApiCollection', [id], scope)));
    },
    apiEndpointCreate: async (_root, { input }, ctx) => {
      const errors = [
        ...(blank(input.name) ? [invalid('Give the endpoint a name.', 'name')] : []),
        ...(blank(input.path) ? [invalid('Give the endpoint a path.', 'path')] : []),
      ];
      if (errors.length) return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', refused(errors));
      const where = await workspaceOf(ctx, [
        { value: input.collectionId, type: 'ApiCollection', argument: 'input.collectionId' },
        { value: input.recipeId, type: 'Recipe', argument: 'input.recipeId' },
      ]);
      if (!where.ok) return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', where);
      const { scope, loaders, key } = where.value;
      const collectionId = key('input.collectionId')!;
      const body = { name: input.name, method: input.method, path: input.path.trim(), flow_id: key('input.recipeId')! };
      const outcome = await write(() => createApiEndpoint(loaders.api, collectionId, body), ['input', 'collectionId']);
      if (!outcome.ok) return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', refused(renamed(outcome, { flowId: 'recipeId' })));
      loaders.apiPlatform.forgetApiPlatform();
      const endpoint = tagOne(outcome.value, scope);
      loaders.apiPlatform.apiEndpointById.prime(endpoint.id, endpoint);
      return payload<'apiEndpoint', ApiEndpointMapper>('apiEndpoint', { ok: true, value: endpoint });
    },
    apiEndpointEnable: (_root, { input }, ctx) => setEnabled(ctx, input, true),
    apiEndpointDisable: (_root, { input }, ctx) => setEnabled(ctx, input, false),
    apiPlatformClientCreate: async (_root, { input }, ctx) => {
      const errors = clientInputErrors(input, true);
      if (errors.length) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', refused(errors));
      const collections = idArgs('ApiCollection', input.apiCollectionIds, 'input.apiCollectionIds');
      const where = await workspaceOf(ctx, [idArg('Project', input.projectId, 'input.projectId'), ...collections], input.managedUser);
      if (!where.ok) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', where);
      const { scope, loaders, key } = where.value;
      const body: Workato.ApiClientWrite = given({
        name: input.name,
        description: input.description,
        project_id: key('input.projectId'),
        api_portal_id: plainId(input.apiPortalId, 'input.apiPortalId'),
        email: input.email,
        api_collection_ids: collections.map((c) => key(c.argument)!),
        api_policy_id: plainId(input.apiPolicyId, 'input.apiPolicyId'),
        auth_type: toWire(input.authType) as Workato.ApiClientWrite['auth_type'],
        jwt_method: toWire(input.jwtMethod) as Workato.ApiClientWrite['jwt_method'],
        jwt_secret: input.jwtSecret,
        oidc_issuer: input.oidcIssuer,
        oidc_jwks_uri: input.oidcJwksUri,
        access_profile_claim: input.accessProfileClaim,
        required_claims: input.requiredClaims ? [...input.requiredClaims] : undefined,
        allowed_issuers: input.allowedIssuers ? [...input.allowedIssuers] : undefined,
        mtls_enabled: input.mtlsEnabled,
        validation_formula: input.validationFormula,
        cert_bundle_ids: plainIds(input.certBundleIds, 'input.certBundleIds'),
      });
      const outcome = await write(() => createApiClient(loaders.api, body), input.managedUser ? ['input', 'managedUser'] : ['input', 'apiCollectionIds']);
      if (!outcome.ok) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', outcome);
      loaders.apiPlatform.forgetApiPlatform();
      return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', { ok: true, value: tagOne(outcome.value, scope) });
    },
    apiPlatformClientUpdate: async (_root, { input }, ctx) => {
      const errors = clientInputErrors(input, false);
      if (errors.length) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', refused(errors));
      const collections = idArgs('ApiCollection', input.apiCollectionIds, 'input.apiCollectionIds');
      const where = await workspaceOf(ctx, [{ value: input.id, type: 'ApiPlatformClient', argument: 'input.id' }, ...collections]);
      if (!where.ok) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', where);
      const { scope, loaders, key } = where.value;
      const id = key('input.id')!;
      const body: Workato.ApiClientWrite = given({
        name: input.name,
        description: input.description,
        email: input.email,
        api_collection_ids: input.apiCollectionIds ? collections.map((c) => key(c.argument)!) : undefined,
        api_policy_id: plainId(input.apiPolicyId, 'input.apiPolicyId'),
        mtls_enabled: input.mtlsEnabled,
        validation_formula: input.validationFormula,
        cert_bundle_ids: plainIds(input.certBundleIds, 'input.certBundleIds'),
      });
      const outcome = await write(() => updateApiClient(loaders.api, id, body));
      if (!outcome.ok) return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', outcome);
      loaders.apiPlatform.forgetApiPlatform();
      return payload<'apiPlatformClient', ApiPlatformClientMapper>('apiPlatformClient', { ok: true, value: tagOne(outcome.value, scope) });
    },
    apiPlatformClientDelete: async (_root, { input }, ctx) => {
      const { id, loaders, scope } = target(ctx, 'ApiPlatformClient', input.id, 'input.id');
      return payload('deletedApiPlatformClientId', await removal(loaders, () => deleteApiClient(loaders.api, id), toGlobalId('ApiPlatformClient', [id], scope)));
    },
    apiKeyCreate: async (_root, { input }, ctx) => {
      if (blank(input.name)) return { apiKey: null, authToken: null, userErrors: [invalid('Give the key a name.', 'name')] };
      const { id: clientId, loaders, scope } = target(ctx, 'ApiPlatformClient', input.clientId, 'input.clientId');
      const body: Workato.ApiKeyWrite = {
        name: input.name,
        active: input.enabled ?? true,
        ...given({ ip_allow_list: input.ipAllowList ? [...input.ipAllowList] : undefined, ip_deny_list: input.ipDenyList ? [...input.ipDenyList] : undefined }),
      };
      const outcome = await write(() => createApiKey(loaders.api, clientId, body), ['input', 'clientId']);
      if (!outcome.ok) return { apiKey: null, authToken: null, userErrors: outcome.userErrors };
      loaders.apiPlatform.forgetApiPlatform();
      return { apiKey: keyValue(outcome.value, clientId, scope), authToken: outcome.value.auth_token ?? null, userErrors: [] };
    },
    apiKeyEnable: async (_root, { input }, ctx) => {
      const { apiKey, userErrors } = await changeKey(ctx, input, 'enable');
      return { apiKey, userErrors };
    },
    apiKeyDisable: async (_root, { input }, ctx) => {
      const { apiKey, userErrors } = await changeKey(ctx, input, 'disable');
      return { apiKey, userErrors };
    },
    apiKeySecretRefresh: (_root, { input }, ctx) => changeKey(ctx, input, 'refresh_secret'),
    apiKeyDelete: async (_root, { input }, ctx) => {
      const { loaders, scope, clientId, keyId } = keyTarget(ctx, input);
      return payload('deletedApiKeyId', await removal(loaders, () => deleteApiKey(loaders.api, clientId, keyId), toGlobalId('ApiKey', [clientId, keyId], scope)));
    },
  },
};
