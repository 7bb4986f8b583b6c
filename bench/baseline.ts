/**
 * The baseline gateway: another git ref of this repository (BENCH_BASELINE_REF, default the code before issue 18),
 * checked out into a temporary worktree, built with its own compiler settings and measured in the same run as the
 * gateway, turn by turn, so that the machine's noise hits both alike. The worktree is removed when the benchmark
 * ends, however it ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes.js';

/** Commit 69e2f68: the last one before issue 18's first commit. */
export const DEFAULT_BASELINE_REF = '69e2f68';

export interface Baseline {
  ref: string;
  /** The commit the ref named when the run started. */
  commit: string;
  /** The checkout's root (the baseline gateway's working directory). */
  dir: string;
  /** Its built entry point. */
  entry: string;
  remove(): void;
}

const git = (args: string[], cwd = ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Worktrees still on disk: removed when the benchmark exits, however it exits. */
const checkedOut = new Set<string>();
process.once('exit', () => {
  for (const dir of checkedOut) removeWorktree(dir);
});

function removeWorktree(dir: string): void {
  checkedOut.delete(dir);
  try {
    git(['worktree', 'remove', '--force', dir]);
  } catch {
    // Not registered (the add failed half-way): the directory alone, and the registration if any.
    rmSync(dir, { recursive: true, force: true });
    git(['worktree', 'prune']);
  }
}

/**
 * Checks `ref` out (detached) into a temporary directory, gives it this checkout's node_modules (or, when its lockfile
 * differs, its own, from `npm ci`) and builds it with `npx tsc -p tsconfig.json`. Undefined when the ref is `none`.
 */
export function prepareBaseline(ref: string, log: (message: string) => void): Baseline | undefined {
  if (ref === 'none') return undefined;
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  checkedOut.add(dir);
  try {
    git(['worktree', 'add', '--detach', dir, commit]);
    // The same dependencies: this checkout's node_modules. Others (a package added or removed since): its own.
    const lock = (root: string) => readFileSync(join(root, 'package-lock.json'), 'utf8');
    if (lock(dir) === lock(ROOT)) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    else {
      log(`baseline ${ref} has other dependencies than this checkout: npm ci in ${dir}`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    log(`baseline ${ref} (${commit.slice(0, 7)}) checked out in ${dir}; building it`);
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    removeWorktree(dir);
    throw error;
  }
  return { ref, commit, dir, entry: join(dir, 'dist/main.js'), remove: () => removeWorktree(dir) };
}
