import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors as undiciErrors, request as undiciRequest } from 'undici';
import { describe, expect, it } from 'vitest';
import { fromWorkatoError } from '../src/server/errors.js';
import { familyOf } from '../src/workato/families.js';
import { CircuitBreaker } from '../src/workato/circuit-breaker.js';
import { RateLimiter } from '../src/workato/rate-limiter.js';
import { backoffMs, isRetryableMethod, Semaphore, sharedDeadlines } from '../src/workato/resilience.js';
import { mayHaveReached, networkError } from '../src/workato/workato-error.js';

describe('endpoint families and their quotas (REFERENCE §5)', () => {
  it.each([
    ['GET', '/connections', 'connections_list', 60, 60_000],
    ['POST', '/connections', 'connections', 1, 1_000],
    ['POST', '/connections/5/disconnect', 'connections', 1, 1_000],
    ['POST', '/recipes/1/repeat_jobs', 'jobs_repeat', 1, 1_000],
    ['POST', '/recipes/1/cancel_jobs', 'jobs_cancel', 1, 1_000],
    ['GET', '/recipes/1/jobs', 'jobs', 60, 60_000],
    ['POST', '/job/resume', 'jobs', 60, 60_000],
    ['GET', '/integrations', 'connectors', 60, 60_000],
    ['GET', '/recipes/1', 'recipes', 60, 60_000],
    ['GET', '/recipes/1/test_cases', 'test_cases', 60, 60_000],
    ['POST', '/test_cases/run_requests', 'test_cases', 60, 60_000],
    ['GET', '/managed_users/19029/recipes/1/test_cases', 'embedded_test_cases', 60, 60_000],
    ['POST', '/recipes/1/health', 'recipe_health_check', 20, 60_000],
    ['GET', '/recipes/1/health', 'recipes', 60, 60_000],
    ['GET', '/managed_users/E12/recipes/1/jobs', 'embedded_jobs', 1000, 60_000],
    ['GET', '/managed_users/7/connections', 'embedded_connections_list', 1000, 60_000],
    ['GET', '/managed_users', 'managed_users', 60, 60_000],
    ['POST', '/managed_users', 'managed_users_create', 1000, 60_000],
    ['PUT', '/managed_users/19029', 'managed_users', 60, 60_000],
    ['GET', '/managed_users/usage', 'managed_users_usage', 1000, 60_000],
    ['POST', '/v2/managed_users/statistics/connection_usage', 'managed_users_usage', 1000, 60_000],
    ['POST', '/managed_users/19029/environments', 'managed_users_environments', 1000, 60_000],
    ['DELETE', '/managed_users/E12/members/7', 'embedded_members_remove', 1000, 60_000],
    ['PUT', '/managed_users/19029/members/7', 'embedded_collaborators', 60, 60_000],
    ['GET', '/somewhere/new', 'other', 60, 60_000],
    ['POST', '/sdk/generate_schema/csv', 'custom_connectors', 60, 60_000],
    ['GET', '/custom_connectors/search', 'custom_connectors', 60, 60_000],
    ['GET', '/managed_users/19029/activity_logs', 'embedded_activity_logs', 60, 60_000],
    ['POST', '/tags_assignments', 'tags', 60, 60_000],
    ['GET', '/developer_api_client_roles', 'developer_api_clients', 60, 60_000],
    ['GET', '/v2/api_clients/4/api_keys', 'api_platform', 60, 60_000],
    ['PUT', '/api_endpoints/9/enable', 'api_platform', 60, 60_000],
    ['GET', '/on_prem_agents/search', 'on_prem', 60, 60_000],
    ['POST', '/member_invitations', 'collaborators', 60, 60_000],
    ['GET', '/v2/managed_users/19029/tags', 'embedded_tags', 60, 60_000],
    ['GET', '/v2/managed_users/19029/developer_api_clients', 'embedded_developer_api_clients_list', 1000, 60_000],
    ['POST', '/v2/managed_users/19029/developer_api_clients/3/regenerate', 'embedded_developer_api_clients', 60, 60_000],
    ['GET', '/managed_users/19029/api_collections', 'embedded_api_platform', 1000, 60_000],
    ['GET', '/v2/managed_users/19029/api_clients/5/api_keys', 'embedded_api_platform', 1000, 60_000],
    ['GET', '/agentic/genies', 'agentic_reads', 1000, 60_000],
    ['PUT', '/agentic/genies/g-1/start', 'agentic', 60, 60_000],
    ['POST', '/agentic/genies/gen-1/start', 'agentic', 60, 60_000],
    ['GET', '/agentic/skills/skl-1', 'agentic_reads', 1000, 60_000],
    ['GET', '/agentic/knowledge_bases/kb-1/data_sources', 'agentic', 60, 60_000],
    ['GET', '/agentic/genies/gen-1/conversations', 'agentic_conversations', 10, 1_000],
    ['GET', '/mcp/mcp_servers/mcps-1/tools', 'mcp', 60, 60_000],
    ['POST', '/v1/topics/12/consume', 'event_stream_messages', 60, 60_000],
    ['POST', '/v1/batch/topics/12/publish', 'event_stream_messages', 60, 60_000],
    ['POST', '/v1/tables/uuid/query', 'data_table_records', 60, 60_000],
  ])('%s %s → %s (%i per %i ms)', (method, path, name, limit, windowMs) => {
    expect(familyOf(method, path)).toEqual({ name, quota: { limit, windowMs } });
  });
});

