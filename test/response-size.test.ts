/**
 * WORKATO_MAX_RESPONSE_BYTES: a Workato answer bigger than the limit is dropped unread (UPSTREAM_ERROR naming the
 * setting), whether its size is declared (Content-Length) or only counted as it arrives (chunked); the gateway keeps
 * serving and answers within the limit as before.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

const LIMIT = 64 * 1024;
const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.map((e) => e.extensions?.code);

describe('an answer larger than WORKATO_MAX_RESPONSE_BYTES', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Retries on (the stack turns them off), so 'not retried' below is the size refusal's doing.
    stack = await startStack({ env: { WORKATO_MAX_RESPONSE_BYTES: String(LIMIT), WORKATO_RETRIES: '2', WORKATO_RETRY_BASE_MS: '10' } });
  });
  afterAll(() => stack.close());

  it('declared by its Content-Length: UPSTREAM_ERROR, one call, not retried; smaller answers still read', async () => {
    stack.sim.resetCounts();
    stack.sim.inject({ route: 'GET /api/users/me', status: 200, body: { id: 1, name: 'x'.repeat(LIMIT) }, times: 3 });
    const big = await stack.request(`{ me { name } }`);
    expect(code(big)).toEqual(['UPSTREAM_ERROR']);
    expect(big.errors?.[0]?.message).toContain('WORKATO_MAX_RESPONSE_BYTES');
    expect(stack.sim.counts()['GET /api/users/me']).toBe(1);
    stack.sim.clearFaults();
    const small = await stack.gql(`{ me { name } }`);
    expect(small.me.name).toBeTruthy();
  });
});

describe('a chunked answer with no Content-Length, counted as it arrives', () => {
  let upstream: Server;
  let stack: Stack;
  beforeAll(async () => {
    // An upstream that streams `{"id":1,"name":"xxxx…"}` of `size` bytes in 16 KB chunks (no Content-Length).
    upstream = createServer((req, res) => {
      const size = req.url?.includes('/users/me') ? 8 * LIMIT : 0;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":1,"name":"');
      let written = 0;
      const more = () => {
        while (written < size) {
          written += 16 * 1024;
          if (!res.write('x'.repeat(16 * 1024))) return void res.once('drain', more);
        }
        res.end('"}');
      };
      res.on('close', () => { written = size; });
      more();
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    stack = await startStack({ env: { WORKATO_BASE_URL: `http://127.0.0.1:${port}/api`, WORKATO_MAX_RESPONSE_BYTES: String(LIMIT), WORKATO_RETRIES: '0' } });
  });
  afterAll(async () => {
    await stack.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('is refused as it arrives: UPSTREAM_ERROR naming the setting, each time it is asked', async () => {
    const big = await stack.request(`{ me { name } }`);
    expect(code(big)).toEqual(['UPSTREAM_ERROR']);
    expect(big.errors?.[0]?.message).toContain('WORKATO_MAX_RESPONSE_BYTES');
    const again = await stack.request(`{ me { name } }`);
    expect(code(again)).toEqual(['UPSTREAM_ERROR']);
  });
});
