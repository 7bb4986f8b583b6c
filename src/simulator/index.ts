/**
 * Workato API simulator — public API. A real HTTP server on loopback that answers like Workato's Developer API as
 * documented in the team's reference (paths under /api, envelopes, pagination, status codes, error bodies).
 * Used for offline development, demos and tests.
 */
import { seedEmbedded, type EmbeddedOptions } from './embedded.js';
import { INFERRED_WRITES } from './inferred.js';
import { buildWorkspace, type SeedOptions } from './seed.js';
import { RateLimits } from './rate-limits.js';
import { SimulatorServer, type Fault, type LogEntry } from './server.js';
import type { WorkspaceStore } from './store.js';

export type { SeedOptions } from './seed.js';
export type { Fault, LogEntry } from './server.js';
export { DEFAULT_SEED_OPTIONS } from './seed.js';

/** Token of the demo workspace (Northwind Ops + generated data). 64 lowercase hex chars like real tokens (§2.1). */
export const DEMO_TOKEN = '5e1a7c0de0d3e40f9b6c2a8d71e4f0a3c5b9d2e6f8a1c3e5d7b9f0a2c4e6d8f0';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  latencyMs?: number;
  /** Seed per token; `embedded` makes a workspace an Embed admin with the fixture customers (default: the first). */
  workspaces?: Record<string, SeedOptions & EmbeddedOptions>;
  quiet?: boolean;
  /**
   * REFERENCE §5: Workato cuts every request at 40 s (the default). An answer that `latencyMs` or an injected
   * `delayMs` would send later is replaced then by the cut-off answer (504, [inferred]). Tests pass a small value.
   */
  cutOffMs?: number;
  /** Enforce Workato's documented rate limits (REFERENCE §5: 429 + Retry-After); off by default. */
  rateLimits?: boolean;
  /**
   * Project builds and deployments (REFERENCE §14.4) answer `pending` until read this many times (GET by id or in a
   * list), then their final state. Default 2: the first poll sees `pending`, the second the outcome. Minimum 1.
   */
  asyncPolls?: number;
  /**
   * Package exports and imports (REFERENCE §15): `delayMs` they stay `in_progress` (default 3 s) — or, with `polls`,
   * until that many status reads — and `paddingBytes` of incompressible filler added to every exported zip (for
   * tests of large downloads; default 0).
   */
  packages?: { delayMs?: number; polls?: number; paddingBytes?: number };
}

export interface RouteCount {
  route: string;
  count: number;
}

export interface Simulator {
  url: string;
  origin: string;
  token: string;
  tokens: string[];
  /** Request counters by route key 'METHOD /api/path/:param', e.g. 'GET /api/recipes/:id'. */
  counts(): Record<string, number>;
  total(): number;
  resetCounts(): void;
  /** Highest number of requests in flight at once since the last reset. */
  maxInFlight(): number;
  /** Every request since the last reset. */
  log(): LogEntry[];
  setLatency(ms: number): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const specs = options.workspaces ?? { [DEMO_TOKEN]: {} };
  const tokens = Object.keys(specs);
  if (tokens.length === 0) throw new Error('startSimulator: at least one workspace token is required');
  const stores = new Map<string, WorkspaceStore>();
  tokens.forEach((token, i) => stores.set(token, seedEmbedded(buildWorkspace(token, i, specs[token]), specs[token])));
  for (const store of stores.values()) store.asyncPolls = Math.max(1, Math.floor(options.asyncPolls ?? INFERRED_WRITES.asyncPolls));

  const server = new SimulatorServer(stores, options.latencyMs ?? 0, options.quiet ?? false);
  if (options.rateLimits) server.rateLimits = new RateLimits();
  if (options.cutOffMs !== undefined) server.cutOffMs = Math.max(0, options.cutOffMs);
  const host = options.host ?? '127.0.0.1';
  const address = await server.listen(host, options.port ?? 0);
  const hostPart = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;
  for (const store of stores.values()) {
    // Customers share their partner's settings (addCustomer), so they follow this too.
    store.lifecycle.configure({ ...options.packages, origin, storage: server.storage });
  }
  return {
    url: `${origin}/api`,
    origin,
    token: tokens[0],
    tokens,
    counts: () => server.counts(),
    total: () => server.total(),
    resetCounts: () => server.resetCounts(),
    maxInFlight: () => server.maxInFlight(),
    log: () => server.log(),
    setLatency: (ms: number) => {
      server.latencyMs = Math.max(0, ms);
    },
    inject: (fault: Fault) => server.inject(fault),
    clearFaults: () => server.clearFaults(),
    close: () => server.close(),
  };
}
