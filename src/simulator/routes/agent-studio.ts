/**
 * REFERENCE §28 Agent Studio: genies, skills and knowledge bases. Lists and gets over family tables (crud.ts); the
 * genie start/stop and a knowledge base's data sources and recipes are routes of their own over the same tables.
 * Skills and knowledge bases are seeded from the workspace's real recipes, genies from those skills. Every shape
 * beyond the paths is [inferred] (inferred.ts, §28).
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, findRow, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_AGENT_STUDIO as INF } from '../inferred.js';
import { handle, hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';

export interface KnowledgeBaseRow {
  kb: Workato.KnowledgeBase;
  sources: Workato.KnowledgeBaseDataSource[];
  recipeIds: number[];
}

const rngOf = (store: WorkspaceStore, salt: number) => new Rng(hash32(store.index, 28, salt));
const stamp = (rng: Rng, daysAgo: number) => {
  const created = SIM_NOW - daysAgo * DAY;
  return { created_at: formatTime(created), updated_at: formatTime(created + rng.int(1, 20) * DAY) };
};
/** The project whose folder holds `folderId`, as Workato reports a project id beside a folder id. */
const projectOfFolder = (store: WorkspaceStore, folderId: number | null | undefined) =>
  store.projectsByIdDesc().find((p) => p.folder_id === folderId)?.id ?? null;

export const SKILLS: TableSpec<Workato.Skill, string> = {
  name: 'agentic_skills',
  idOf: (s) => s.id,
  seed: (store) => {
    const rng = rngOf(store, 1);
    return store.recipesByIdDesc().slice(0, INF.seedSkills).map(({ recipe }, k) => ({
      id: handle('skl', rng),
      name: recipe.name,
      description: `${INF.skillDescription} ${recipe.name.toLowerCase()}`,
      recipe_id: recipe.id,
      folder_id: recipe.folder_id ?? null,
      project_id: projectOfFolder(store, recipe.folder_id),
      running: recipe.running === true,
      ...stamp(rng, 120 - k * 9),
    }));
  },
};

export const KNOWLEDGE_BASES: TableSpec<KnowledgeBaseRow, string> = {
  name: 'agentic_knowledge_bases',
  idOf: (row) => row.kb.id,
  seed: (store) => {
    const rng = rngOf(store, 2);
    const recipes = store.recipesByIdDesc();
    return INF.seedKnowledgeBases.map(([name, description, sourceTypes], k) => {
      const folder = recipes[k]?.recipe.folder_id ?? null;
      return {
        kb: { id: handle('kb', rng), name: `${store.workspace.name} ${name}`, description, folder_id: folder, project_id: projectOfFolder(store, folder), ...stamp(rng, 200 - k * 30) },
        sources: sourceTypes.map((type, n) => ({
          id: 4100 + store.index * 1000 + k * 10 + n,
          name: `${name} (${type.replace(/_/g, ' ')})`,
          source_type: type,
          status: n === 0 ? 'synced' : 'syncing',
          documents_count: rng.int(4, 240),
          last_synced_at: n === 0 ? formatTime(SIM_NOW - rng.int(1, 48) * 3_600_000) : null,
        })),
        recipeIds: recipes.slice(k + 1, k + 3).map((r) => r.recipe.id),
      };
    });
  },
};

export const GENIES: TableSpec<Workato.Genie, string> = {
  name: 'agentic_genies',
  idOf: (g) => g.id,
  seed: (store) => {
    const rng = rngOf(store, 3);
    const skills = [...rowsOf(store, SKILLS).keys()];
    const kbs = [...rowsOf(store, KNOWLEDGE_BASES).values()];
    return INF.seedGenies.map(([name, description, state], k) => ({
      id: handle('gen', rng),
      name: `${store.workspace.name} ${name}`,
      description,
      state,
      ai_provider: INF.aiProviders[(store.index + k) % INF.aiProviders.length]!,
      folder_id: kbs[k]?.kb.folder_id ?? null,
      project_id: kbs[k]?.kb.project_id ?? null,
      skill_ids: k === 0 ? skills : skills.slice(0, 1),
      knowledge_base_ids: kbs.slice(0, k === 0 ? kbs.length : 1).map((row) => row.kb.id),
      ...stamp(rng, 90 - k * 20),
    }));
  },
};

const data = (rows: unknown[]) => ({ data: rows });
const raw = (value: string) => value;

const genieSpec: CrudSpec<Workato.Genie, string> = {
  table: GENIES,
  path: '/api/agentic/genies',
  param: 'id',
  parseId: raw,
  list: { envelope: data },
  get: true,
  wire: (g) => ({ ...g, skill_ids: [...(g.skill_ids ?? [])], knowledge_base_ids: [...(g.knowledge_base_ids ?? [])] }),
};
const skillSpec: CrudSpec<Workato.Skill, string> = { table: SKILLS, path: '/api/agentic/skills', param: 'id', parseId: raw, list: { envelope: data }, get: true };
const kbSpec: CrudSpec<KnowledgeBaseRow, string> = {
  table: KNOWLEDGE_BASES,
  path: '/api/agentic/knowledge_bases',
  param: 'id',
  parseId: raw,
  list: { envelope: data },
  get: true,
  wire: (row) => ({ ...row.kb }),
};

/** Start or stop: refuses the state the genie is already in with 400 `{"message"}` [inferred]; answers the genie. */
function stateRoute(verb: 'start' | 'stop'): RouteDef {
  return {
    method: 'POST',
    path: `/api/agentic/genies/:id/${verb}`,
    handler: (ctx) => {
      const genie = findRow(genieSpec, ctx);
      const target = verb === 'start' ? 'running' : 'stopped';
      if (genie.state === target) throw badRequest(verb === 'start' ? INF.alreadyRunning : INF.alreadyStopped);
      genie.state = target;
      genie.updated_at = formatTime(Date.now());
      return ok(genieSpec.wire!(genie, ctx));
    },
  };
}

export const agentStudioRoutes: RouteDef[] = [
  ...crudRoutes(genieSpec),
  ...crudRoutes(skillSpec),
  ...crudRoutes(kbSpec),
  stateRoute('start'),
  stateRoute('stop'),
  { method: 'GET', path: '/api/agentic/knowledge_bases/:id/data_sources', handler: (ctx) => ok(data(findRow(kbSpec, ctx).sources.map((s) => ({ ...s })))) },
  {
    method: 'GET',
    path: '/api/agentic/knowledge_bases/:id/recipes',
    handler: (ctx) => {
      const row = findRow(kbSpec, ctx);
      // Recipes deleted since stay out, as Workato would not list a recipe that is gone.
      const recipes = row.recipeIds.flatMap((id) => {
        const r = ctx.store.recipes.get(id);
        return r ? [{ id, name: r.recipe.name }] : [];
      });
      return ok(data(recipes));
    },
  },
];
