/** REFERENCE §10.7: start and stop. Refusals arrive as HTTP 200 with `success: false` (§4.3). */
import type { Workato } from '../../workato/types.js';
import { HttpError, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED } from '../inferred.js';
import type { RecipeRow, WorkspaceStore } from '../store.js';
import { formatTime } from '../time.js';
import { findRecipe } from './recipes.js';

/** Step numbers per connector, read from the recipe's step tree (trigger = 0). */
function stepsByProvider(code: Workato.Recipe['code']): Map<string, number> {
  const steps = new Map<string, number>();
  let tree: unknown = code;
  if (typeof code === 'string') {
    try {
      tree = JSON.parse(code);
    } catch {
      return steps;
    }
  }
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { number?: number; provider?: string; block?: unknown[] };
    if (n.provider && typeof n.number === 'number' && !steps.has(n.provider)) steps.set(n.provider, n.number);
    for (const child of n.block ?? []) walk(child);
  };
  walk(tree);
  return steps;
}

/**
 * §29.5: a start is refused when a config entry points to a connection that is missing or not authorized, or when a
 * connector that needs a connection has none. Shape as recorded in fixtures/recipe-start-blocked.json.
 */
export function configErrors(store: WorkspaceStore, row: RecipeRow): unknown[] {
  const steps = stepsByProvider(row.recipe.code);
  const errors: unknown[] = [];
  for (const entry of row.recipe.config ?? []) {
    const provider = entry.provider ?? entry.name ?? '';
    const accountId = entry.account_id == null ? null : Number(entry.account_id);
    const connection = accountId === null ? undefined : store.connections.get(accountId)?.connection;
    const needsConnection = !INFERRED.connectionlessConnectors.includes(provider);
    const broken = accountId === null ? needsConnection : connection?.authorization_status !== 'success';
    if (broken) {
      errors.push([steps.get(provider) ?? 0, [['account_id', accountId, 'unconnected', { key: INFERRED.unconnectedErrorKey }]]]);
    }
  }
  return errors;
}

/** §10.7 [inferred]: starting a running recipe / stopping a stopped one → 400 naming the state. */
const invalidState = (running: boolean) =>
  new HttpError(400, { message: `Can't change the recipe state: invalid state ${running ? 'running' : 'stopped'}` });

export const recipeActionRoutes: RouteDef[] = [
  {
    method: 'PUT',
    path: '/api/recipes/:id/start',
    handler: ({ store, params }) => {
      const row = findRecipe(store, params.id);
      if (row.recipe.running) throw invalidState(true);
      const config_errors = configErrors(store, row);
      if (config_errors.length) return ok({ success: false, code_errors: [], config_errors });
      const now = formatTime(Date.now());
      Object.assign(row.recipe, { running: true, stop_cause: null, updated_at: now });
      store.touch();
      return ok({ success: true });
    },
  },
  {
    method: 'PUT',
    path: '/api/recipes/:id/stop',
    handler: ({ store, params }) => {
      const row = findRecipe(store, params.id);
      if (!row.recipe.running) throw invalidState(false);
      const now = formatTime(Date.now());
      // Side effects (§10.7): running, stopped_at, stop_cause (null on a manual stop), updated_at.
      Object.assign(row.recipe, { running: false, stopped_at: now, stop_cause: null, updated_at: now });
      store.touch();
      return ok({ success: true });
    },
  },
];
