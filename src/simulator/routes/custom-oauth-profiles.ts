/**
 * REFERENCE §28: custom OAuth profiles, plain CRUD over one family table (crud.ts). The client secret is kept in the
 * row beside the wire object and never sent back (docs: "Client secrets and tokens are never returned").
 */
import { crudRoutes, type CrudSpec } from '../crud.js';
import { INFERRED } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { formatTime, parseTime, DAY } from '../time.js';
import { blank, Validation } from '../writes.js';
import type { Workato } from '../../workato/types.js';

export interface CustomOAuthProfileRow {
  profile: Workato.CustomOAuthProfile;
  clientSecret: string;
}

function seed(store: WorkspaceStore): CustomOAuthProfileRow[] {
  const i = store.index;
  const base = 321 + i * 1000;
  const created = parseTime('2023-01-15T11:50:32.986-07:00') + i * 3 * DAY;
  const profile = (n: number, name: string, provider: string, clientId: string, shared: number, customers: number): CustomOAuthProfileRow => ({
    profile: {
      id: base + n,
      user_id: store.workspace.id,
      name,
      provider,
      data: { client_id: clientId },
      shared_accounts_count: shared,
      oem_customers_count: customers,
      created_at: formatTime(created + n * 40 * DAY),
      updated_at: formatTime(created + n * 40 * DAY + (n + 1) * 5 * DAY),
    },
    clientSecret: `sim-secret-${i}-${n}-${(base * 7919 + n).toString(36)}`,
  });
  return [
    profile(0, `${store.workspace.name} HubSpot OAuth app`, 'hubspot', `hs-${i}-${(base * 31).toString(16)}`, 1 + (i % 3), 5 + i),
    profile(1, `${store.workspace.name} Salesforce connected app`, 'salesforce', `3MVG9${(base * 97).toString(36).toUpperCase()}`, 2, i % 2),
  ];
}

export const CUSTOM_OAUTH_PROFILES: TableSpec<CustomOAuthProfileRow> = { name: 'custom_oauth_profiles', idOf: (row) => row.profile.id, seed };

/** `data.client_id` (as documented in answers), or a flat `client_id` some clients send [inferred]. */
function credentials(body: Record<string, unknown>): { clientId: unknown; clientSecret: unknown } {
  const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
  return { clientId: data.client_id ?? body.client_id, clientSecret: data.client_secret ?? body.client_secret };
}

function checkProvider(validation: Validation, provider: unknown): void {
  if (typeof provider !== 'string' || !INFERRED.customOAuthProviders.includes(provider)) validation.add('provider', 'is not included in the list');
}

const result = (row: unknown) => ({ result: row });

const spec: CrudSpec<CustomOAuthProfileRow> = {
  table: CUSTOM_OAUTH_PROFILES,
  path: '/api/custom_oauth_profiles',
  param: 'id',
  list: { envelope: (rows) => ({ result: rows }), order: (a, b) => a.profile.id - b.profile.id },
  get: { envelope: result },
  create: {
    build(body, ctx) {
      const { clientId, clientSecret } = credentials(body);
      const validation = new Validation();
      if (blank(body.name)) validation.add('name', "can't be blank");
      checkProvider(validation, body.provider);
      if (blank(clientId)) validation.add('client_id', "can't be blank");
      if (blank(clientSecret)) validation.add('client_secret', "can't be blank");
      validation.check();
      const now = ctx.now();
      return {
        profile: {
          id: ctx.nextId(),
          user_id: ctx.store.workspace.id,
          name: (body.name as string).trim(),
          provider: body.provider as string,
          data: { client_id: clientId as string },
          shared_accounts_count: 0,
          oem_customers_count: 0,
          created_at: now,
          updated_at: now,
        },
        clientSecret: clientSecret as string,
      };
    },
    envelope: result,
  },
  update: {
    apply(row, body, ctx) {
      const { clientId, clientSecret } = credentials(body);
      const validation = new Validation();
      if (body.name !== undefined && blank(body.name)) validation.add('name', "can't be blank");
      if (body.provider !== undefined) checkProvider(validation, body.provider);
      if (clientId !== undefined && blank(clientId)) validation.add('client_id', "can't be blank");
      validation.check();
      if (body.name !== undefined) row.profile.name = (body.name as string).trim();
      if (body.provider !== undefined) row.profile.provider = body.provider as string;
      if (clientId !== undefined) row.profile.data = { client_id: clientId as string };
      if (!blank(clientSecret)) row.clientSecret = clientSecret as string;
      row.profile.updated_at = ctx.now();
    },
    envelope: result,
  },
  remove: { answer: () => ({ result: { success: true } }) },
  // Never the secret: the wire object only (a copy, so callers cannot edit the row).
  wire: (row) => ({ ...row.profile, data: { ...row.profile.data } }),
};

export const customOAuthProfileRoutes = crudRoutes(spec);
