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
import { BATCHED, memo, requestLoader } from './options.js';
import { tag, type Scoped } from './scope.js';
import { listLoader } from './util.js';

export function createOnPremLoaders(api: WorkatoApi, scope: string | undefined) {
  const onPremGroupById = byIdLoader<Workato.OnPremGroup>(BATCHED, 'OnPremGroup', scope, (id) => getOnPremGroup(api, id));
  const onPremAgentById = byIdLoader<Workato.OnPremAgent>(BATCHED, 'OnPremAgent', scope, (id) => getOnPremAgent(api, id));
  const onPremGroupStatusById = byIdLoader<Workato.OnPremGroupStatus>(BATCHED, 'OnPremGroup', scope, (id) => getOnPremGroupStatus(api, id));
  const onPremAgentStatusById = byIdLoader<Workato.OnPremAgentStatus>(BATCHED, 'OnPremAgent', scope, (id) => getOnPremAgentStatus(api, id));

  /** GET /on_prem_groups once per request; every group primes onPremGroupById. */
  const groups = memo(BATCHED, async () => {
    const all = tag(await listOnPremGroups(api), scope);
    for (const g of all) onPremGroupById.prime(g.id, g);
    return all;
  });

  const primeAgents = (agents: Scoped<Workato.OnPremAgent>[]) => {
    for (const a of agents) onPremAgentById.prime(a.id, a);
    return agents;
  };

  /** GET /on_prem_agents once per request, primed into onPremAgentById. */
  const agents = memo(BATCHED, async () => primeAgents(tag(await listOnPremAgents(api), scope)));

  /** A group's agents: the one agent list, indexed by `on_prem_group_id` (§24 [inferred] field on list items). */
  const onPremAgentsByGroupId = requestLoader<number, Scoped<Workato.OnPremAgent>[]>(BATCHED, async (ids) => {
    const byGroup = new Map<number, Scoped<Workato.OnPremAgent>[]>();
    for (const a of await agents.get()) {
      if (a.on_prem_group_id == null) continue;
      byGroup.set(a.on_prem_group_id, [...(byGroup.get(a.on_prem_group_id) ?? []), a]);
    }
    return ids.map((id) => byGroup.get(id) ?? []);
  });

  /** GET /on_prem_agents/search by common name; the same name twice in a request is one call. */
  const onPremAgentsByCommonName = listLoader(async (cn: string) => primeAgents(tag(await searchOnPremAgents(api, cn), scope)));

  /** After a write: later fields of the same request read fresh lists, objects and statuses. */
  function forgetOnPrem(): void {
    groups.clear();
    agents.clear();
    for (const loader of [onPremGroupById, onPremAgentById, onPremGroupStatusById, onPremAgentStatusById, onPremAgentsByGroupId, onPremAgentsByCommonName]) {
      loader.clearAll();
    }
  }

  return {
    onPremGroups: () => groups.get(),
    onPremAgents: () => agents.get(),
    onPremGroupById,
    onPremAgentById,
    onPremGroupStatusById,
    onPremAgentStatusById,
    onPremAgentsByGroupId,
    onPremAgentsByCommonName,
    forgetOnPrem,
  };
}

export type OnPremLoaders = ReturnType<typeof createOnPremLoaders>;
