/**
 * The gateway starts the same way everywhere: `npm start`, the Dockerfile's CMD and the benchmark (which reads the
 * flags from package.json) run `node <flags> dist/main.js` with the same V8 heap settings (README "Memory").
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shippedNodeFlags } from '../bench/processes.js';
import { dockerfileCmd } from './support/dockerfile.js';

describe('how the gateway is started', () => {
  it('npm start and the Dockerfile CMD run node with the same flags', () => {
    const flags = shippedNodeFlags();
    expect(flags).toContain('--max-semi-space-size=8');
    expect(dockerfileCmd()).toEqual(['node', ...flags, 'dist/main.js']);
  });

  it('this Node accepts those flags (an unknown one exits with "bad option")', () => {
    expect(() => execFileSync(process.execPath, [...shippedNodeFlags(), '-e', '0'], { stdio: 'pipe' })).not.toThrow();
    expect(() => execFileSync(process.execPath, ['--no-such-heap-flag=1', '-e', '0'], { stdio: 'pipe' })).toThrow(/bad option/);
  });
});