describe('RateLimiter', () => {
  it('admits `limit` calls at once, queues the next ones one window later, and refuses waits past maxWait', () => {
    let now = 0;
    const limiter = new RateLimiter(1_500, () => now);
    const quota = { limit: 2, windowMs: 1_000 };
    expect(limiter.reserve('k', quota)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve('k', quota)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve('k', quota)).toEqual({ ok: true, waitMs: 1_100 });
    expect(limiter.reserve('k', quota)).toEqual({ ok: true, waitMs: 1_100 });
    expect(limiter.reserve('k', quota)).toEqual({ ok: false, retryAfterSeconds: 3, quota });
    expect(limiter.reserve('other', quota)).toEqual({ ok: true, waitMs: 0 });
    now = 5_000;
    expect(limiter.reserve('k', quota)).toEqual({ ok: true, waitMs: 0 });
  });

  it('forgets idle keys', () => {
    let now = 0;
    const limiter = new RateLimiter(0, () => now);
    for (let i = 0; i < 50; i++) limiter.reserve(`caller-${i}`, { limit: 60, windowMs: 60_000 });
    expect(limiter.size()).toBe(50);
    now = 200_000;
    limiter.reserve('fresh', { limit: 60, windowMs: 60_000 });
    expect(limiter.size()).toBe(1);
  });

  it('forgets idle keys of a limiter only recorded into (what a replica sent, shared-rate-limiter.ts)', () => {
    let now = 0;
    const sent = new RateLimiter(0, () => now, false);
    // Anyone can make keys: every random bearer token's first call is counted before Workato answers 401.
    for (let i = 0; i < 50; i++) sent.record(`random-token-${i}|recipes`, { limit: 60, windowMs: 60_000 });
    expect(sent.size()).toBe(50);
    now = 200_000;
    sent.record('fresh|recipes', { limit: 60, windowMs: 60_000 });
    expect(sent.size()).toBe(1);
  });
});

