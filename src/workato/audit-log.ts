import type { WorkatoApi } from './http.js';
import { activityLogEntries } from './inferred.js';
import type { Workato } from './types.js';

/**
 * GET /activity_logs (§27; an Embedded customer's under /managed_users/:id, §17.8): one page after the `page[after]`
 * cursor, newest first. `page[after]` is sent as a plain key (`page%5Bafter%5D=`), the `…_ids[]`/`…_types[]` filters
 * as arrays.
 */
export async function listActivityLogs(api: WorkatoApi, query: Workato.ActivityLogQuery): Promise<Workato.ActivityLogEntry[]> {
  return activityLogEntries(await api.get('/activity_logs', { ...query }));
}
