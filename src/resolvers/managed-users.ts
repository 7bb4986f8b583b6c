/**
 * Embedded customers (REFERENCE §17.1) and the customer-only types: members (§17.2) and lookup tables (§17.7).
 * The customer workspace's recipes, connections, folders, … are on `ManagedUser` too: see managed-user-workspace.ts.
 */
import { getNamedType, isCompositeType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { ManagedUserRecipesArgs, Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { scopeOf } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { managedUserSegment } from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import { decodeJson, flag, prop, workatoId } from './helpers.js';
import { selectedArgs, settledById } from './lookahead.js';
import { customerRecipePageArgs } from './managed-user-workspace.js';
import { prefetchRecipePage } from './recipes.js';
import type { LookupTableColumnMapper, ManagedUserMapper } from './mappers.js';
import { globalIdOf, keyShapeOf, pageOfPagedList, pageSize, toGlobalId, WORKATO_INT_ID, workatoKey, type NodeType } from './relay.js';

/** A customer given as exactly one of `id` (global or Workato id) or `externalId` (§17.0). */
export interface CustomerRef {
  id?: string | null;
  externalId?: string | null;
}

/**
 * The path segment of a customer reference: its id, or `E` + the URL-encoded external id (§17.0). `argument` names
 * the place of the reference in the error message (`managedUser`, `input.managedUser`).
 */
export function customerSegment(ref: CustomerRef, argument: string): string {
  const hasId = ref.id != null;
  const hasExternal = ref.externalId != null;
  if (hasId === hasExternal) {
    throw badUserInput(`Give exactly one of \`id\` or \`externalId\` for ${argument}; got ${hasId ? 'both' : 'neither'}.`, argument);
  }
  if (hasExternal) {
    if (ref.externalId === '') throw badUserInput(`\`externalId\` of ${argument} must not be empty.`, argument);
    return managedUserSegment({ externalId: ref.externalId! });
  }
  const { key, scope } = workatoKey('ManagedUser', ref.id!, `${argument}.id`);
  if (scope !== undefined) throw badUserInput(`\`${argument}.id\` must be a customer id; got "${ref.id}".`, `${argument}.id`);
  return managedUserSegment({ id: Number(key) });
}

/** The loaders of a customer's workspace. Its objects' global ids carry the customer's numeric id as their scope. */
export function customerLoaders(ctx: GatewayContext, customer: Pick<ManagedUserMapper, 'id'>): ScopedLoaders {
  return ctx.loaders.scope(String(customer.id));
}

/**
 * A bare Workato key of `type` (keyShapeOf), or a global id of `type` read from this customer. A global id of another
 * workspace (the partner's own, or another customer's) is the caller's mistake, not a lookup in the wrong workspace.
 */
export function customerWorkatoKey(type: NodeType, value: string, argument: string, customer: Pick<ManagedUserMapper, 'id'>): string {
  const { key, scope } = workatoKey(type, value, argument);
  if (!keyShapeOf(type).test(value) && scope !== String(customer.id)) {
    throw badUserInput(`\`${argument}\` is the id of a ${type} of another workspace; pass one of this customer's.`, argument);
  }
  return key;
}

/** customerWorkatoKey for a numeric id, as a number. */
export function customerKey(type: NodeType, value: string, argument: string, customer: Pick<ManagedUserMapper, 'id'>): number {
  return Number(customerWorkatoKey(type, value, argument, customer));
}

/** §18: `schema` is a JSON-encoded list of `{label, name, type, …}`; entries without a label are skipped. */
export function columns(schema: unknown): LookupTableColumnMapper[] {
  const decoded = decodeJson(schema);
  if (!Array.isArray(decoded)) return [];
  return decoded.flatMap((c: unknown) => {
    const col = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
    if (typeof col.label !== 'string') return [];
    return [{ label: col.label, name: typeof col.name === 'string' ? col.name : null, type: typeof col.type === 'string' ? col.type : null }];
  });
}

/**
 * The fields of ManagedUser that need only the customer's id and find out when it does not exist: every field of a
 * composite type (the customer workspace's recipes, connections, tags, … read from `/managed_users/<id>/…`, 404 for
 * an unknown customer). Its own properties are all scalars, read from the customer record. Computed once per schema.
 */
const WORKSPACE_FIELDS = new WeakMap<GraphQLObjectType, ReadonlySet<string>>();

function workspaceFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  let fields = WORKSPACE_FIELDS.get(type);
  if (!fields) {
    fields = new Set(Object.values(type.getFields()).filter((f) => isCompositeType(getNamedType(f.type))).map((f) => f.name));
    WORKSPACE_FIELDS.set(type, fields);
  }
  return fields;
}

/**
 * A field that only `GET /managed_users/:id` answers (api-docs "Get customer"): a customer read by id has it; one
 * from the list is read by id once per request (managedUserDetail is primed by every read by id).
 */
function detail<K extends keyof Workato.ManagedUserDetail>(key: K) {
  return async (u: ManagedUserMapper, _args: unknown, ctx: GatewayContext): Promise<Exclude<Workato.ManagedUserDetail[K], undefined> | null> => {
    const full = await ctx.loaders.managedUsers.managedUserDetail.load(u.id);
    return (full[key] ?? null) as Exclude<Workato.ManagedUserDetail[K], undefined> | null;
  };
}

export const managedUserResolvers: Resolvers = {
  Query: {
    // §17.1: page/per_page, `{"result": [...]}`, no count (the paging itself is [inferred] from sibling lists).
    managedUsers: (_root, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => ctx.loaders.managedUsers.managedUserList.load({ page, per_page })),
    managedUser: (_root, args, ctx, info) => {
      const segment = customerSegment(args, 'managedUser');
      // A customer's recipes need only its numeric id: start their page with the customer's own read, so
      // `managedUser(id) { recipes { … } }` costs one round trip, not two (bench/RESULTS.md).
      if (WORKATO_INT_ID.test(segment)) {
        const customer = { id: Number(segment) };
        for (const recipeArgs of selectedArgs(info, 'recipes')) {
          try {
            prefetchRecipePage(ctx.loaders.scope(segment), customerRecipePageArgs(customer, recipeArgs as ManagedUserRecipesArgs));
          } catch {
            // Bad arguments are reported by ManagedUser.recipes itself.
          }
        }
      }
      // Nothing selected needs the customer record itself (`managedUser(id:) { recipes { … } }`): no GET
      // /managed_users/:id, which is a 60/min quota. An unknown id then ends as NOT_FOUND from the calls that find out.
      if (WORKATO_INT_ID.test(segment) && settledById(info, workspaceFields(info))) return { id: Number(segment) } as ManagedUserMapper;
      return ctx.loaders.managedUsers.managedUserBySegment.load(segment);
    },
  },
  ManagedUser: {
    id: (u) => toGlobalId('ManagedUser', [u.id]),
    workatoId,
    externalId: prop('external_id'),
    notificationEmail: prop('notification_email'),
    adminNotificationEmails: prop('admin_notification_emails'),
    errorNotificationEmails: prop('error_notification_emails'),
    planId: prop('plan_id'),
    inTrial: flag('in_trial'),
    originUrl: prop('origin_url'),
    frameAncestors: prop('frame_ancestors'),
    timeZone: prop('time_zone'),
    taskLimitAdjustment: prop('task_limit_adjustment'),
    customTaskLimit: prop('custom_task_limit'),
    billingStartDate: prop('billing_start_date'),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
    taskCount: detail('task_count'),
    currentBillingPeriodStart: detail('current_billing_period_start'),
    currentBillingPeriodEnd: detail('current_billing_period_end'),
    activeRecipeCount: detail('active_recipe_count'),
    activeConnectionCount: detail('active_connection_count'),
    activeConnectionLimit: detail('active_connection_limit'),
    fullEmbedding: detail('full_embedding'),
    whitelistedApps: detail('whitelisted_apps'),
    teamName: detail('team_name'),
  },
  Member: {
    id: (m) => globalIdOf('Member', m, m.id),
    workatoId,
    externalId: prop('external_id'),
    oauthId: prop('oauth_id'),
    grantType: prop('grant_type'),
    timeZone: prop('time_zone'),
    createdAt: prop('created_at'),
    // §8.10 `roles`; the deprecated add answered a single `role_name` (a DEV role).
    roles: (m) => m.roles ?? (m.role_name ? [{ environment_type: 'dev', role_name: m.role_name }] : []),
  },
  MemberRole: {
    environmentType: prop('environment_type'),
    roleName: prop('role_name'),
  },
  LookupTable: {
    id: (t) => globalIdOf('LookupTable', t, t.id),
    workatoId,
    columns: (t) => columns(t.schema),
    // §7: a string here ("44021"), an integer on the project itself.
    projectId: prop('project_id'),
    project: (t, _args, ctx) =>
      t.project_id == null || !WORKATO_INT_ID.test(String(t.project_id)) ? null : ctx.loaders.scope(scopeOf(t)).projectById.load(Number(t.project_id)),
    createdAt: prop('created_at'),
    updatedAt: prop('updated_at'),
  },
};
