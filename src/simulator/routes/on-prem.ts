/**
 * REFERENCE §24: on-prem groups and agents. Plain CRUD through crud.ts; status, search and the activation code are
 * hand-written over the same tables. Every route also answers for an Embedded customer under
 * /api/v2/managed_users/:id (§17.8). Choices the reference leaves open: INFERRED_ON_PREM in inferred.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, HttpError, ok, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_ON_PREM } from '../inferred.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { formatTime, DAY, SIM_NOW } from '../time.js';
import { blank, bodyBool, bodyId, checkName, Validation } from '../writes.js';

/** An agent as stored: the wire object plus what its status answers (never sent on list/get). */
export interface AgentRow {
  agent: Workato.OnPremAgent;
  /** The agent's connection state when enabled: `awaiting_setup`, `active` or `no_response`. */
  link: 'awaiting_setup' | 'active' | 'no_response';
  lastSeenAt: string | null;
}

const GROUP_NAMES = ['CRM server', 'Data center East', 'SAP gateway', 'Finance LAN', 'Warehouse floor', 'DMZ relays'];
const AGENT_HOSTS = ['opa-01', 'opa-02', 'opa-03', 'opa-dr'];
const OSES = ['linux', 'windows', 'linux', 'mac'] as const;
const LINKS = ['active', 'active', 'no_response', 'awaiting_setup'] as const;

/** Customer workspaces are seeded with index ≥ 100 (embedded.ts); their lists come as `{"data": [...]}` (§17.8 docs). */
const isCustomer = (store: WorkspaceStore): boolean => store.index >= 100;
const listEnvelope = (store: WorkspaceStore, rows: unknown[]): unknown => (isCustomer(store) ? { data: rows } : rows);

/** 2–3 groups per workspace, ids `16801 + index × 1000` (Workato's sample group is 16803). */
function groupCount(index: number): number {
  return 2 + ((index + 1) % 2);
}

export const ON_PREM_GROUPS: TableSpec<Workato.OnPremGroup> = {
  name: 'on_prem_groups',
  idOf: (g) => g.id,
  seed: (store) =>
    Array.from({ length: groupCount(store.index) }, (_v, i): Workato.OnPremGroup => ({
      id: 16801 + store.index * 1000 + i,
      name: GROUP_NAMES[(store.index + i) % GROUP_NAMES.length]!,
      created_at: formatTime(SIM_NOW - (400 - 37 * i - (store.index % 50)) * DAY),
      in_use: i === 0,
      use_managed_connection: i % 2 === 0,
      config_version: i === 0 ? 9 : i + 2,
      logs_enabled: false,
      whitelisted_ips: i === 0 ? ['198.51.100.10', '192.0.2.0/24'] : [],
    })),
};

/** Two agents per group except the last, which has none; ids `29101 + index × 1000`. */
export const ON_PREM_AGENTS: TableSpec<AgentRow> = {
  name: 'on_prem_agents',
  idOf: (r) => r.agent.id,
  seed: (store) => {
    // From the groups' seed, not the table: the table may already hold groups created before agents were first read.
    const groups = ON_PREM_GROUPS.seed!(store).slice(0, -1);
    return groups.flatMap((group, g) =>
      [0, 1].map((a): AgentRow => {
        const n = g * 2 + a;
        const link = LINKS[(n + store.index) % LINKS.length]!;
        const created = SIM_NOW - (300 - 20 * n) * DAY;
        return {
          link,
          lastSeenAt: link === 'awaiting_setup' ? null : formatTime(SIM_NOW - (link === 'active' ? 2 : 3 * 24 * 60) * 60_000),
          agent: {
            id: 29101 + store.index * 1000 + n,
            name: `${group.name} ${AGENT_HOSTS[a]}`,
            os: OSES[(n + store.index) % OSES.length]!,
            installation_method: link === 'awaiting_setup' ? null : 'package',
            awaiting_setup: link === 'awaiting_setup',
            enabled: true,
            last_seen_version: link === 'awaiting_setup' ? null : '2.14.1',
            created_at: formatTime(created),
            updated_at: formatTime(created + 3 * DAY),
            state: link,
            activated: link !== 'awaiting_setup',
            cn: cnOf(store.index, n),
            on_prem_group_id: group.id,
          },
        };
      }),
    );
  },
};

