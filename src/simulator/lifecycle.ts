/**
 * Recipe lifecycle state of one workspace (REFERENCE §15): export manifests, packages and their background work.
 * A package starts `in_progress` and settles (completed | failed) after a delay or N polls (§29.6). With a delay: on
 * a timer, or at the first read after it, whichever comes first, so a poll after the delay never sees stale state.
 * With `polls`: at the N-th status read, whatever the clock says (deterministic tests).
 */
import type { Workato } from '../workato/types.js';
import { INFERRED_PACKAGES } from './inferred.js';
import { PackageStorage } from './storage.js';

/** What settling a package produced. */
export type Settled = { status: 'completed'; download_url?: string | null; recipe_status?: Workato.PackageRecipeStatus[] } | { status: 'failed'; error: string };

export interface PackageRow {
  pkg: Workato.Package;
  /** Epoch ms after which the package settles. */
  dueAt: number;
  /** The background work; runs once. */
  work?: () => Settled;
  /** Status reads so far. */
  reads: number;
}

export interface LifecycleOptions {
  /** How long exports and imports stay `in_progress` (ms). */
  delayMs?: number;
  /** Settle at this status read instead of after `delayMs` (1 = the first poll already sees the outcome). */
  polls?: number;
  /** Extra incompressible bytes in every exported zip (a test aid for multi-megabyte downloads). */
  paddingBytes?: number;
}

/** How packages settle and where their zips are stored: one object, shared by a partner and its customers. */
export interface LifecycleSettings {
  delayMs: number;
  polls: number | undefined;
  paddingBytes: number;
  /** The simulator's origin (storage URLs are absolute, like Workato's S3 URLs) and its storage. */
  origin: string;
  storage: PackageStorage;
}

export class LifecycleState {
  readonly manifests = new Map<number, Workato.ExportManifest>();
  readonly packages = new Map<number, PackageRow>();
  settings: LifecycleSettings = {
    delayMs: INFERRED_PACKAGES.defaultDelayMs,
    polls: undefined,
    paddingBytes: 0,
    origin: 'http://127.0.0.1',
    storage: new PackageStorage(),
  };
  // Ids as in the fixtures: manifest 731, package 5521 (REFERENCE fixtures/README.md).
  private nextManifest = 731;
  private nextPackage = 5521;

  configure(options: LifecycleOptions & { origin?: string; storage?: PackageStorage }): void {
    const s = this.settings;
    if (options.delayMs !== undefined) s.delayMs = Math.max(0, options.delayMs);
    if (options.polls !== undefined) s.polls = Math.max(1, Math.floor(options.polls));
    if (options.paddingBytes !== undefined) s.paddingBytes = Math.max(0, Math.floor(options.paddingBytes));
    if (options.origin !== undefined) s.origin = options.origin;
    if (options.storage !== undefined) s.storage = options.storage;
  }

  /** From now on, `other`'s settings, as they are and as they will be configured (a customer follows its partner). */
  follow(other: LifecycleState): void {
    this.settings = other.settings;
  }

  /** Ids of this workspace's manifests and packages from here on (customer workspaces get ranges of their own). */
  startIdsAt(manifest: number, pkg: number): void {
    this.nextManifest = manifest;
    this.nextPackage = pkg;
  }

  manifestId(): number {
    return this.nextManifest++;
  }

  /** Registers a package `in_progress` and schedules its work. */
  start(pkg: Omit<Workato.Package, 'id' | 'status'>, work: () => Settled): PackageRow {
    const { polls, delayMs } = this.settings;
    const byPolls = polls !== undefined;
    const row: PackageRow = { pkg: { id: this.nextPackage++, ...pkg, status: 'in_progress' }, dueAt: byPolls ? Infinity : Date.now() + delayMs, work, reads: 0 };
    this.packages.set(row.pkg.id, row);
    // unref: a pending package never keeps the process alive; a late timer only finds the package settled.
    if (!byPolls) setTimeout(() => this.settle(row), delayMs).unref();
    return row;
  }

  /** The package with its work done if it is due; `poll` counts a status read (GET /packages/:id). */
  package(id: number, poll = false): PackageRow | undefined {
    const row = this.packages.get(id);
    if (!row) return undefined;
    if (poll) row.reads++;
    const { polls } = this.settings;
    if (Date.now() >= row.dueAt || (polls !== undefined && row.reads >= polls)) this.settle(row);
    return row;
  }

  private settle(row: PackageRow): void {
    const work = row.work;
    if (!work) return;
    row.work = undefined;
    let outcome: Settled;
    try {
      outcome = work();
    } catch (error) {
      outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    Object.assign(row.pkg, outcome);
  }
}
