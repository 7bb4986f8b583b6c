/**
 * Lazy, deterministic job and version histories. Nothing is generated until a recipe's jobs are first read, so a
 * workspace with 2,000 recipes × 200 jobs starts instantly. Every job is a pure function of (seed, recipe, index).
 */
import type { Workato } from '../workato/types.js';
import { CONNECTOR_BY_NAME, connectorTitle } from './catalogue.js';
import { hash32, handle, Rng } from './random.js';
import type { JobSource, JobStatus } from './store.js';
import { formatTime, HOUR, parseTime } from './time.js';

export interface JobPlan {
  seed: number;
  recipe: Workato.Recipe;
  succeeded: number;
  failed: number;
  pending: number;
  /** started_at of the newest job (ms) and a lower bound for the oldest. */
  newestStartMs: number;
  oldestStartMs: number;
  flowRunTop: number;
  /** Fixture jobs pinned at the newest positions (list items), and fixture details by handle. */
  pinned?: Workato.Job[];
  pinnedDetails?: Workato.JobDetail[];
  /** Recipes stopped by `trigger_errors_limit` end with a run of trigger (poll) errors. */
  pollErrorsFirst?: boolean;
}

interface Built {
  statuses: Uint8Array; // 0 succeeded, 1 failed, 2 pending
  repeatOf: Int32Array; // -1, or the index of the (older) master job
  pollError: Uint8Array;
  handles: string[];
  starts: Float64Array;
  runIds: Float64Array;
  index: Map<string, number>;
}

const STATUS: JobStatus[] = ['succeeded', 'failed', 'pending'];
const SUBJECTS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Hooli',
  'Soylent', 'Vandelay Imports', 'Wonka Industries', 'Cyberdyne', 'Tyrell Corp', 'Pied Piper', 'Massive Dynamic'];
const SUFFIXES = ['Renewal 2025', 'Expansion', 'New logo', 'Q3 order', 'Upsell', 'Support case', 'Invoice 10482', 'PO 7731'];
const ERRORS: Array<[string, string]> = [
  ['Invalid field value', 'entity'], ['Request timed out', 'after 120 seconds'], ['Too many requests', '429 from API'],
  ['Record not found', 'id 004R000001'], ['Required field missing', 'email'], ['Duplicate record', 'external id exists'],
];

interface Step { number: number; provider: string; name: string }

function opTitle(provider: string, name: string): string {
  const c = CONNECTOR_BY_NAME.get(provider);
  const op = [...(c?.triggers ?? []), ...(c?.actions ?? [])].find((o) => o.name === name);
  return op?.title ?? name.replace(/_/g, ' ');
}

function stepsOf(recipe: Workato.Recipe): Step[] {
  const steps: Step[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { number?: number; provider?: string; name?: string; block?: unknown[] };
    if (typeof n.provider === 'string' && typeof n.name === 'string') {
      steps.push({ number: n.number ?? steps.length, provider: n.provider, name: n.name });
    }
    for (const child of n.block ?? []) walk(child);
  };
  try {
    walk(typeof recipe.code === 'string' ? JSON.parse(recipe.code) : recipe.code);
  } catch {
    /* unparsable code: no lines */
  }
  return steps;
}

export class GeneratedJobs implements JobSource {
  private built?: Built;
  private steps?: Step[];
  constructor(private readonly plan: JobPlan) {}

  get count(): number {
    return this.plan.succeeded + this.plan.failed + this.plan.pending;
  }

  counters(): { succeeded: number; failed: number; pending: number } {
    return { succeeded: this.plan.succeeded, failed: this.plan.failed, pending: this.plan.pending };
  }

  status(i: number): JobStatus {
    return STATUS[this.build().statuses[i]];
  }

  isRepeat(i: number): boolean {
    return this.build().repeatOf[i] >= 0;
  }

  indexOf(h: string): number {
    return this.build().index.get(h) ?? -1;
  }

