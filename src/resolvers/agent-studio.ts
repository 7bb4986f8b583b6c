/**
 * Agent Studio (REFERENCE §28): genies, skills and knowledge bases, read-only, plus a genie's start and stop. Every
 * shape is [wk] or [inferred] (src/workato/inferred.ts); §17.8 lists no Embedded variant, so there is no ManagedUser
 * field and ids always name the caller's own workspace.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers, UserErrorCode } from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { startGenie, stopGenie } from '../workato/agent-studio.js';
import { agenticIdsOf, GENIE_ALREADY_RUNNING, GENIE_ALREADY_STOPPED, genieRunning } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { flag, found, prop, typed } from './helpers.js';
import type { GenieMapper, KnowledgeBaseDataSourceMapper } from './mappers.js';
import { attempt, payload, refusalErrors, refused, type UserErrorValue } from './payload.js';
import { AGENTIC_ID, pageOfPagedList, pageSize, toGlobalId, workatoKey, type GlobalId, type NodeType } from './relay.js';
import { linked, linkTo } from './links.js';

/** An `id` argument of `type` (global id or Workato's id) → Workato's id; the caller's own workspace only. */
export function agenticKey(type: NodeType, value: string, argument: string): string {
  const { key, scope } = workatoKey(type, value, argument);
  if (scope !== undefined) throw badUserInput(`\`${argument}\` must name an object of the caller's own workspace.`, argument);
  return key;
}

/** A node id with `count` keys of the caller's own workspace, else BAD_USER_INPUT. */
export function nodeKeys(parsed: GlobalId, count: number, id: () => string): string[] {
  if (parsed.scope !== undefined || parsed.keys.length !== count || !parsed.keys.every((k) => AGENTIC_ID.test(k))) {
    throw badUserInput(`"${id()}" is not an id this API issued. Pass an \`id\` field's value.`, 'id');
  }
  return parsed.keys;
}

/** Links to the gateway's own objects from a wire object's `folder_id`/`project_id`/recipe id. */
export const folderOf = linkTo((value: { folder_id?: number | null }) => value.folder_id, (l) => l.folderById);
export const projectOf = linkTo((value: { project_id?: number | null }) => value.project_id, (l) => l.projectById);
export const recipeOf = (value: object, id: number | null | undefined, ctx: GatewayContext, info: GraphQLResolveInfo) =>
  linked(info, value, id, (recipeId) => ctx.loaders.scope().recipeById.load(recipeId));

const studio = (ctx: GatewayContext) => ctx.loaders.scope().agentStudio;
const common = {
  workatoId: (v: { id: string | number }) => String(v.id),
  name: (v: { name?: string | null }) => v.name ?? '',
  description: prop<{ description?: string | null }, 'description'>('description'),
  folder: folderOf,
  project: projectOf,
  createdAt: prop<{ created_at?: string | null }, 'created_at'>('created_at'),
  updatedAt: prop<{ updated_at?: string | null }, 'updated_at'>('updated_at'),
};

export const genieNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await studio(ctx).genies.byId.load(nodeKeys(parsed, 1, id)[0]!), 'Genie');
export const skillNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await studio(ctx).skills.byId.load(nodeKeys(parsed, 1, id)[0]!), 'Skill');
export const knowledgeBaseNode: FamilyNodeLoader = async (parsed, ctx, id) =>
  typed(await studio(ctx).knowledgeBases.byId.load(nodeKeys(parsed, 1, id)[0]!), 'KnowledgeBase');
export const knowledgeBaseDataSourceNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [kb, source] = nodeKeys(parsed, 2, id) as [string, string];
  const sources = await dataSourcesOf(await studio(ctx).knowledgeBases.byId.load(kb), ctx);
  const hit = sources.find((s) => String(s.source.id) === source);
  if (!hit) throw new NotFoundError('KnowledgeBaseDataSource', `${kb}/${source}`);
  return typed(hit, 'KnowledgeBaseDataSource');
};

async function dataSourcesOf(kb: Workato.KnowledgeBase, ctx: GatewayContext): Promise<KnowledgeBaseDataSourceMapper[]> {
  const sources = await studio(ctx).dataSourcesByKnowledgeBaseId.load(String(kb.id));
  return sources.map((source) => ({ source, knowledgeBase: kb }));
}

