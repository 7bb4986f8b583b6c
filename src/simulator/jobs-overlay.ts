/**
 * Jobs added or changed at run time (poll now, repeat, cancel) on top of any JobSource. Seeded recipes keep their
 * lazily generated history (jobs-gen.ts): new jobs go in front of it (jobs are newest first, REFERENCE §11.1) and
 * edited jobs are copies by index, so thousands of generated jobs are never materialised.
 */
import type { Workato } from '../workato/types.js';
import { connectorTitle } from './catalogue.js';
import { hash32, handle, Rng } from './random.js';
import { ListJobs, type JobSource, type JobStatus, type RecipeRow, type WorkspaceStore } from './store.js';
import { formatTime } from './time.js';

export interface JobRow {
  status: JobStatus;
  item: Workato.Job;
  detail: Workato.JobDetail;
}

export class OverlayJobs implements JobSource {
  /** Jobs added at run time, newest first; they precede every job of the base source. */
  private readonly fresh: JobRow[] = [];
  /** Changed copies of base jobs, by base index. */
  private readonly edits = new Map<number, JobRow>();

  constructor(private readonly base: JobSource) {}

  get count(): number {
    return this.fresh.length + this.base.count;
  }

  private row(i: number): JobRow | undefined {
    return i < this.fresh.length ? this.fresh[i] : this.edits.get(i - this.fresh.length);
  }

  status(i: number): JobStatus {
    return this.row(i)?.status ?? this.base.status(i - this.fresh.length);
  }

  isRepeat(i: number): boolean {
    const row = this.row(i);
    return row ? row.detail.is_repeat === true : this.base.isRepeat(i - this.fresh.length);
  }

  item(i: number): Workato.Job {
    const row = this.row(i);
    return row ? structuredClone(row.item) : this.base.item(i - this.fresh.length);
  }

  detail(i: number): Workato.JobDetail {
    const row = this.row(i);
    return row ? structuredClone(row.detail) : this.base.detail(i - this.fresh.length);
  }

  indexOf(h: string): number {
    const k = this.fresh.findIndex((r) => r.item.id === h);
    if (k >= 0) return k;
    const b = this.base.indexOf(h);
    return b < 0 ? -1 : b + this.fresh.length;
  }

  counters(): { succeeded: number; failed: number; pending: number } {
    const c = { ...this.base.counters() };
    for (const r of this.fresh) c[r.status]++;
    for (const [i, r] of this.edits) {
      c[this.base.status(i)]--;
      c[r.status]++;
    }
    return c;
  }

  /** Adds a job as the newest one. */
  prepend(row: JobRow): void {
    this.fresh.unshift(row);
  }

  /** Replaces job `i` (an index into this source) with a changed copy. */
  replace(i: number, row: JobRow): void {
    if (i < this.fresh.length) this.fresh[i] = row;
    else this.edits.set(i - this.fresh.length, row);
  }
}

/** The recipe's jobs, made writable on first use (the generated history stays underneath, untouched). */
export function writableJobs(row: RecipeRow): OverlayJobs {
  if (row.jobs instanceof OverlayJobs) return row.jobs;
  const jobs = new OverlayJobs(row.jobs);
  row.jobs = jobs;
  return jobs;
}

/** Jobs of a recipe created at run time: none yet, but writable. */
export const emptyJobs = (): OverlayJobs => new OverlayJobs(new ListJobs());

/** Keeps the recipe's lifetime counters (§8.2) equal to its job list's (§11.1). */
export function syncJobCounters(row: RecipeRow): void {
  const c = row.jobs.counters();
  row.recipe.job_succeeded_count = c.succeeded;
  row.recipe.job_failed_count = c.failed;
}

/**
 * A new pending job at the front of a recipe's jobs: from a poll (`master` undefined) or repeating `master`
 * (§11.4: `is_repeat`, `master_job_id`). Handles are deterministic per workspace, recipe and position.
 */
export function startJob(store: WorkspaceStore, row: RecipeRow, master?: Workato.Job): JobRow {
  const jobs = writableJobs(row);
  const rng = new Rng(hash32(store.index, row.recipe.id, jobs.count, 0x2e9));
  let id = handle('j', rng);
  while (jobs.indexOf(id) >= 0) id = handle('j', rng);
  const top = jobs.count > 0 ? (jobs.item(0).flow_run_id ?? 0) : 0;
  const now = formatTime(Date.now());
  const trigger = row.recipe.trigger_application;
  const title = master?.title ?? (trigger ? `${connectorTitle(trigger)}: new event` : row.recipe.name);
  const item: Workato.Job = {
    id, flow_run_id: top + rng.int(1, 9), completed_at: null, started_at: now, title, is_poll_error: false, error: null, is_error: false,
  };
  const detail: Workato.JobDetail = {
    ...item, handle: id, recipe_id: row.recipe.id, status: 'pending', lines: [],
    is_repeat: master !== undefined, is_test: false, is_test_case_job: false,
    master_job_id: master?.id ?? null, master_job_handle: master?.id ?? null,
    calling_recipe_id: null, calling_job_id: null, calling_job_handle: null,
  };
  const job: JobRow = { status: 'pending', item, detail };
  jobs.prepend(job);
  row.recipe.last_run_at = now;
  return job;
}
