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
  private readonly circuits = new Map<string, Circuit>();
  /** Per origin, the callers whose circuit is not closed: the origin's state for `onChange` and metrics. */
  private readonly tripped = new Map<string, Map<string, BreakerState>>();

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
    const c = this.circuits.get(keyOf(origin, caller));
    if (!c || c.state === 'closed') return { ok: true };
    const remaining = c.openedAt + this.cooldownMs - this.now();
    if (c.state === 'open' && remaining <= 0) this.set(origin, caller, c, 'half-open', requestId);
    if (c.state === 'half-open' && !c.probing) {
      c.probing = true;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) };
  }

  /** Records the outcome of a call that `allow` let through. */
  record(origin: string, caller: string, failed: boolean, requestId?: string): void {
    if (this.threshold <= 0) return;
    const key = keyOf(origin, caller);
    let c = this.circuits.get(key);
    if (!c) {
      if (!failed) return;
      c = { state: 'closed', failures: 0, openedAt: 0, probing: false };
      this.circuits.set(key, c);
    }
    c.probing = false;
    if (!failed) {
      // A closed circuit without failures is forgotten: the map holds only callers that are failing.
      if (c.state !== 'closed') this.set(origin, caller, c, 'closed', requestId);
      this.circuits.delete(key);
      return;
    }
    c.failures += 1;
    if (c.state === 'half-open' || (c.state === 'closed' && c.failures >= this.threshold)) {
      c.openedAt = this.now();
      this.set(origin, caller, c, 'open', requestId);
    }
  }

  /** A call that was let through but never reached the origin (e.g. refused by the rate limiter). */
  release(origin: string, caller: string): void {
    const c = this.circuits.get(keyOf(origin, caller));
    if (c) c.probing = false;
  }

  /** One caller's circuit, or without `caller` the origin's: open (or half-open) while any caller's is. */
  state(origin: string, caller?: string): BreakerState {
    if (caller !== undefined) return this.circuits.get(keyOf(origin, caller))?.state ?? 'closed';
    return originState(this.tripped.get(origin));
  }

  private set(origin: string, caller: string, c: Circuit, state: BreakerState, requestId: string | undefined): void {
    const before = originState(this.tripped.get(origin));
    c.state = state;
    let callers = this.tripped.get(origin);
    if (state === 'closed') {
      callers?.delete(caller);
      if (callers?.size === 0) this.tripped.delete(origin);
    } else {
      if (!callers) this.tripped.set(origin, (callers = new Map()));
      callers.set(caller, state);
    }
    const after = originState(this.tripped.get(origin));
    if (after !== before) this.onChange?.(origin, after, requestId);
  }
}

const keyOf = (origin: string, caller: string) => `${origin} ${caller}`;

/** Open if any caller's circuit is open, else half-open if any is probing, else closed. */
function originState(callers: Map<string, BreakerState> | undefined): BreakerState {
  if (!callers || callers.size === 0) return 'closed';
  for (const state of callers.values()) if (state === 'open') return 'open';
  return 'half-open';
}