  private build(): Built {
    if (this.built) return this.built;
    const p = this.plan;
    const n = this.count;
    const pinned = p.pinned ?? [];
    const k = Math.min(pinned.length, n);
    const rng = new Rng(hash32(p.seed, p.recipe.id, 0x10b5));
    const statuses = new Uint8Array(n);
    const pollError = new Uint8Array(n);
    let failLeft = p.failed;
    for (let i = 0; i < k; i++) {
      statuses[i] = pinned[i].is_error ? 1 : pinned[i].completed_at == null ? 2 : 0;
      if (statuses[i] === 1) failLeft--;
    }
    // Pending jobs are the newest ones (they are still running).
    const firstFree = Math.max(k, p.pending);
    for (let i = k; i < firstFree; i++) statuses[i] = 2;
    const free: number[] = [];
    for (let i = firstFree; i < n; i++) free.push(i);
    if (p.pollErrorsFirst) {
      const run = Math.min(failLeft, 5, free.length);
      for (const i of free.splice(0, run)) {
        statuses[i] = 1;
        pollError[i] = 1;
        failLeft--;
      }
    }
    for (const i of rng.sample(free, Math.max(0, failLeft))) statuses[i] = 1;

    const repeatOf = new Int32Array(n).fill(-1);
    for (let i = k; i < n - 1; i++) if (rng.chance(0.03)) repeatOf[i] = Math.min(n - 1, i + rng.int(1, 20));

    const starts = new Float64Array(n);
    const runIds = new Float64Array(n);
    const avgGap = Math.max(1000, (p.newestStartMs - p.oldestStartMs) / Math.max(1, n));
    for (let i = 0; i < n; i++) {
      if (i < k) {
        starts[i] = parseTime(pinned[i].started_at);
        runIds[i] = pinned[i].flow_run_id ?? p.flowRunTop;
      } else if (i === 0) {
        starts[i] = p.newestStartMs;
        runIds[i] = p.flowRunTop;
      } else {
        starts[i] = starts[i - 1] - Math.round(avgGap * (0.2 + 1.6 * rng.next()));
        runIds[i] = runIds[i - 1] - rng.int(3, 60);
      }
    }

    const handles: string[] = new Array<string>(n);
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      let h = i < k ? pinned[i].id : handle('j', new Rng(hash32(p.seed, p.recipe.id, i)));
      for (let salt = 1; index.has(h); salt++) h = handle('j', new Rng(hash32(p.seed, p.recipe.id, i, salt)));
      handles[i] = h;
      index.set(h, i);
    }
    return (this.built = { statuses, repeatOf, pollError, handles, starts, runIds, index });
  }

  item(i: number): Workato.Job {
    const b = this.build();
    const pinned = this.plan.pinned ?? [];
    if (i < pinned.length) return structuredClone(pinned[i]);
    return this.generate(i, b).item;
  }

  detail(i: number): Workato.JobDetail {
    const b = this.build();
    const h = b.handles[i];
    const fixed = this.plan.pinnedDetails?.find((d) => d.id === h);
    if (fixed) return structuredClone(fixed);
    const generated = this.generate(i, b);
    const lines = generated.lines;
    const item = i < (this.plan.pinned?.length ?? 0) ? this.item(i) : generated.item;
    const master = b.repeatOf[i] >= 0 ? b.handles[b.repeatOf[i]] : null;
    return {
      id: item.id,
      handle: item.id,
      recipe_id: this.plan.recipe.id,
      completed_at: item.completed_at,
      started_at: item.started_at,
      title: item.title,
      is_poll_error: item.is_poll_error,
      lines,
      error: item.error,
      is_error: item.is_error,
      is_repeat: master !== null,
      is_test: false,
      is_test_case_job: false,
      master_job_id: master,
      master_job_handle: master,
      status: this.status(i),
      calling_recipe_id: null,
      calling_job_id: null,
      calling_job_handle: null,
    };
  }

  private generate(i: number, b: Built): { item: Workato.Job; lines: Workato.JobLine[] } {
    const rng = new Rng(hash32(this.plan.seed, this.plan.recipe.id, i, 0x17e));
    const steps = (this.steps ??= stepsOf(this.plan.recipe));
    const status = STATUS[b.statuses[i]];
    const started = b.starts[i];
    const completed = status === 'pending' ? null : started + rng.int(300, 9000);
    const trigger = steps[0];
    const subject = `${rng.pick(SUBJECTS)} - ${rng.pick(SUFFIXES)}`;
    const title = trigger
      ? `${connectorTitle(trigger.provider)}: ${opTitle(trigger.provider, trigger.name).toLowerCase()}: ${subject}`
      : subject;
    const poll = b.pollError[i] === 1;
    // Lines up to the failing/pending step; all steps for succeeded jobs.
    let lastLine = steps.length - 1;
    if (status === 'failed') lastLine = poll ? -1 : Math.max(0, steps.length > 1 ? rng.int(1, steps.length - 1) : 0);
    if (status === 'pending') lastLine = rng.int(0, Math.max(0, steps.length - 1));
    const lines: Workato.JobLine[] = steps.slice(0, lastLine + 1).map((s) => ({
      recipe_line_number: s.number,
      adapter_name: s.provider,
      adapter_operation: s.name,
      line_stat: { total: Math.round(rng.next() * 2_000_000) / 1_000_000 },
    }));
    const item: Workato.Job = {
      id: b.handles[i],
      flow_run_id: b.runIds[i],
      completed_at: completed === null ? null : formatTime(completed),
      started_at: formatTime(started),
      title,
      is_poll_error: poll,
      error: null,
    };
    if (status === 'failed') {
      const failing = poll ? trigger : steps[lastLine];
      const [type, message] = rng.pick(ERRORS);
      const where = failing ? `${connectorTitle(failing.provider)}: ${opTitle(failing.provider, failing.name)}: ` : '';
      item.error = `${where}${type}: ${message}`;
      item.error_parts = {
        adapter: failing?.provider ?? null,
        error_type: type,
        message,
        error_id: rng.uuid(),
        error_at: formatTime((completed ?? started) - rng.int(5, 60)),
        input: '<redacted>',
        inner_message: null,
      };
    }
    item.is_error = status === 'failed';
    return { item, lines };
  }
}

