/**
 * Client-side rate limiting per caller and endpoint family, so the gateway stays inside Workato's quotas
 * (REFERENCE §5) instead of collecting 429s. Each key allows at most `limit` calls in any window of `windowMs`
 * (the strictest reading of "60 / min": it also holds for a fixed-window counter on Workato's side).
 *
 * Calls over the quota queue for the next free slot, but only up to `maxWaitMs`; a call that would wait longer
 * is refused at once with the number of seconds after which a slot is free. Keys are keyed hashes of tokens
 * (never tokens), and idle keys are dropped so the map does not grow with the number of callers.
 */
import type { Quota } from './families.js';

/** A slot, or a refusal with the quota that refused it (a replica's share of it while Redis is away). */
export type Acquired = { ok: true; waitMs: number } | { ok: false; retryAfterSeconds: number; quota: Quota };

interface Window {
  /** Start times of the last `limit` admitted calls, oldest at `head` (a ring; times may lie in the future). */
  times: number[];
  head: number;
  windowMs: number;
  /** The family's limit per window (for reports over every key). */
  limit: number;
  /** Workato answered 429 with `Retry-After`: no slot before this time. */
  blockedUntil?: number;
}

/** A caller's standing in one family's window, as `extensions.workato.quota` and `workatoQuota` report it. */
export interface QuotaUsage {
  /** Calls counted in the current window (those waiting for a slot included). */
  used: number;
  remaining: number;
  /** When a slot next frees up (epoch ms); undefined when nothing is counted. */
  resetAt: number | undefined;
  /** Calls admitted but still waiting for their slot. */
  queued: number;
}

/** A family's standing as reported to callers (extensions.workato.quota, Query.workatoQuota): wire-ready values. */
export interface QuotaStanding {
  /** Endpoint family (REFERENCE §5), e.g. `recipes`, `connections_list`. */
  family: string;
  /** Workato's documented limit, per `windowSeconds`. */
  limit: number;
  windowSeconds: number;
  /** Calls counted in the current window (queued ones included). */
  used: number;
  remaining: number;
  /** When the next slot frees up (ISO 8601); null when nothing is counted. */
  resetAt: string | null;
  /** Calls waiting for a slot right now. */
  queued: number;
}

/** A window with nothing counted: the whole quota left. */
export function untouched(quota: Quota): QuotaUsage {
  return { used: 0, remaining: quota.limit, resetAt: undefined, queued: 0 };
}

export function standing(family: string, quota: Quota, usage: QuotaUsage): QuotaStanding {
  return {
    family,
    limit: quota.limit,
    windowSeconds: quota.windowMs / 1000,
    used: usage.used,
    remaining: usage.remaining,
    resetAt: usage.resetAt === undefined ? null : new Date(usage.resetAt).toISOString(),
    queued: usage.queued,
  };
}

/**
 * What the Workato client needs of a quota limiter: this process's own (RateLimiter, below) or the one shared by
 * every replica through Redis (shared-rate-limiter.ts). Standings are read synchronously (the cost report is built
 * when a response is sent); a shared limiter answers them from what Redis last told this replica, and `refresh`
 * asks Redis again when a fresh figure is worth a round trip (the `workatoQuota` query).
 */
export interface QuotaLimiter {
  /** False: count calls (for the quota report) but never hold one back (WORKATO_RATE_LIMIT=off). */
  readonly enforcing: boolean;
  acquire(key: string, quota: Quota): Promise<Acquired>;
  block(key: string, quota: Quota, untilMs: number): void;
  usage(key: string, quota: Quota): QuotaUsage;
  callerFamilies(caller: string): Array<{ family: string; quota: Quota; usage: QuotaUsage }>;
  families(): Map<string, FamilyStanding>;
  /** Brings `caller`'s standings up to date where they live elsewhere (Redis); resolves when done or given up. */
  refresh?(caller: string, families: ReadonlyArray<{ name: string; quota: Quota }>): Promise<void>;
}

