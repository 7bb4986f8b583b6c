import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { WORKATO_TIMEOUT_MS: '500', ...EACH_REQUEST_CALLS_WORKATO } });
});
afterEach(() => stack.sim.clearFaults());
afterAll(() => stack.close());

const codes = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.map((e) => e.extensions?.code);

describe('errors carry a machine-readable code', () => {
  it('UNAUTHENTICATED for a token Workato rejects, without echoing the token', async () => {
    const r = await stack.request(`{ me { name } }`, {}, { token: 'not-a-real-token-123' });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ me: null });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(r)).not.toContain('not-a-real-token-123');
  });

  it('UNAUTHENTICATED without a token, and Workato is not called', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ me { name } }`, {}, { token: null });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    expect(stack.sim.total()).toBe(0);
  });

  it('refuses the legacy key pair instead of forwarding it', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ me { name } }`, {}, { token: null, headers: { 'x-user-email': 'a@b.c', 'x-user-token': 'k' } });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors?.[0]?.message).toMatch(/Legacy/);
    expect(stack.sim.total()).toBe(0);
  });

  it('BAD_USER_INPUT for an id of dots or an empty one, which would reach another endpoint, and Workato is not called', async () => {
    const jobId = (handle: string) => Buffer.from(`Job:3307712:${encodeURIComponent(handle)}`).toString('base64url');
    for (const handle of ['..', '.', '']) {
      stack.sim.resetCounts();
      const r = await stack.request(`query($h: String!, $id: ID!) { job(recipeId: "3307712", handle: $h) { handle } node(id: $id) { id } }`, { h: handle, id: jobId(handle) });
      expect(r.data, handle).toEqual({ job: null, node: null });
      expect(codes(r), handle).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect(stack.sim.total(), handle).toBe(0);
    }
    stack.sim.resetCounts();
    const schema = await stack.request(`{ managedUser(id: "19029") { connectorInputSchema(application: "..") { name } } }`);
    expect(codes(schema)).toEqual(['BAD_USER_INPUT']);
    expect(stack.sim.counts()['GET /api/v2/managed_users/:managed_user_id/connectors/:connector_name/input_schema']).toBeUndefined();
    // A dot inside an id, or an escaped one, is an id like any other: sent (escaped), and Workato answers for it.
    for (const handle of ['j-1.5', '%2e%2E']) {
      const sent = await stack.request(`query($h: String!) { job(recipeId: "3307712", handle: $h) { handle } }`, { h: handle });
      expect(codes(sent), handle).toEqual(['NOT_FOUND']);
    }
  });

  it('still serves introspection without a token (GraphiQL docs work before login)', async () => {
    const r = await stack.request(`{ __type(name: "Recipe") { name description } }`, {}, { token: null });
    expect(r.errors).toBeUndefined();
    expect(r.data?.__type.description).toMatch(/recipe/i);
  });

  it('NOT_FOUND for an unknown recipe nulls that field and still resolves its siblings', async () => {
    const r = await stack.request(`{ missing: recipe(id: "999999999") { name } found: recipe(id: "3307712") { name } missingConnection: connection(id: "1") { name } }`);
    expect(r.data?.missing).toBeNull();
    expect(r.data?.missingConnection).toBeNull();
    expect(r.data?.found.name).toBeTruthy();
    expect(codes(r)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(r.errors?.map((e) => e.path?.[0]).sort()).toEqual(['missing', 'missingConnection']);
  });

  it('BAD_USER_INPUT for a malformed or foreign id, never a 500', async () => {
    const r = await stack.request(`{ a: recipe(id: "folder-ish") { name } b: node(id: "Zm9v") { id } }`);
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    const { folder } = await stack.gql(`{ folder(id: "1201101") { id } }`);
    const foreign = await stack.request(`query($id: ID!) { recipe(id: $id) { name } }`, { id: folder.id });
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
  });

  it('BAD_USER_INPUT, before any call, for a numeric id too long to stay exact (it would be sent as another id)', async () => {
    stack.sim.resetCounts();
    const long = await stack.request(`{ a: recipe(id: "9007199254740993") { name } }`);
    const huge = await stack.request(`mutation($id: ID!) { recipeStop(input: { id: $id }) { userErrors { code } } }`, { id: '9'.repeat(400) });
    expect([...(codes(long) ?? []), ...(codes(huge) ?? [])]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(huge.errors?.[0]?.message.length).toBeLessThan(300);
    expect(stack.sim.counts()).toEqual({});
  });

  it('a malformed query is a 400 with a GraphQL error', async () => {
    const r = await stack.request(`{ recipes { nodes { nope } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.length).toBeGreaterThan(0);
    const wrongType = await stack.request(`query($n: Int) { recipes(first: $n) { nodes { name } } }`, { n: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.message).toMatch(/\$n/);
  });

  it('UNSUPPORTED_MEDIA_TYPE (415) with a GraphQL error body for a POST body in no content type it reads', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const post = (headers: Record<string, string>, payload: BodyInit) =>
      fetch(stack.gateway.url, { method: 'POST', headers: { accept: 'application/json', ...headers }, body: payload });
    for (const response of [await post({ 'content-type': 'text/plain' }, body), await post({}, new TextEncoder().encode(body))]) {
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/json/);
      const { errors } = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(errors[0]!.extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', requestId: expect.any(String) });
      expect(errors[0]!.message).toMatch(/application\/json/);
    }
    expect((await post({ 'content-type': 'application/json' }, body)).status).toBe(200);
    // Other methods keep their own answer.
    expect((await fetch(stack.gateway.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body })).status).toBe(405);
  });

  it('never echoes a rejected variable value, which may hold credentials', async () => {
    const r = await stack.request('mutation($input: ConnectionCreateInput!) { connectionCreate(input: $input) { userErrors { code } } }', {
      input: { application: 'jira', input: { apitoken: 'super-secret-value' } },
    });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/\$input.*"name"/) });
    expect(JSON.stringify(r)).not.toContain('super-secret-value');
  });

  it('UPSTREAM_ERROR with the upstream request id for a Workato 500; other branches still resolve', async () => {
    stack.sim.inject({ route: 'GET /api/connections', status: 500, body: { message: 'Server error', id: 'err-7f3a' } });
    const r = await stack.request(`{ connections { totalCount } me { name } }`);
    expect(r.data?.connections).toBeNull();
    expect(r.data?.me.name).toBeTruthy();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 500, upstreamRequestId: 'err-7f3a' });
  });

  it('UPSTREAM_ERROR naming the field when an object Workato lists has no id for its nested field to load by', async () => {
    stack.sim.inject({ route: 'GET /api/folders', status: 200, body: [{ name: 'No id' }], times: 1 });
    const r = await stack.request(`{ folders { nodes { name children { nodes { name } } } } }`);
    expect(r.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['UPSTREAM_ERROR', 'folders.nodes.0.children']]);
    expect(r.errors?.[0]?.message).toMatch(/no id for the object whose children field was asked/);
    expect(r.data?.folders.nodes[0].name).toBe('No id');
  });

  it('copes with a non-JSON error page', async () => {
    stack.sim.inject({ route: 'GET /api/users/me', status: 502, body: '<html><body>Bad gateway</body></html>' });
    const r = await stack.request(`{ me { name } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(r.errors?.[0]?.message).toMatch(/502/);
  });

  it('RATE_LIMITED with retryAfter for a Workato 429', async () => {
    stack.sim.inject({ route: 'GET /api/users/me', status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '17' } });
    const r = await stack.request(`{ me { name } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 17 });
  });

  it('FORBIDDEN when the API client role lacks the endpoint', async () => {
    stack.sim.inject({ route: 'GET /api/projects', status: 403, body: { message: 'Forbidden' } });
    const r = await stack.request(`{ projects { nodes { name } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('UPSTREAM_TIMEOUT when Workato does not answer in time, and the gateway keeps serving', async () => {
    stack.sim.inject({ route: 'GET /api/users/me', delayMs: 3000 });
    const r = await stack.request(`{ me { name } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    const after = await stack.gql(`{ recipe(id: "3307712") { name } }`);
    expect(after.recipe.name).toBeTruthy();
  });
});
