/**
 * A circuit breaker per upstream origin and caller (keyed token hash): after `threshold` failures in a row (5xx,
 * timeouts, unreachable), that caller's calls to that origin fail at once for `cooldownMs`, then one probe call is
 * let through; its success closes the circuit, its failure opens it again. So a slow or failing Workato costs
 * callers nothing but a fast error, and the gateway's sockets and memory are not tied up waiting on it. Per caller,
 * because one token's failing calls (its own 500s, an endpoint it hammers) must not lock every other tenant out;
 * an outage of the whole origin opens each caller's circuit after its own `threshold` failures. `threshold` 0 turns
 * the breaker off. `onChange` hears the origin's state: open while any caller's circuit is not closed.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

interface Circuit {
  state: BreakerState;
  failures: number;
  openedAt: number;
  probing: boolean;
}

export class CircuitBreaker {
  /** Per origin, per caller, the circuits that have failed since their last success; every other circuit is closed. */
  private readonly circuits = new Map<string, Map<string, Circuit>>();

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
    /** Told about every change of an origin's state (metrics, logs), with the id of the request whose call changed it. */
    private readonly onChange?: (origin: string, state: BreakerState, requestId: string | undefined) => void,
  ) {}

  /** Whether a call of `caller` to `origin` may go out now; when not, how many seconds until the next probe. */
  allow(origin: string, caller: string, requestId?: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.threshold <= 0) return { ok: true };
    const c = this.circuits.get(origin)?.get(caller);
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
  record(origin: string, caller: string, failed: boolean, requestId?: string): void {
    if (this.threshold <= 0) return;
    let callers = this.circuits.get(origin);
    let c = callers?.get(caller);
    if (!c) {
      if (!failed) return;
      c = { state: 'closed', failures: 0, openedAt: 0, probing: false };
      if (!callers) this.circuits.set(origin, (callers = new Map()));
      callers.set(caller, c);
    }
    c.probing = false;
    if (!failed) {
      // A circuit that succeeds is forgotten: the map holds only callers that are failing.
      this.set(origin, c, 'closed', requestId);
      callers!.delete(caller);
      if (callers!.size === 0) this.circuits.delete(origin);
      return;
    }
    c.failures += 1;
    if (c.state === 'half-open' || (c.state === 'closed' && c.failures >= this.threshold)) {
      c.openedAt = this.now();
      this.set(origin, c, 'open', requestId);
    }
  }

  /** A call that was let through but never reached the origin (e.g. refused by the rate limiter). */
  release(origin: string, caller: string): void {
    const c = this.circuits.get(origin)?.get(caller);
    if (c) c.probing = false;
  }

  /** One caller's circuit, or without `caller` the origin's: open if any caller's is, else half-open if any is. */
  state(origin: string, caller?: string): BreakerState {
    const callers = this.circuits.get(origin);
    if (caller !== undefined) return callers?.get(caller)?.state ?? 'closed';
    let state: BreakerState = 'closed';
    for (const c of callers?.values() ?? []) {
      if (c.state === 'open') return 'open';
      if (c.state === 'half-open') state = 'half-open';
    }
    return state;
  }

  private set(origin: string, c: Circuit, state: BreakerState, requestId: string | undefined): void {
    if (c.state === state) return;
    const before = this.state(origin);
    c.state = state;
    const after = this.state(origin);
    if (after !== before) this.onChange?.(origin, after, requestId);
  }
}
