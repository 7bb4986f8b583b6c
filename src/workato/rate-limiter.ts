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

export type Acquired = { ok: true; waitMs: number } | { ok: false; retryAfterSeconds: number };

interface Window {
  /** Start times of the last `limit` admitted calls, oldest at `head` (a ring; times may lie in the future). */
  times: number[];
  head: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves the next slot for `key` (FIFO by call order) and says how long to wait for it. */
  reserve(key: string, quota: Quota): Acquired {
    const now = this.now();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.windowMs !== quota.windowMs) {
      w = { times: [], head: 0, windowMs: quota.windowMs };
      this.windows.set(key, w);
    }
    if (w.times.length < quota.limit) {
      // Not yet `limit` calls in this key's life: every one so far lies in the past, admit now.
      w.times.push(now);
      return { ok: true, waitMs: 0 };
    }
    // Full: the next slot opens one window after the oldest of the last `limit` calls, plus a margin for the
    // network: two calls sent exactly one window apart can arrive at Workato closer together than that.
    const at = Math.max(now, w.times[w.head]! + w.windowMs + Math.max(100, w.windowMs * 0.05));
    const waitMs = at - now;
    if (waitMs > this.maxWaitMs) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
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
      if (newest + w.windowMs < now) this.windows.delete(key);
    }
  }
}
