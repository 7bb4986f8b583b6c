/**
 * On-prem groups and agents of one workspace scope (REFERENCE §24; Embedded §17.8). Both lists come whole in one
 * answer: each is read at most once per request and primes the by-id loaders, and a group's agents are an index
 * over the one agent list (never a call per group). Statuses are one GET per id, batched and de-duplicated.
 */
import type { WorkatoApi } from '../workato/http.js';
import {
  getOnPremAgent,
  getOnPremAgentStatus,
  getOnPremGroup,
  getOnPremGroupStatus,
  listOnPremAgents,
  listOnPremGroups,
  searchOnPremAgents,
} from '../workato/on-prem.js';
import type { Workato } from '../workato/types.js';
import { byIdLoader } from './deployments.js';
import { BATCHED, requestLoader } from './options.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

/**
 * A whole list read at most once per request, and a by-id loader that answers from it once it has been asked for in
 * this request (even in a parallel sibling field), else with one GET per id (404 → NotFoundError for that key).
 */
export function listAndById<T extends { id: number }>(entity: string, scope: string | undefined, list: () => Promise<T[]>, get: (id: number) => Promise<T>) {
  let listed: Promise<Scoped<T>[]> | undefined;
  const one = byIdLoader<T>(BATCHED, entity, scope, get);
  const byId = requestLoader<number, Scoped<T>>(BATCHED, async (ids) => {
    const index = new Map(listed ? (await listed.catch(() => [])).map((item) => [item.id, item]) : []);
    return Promise.all(ids.map((id) => index.get(id) ?? one.load(id).catch(toError)));
  });
  const prime = (items: Scoped<T>[]) => {
    for (const item of items) byId.prime(item.id, item);
    return items;
  };
  return {
    all: () => (listed ??= list().then((items) => prime(tag(items, scope)))),
    byId,
    prime,
    clear: () => {
      listed = undefined;
      byId.clearAll();
      one.clearAll();
    },
  };
}

export function createOnPremLoaders(api: WorkatoApi, scope: string | undefined) {
  const groups = listAndById<Workato.OnPremGroup>('OnPremGroup', scope, () => listOnPremGroups(api), (id) => getOnPremGroup(api, id));
  const agents = listAndById<Workato.OnPremAgent>('OnPremAgent', scope, () => listOnPremAgents(api), (id) => getOnPremAgent(api, id));
  const onPremGroupStatusById = byIdLoader<Workato.OnPremGroupStatus>(BATCHED, 'OnPremGroup', scope, (id) => getOnPremGroupStatus(api, id));
  const onPremAgentStatusById = byIdLoader<Workato.OnPremAgentStatus>(BATCHED, 'OnPremAgent', scope, (id) => getOnPremAgentStatus(api, id));

  /** A group's agents: the one agent list, indexed by `on_prem_group_id` (§24 [inferred] field on list items). */
  const onPremAgentsByGroupId = requestLoader<number, Scoped<Workato.OnPremAgent>[]>(BATCHED, async (ids) => {
    const byGroup = new Map<number, Scoped<Workato.OnPremAgent>[]>();
    for (const a of await agents.all()) {
      if (a.on_prem_group_id == null) continue;
      byGroup.set(a.on_prem_group_id, [...(byGroup.get(a.on_prem_group_id) ?? []), a]);
    }
    return ids.map((id) => byGroup.get(id) ?? []);
  });

  /** GET /on_prem_agents/search by common name; the same name twice in a request is one call. */
  const onPremAgentsByCommonName = listLoader(async (cn: string) => agents.prime(tag(await searchOnPremAgents(api, cn), scope)));

  /** After a write: later fields of the same request read fresh lists, objects and statuses. */
  function forgetOnPrem(): void {
    groups.clear();
    agents.clear();
    for (const loader of [onPremGroupStatusById, onPremAgentStatusById, onPremAgentsByGroupId, onPremAgentsByCommonName]) loader.clearAll();
  }

  return {
    onPremGroups: groups.all,
    onPremAgents: agents.all,
    onPremGroupById: groups.byId,
    onPremAgentById: agents.byId,
    onPremGroupStatusById,
    onPremAgentStatusById,
    onPremAgentsByGroupId,
    onPremAgentsByCommonName,
    forgetOnPrem,
  };
}

export type OnPremLoaders = ReturnType<typeof createOnPremLoaders>;
