/**
 * A request builds the loaders of a family when a resolver first reads one of them, and once: the current-user query
 * builds the workspace's alone (src/loaders/index.ts CORE_FAMILIES), and every read of a loader within the request
 * is the same DataLoader, so what it batched and cached is shared by every resolver of the request.
 */
import { expect, it } from 'vitest';
import { createLoaders, familiesBuilt } from '../src/loaders/index.js';
import { createTransport, WorkatoApi } from '../src/workato/http.js';

const transport = createTransport({ connections: 1, timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 } });
const api = () => new WorkatoApi(transport, 'http://127.0.0.1:9/api', 'token');

it('builds a family on the first read of one of its loaders, and only that family', () => {
  const loaders = createLoaders(api()).scope();
  expect(familiesBuilt(loaders)).toEqual([]);
  const me = loaders.me;
  expect(familiesBuilt(loaders)).toEqual(['workspace']);
  expect(loaders.me).toBe(me);
  const recipeById = loaders.recipeById;
  expect(loaders.recipeById).toBe(recipeById);
  expect(loaders.recipeList).toBeDefined();
  expect(loaders.tags).toBe(loaders.tags);
  expect(familiesBuilt(loaders)).toEqual(['workspace', 'recipes', 'tags']);
  loaders.api;
  expect(familiesBuilt(loaders)).toEqual(['workspace', 'recipes', 'tags']);
});

it('keeps each scope and each request apart', () => {
  const request = createLoaders(api());
  const own = request.scope();
  const customer = request.scope('42');
  expect(own.recipeById).not.toBe(customer.recipeById);
  expect(request.scope('42').recipeById).toBe(customer.recipeById);
  expect(familiesBuilt(own)).toEqual(['recipes']);
  expect(createLoaders(api()).scope().recipeById).not.toBe(own.recipeById);
});
