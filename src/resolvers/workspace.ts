import type { Resolvers } from '../generated/graphql.js';
import { globalIdOf } from './relay.js';
import { list, prop, workatoId } from './helpers.js';
import type { WorkspaceMapper } from './mappers.js';

export const workspaceResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => ctx.loaders.scope().me(),
  },
  Workspace: {
    id: (w) => globalIdOf('Workspace', w, w.id),
    workatoId,
    companyName: prop('company_name'),
    planId: prop('plan_id'),
    createdAt: prop('created_at'),
    currentBillingPeriodStart: prop('current_billing_period_start'),
    currentBillingPeriodEnd: prop('current_billing_period_end'),
    avatarUrl: prop('avatar_url'),
    recipesCount: prop('recipes_count'),
    activeRecipesCount: prop('active_recipes_count'),
    interestedApplications: list<WorkspaceMapper, 'interested_applications'>('interested_applications'),
    lastSeen: prop('last_seen'),
    contactPhone: prop('contact_phone'),
    contactEmail: prop('contact_email'),
    aboutMe: prop('about_me'),
    rootFolder: (w, _args, ctx) => (w.root_folder_id == null ? null : ctx.loaders.scope().folderById.load(w.root_folder_id)),
  },
};
