import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { maskError } from '../src/server/errors.js';
import type { Logger } from '../src/server/logger.js';
import { useRequestId } from '../src/server/plugins/request-id.js';
import type { YogaOptions } from '../src/server/yoga.js';

// The request-id plugin in a yoga of its own: the gateway's masking, a schema whose resolver fails unexpectedly.
function yogaWithLog() {
  const lines: Array<[string, unknown[]]> = [];
  const at = (level: string) => (...args: unknown[]) => void lines.push([level, args]);
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { boom: String, fine: String }',
      resolvers: { Query: { boom: () => Promise.reject(new Error('disk on fire at /var/secret')), fine: () => 'ok' } },
    }),
    plugins: [useRequestId({ logger } as unknown as YogaOptions)],
    maskedErrors: { maskError: (error) => maskError(error) },
    logging: false,
  });
  const post = async (query: string, headers: Record<string, string> = {}): Promise<Response> =>
    yoga.fetch('http://gateway/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { lines, post };
}

describe('request ids and error logs without AsyncLocalStorage', () => {
  it('logs an unexpected fault with its cause and the request id; the caller sees only the code and the id', async () => {
    const { lines, post } = yogaWithLog();
    const response = await post('{ boom fine }', { 'x-request-id': 'req-boom-1' });
    expect(response.headers.get('x-request-id')).toBe('req-boom-1');
    const body = await response.text();
    expect(body).not.toContain('disk on fire');
    const result = JSON.parse(body);
    expect(result.data).toEqual({ boom: null, fine: 'ok' });
    expect(result.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-boom-1' } })]);
    expect(lines).toHaveLength(2);
    const [level, [message, cause, fields]] = lines[0]!;
    expect(lines[1]).toEqual(['debug', ['POST /graphql answered 200', { reqId: 'req-boom-1' }]]);
    expect([level, message, fields]).toEqual(['error', 'Unexpected error while executing a GraphQL request', { reqId: 'req-boom-1' }]);
    expect((cause as Error).message).toBe('disk on fire at /var/secret');
  });

  it('gives a request without an id (or with an unsafe one) a new one, and logs caller mistakes at debug', async () => {
    const { lines, post } = yogaWithLog();
    const response = await post('{ nope }', { 'x-request-id': 'a b"c' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: id });
    expect(lines).toEqual([
      ['debug', [expect.stringContaining('GRAPHQL_VALIDATION_FAILED: Cannot query field "nope"'), { reqId: id }]],
      ['debug', ['POST /graphql answered 200', { reqId: id }]], // application/json: errors with 200
    ]);
  });

  it('keeps two requests in flight at once apart', async () => {
    const { lines, post } = yogaWithLog();
    const answers = await Promise.all(['req-a', 'req-b', 'req-c'].map((id) => post('{ boom }', { 'x-request-id': id }).then((r) => r.json())));
    expect(answers.map((a) => a.errors[0].extensions.requestId)).toEqual(['req-a', 'req-b', 'req-c']);
    const faults = lines.filter(([level]) => level === 'error');
    expect(faults.map(([, args]) => (args[2] as { reqId: string }).reqId).sort()).toEqual(['req-a', 'req-b', 'req-c']);
  });
});