export interface VersionPlan {
  seed: number;
  recipe: Workato.Recipe;
  /** Highest id to use for generated versions (must leave room below for the others). */
  idTop: number;
  people: Array<{ name: string; email: string }>;
  pinned?: Workato.RecipeVersion[];
}

/** Versions version_no..1, newest first (REFERENCE §10.11 [inferred] order). */
export function generateVersions(plan: VersionPlan): Workato.RecipeVersion[] {
  const r = plan.recipe;
  const total = r.version_no ?? 1;
  const rng = new Rng(hash32(plan.seed, r.id, 0x5e7));
  const pinned = plan.pinned ?? [];
  const created = parseTime(r.created_at);
  const newest = parseTime(r.updated_at) - 25;
  const out: Workato.RecipeVersion[] = pinned.map((v) => ({ ...v }));
  let id = pinned.length ? pinned[pinned.length - 1].id : plan.idTop + rng.int(17, 250);
  const top = total - pinned.length;
  // Generated versions end at the oldest pinned one (or at the recipe's last update).
  const upper = pinned.length ? parseTime(pinned[pinned.length - 1].created_at) - HOUR : newest;
  const span = pinned.length ? top : top - 1;
  for (let v = top; v >= 1; v--) {
    id -= rng.int(17, 250);
    const isNewest = v === total;
    const author = isNewest && r.version_author_name
      ? { name: r.version_author_name, email: r.version_author_email ?? '' }
      : rng.pick(plan.people);
    const at = span <= 0 ? created : created + Math.max(0, upper - created) * Math.pow((v - 1) / span, 1.3);
    const createdAt = formatTime(at);
    out.push({
      id,
      version_no: v,
      comment: isNewest ? r.version_comment ?? null : rng.chance(0.5) ? rng.pick(VERSION_COMMENTS) : null,
      author_name: author.name,
      author_email: author.email,
      created_at: createdAt,
      updated_at: rng.chance(0.3) ? formatTime(at + rng.int(1000, 600_000)) : createdAt,
    });
  }
  return out;
}

const VERSION_COMMENTS = ['Initial version', 'Fix field mapping', 'Add error handling', 'Switch connection',
  'Add Slack notification', 'Handle empty payloads', 'Tune batch size', 'Rename steps'];
