import {
  getGenie,
  getKnowledgeBase,
  getSkill,
  listGenies,
  listKnowledgeBaseDataSources,
  listKnowledgeBaseRecipes,
  listKnowledgeBases,
  listSkills,
} from '../workato/agent-studio.js';
import type { WorkatoApi } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import { listedById, listLoader, itemsOfArray } from './util.js';

const idOf = (item: { id: string | number }) => String(item.id);

/**
 * Agent Studio of the caller's workspace (REFERENCE §28): genies, skills and knowledge bases, each a page/per_page
 * list with a get by id (listedById: a listed object costs no second call, many ids are read from the list).
 */
export function createAgentStudioLoaders(api: WorkatoApi, _scope: string | undefined) {
  const genies = listedById<Workato.Genie, string, Workato.Genie[]>({
    entity: 'Genie', idOf, items: itemsOfArray, list: (p) => listGenies(api, p), get: (id) => getGenie(api, id),
  });
  const skills = listedById<Workato.Skill, string, Workato.Skill[]>({
    entity: 'Skill', idOf, items: itemsOfArray, list: (p) => listSkills(api, p), get: (id) => getSkill(api, id),
  });
  const knowledgeBases = listedById<Workato.KnowledgeBase, string, Workato.KnowledgeBase[]>({
    entity: 'KnowledgeBase', idOf, items: itemsOfArray, list: (p) => listKnowledgeBases(api, p), get: (id) => getKnowledgeBase(api, id),
  });
  /** GET …/knowledge_bases/:id/data_sources, once per knowledge base and request. */
  const dataSourcesByKnowledgeBaseId = listLoader((id: string) => listKnowledgeBaseDataSources(api, id));
  /** GET …/knowledge_bases/:id/recipes, once per knowledge base and request. */
  const recipeRefsByKnowledgeBaseId = listLoader((id: string) => listKnowledgeBaseRecipes(api, id));
  return { genies, skills, knowledgeBases, dataSourcesByKnowledgeBaseId, recipeRefsByKnowledgeBaseId };
}

export type AgentStudioLoaders = ReturnType<typeof createAgentStudioLoaders>;
