/**
 * The activity audit log (REFERENCE §27; Embedded §17.8): `auditLog` on Query, ManagedUser and Recipe, as Relay
 * connections over Workato's `page[after]` cursor, and each entry's resource linked to the gateway's own objects.
 */
import type { AuditLogResourceType, QueryAuditLogArgs, RecipeAuditLogArgs, Resolvers } from '../generated/graphql.js';
import type { AuditLogEntryRecord } from '../loaders/audit-log.js';
import { NotFoundError } from '../loaders/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf, tagOne } from '../loaders/scope.js';
import { badUserInput } from '../server/errors.js';
import { WorkatoError } from '../workato/http.js';
import { ACTIVITY_LOG_MAX_PAGE_SIZE, activityLogIdOf, connectionIdOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { prop, typed } from './helpers.js';
import { customerLoaders } from './managed-users.js';
import type { AuditLogEntryMapper, AuditLogResourceMapper } from './mappers.js';
import { decodeCursor, encodeCursor, globalIdOf, makePage, pageSize, WORKATO_INT_ID, type Page } from './relay.js';

/** §27's resource types: GraphQL enum value ↔ Workato's name. */
const RESOURCE_TYPES: Record<Exclude<AuditLogResourceType, 'OTHER'>, string> = {
  ACCOUNT_PROPERTY: 'AccountProperty', ADAPTER: 'Adapter', API_ACCESS_PROFILE: 'ApiAccessProfile', API_CLIENT: 'ApiClient',
  API_CUSTOMER: 'ApiCustomer', API_ENDPOINT: 'ApiEndpoint', API_GROUP: 'ApiGroup', API_POLICY: 'ApiPolicy',
  API_PRIVILEGE_GROUP: 'ApiPrivilegeGroup', CUSTOM_OAUTH_KEY: 'CustomOauthKey', DEPLOYMENT: 'Deployment',
  EXPORT_MANIFEST: 'ExportManifest', FLOW: 'Flow', FOLDER: 'Folder', LOOKUP_TABLE: 'LookupTable',
  MANAGED_USER_GRANT: 'ManagedUserGrant', MEMBER_INVITATION: 'MemberInvitation', PACKAGE: 'Package',
  PRIVILEGE_GROUP: 'PrivilegeGroup', PROJECT: 'Project', PROJECT_BUILD: 'ProjectBuild', PROJECT_PROPERTY: 'ProjectProperty',
  SHARED_ACCOUNT: 'SharedAccount', TAGS_MODELS_TAG: 'Tags::Models::Tag', TEAM_PROFILE: 'TeamProfile', TOPIC: 'Topic', USER: 'User',
};
const TYPE_OF_WIRE = new Map(Object.entries(RESOURCE_TYPES).map(([value, wire]) => [wire, value as AuditLogResourceType]));

/** Recipe.auditLog reads at most this many pages of 100 recipe entries per call (see its description). */
export const RECIPE_AUDIT_LOG_SCAN_PAGES = 5;

type Filters = Omit<QueryAuditLogArgs, 'first' | 'after'>;

function wireTypes(values: readonly AuditLogResourceType[] | null | undefined, argument: string): string[] | undefined {
  if (!values?.length) return undefined;
  return values.map((v) => {
    if (v === 'OTHER') throw badUserInput(`\`${argument}\` cannot hold OTHER: name one of the listed resource types.`, argument);
    return RESOURCE_TYPES[v];
  });
}

/** The filters as Workato's query, checked first (BAD_USER_INPUT, no call): integer user ids, `from` before `to`. */
function logQuery(args: Filters): Workato.ActivityLogQuery {
  const users = args.userIds?.map((id) => {
    if (!WORKATO_INT_ID.test(id)) throw badUserInput(`\`userIds\` must be Workato user ids (integers); got "${id}".`, 'userIds');
    return Number(id);
  });
  if (args.from && args.to && Date.parse(args.from) > Date.parse(args.to)) throw badUserInput('`from` must not be later than `to`.', 'from');
  const query: Workato.ActivityLogQuery = {
    from: args.from ?? undefined,
    to: args.to ?? undefined,
    users_ids: users?.length ? users : undefined,
    include_resource_types: wireTypes(args.includeResourceTypes, 'includeResourceTypes'),
    exclude_resource_types: wireTypes(args.excludeResourceTypes, 'excludeResourceTypes'),
    include_event_types: args.includeEventTypes?.length ? args.includeEventTypes : undefined,
    exclude_event_types: args.excludeEventTypes?.length ? args.excludeEventTypes : undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Workato.ActivityLogQuery;
}

const entryCursor = (e: AuditLogEntryRecord) => ({ k: 'id' as const, id: activityLogIdOf(e.id) ?? 0 });

/** One page of the log: `first` entries plus one look-ahead when it fits in Workato's 100 (else the short-page rule). */
export async function auditLogPage(loaders: ScopedLoaders, args: QueryAuditLogArgs): Promise<Page<AuditLogEntryRecord>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, 'id');
  const size = Math.min(first + 1, ACTIVITY_LOG_MAX_PAGE_SIZE);
  const entries = await loaders.auditLog.auditLogPage.load({ ...logQuery(args), 'page[after]': after?.id, 'page[size]': size });
  const more = entries.length > first || (size === first && entries.length === size);
  return makePage(entries.slice(0, first), entryCursor, more, after !== undefined);
}

