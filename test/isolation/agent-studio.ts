/** §28: each token's genies, skills and knowledge bases (string ids drawn per workspace index). */
import { rest } from '../support/rest.js';
import type { IsolationShape } from './types.js';

const ids = async (path: string, token: string, sim: Parameters<IsolationShape['truth']>[1]) =>
  new Set((await rest<{ data: Array<{ id: string }> }>(sim, path, token)).data.map((x) => x.id));

const shapes: IsolationShape[] = [
  {
    query: 'genies(first: 10) { nodes { workatoId skills { workatoId } } }',
    truth: (token, sim) => ids('/agentic/genies', token, sim),
    keys: (data) => (data.genies?.nodes ?? []).map((g: { workatoId: string }) => g.workatoId),
  },
  {
    query: 'skills(first: 10) { nodes { workatoId } }',
    truth: (token, sim) => ids('/agentic/skills', token, sim),
    keys: (data) => (data.skills?.nodes ?? []).map((s: { workatoId: string }) => s.workatoId),
  },
  {
    query: 'knowledgeBases(first: 10) { nodes { workatoId } }',
    truth: (token, sim) => ids('/agentic/knowledge_bases', token, sim),
    keys: (data) => (data.knowledgeBases?.nodes ?? []).map((k: { workatoId: string }) => k.workatoId),
  },
];

export default shapes;