/** A deterministic 40-hex common name (certificate CN) per workspace and agent. */
function cnOf(index: number, n: number): string {
  let x = (index * 7919 + n * 104729 + 1) >>> 0;
  let out = '';
  while (out.length < 40) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

const IP = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([12]?\d|3[0-2]))?$/;

/** The group fields of a create or update body (§24), checked like Rails: all errors at once. */
function applyGroup(group: Workato.OnPremGroup, body: Record<string, unknown>, store: WorkspaceStore, creating: boolean): void {
  const v = new Validation();
  checkName(v, body, creating, INFERRED_ON_PREM.maxNameLength, (name) => [...rowsOf(store, ON_PREM_GROUPS).values()].some((g) => g.id !== group.id && g.name === name));
  const managed = 'use_managed_connection' in body ? bodyBool(body.use_managed_connection) : undefined;
  if ('use_managed_connection' in body && managed === undefined) v.add('use_managed_connection', 'must be true or false');
  const settings = body.settings_attributes as { whitelisted_ips?: unknown } | undefined;
  const ips = settings && typeof settings === 'object' ? settings.whitelisted_ips : undefined;
  if (ips !== undefined && (!Array.isArray(ips) || ips.some((ip) => typeof ip !== 'string' || !IP.test(ip.trim())))) {
    v.add('whitelisted_ips', 'must be IPv4 addresses or CIDR ranges');
  }
  v.check();
  if (typeof body.name === 'string') group.name = body.name.trim();
  if (managed !== undefined) group.use_managed_connection = managed;
  if (Array.isArray(ips)) group.whitelisted_ips = ips.map((ip: string) => ip.trim());
}

const GROUPS: CrudSpec<Workato.OnPremGroup> = {
  table: ON_PREM_GROUPS,
  path: '/api/on_prem_groups',
  param: 'id',
  embedded: 'v2/managed_users',
  list: { paging: false, order: (a, b) => a.id - b.id, envelope: (rows) => rows },
  get: true,
  create: {
    build: (body, c) => {
      const group: Workato.OnPremGroup = {
        id: 0, name: '', created_at: c.now(), in_use: false, use_managed_connection: false, config_version: null,
        logs_enabled: false, whitelisted_ips: [],
      };
      applyGroup(group, body, c.store, true);
      group.id = c.nextId(); // only once valid: a refused create uses no id
      return group;
    },
  },
  update: { apply: (group, body, c) => applyGroup(group, body, c.store, false) },
  remove: {
    check: (group, c) => {
      if ([...rowsOf(c.store, ON_PREM_AGENTS).values()].some((r) => r.agent.on_prem_group_id === group.id)) {
        throw badRequest(INFERRED_ON_PREM.groupHasAgents);
      }
    },
  },
};

function applyAgent(row: AgentRow, body: Record<string, unknown>, store: WorkspaceStore, creating: boolean): void {
  const v = new Validation();
  checkName(v, body, creating, INFERRED_ON_PREM.maxNameLength);
  if (creating) {
    if (blank(body.os)) v.add('os', "can't be blank");
    else if (!INFERRED_ON_PREM.operatingSystems.includes(String(body.os))) v.add('os', 'is not included in the list');
    const group = bodyId(body.on_prem_group_id);
    if (body.on_prem_group_id === undefined || body.on_prem_group_id === null) v.add('on_prem_group_id', "can't be blank");
    else if (group === undefined || !rowsOf(store, ON_PREM_GROUPS).has(group)) v.add('on_prem_group_id', 'is invalid');
  }
  const enabled = 'enabled' in body ? bodyBool(body.enabled) : undefined;
  if ('enabled' in body && enabled === undefined) v.add('enabled', 'must be true or false');
  v.check();
  const a = row.agent;
  if (typeof body.name === 'string') a.name = body.name.trim();
  if (creating) {
    a.os = String(body.os);
    a.on_prem_group_id = bodyId(body.on_prem_group_id)!;
    const awaiting = bodyBool(body.awaiting_setup) ?? true;
    row.link = awaiting ? 'awaiting_setup' : 'no_response';
    a.awaiting_setup = awaiting;
  }
  if (enabled !== undefined) a.enabled = enabled;
  a.state = a.enabled ? row.link : 'disabled';
}

