import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

/** Starts the gateway the way `npm start` does, with no Workato settings at all, and waits for its URL. */
function startDemo(): Promise<{ url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' };
  for (const name of ['WORKATO_API_TOKEN', 'WORKATO_BASE_URL', 'WORKATO_DATA_CENTER', 'WORKATO_DEMO']) delete env[name];
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output });
      }
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.on('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
}

describe('demo mode', () => {
  it('starts on the built-in simulator, says so, answers queries with no headers, and sleeps when idle', async () => {
    const { url, output } = await startDemo();
    expect(output()).toMatch(/Demo mode: .*simulator/);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { name } recipes(first: 2) { nodes { name folder { name } } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.me.name).toBeTruthy();
    expect(body.data.recipes.nodes).toHaveLength(2);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Workato GraphQL gateway');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
    expect(html).not.toContain('unpkg.com');

    // Idle, the gateway sleeps: no timer wakes it every few milliseconds (prom-client's event-loop sampling did, 100
    // times a second). Counted as the main thread's voluntary context switches, which only Linux reports.
    if (process.platform === 'linux') {
      const switches = () => Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync(`/proc/${child!.pid}/status`, 'utf8'))![1]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = switches();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect((switches() - before) / 2).toBeLessThan(40);
    }

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
