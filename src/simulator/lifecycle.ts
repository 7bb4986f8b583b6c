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

export class LifecycleState {
  readonly manifests = new Map<number, Workato.ExportManifest>();
  readonly packages = new Map<number, PackageRow>();
  delayMs: number = INFERRED_PACKAGES.defaultDelayMs;
  polls: number | undefined;
  paddingBytes = 0;
  /** The simulator's origin (storage URLs are absolute, like Workato's S3 URLs) and its storage. */
  origin = 'http://127.0.0.1';
  storage = new PackageStorage();
  // Ids as in the fixtures: manifest 731, package 5521 (REFERENCE fixtures/README.md).
  private nextManifest = 731;
  private nextPackage = 5521;

  configure(options: LifecycleOptions & { origin?: string; storage?: PackageStorage }): void {
    if (options.delayMs !== undefined) this.delayMs = Math.max(0, options.delayMs);
    if (options.polls !== undefined) this.polls = Math.max(1, Math.floor(options.polls));
    if (options.paddingBytes !== undefined) this.paddingBytes = Math.max(0, Math.floor(options.paddingBytes));
    if (options.origin !== undefined) this.origin = options.origin;
    if (options.storage !== undefined) this.storage = options.storage;
  }

  /** The same delays, polls, padding, origin and storage as `other` (a customer workspace follows its partner). */
  configureLike(other: LifecycleState): void {
    const { delayMs, polls, paddingBytes, origin, storage } = other;
    this.configure({ delayMs, polls, paddingBytes, origin, storage });
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
    const byPolls = this.polls !== undefined;
    const row: PackageRow = { pkg: { id: this.nextPackage++, ...pkg, status: 'in_progress' }, dueAt: byPolls ? Infinity : Date.now() + this.delayMs, work, reads: 0 };
    this.packages.set(row.pkg.id, row);
    // unref: a pending package never keeps the process alive; a late timer only finds the package settled.
    if (!byPolls) setTimeout(() => this.settle(row), this.delayMs).unref();
    return row;
  }

  /** The package with its work done if it is due; `poll` counts a status read (GET /packages/:id). */
  package(id: number, poll = false): PackageRow | undefined {
    const row = this.packages.get(id);
    if (!row) return undefined;
    if (poll) row.reads++;
    if (Date.now() >= row.dueAt || (this.polls !== undefined && row.reads >= this.polls)) this.settle(row);
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
