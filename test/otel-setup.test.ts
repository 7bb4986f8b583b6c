import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { startOtlpCollector, traceparentOf } from './support/otel.js';

it('the preload exports the gateway’s spans over OTLP/HTTP under OTEL_SERVICE_NAME, flushed at shutdown', async () => {
  const collector = await startOtlpCollector();
  const { WORKATO_API_TOKEN: _token, WORKATO_BASE_URL: _base, ...env } = process.env;
  // Demo mode (no token, no base URL): the gateway serves its built-in simulator. The batch delay is longer than the
  // test, so the spans can only arrive through the flush on SIGTERM.
  const gateway = spawn(process.execPath, ['--import', './scripts/otel-setup.mjs', '--import', 'tsx', 'src/main.ts'], {
    env: {
      ...env, OTEL_TRACING: 'true', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'replica-under-test', OTEL_BSP_SCHEDULE_DELAY: '600000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      gateway.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const found = /GraphiQL at (\S+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      gateway.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before it was ready: ${out}`)));
    });
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: traceparentOf(traceId, randomBytes(8).toString('hex')) },
      body: JSON.stringify({ query: 'query Me { me { name } }', operationName: 'Me' }),
    });
    expect(((await response.json()) as { data?: { me?: { name?: string } } }).data?.me?.name).toBeTruthy();
    expect(collector.bodies).toEqual([]);
    gateway.kill('SIGTERM');
    const [code] = await once(gateway, 'exit');
    expect(code).toBe(0);
    const exported = Buffer.concat(collector.bodies);
    for (const text of ['replica-under-test', 'graphql.execute Me', 'workato GET users']) expect(exported.includes(text)).toBe(true);
    // OTLP carries the trace id as hex (JSON) or as its 16 bytes (protobuf).
    expect(exported.includes(traceId) || exported.includes(Buffer.from(traceId, 'hex'))).toBe(true);
  } finally {
    gateway.kill('SIGKILL');
    await collector.close();
  }
});
