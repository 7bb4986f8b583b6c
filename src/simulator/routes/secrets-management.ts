/** REFERENCE §27: the external-secrets cache. The simulator holds no external secrets; the call only answers. */
import { ok, type RouteDef } from '../http-helpers.js';

export const secretsManagementRoutes: RouteDef[] = [
  // [inferred] the answer is not documented: `{"success": true}`, like Workato's other bodiless actions.
  { method: 'POST', path: '/api/secrets_management/clear_cache', handler: () => ok({ success: true }) },
];