describe('CircuitBreaker', () => {
  it('opens after N failures in a row, lets one probe through after the cooldown, and closes on its success', () => {
    let now = 0;
    const changes: string[] = [];
    const breaker = new CircuitBreaker(2, 1_000, () => now, (_o, s) => changes.push(s));
    breaker.record('o', 'a', true);
    breaker.record('o', 'a', false); // a success in between resets the count
    breaker.record('o', 'a', true);
    expect(breaker.allow('o', 'a')).toEqual({ ok: true });
    breaker.record('o', 'a', true);
    expect(breaker.allow('o', 'a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 1_000;
    expect(breaker.allow('o', 'a')).toEqual({ ok: true });
    expect(breaker.allow('o', 'a').ok).toBe(false); // only one probe at a time
    breaker.record('o', 'a', false);
    expect(breaker.state('o', 'a')).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens when the probe fails, and does nothing with threshold 0', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 1_000, () => now);
    breaker.record('o', 'a', true);
    now = 2_000;
    expect(breaker.allow('o', 'a').ok).toBe(true);
    breaker.record('o', 'a', true);
    expect(breaker.state('o', 'a')).toBe('open');
    const off = new CircuitBreaker(0, 1_000);
    for (let i = 0; i < 10; i++) off.record('o', 'a', true);
    expect(off.allow('o', 'a')).toEqual({ ok: true });
  });

  it("keeps one caller's circuit apart from another's; the origin is open while any caller's is", () => {
    const changes: string[] = [];
    const breaker = new CircuitBreaker(2, 1_000, () => 0, (origin, s) => changes.push(`${origin} ${s}`));
    breaker.record('o', 'a', true);
    breaker.record('o', 'a', true);
    expect(breaker.allow('o', 'a').ok).toBe(false);
    expect(breaker.allow('o', 'b')).toEqual({ ok: true });
    breaker.record('o', 'b', true);
    breaker.record('o', 'b', true);
    expect(breaker.state('o')).toBe('open');
    expect(changes).toEqual(['o open']); // the second caller's circuit did not change the origin's state
  });
});

describe('retry policy', () => {
  const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
  it('retries reads only', () => {
    expect(['GET', 'HEAD'].map(isRetryableMethod)).toEqual([true, true]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isRetryableMethod)).toEqual([false, false, false, false]);
  });

  it('backs off exponentially with full jitter, capped, and honours a Retry-After it may wait for', () => {
    expect(backoffMs(policy, 0, undefined, () => 1)).toBe(100);
    expect(backoffMs(policy, 2, undefined, () => 1)).toBe(400);
    expect(backoffMs(policy, 9, undefined, () => 1)).toBe(1_000);
    expect(backoffMs(policy, 2, undefined, () => 0.5)).toBe(200);
    expect(backoffMs(policy, 0, 1, () => 0)).toBe(1_000);
    expect(backoffMs(policy, 0, 2, () => 0)).toBeUndefined();
  });

  it('a semaphore hands slots over in order', async () => {
    const semaphore = new Semaphore(1);
    const order: number[] = [];
    const first = await semaphore.acquire();
    const waiting = [1, 2].map((n) => semaphore.acquire().then((release) => { order.push(n); release(); }));
    first();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2]);
  });
});

describe('deadlines of whole calls', () => {
  it('calls that start in the same slice share one deadline signal, a later slice gets its own', async () => {
    const next = sharedDeadlines(60_000, 5);
    const first = next();
    expect(next()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const later = next();
    expect(later).not.toBe(first);
    expect(first.aborted || later.aborted).toBe(false);
  });

  it('a shared signal aborts with a timeout, as AbortSignal.timeout does for one call', async () => {
    const signal = sharedDeadlines(1, 1)();
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });
});

describe('whether a failed write may have reached Workato', () => {
  it('a write that could not connect was not sent: the usual advice, no writeOutcome', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const cause = await undiciRequest(`http://127.0.0.1:${port}/api/developer_api_clients`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const error = networkError(cause, 'POST', '/api/developer_api_clients', { write: true });
    expect(error.outcomeUnknown).toBe(false);
    const mapped = fromWorkatoError(error);
    expect(mapped.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(mapped.message).toMatch(/could not be reached .* Try again later/);
  });

  it('after connecting, or with the answer begun, it may have; a read never has an outcome to report', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(mayHaveReached(reset, false)).toBe(true);
    expect(mayHaveReached(new undiciErrors.SocketError('other side closed', { bytesWritten: 0 } as never), false)).toBe(false);
    expect(mayHaveReached(new undiciErrors.SocketError('other side closed', { bytesWritten: 210 } as never), false)).toBe(true);
    expect(mayHaveReached(new undiciErrors.HeadersTimeoutError(), false)).toBe(true);
    expect(mayHaveReached(new undiciErrors.ConnectTimeoutError(), false)).toBe(false);
    expect(mayHaveReached(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true)).toBe(true);
    expect(networkError(reset, 'GET', '/api/recipes', {}).outcomeUnknown).toBe(false);
    expect(networkError(reset, 'POST', '/api/recipes', { write: true }).outcomeUnknown).toBe(true);
  });
});