const AGENTS: CrudSpec<AgentRow> = {
  table: ON_PREM_AGENTS,
  path: '/api/on_prem_agents',
  param: 'id',
  embedded: 'v2/managed_users',
  list: { paging: false, order: (a, b) => a.agent.id - b.agent.id, envelope: (rows) => rows },
  get: true,
  create: {
    build: (body, c) => {
      const now = c.now();
      const row: AgentRow = {
        link: 'awaiting_setup',
        lastSeenAt: null,
        agent: {
          id: 0, name: '', os: null, installation_method: null, awaiting_setup: true, enabled: true, last_seen_version: null,
          created_at: now, updated_at: now, state: 'awaiting_setup', activated: false, cn: randomBytes(20).toString('hex'), on_prem_group_id: null,
        },
      };
      applyAgent(row, body, c.store, true);
      row.agent.id = c.nextId();
      return row;
    },
  },
  update: {
    apply: (row, body, c) => {
      applyAgent(row, body, c.store, false);
      row.agent.updated_at = c.now();
    },
  },
  remove: true,
  wire: (row) => ({ ...row.agent }),
};

/** Lists go through crud.ts as bare arrays; a customer's are re-wrapped here as `{"data": [...]}`. */
function withCustomerEnvelope(routes: RouteDef[]): RouteDef[] {
  return routes.map((route) =>
    route.method === 'GET' && !route.path.includes('/:')
      ? { ...route, handler: async (ctx: RouteContext) => {
          const reply = await route.handler(ctx);
          return { ...reply, body: listEnvelope(ctx.store, reply.body as unknown[]) };
        } }
      : route,
  );
}

const agentStatus = (row: AgentRow) => ({
  id: row.agent.id,
  state: row.agent.state,
  last_seen_at: row.lastSeenAt,
  version: row.agent.last_seen_version ?? null,
});

const extraRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/on_prem_groups/:id/status',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      const group = findRow(GROUPS, ctx);
      const agents = [...rowsOf(ctx.store, ON_PREM_AGENTS).values()].filter((r) => r.agent.on_prem_group_id === group.id);
      const active = agents.filter((r) => r.agent.state === 'active').length;
      return ok({ id: group.id, state: active > 0 ? 'active' : 'inactive', agents_count: agents.length, active_agents_count: active });
    },
  },
  {
    method: 'GET',
    path: '/api/on_prem_agents/search',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      const cn = ctx.query.string('cn');
      if (cn === undefined) throw badRequest(INFERRED_ON_PREM.searchParamMissing);
      const wanted = cn.toLowerCase();
      const found = [...rowsOf(ctx.store, ON_PREM_AGENTS).values()]
        .filter((r) => (r.agent.cn ?? '').toLowerCase().includes(wanted))
        .sort((a, b) => a.agent.id - b.agent.id)
        .map((r) => ({ ...r.agent }));
      return ok(listEnvelope(ctx.store, found));
    },
  },
  {
    method: 'GET',
    path: '/api/on_prem_agents/:id/status',
    embedded: 'v2/managed_users',
    handler: (ctx) => ok(agentStatus(findRow(AGENTS, ctx))),
  },
  {
    method: 'GET',
    path: '/api/on_prem_agents/:id/activation_code',
    embedded: 'v2/managed_users',
    handler: (ctx) => {
      const row = findRow(AGENTS, ctx);
      if (row.agent.activated) throw new HttpError(400, { message: INFERRED_ON_PREM.alreadyActivated });
      // A fresh code per call: it is a one-time secret and is never part of the stored row.
      return ok({ activation_code: `${randomBytes(4).toString('hex').toUpperCase()}-${randomBytes(4).toString('hex').toUpperCase()}` });
    },
  },
];

export const onPremRoutes: RouteDef[] = [...withCustomerEnvelope([...crudRoutes(GROUPS), ...crudRoutes(AGENTS)]), ...extraRoutes];
