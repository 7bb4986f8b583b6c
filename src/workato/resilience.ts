/**
 * The upstream call policy the REST client applies around every call: which failures are retried and after how
 * long, and the per-GraphQL-request cap on calls in flight. The rate limiter and the circuit breaker live in
 * their own files; http.ts puts the pieces together.
 */
import { setMaxListeners } from 'node:events';

export interface RetryPolicy {
  /** Extra attempts after the first one (0 = never retry). */
  retries: number;
  /** First backoff; doubles with each attempt. */
  baseDelayMs: number;
  /** Longest single wait, including a `Retry-After` we are asked to honour; a longer `Retry-After` is not waited for. */
  maxDelayMs: number;
}

/**
 * REFERENCE §5: Workato's own CLI retries idempotent methods only. We retry reads (GET/HEAD) and nothing else:
 * a PUT such as a recipe start is idempotent on paper but answers differently the second time (§10.7), and a
 * mutation must never be replayed blindly.
 */
export function isRetryableMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A call that changes Workato's state: any method but a read, unless it only reads (a consume POST, `idempotent`). */
export function isWrite(method: string, options: { idempotent?: boolean }): boolean {
  return !isRetryableMethod(method) && options.idempotent !== true;
}

/** 429 and the gateway-ish 5xx say "try again"; a 500 is Workato's own fault and usually repeats. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Socket-level failures that mean "the connection broke", as opposed to "nobody answers" (not retried). */
export function isConnectionReset(cause: unknown): boolean {
  const code = (cause as { code?: string } | undefined)?.code;
  return (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'UND_ERR_CLOSED' ||
    code === 'ECONNREFUSED' ||
    /other side closed|socket hang up/i.test((cause as Error | undefined)?.message ?? '')
  );
}

/**
 * Exponential backoff with full jitter (a random wait between 0 and the capped exponential step), or the
 * server's `Retry-After` when it is longer. Returns undefined when the server asks for more than we may wait.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, retryAfterSeconds?: number, random = Math.random): number | undefined {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.round(random() * step);
  if (retryAfterSeconds === undefined) return jittered;
  const asked = retryAfterSeconds * 1000;
  if (asked > policy.maxDelayMs) return undefined;
  return Math.max(asked, jittered);
}

/**
 * Deadline signals shared by the calls that start within the same `slackMs`: one timer per slice of time rather than
 * one per call (`AbortSignal.timeout` per call was about 4 % of a small request's CPU, scratch A/B). A call's signal
 * fires between `totalMs` and `totalMs + slackMs` after it started; undici removes its listener when the call ends.
 */
export function sharedDeadlines(totalMs: number, slackMs = 100): () => AbortSignal {
  let current: AbortSignal | undefined;
  let until = 0;
  return () => {
    const now = performance.now();
    if (!current || now >= until) {
      current = AbortSignal.timeout(totalMs + slackMs);
      setMaxListeners(0, current); // every call of the slice listens on it
      until = now + slackMs;
    }
    return current;
  };
}

/** A counting semaphore: at most `limit` holders; others queue in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiter
      else this.active -= 1;
    };
  }
}

export const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
