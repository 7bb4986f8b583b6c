import DataLoader from 'dataloader';
import { listActivityLogs } from '../workato/audit-log.js';
import type { WorkatoApi } from '../workato/http.js';
import { activityLogIdOf } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

export type AuditLogEntryRecord = Scoped<Workato.ActivityLogEntry>;

/** The activity audit log of one workspace scope (REFERENCE §27; Embedded §17.8): cursor pages, no get-by-id. */
export function createAuditLogLoaders(api: WorkatoApi, scope: string | undefined) {
  /** Entries any page of this request brought, by id; and the pages still on their way. */
  const seen = new Map<number, AuditLogEntryRecord>();
  const pending = new Set<Promise<unknown>>();

  /** One page of GET /activity_logs; identical pages in one request cost one call. */
  const auditLogPage = listLoader(async (query: Workato.ActivityLogQuery) => {
    const call = listActivityLogs(api, query);
    pending.add(call);
    try {
      const entries = tag(await call, scope);
      for (const e of entries) {
        const id = activityLogIdOf(e.id);
        if (id !== null) seen.set(id, e);
      }
      return entries;
    } finally {
      pending.delete(call);
    }
  });

  /**
   * An entry by id: from a page of this request when one brought it (also a page dispatched in the same tick),
   * else the one entry after `id + 1` (§27 has no get-by-id; ids descend, see workato/inferred.ts).
   */
  const auditLogEntryById = new DataLoader<number, AuditLogEntryRecord>(async (ids) => {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...pending]);
    return Promise.all(
      ids.map(async (id) => {
        const known = seen.get(id);
        if (known) return known;
        try {
          const [entry] = tag(await listActivityLogs(api, { 'page[after]': id + 1, 'page[size]': 1 }), scope);
          return entry && activityLogIdOf(entry.id) === id ? entry : new NotFoundError('AuditLogEntry', String(id));
        } catch (e) {
          return toError(e);
        }
      }),
    );
  });

  return { auditLogPage, auditLogEntryById };
}

export type AuditLogLoaders = ReturnType<typeof createAuditLogLoaders>;
