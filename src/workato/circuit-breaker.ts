/**
 * A circuit breaker per upstream origin: after `threshold` failures in a row (5xx, timeouts, unreachable), calls
 * to that origin fail at once for `cooldownMs`, then one probe call is let through; its success closes the
 * circuit, its failure opens it again. So a slow or failing Workato costs callers nothing but a fast error, and
 * the gateway's sockets and memory are not tied up waiting on it. `threshold` 0 turns the breaker off.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

interface Circuit {
  state: BreakerState;
  failures: number;
  openedAt: number;
  probing: boolean;
}

export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
    /** Told about every state change (metrics, logs), with the id of the request whose call changed it, if any. */
    private readonly onChange?: (origin: string, state: BreakerState, requestId: string | undefined) => void,
  ) {}

  /** Whether a call may go out now; when not, how many seconds until the next probe. */
  allow(origin: string, requestId?: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.threshold <= 0) return { ok: true };
    const c = this.circuits.get(origin);
    if (!c || c.state === 'closed') return { ok: true };
    const remaining = c.openedAt + this.cooldownMs - this.now();
    if (c.state === 'open' && remaining <= 0) this.set(origin, c, 'half-open', requestId);
    if (c.state === 'half-open' && !c.probing) {
      c.probing = true;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) };
  }

  /** Records the outcome of a call that `allow` let through. */
  record(origin: string, failed: boolean, requestId?: string): void {
    if (this.threshold <= 0) return;
    let c = this.circuits.get(origin);
    if (!c) {
      if (!failed) return;
      c = { state: 'closed', failures: 0, openedAt: 0, probing: false };
      this.circuits.set(origin, c);
    }
    c.probing = false;
    if (!failed) {
      c.failures = 0;
      if (c.state !== 'closed') this.set(origin, c, 'closed', requestId);
      return;
    }
    c.failures += 1;
    if (c.state === 'half-open' || (c.state === 'closed' && c.failures >= this.threshold)) {
      c.openedAt = this.now();
      this.set(origin, c, 'open', requestId);
    }
  }

  /** A call that was let through but never reached the origin (e.g. refused by the rate limiter). */
  release(origin: string): void {
    const c = this.circuits.get(origin);
    if (c) c.probing = false;
  }

  state(origin: string): BreakerState {
    return this.circuits.get(origin)?.state ?? 'closed';
  }

  private set(origin: string, c: Circuit, state: BreakerState, requestId: string | undefined): void {
    c.state = state;
    this.onChange?.(origin, state, requestId);
  }
}