/** §28 [inferred]: a refusal naming the genie's state gets its own code. */
function stateCode(error: UserErrorValue, start: boolean): UserErrorValue {
  const code: UserErrorCode | undefined = start
    ? GENIE_ALREADY_RUNNING.test(error.message) ? 'GENIE_RUNNING' : undefined
    : GENIE_ALREADY_STOPPED.test(error.message) ? 'GENIE_STOPPED' : undefined;
  return code ? { ...error, code, field: null } : error;
}

/** Start or stop, then the genie from the answer when it holds one, else read back (one GET). */
async function changeState(ctx: GatewayContext, value: string, start: boolean) {
  const id = agenticKey('Genie', value, 'input.id');
  const genies = studio(ctx).genies;
  const outcome = await attempt(() => (start ? startGenie : stopGenie)(ctx.loaders.scope().api, id));
  const refusals = outcome.ok ? refusalErrors(outcome.value as Workato.SuccessResponse | undefined) : outcome.userErrors;
  if (refusals.length) return payload<'genie', GenieMapper>('genie', refused(refusals.map((e) => stateCode(e, start))));
  genies.forget(id);
  const answer = outcome.ok ? (outcome.value as Partial<Workato.Genie> | undefined) : undefined;
  if (answer && typeof answer === 'object' && answer.id != null && String(answer.id) === id && answer.state != null) {
    genies.byId.prime(id, answer as Workato.Genie);
  }
  return payload<'genie', GenieMapper>('genie', { ok: true, value: await genies.byId.load(id) });
}

export const agentStudioResolvers: Resolvers = {
  Query: {
    genies: (_root, args, ctx) => pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => studio(ctx).genies.page.load({ page, per_page })),
    genie: (_root, args, ctx) => studio(ctx).genies.byId.load(agenticKey('Genie', args.id, 'id')),
    skills: (_root, args, ctx) => pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => studio(ctx).skills.page.load({ page, per_page })),
    skill: (_root, args, ctx) => studio(ctx).skills.byId.load(agenticKey('Skill', args.id, 'id')),
    knowledgeBases: (_root, args, ctx) =>
      pageOfPagedList(pageSize(args.first), args.after, (page, per_page) => studio(ctx).knowledgeBases.page.load({ page, per_page })),
    knowledgeBase: (_root, args, ctx) => studio(ctx).knowledgeBases.byId.load(agenticKey('KnowledgeBase', args.id, 'id')),
  },
  Mutation: {
    genieStart: (_root, { input }, ctx) => changeState(ctx, input.id, true),
    genieStop: (_root, { input }, ctx) => changeState(ctx, input.id, false),
  },
  Genie: {
    ...common,
    id: (g) => toGlobalId('Genie', [g.id]),
    state: (g) => g.state ?? '',
    running: (g) => genieRunning(g.state),
    aiProvider: prop('ai_provider'),
    skills: async (g, _args, ctx) => found(await studio(ctx).skills.byId.loadMany(agenticIdsOf(g.skill_ids, g.skills))),
    knowledgeBases: async (g, _args, ctx) =>
      found(await studio(ctx).knowledgeBases.byId.loadMany(agenticIdsOf(g.knowledge_base_ids, g.knowledge_bases))),
  },
  Skill: {
    ...common,
    id: (s) => toGlobalId('Skill', [s.id]),
    running: flag('running'),
    recipe: (s, _args, ctx, info) => recipeOf(s, s.recipe_id, ctx, info),
  },
  KnowledgeBase: {
    ...common,
    id: (kb) => toGlobalId('KnowledgeBase', [kb.id]),
    dataSources: (kb, _args, ctx) => dataSourcesOf(kb, ctx),
    recipes: async (kb, _args, ctx) => {
      const refs = await studio(ctx).recipeRefsByKnowledgeBaseId.load(String(kb.id));
      return found(await ctx.loaders.scope().recipeById.loadMany(refs.map((r) => r.id)));
    },
  },
  KnowledgeBaseDataSource: {
    id: (d) => toGlobalId('KnowledgeBaseDataSource', [d.knowledgeBase.id, d.source.id]),
    workatoId: (d) => String(d.source.id),
    name: (d) => d.source.name ?? '',
    sourceType: (d) => d.source.source_type ?? null,
    status: (d) => d.source.status ?? null,
    documentCount: (d) => d.source.documents_count ?? null,
    lastSyncedAt: (d) => d.source.last_synced_at ?? null,
    knowledgeBase: (d) => d.knowledgeBase,
  },
};
