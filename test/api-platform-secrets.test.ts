import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/logger.js';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { startStack, type Stack } from './support/stack.js';

describe('API key secrets in logs', () => {
  it("redacts Workato's and the schema's secret field names wherever a logged object holds them", () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ auth_token: 'wire-secret-1', key: { data: { auth_token: 'wire-secret-2' } }, result: { apiKeyCreate: { authToken: 'schema-secret-3' } }, client: { jwt_secret: 'jwt-secret-4' } }, 'api key');
    expect(lines).toHaveLength(1);
    for (const secret of ['wire-secret-1', 'wire-secret-2', 'schema-secret-3', 'jwt-secret-4']) expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ auth_token: '[redacted]', result: { apiKeyCreate: { authToken: '[redacted]' } } });
  });
});

describe('API key secrets and the response cache', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_TTL_MS: '60000' }, simulator: { workspaces: { 'tok-ap-cache': FIXTURE_ONLY } } });
  });
  afterAll(() => stack.close());

  const REFRESH = `mutation { apiKeySecretRefresh(input: { id: "37326", clientId: "5101" }) { apiKey { id workatoId } authToken userErrors { code } } }`;

  it('caches plain reads, but answers every secret refresh from Workato, and no later read holds the secret', async () => {
    const KEYS = `{ apiPlatformClient(id: "5101") { keys { nodes { id name enabled } } } }`;
    stack.sim.resetCounts();
    await stack.gql(KEYS);
    await stack.gql(KEYS);
    expect(stack.sim.counts()).toEqual({ 'GET /api/v2/api_clients/:id': 1, 'GET /api/v2/api_clients/:api_client_id/api_keys': 1 });

    stack.sim.resetCounts();
    const first = await stack.gql(REFRESH);
    const second = await stack.gql(REFRESH);
    expect(stack.sim.counts()).toEqual({ 'PUT /api/v2/api_clients/:api_client_id/api_keys/:key_id/refresh_secret': 2 });
    expect(first.apiKeySecretRefresh.authToken).toMatch(/^[0-9a-f]{64}$/);
    expect(second.apiKeySecretRefresh.authToken).not.toBe(first.apiKeySecretRefresh.authToken);

    const create = `mutation { apiKeyCreate(input: { clientId: "5101", name: "Cache check" }) { apiKey { id } authToken } }`;
    const created = await stack.gql(create);
    const again = await stack.gql(create);
    expect(again.apiKeyCreate.authToken).not.toBe(created.apiKeyCreate.authToken);
    const read = await stack.request(`{ apiPlatformClient(id: "5101") { keys { nodes { id name enabled ipAllowList } } } }`);
    expect(JSON.stringify(read)).not.toContain(created.apiKeyCreate.authToken);
    expect(JSON.stringify(read)).not.toContain(second.apiKeySecretRefresh.authToken);
  });
});