/** A recipe's entries: the log's `Flow` entries, filtered by id, over at most RECIPE_AUDIT_LOG_SCAN_PAGES pages. */
async function recipeAuditLog(loaders: ScopedLoaders, recipeId: number, args: RecipeAuditLogArgs): Promise<Page<AuditLogEntryRecord>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, 'id');
  const query = { ...logQuery(args), include_resource_types: ['Flow'], 'page[size]': ACTIVITY_LOG_MAX_PAGE_SIZE };
  const found: AuditLogEntryRecord[] = [];
  let position = after?.id;
  let end = false;
  for (let page = 0; page < RECIPE_AUDIT_LOG_SCAN_PAGES && !end && found.length <= first; page++) {
    const entries = await loaders.auditLog.auditLogPage.load({ ...query, 'page[after]': position });
    end = entries.length < ACTIVITY_LOG_MAX_PAGE_SIZE;
    for (const e of entries) {
      if (connectionIdOf(e.resource?.id) === recipeId) found.push(e);
      position = entryCursor(e).id;
      if (found.length > first) break;
    }
  }
  const more = found.length > first || !end;
  const result = makePage(found.slice(0, first), entryCursor, more, after !== undefined);
  // The scan budget ran out before the log did: go on from where it stopped, not from the last match.
  if (found.length <= first && !end && position !== undefined) result.pageInfo.endCursor = encodeCursor({ k: 'id', id: position });
  return result;
}

/** Gone or invisible objects are null; any other failure (401, 429, 5xx) stays an error. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError || (e instanceof WorkatoError && e.status === 404)) return null;
    throw e;
  }
}

/** The gateway's own object behind a resource, through the scope's batched loaders (costs: see the schema). */
async function resourceObject(resource: AuditLogResourceMapper, loaders: ScopedLoaders, own: boolean) {
  const id = connectionIdOf(resource.id);
  if (id === null) return null;
  switch (resource.type) {
    case 'Flow':
      return orNull(async () => typed(await loaders.recipeById.load(id), 'Recipe'));
    case 'SharedAccount':
      return orNull(async () => typed(await loaders.connectionById.load(id), 'Connection'));
    case 'Folder':
      return orNull(async () => typed(await loaders.folderById.load(id), 'Folder'));
    case 'Project':
      return orNull(async () => typed(await loaders.projectById.load(id), 'Project'));
    case 'LookupTable':
      return orNull(async () => typed(await loaders.lookupTableById.load(id), 'LookupTable'));
    case 'User': {
      const member = await orNull(async () => (await loaders.members()).find((m) => m.id === id));
      return member ? typed(member, 'Member') : null;
    }
    case 'Deployment':
      return orNull(async () => typed(await loaders.deploymentById.load(id), 'Deployment'));
    case 'ProjectBuild':
      return orNull(async () => typed(await loaders.projectBuildById.load(id), 'ProjectBuild'));
    // The caller's own workspace only: custom connectors have no Embedded variant (§17.8), and a customer's package
    // is read by operation (§17.9), which an audit entry does not name.
    case 'Adapter':
      return own ? orNull(async () => typed(await loaders.customConnectors.customConnectorById.load(id), 'CustomConnector')) : null;
    case 'Package':
      return own ? orNull(async () => typed(await loaders.packageById.load({ id }), 'Package')) : null;
    case 'ExportManifest':
      return orNull(async () => typed(await loaders.exportManifestById.load(id), 'ExportManifest'));
    default:
      return null;
  }
}

/** node(id) of an entry: the page that brought it in this request, else one call (loaders/audit-log.ts). */
export const auditLogEntryNode: FamilyNodeLoader = async (parsed, ctx) => {
  const id = Number(parsed.keys[0]);
  if (!Number.isSafeInteger(id) || id < 0) throw badUserInput(`"${parsed.keys[0]}" is not an audit log entry id.`, 'id');
  return typed(await ctx.loaders.scope(parsed.scope).auditLog.auditLogEntryById.load(id), 'AuditLogEntry');
};

export const auditLogResolvers: Resolvers = {
  Query: {
    auditLog: (_root, args, ctx) => auditLogPage(ctx.loaders.scope(), args),
  },
  ManagedUser: {
    auditLog: (u, args, ctx) => auditLogPage(customerLoaders(ctx, u), args),
  },
  Recipe: {
    auditLog: (recipe, args, ctx) => recipeAuditLog(ctx.loaders.scope(scopeOf(recipe)), recipe.id, args),
  },
  AuditLogEntry: {
    id: (e) => globalIdOf('AuditLogEntry', e, e.id),
    workatoId: (e) => e.id,
    occurredAt: prop('timestamp'),
    eventType: prop('event_type'),
    workspace: prop('workspace'),
    user: prop('user'),
    request: (e) => e.details?.request ?? null,
    activity: (e) => e.details?.activity ?? null,
    resource: (e: AuditLogEntryMapper) => (e.resource ? tagOne({ ...e.resource }, scopeOf(e)) : null),
  },
  AuditLogWorkspace: {
    workatoId: prop('id'),
  },
  AuditLogUser: {
    workatoId: prop('id'),
  },
  AuditLogRequest: {
    ipAddress: prop('ip'),
    userAgent: prop('user_agent'),
  },
  AuditLogResource: {
    workatoId: prop('id'),
    type: (r) => TYPE_OF_WIRE.get(r.type ?? '') ?? 'OTHER',
    typeName: prop('type'),
    emailConfirmedAt: prop('email_confirmed_at'),
    object: (r, _args, ctx) => {
      const scope = scopeOf(r);
      return resourceObject(r, ctx.loaders.scope(scope), scope === undefined);
    },
  },
};
