/** REFERENCE §10.8–§10.11: reset trigger, poll now, connect, and version comments. */
import { badRequest, HttpError, notFound, ok, pathInt, type RouteContext, type RouteDef } from '../http-helpers.js';
import { INFERRED_RECIPE_WRITES } from '../inferred.js';
import { startJob } from '../jobs-overlay.js';
import { invalid } from '../recipe-build.js';
import { formatTime } from '../time.js';
import { findRecipe } from './recipes.js';

/** §10.11: PATCH or PUT `{comment}` (≤ 255 characters, [wk]) → the version with its new comment. */
async function updateVersionComment({ store, params, readJson }: RouteContext) {
  const row = findRecipe(store, params.recipe_id);
  const id = pathInt(params.id);
  const version = row.versions().find((v) => v.id === id);
  if (!version) throw notFound();
  const body = await readJson();
  const comment = body && typeof body === 'object' ? (body as Record<string, unknown>).comment : undefined;
  if (comment === undefined) throw badRequest('Missing required parameter: comment');
  if (comment !== null && typeof comment !== 'string') throw invalid('comment', 'must be a string');
  if (typeof comment === 'string' && comment.length > INFERRED_RECIPE_WRITES.maxVersionComment) {
    throw invalid('comment', `is too long (maximum is ${INFERRED_RECIPE_WRITES.maxVersionComment} characters)`);
  }
  version.comment = comment === '' ? null : comment;
  version.updated_at = formatTime(Date.now());
  // The recipe shows the comment of its current version (§8.2 `version_comment`).
  if (version.version_no === row.recipe.version_no) row.recipe.version_comment = version.comment;
  return ok(version);
}

export const recipeOpRoutes: RouteDef[] = [
  {
    // §10.8 → {"success": true} [inferred]; the trigger cursor is cleared, jobs are kept.
    method: 'POST',
    path: '/api/recipes/:recipe_id/reset_trigger',
    handler: ({ store, params }) => {
      const row = findRecipe(store, params.recipe_id);
      row.recipe.trigger_closure = null;
      return ok({ success: true });
    },
  },
  {
    // §10.10 [inferred bodies]: a running polling recipe starts a job, unless one is already pending.
    method: 'POST',
    path: '/api/recipes/:recipe_id/poll_now',
    handler: ({ store, params }) => {
      // §10.10 (a §4.2 shape): an unknown recipe is 404 `{"success": false, "message": "Not Found"}` here [doc].
      const row = /^\d+$/.test(params.recipe_id ?? '') ? store.recipes.get(Number(params.recipe_id)) : undefined;
      if (!row) throw new HttpError(404, { success: false, message: 'Not Found' });
      if (!row.recipe.running) throw badRequest(INFERRED_RECIPE_WRITES.pollNowStoppedMessage);
      if (INFERRED_RECIPE_WRITES.nonPollingTriggers.includes(row.recipe.trigger_application ?? '')) throw badRequest(INFERRED_RECIPE_WRITES.pollNowUnsupportedMessage);
      if (row.jobs.count > 0 && row.jobs.status(0) === 'pending') return ok({ success: true, message: 'Job already in progress' });
      startJob(store, row);
      return ok({ success: true, message: 'Job started' });
    },
  },
  {
    // §10.9 → {"success": true}; stopped recipes only; the connector's config entry gets the connection.
    method: 'PUT',
    path: '/api/recipes/:recipe_id/connect',
    handler: async ({ store, params, readJson }) => {
      const row = findRecipe(store, params.recipe_id);
      const body = await readJson();
      const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      if (typeof b.adapter_name !== 'string' || b.adapter_name === '') throw badRequest('Missing required parameter: adapter_name');
      if (b.connection_id === undefined || b.connection_id === null) throw badRequest('Missing required parameter: connection_id');
      // §8.2: connection ids may travel as digit strings; anything else is not an id.
      const connectionId = typeof b.connection_id === 'string' && /^\d+$/.test(b.connection_id) ? Number(b.connection_id) : b.connection_id;
      if (!Number.isInteger(connectionId)) throw invalid('connection_id', 'must be an integer');
      if (row.recipe.running) throw badRequest(INFERRED_RECIPE_WRITES.connectRunningMessage);
      const entry = (row.recipe.config ?? []).find((e) => (e.provider ?? e.name) === b.adapter_name);
      if (!entry) throw invalid('adapter_name', 'is not used by this recipe');
      const connection = store.connections.get(connectionId as number)?.connection;
      if (!connection) throw invalid('connection_id', 'is invalid');
      if ((connection.application ?? connection.provider) !== b.adapter_name) throw invalid('connection_id', `is not a ${b.adapter_name} connection`);
      entry.account_id = connection.id;
      row.recipe.updated_at = formatTime(Date.now());
      store.touch();
      return ok({ success: true });
    },
  },
  { method: 'PATCH', path: '/api/recipes/:recipe_id/versions/:id', handler: updateVersionComment },
  { method: 'PUT', path: '/api/recipes/:recipe_id/versions/:id', handler: updateVersionComment },
];
