/**
 * Agent Studio (REFERENCE §28): genies, skills and knowledge bases. Paths [doc]; envelopes [wk] for skills and
 * [inferred] for the rest (inferred.ts). Workspace only: §17.8 lists no Embedded variant.
 */
import type { WorkatoApi } from './http.js';
import { dataObject, unwrapList } from './inferred.js';
import type { Workato } from './types.js';

export type PageParams = {
  page?: number;
  per_page?: number;
};

const member = (kind: string, id: string, rest = '') => `/agentic/${kind}/${encodeURIComponent(id)}${rest}`;

/** GET /agentic/genies — one page (page/per_page), `{"data": [...]}` [inferred]. */
export async function listGenies(api: WorkatoApi, params: PageParams = {}): Promise<Workato.Genie[]> {
  return unwrapList<Workato.Genie>(await api.get('/agentic/genies', params));
}

/** GET /agentic/genies/:id → the genie (bare, or under `data`) [inferred]; 404 for an unknown id. */
export async function getGenie(api: WorkatoApi, id: string): Promise<Workato.Genie> {
  return dataObject<Workato.Genie>(await api.get(member('genies', id)));
}

/** POST /agentic/genies/:id/start → the genie [inferred] (or an answer without it: the caller reads it back). */
export async function startGenie(api: WorkatoApi, id: string): Promise<unknown> {
  return dataObject<unknown>(await api.send('POST', member('genies', id, '/start')));
}

/** POST /agentic/genies/:id/stop → the genie [inferred]. */
export async function stopGenie(api: WorkatoApi, id: string): Promise<unknown> {
  return dataObject<unknown>(await api.send('POST', member('genies', id, '/stop')));
}

/** GET /agentic/skills — one page (page/per_page), `{"data": [...]}` [wk]. */
export async function listSkills(api: WorkatoApi, params: PageParams = {}): Promise<Workato.Skill[]> {
  return unwrapList<Workato.Skill>(await api.get('/agentic/skills', params));
}

/** GET /agentic/skills/:id → the bare skill [wk]. */
export async function getSkill(api: WorkatoApi, id: string): Promise<Workato.Skill> {
  return dataObject<Workato.Skill>(await api.get(member('skills', id)));
}

/** GET /agentic/knowledge_bases — one page (page/per_page), `{"data": [...]}` [inferred]. */
export async function listKnowledgeBases(api: WorkatoApi, params: PageParams = {}): Promise<Workato.KnowledgeBase[]> {
  return unwrapList<Workato.KnowledgeBase>(await api.get('/agentic/knowledge_bases', params));
}

/** GET /agentic/knowledge_bases/:id → the knowledge base [inferred]. */
export async function getKnowledgeBase(api: WorkatoApi, id: string): Promise<Workato.KnowledgeBase> {
  return dataObject<Workato.KnowledgeBase>(await api.get(member('knowledge_bases', id)));
}

/** GET /agentic/knowledge_bases/:id/data_sources — all of them, `{"data": [...]}` [inferred: unpaged]. */
export async function listKnowledgeBaseDataSources(api: WorkatoApi, id: string): Promise<Workato.KnowledgeBaseDataSource[]> {
  return unwrapList<Workato.KnowledgeBaseDataSource>(await api.get(member('knowledge_bases', id, '/data_sources')));
}

/** GET /agentic/knowledge_bases/:id/recipes — the recipes feeding it, `{"data": [{id, name}]}` [inferred: unpaged]. */
export async function listKnowledgeBaseRecipes(api: WorkatoApi, id: string): Promise<Workato.KnowledgeBaseRecipe[]> {
  return unwrapList<Workato.KnowledgeBaseRecipe>(await api.get(member('knowledge_bases', id, '/recipes')));
}