/** A family over every caller, for the Prometheus gauges. */
export interface FamilyStanding {
  limit: number;
  windowMs: number;
  used: number;
  queued: number;
  minRemaining: number;
}

/**
 * Two calls sent exactly one window apart can arrive at Workato closer together than that: a slot opens one window
 * after the call it replaces plus this margin.
 */
export function slotMarginMs(windowMs: number): number {
  return Math.max(100, windowMs * 0.05);
}

/** Per family over every caller (keys are `<caller>|<family>`): calls and queued calls summed, the least left. */
export function aggregateFamilies(windows: Iterable<{ key: string; quota: Quota; usage: QuotaUsage }>): Map<string, FamilyStanding> {
  const out = new Map<string, FamilyStanding>();
  for (const { key, quota, usage } of windows) {
    const family = key.slice(key.lastIndexOf('|') + 1);
    const entry = out.get(family) ?? { limit: quota.limit, windowMs: quota.windowMs, used: 0, queued: 0, minRemaining: quota.limit };
    entry.used += usage.used;
    entry.queued += usage.queued;
    entry.minRemaining = Math.min(entry.minRemaining, usage.remaining);
    out.set(family, entry);
  }
  return out;
}

export class RateLimiter implements QuotaLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
    /** False: count calls (for the quota report) but never hold one back (WORKATO_RATE_LIMIT=off). */
    readonly enforcing = true,
  ) {}

  private window(key: string, quota: Quota): Window {
    let w = this.windows.get(key);
    if (!w || w.windowMs !== quota.windowMs) {
      w = { times: [], head: 0, windowMs: quota.windowMs, limit: quota.limit };
      this.windows.set(key, w);
    } else if (w.limit !== quota.limit) {
      // The limit changed (a replica's fallback share, shared-rate-limiter.ts): keep the newest `limit` calls, so
      // the ring's oldest entry is again the one a new slot waits for.
      const times = [...w.times.slice(w.head), ...w.times.slice(0, w.head)].slice(-quota.limit);
      Object.assign(w, { times, head: 0, limit: quota.limit });
    }
    return w;
  }

  /** Counts a call sent at `at` without asking for a slot (a shared limiter's local shadow of its own calls). */
  record(key: string, quota: Quota, at: number = this.now()): void {
    // A limiter only recorded into (the shared limiter's log of what it sent) is swept here, or it keeps a window
    // for every token and family it ever saw.
    this.sweep(this.now());
    this.push(this.window(key, quota), quota, at);
  }

  private push(w: Window, quota: Quota, at: number): void {
    if (w.times.length < quota.limit) w.times.push(at);
    else {
      w.times[w.head] = at;
      w.head = (w.head + 1) % w.times.length;
    }
  }

  /** This key's calls counted in the window at or after `since` (epoch ms), oldest first. */
  callsSince(key: string, since: number): number[] {
    const w = this.windows.get(key);
    if (!w) return [];
    return [...w.times.slice(w.head), ...w.times.slice(0, w.head)].filter((t) => t >= since && t > this.now() - w.windowMs);
  }

  /** Every key held, with its quota (for replaying a fallback's calls into the shared windows). */
  keys(): Array<{ key: string; quota: Quota }> {
    return [...this.windows].map(([key, w]) => ({ key, quota: { limit: w.limit, windowMs: w.windowMs } }));
  }

  /** Reserves the next slot for `key` (FIFO by call order) and says how long to wait for it. */
  reserve(key: string, quota: Quota): Acquired {
    const now = this.now();
    this.sweep(now);
    const w = this.window(key, quota);
    if (!this.enforcing) {
      this.push(w, quota, now);
      return { ok: true, waitMs: 0 };
    }
    if (w.blockedUntil !== undefined && w.blockedUntil > now) {
      // Workato said when (Retry-After): wait for it, or refuse when that is too long.
      const waitMs = w.blockedUntil - now;
      if (waitMs > this.maxWaitMs) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), quota };
    }
    const floor = Math.max(now, w.blockedUntil ?? 0);
    if (w.times.length < quota.limit) {
      // Not yet `limit` calls in this key's life: every one so far lies in the past, admit now.
      w.times.push(floor);
      return { ok: true, waitMs: floor - now };
    }
    // Full: the next slot opens one window after the oldest of the last `limit` calls, plus a margin for the network.
    const at = Math.max(floor, w.times[w.head]! + w.windowMs + slotMarginMs(w.windowMs));
    const waitMs = at - now;
    if (waitMs > this.maxWaitMs) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), quota };
    w.times[w.head] = at;
    w.head = (w.head + 1) % w.times.length;
    return { ok: true, waitMs };
  }

  /** Waits for a slot; resolves false (and reserves nothing) when the wait would exceed `maxWaitMs`. */
  async acquire(key: string, quota: Quota): Promise<Acquired> {
    const slot = this.reserve(key, quota);
    if (slot.ok && slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
    return slot;
  }

  /**
   * Workato answered 429 with `Retry-After` (REFERENCE §5): our count was behind its own (another client of the same
   * token, or Workato counts differently). No call of this key goes out before `untilMs`.
   */
  block(key: string, quota: Quota, untilMs: number): void {
    const w = this.window(key, quota);
    w.blockedUntil = Math.max(w.blockedUntil ?? 0, untilMs);
  }

  /** The key's standing now: calls counted in the window, what is left, and when the next slot frees up. */
  usage(key: string, quota: Quota): QuotaUsage {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || w.windowMs !== quota.windowMs) return untouched(quota);
    let used = 0;
    let queued = 0;
    let oldest = Number.POSITIVE_INFINITY;
    // An index loop: every cost report reads each family it touched, up to `limit` (1,000) times a window, and a
    // for-of loop that V8 has not optimized allocates an iterator result per time (about 18 kB of a request for a
    // managed user's recipes).
    const { times } = w;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      if (t <= now - w.windowMs) continue;
      used++;
      if (t > now) queued++;
      if (t < oldest) oldest = t;
    }
    const blocked = w.blockedUntil !== undefined && w.blockedUntil > now;
    const remaining = blocked ? 0 : Math.max(0, quota.limit - used);
    const resetAt = blocked ? w.blockedUntil : used > 0 ? oldest + w.windowMs : undefined;
    return { used, remaining, resetAt, queued };
  }

  /** Every family `caller` has a window for (keys are `<caller>|<family>`), with its standing now. */
  callerFamilies(caller: string): Array<{ family: string; quota: Quota; usage: QuotaUsage }> {
    const prefix = `${caller}|`;
    const out: Array<{ family: string; quota: Quota; usage: QuotaUsage }> = [];
    for (const [key, w] of this.windows) {
      if (!key.startsWith(prefix)) continue;
      const quota = { limit: w.limit, windowMs: w.windowMs };
      out.push({ family: key.slice(prefix.length), quota, usage: this.usage(key, quota) });
    }
    return out;
  }

  /**
   * Per family over every caller, for the Prometheus gauges (no caller in the labels): calls counted in the window
   * (summed), queued calls (summed), and the least any caller has left.
   */
  families(): Map<string, FamilyStanding> {
    return aggregateFamilies([...this.windows].map(([key, w]) => {
      const quota = { limit: w.limit, windowMs: w.windowMs };
      return { key, quota, usage: this.usage(key, quota) };
    }));
  }

  /** Number of keys held (for tests: idle callers are forgotten). */
  size(): number {
    return this.windows.size;
  }

  /** Once a minute at most: forget keys whose newest call is older than their window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) {
      const newest = w.times[(w.head + w.times.length - 1) % w.times.length] ?? 0;
      if (newest + w.windowMs < now && (w.blockedUntil ?? 0) < now) this.windows.delete(key);
    }
  }
}
