import { spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_TOKEN } from '../src/simulator/index.js';
import { startStack, type Stack } from './support/stack.js';

const KEY = 'k3y-for-the-front-end-0001';
const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('who may start the gateway with a server token', () => {
  it('refuses a server token with an open gateway, and says what the options are', () => {
    const error = configError({ WORKATO_API_TOKEN: 'secret-server-token' });
    expect(error.variable).toBe('WORKATO_API_TOKEN');
    expect(error.message).toMatch(/GATEWAY_API_KEYS/);
    expect(error.message).toMatch(/GATEWAY_JWKS_URL/);
    expect(error.message).toMatch(/DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN/);
    expect(error.message).not.toContain('secret-server-token');
  });

  it('`npm start` with a server token and no client authentication exits with the explanation', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', WORKATO_API_TOKEN: 'secret-server-token', WORKATO_DATA_CENTER: 'eu' };
    for (const name of ['GATEWAY_API_KEYS', 'GATEWAY_JWKS_URL', 'DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN', 'WORKATO_BASE_URL']) delete env[name];
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: fileURLToPath(new URL('..', import.meta.url)), env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Configuration error: WORKATO_API_TOKEN: .*GATEWAY_API_KEYS.*GATEWAY_JWKS_URL/);
    expect(run.stderr + run.stdout).not.toContain('secret-server-token');
  });

  it('starts with API keys, a JWKS URL, or the loudly named opt-out', () => {
    expect(loadConfig({ WORKATO_API_TOKEN: 't', GATEWAY_API_KEYS: KEY }).clientAuth.apiKeys).toEqual([KEY]);
    expect(loadConfig({ WORKATO_API_TOKEN: 't', GATEWAY_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' }).clientAuth.jwt).toBeTruthy();
    expect(loadConfig({ WORKATO_API_TOKEN: 't', DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN: 'true' }).clientAuth.openWithServerToken).toBe(true);
  });

  it('keeps demo mode on loopback, and checks the new settings', () => {
    expect(configError({ HOST: '0.0.0.0' }).variable).toBe('HOST');
    expect(loadConfig({ HOST: '127.0.0.1' }).demo).toBe(true);
    expect(configError({ WORKATO_DATA_CENTER: 'eu', GATEWAY_API_KEYS: 'short' }).variable).toBe('GATEWAY_API_KEYS');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', RESPONSE_CACHE: 'redis' }).variable).toBe('REDIS_URL');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', RESPONSE_CACHE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' }).variable).toBe('TOKEN_HASH_KEY');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', CORS_ORIGINS: 'https://app.example.com/path' }).variable).toBe('CORS_ORIGINS');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', WORKATO_RATE_LIMIT: 'maybe' }).variable).toBe('WORKATO_RATE_LIMIT');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', TRUSTED_DOCUMENTS: '/nonexistent/manifest.json' }).variable).toBe('TRUSTED_DOCUMENTS');
    expect(configError({ WORKATO_DATA_CENTER: 'eu', MAX_QUERY_DEPTH: '0' }).variable).toBe('MAX_QUERY_DEPTH');
  });
});

describe('API keys with a server token', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { WORKATO_API_TOKEN: DEMO_TOKEN, GATEWAY_API_KEYS: `${KEY},another-key-0123456789` } });
  });
  afterAll(() => stack.close());

  it('refuses a request without a key with 401 UNAUTHENTICATED, before any Workato call', async () => {
    stack.sim.resetCounts();
    const r = await stack.request(`{ me { name } }`, {}, { token: null });
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(/X-API-Key/);
    expect(stack.sim.total()).toBe(0);
  });

  it('refuses a wrong key, and serves a right one with the server token', async () => {
    expect((await stack.request(`{ me { name } }`, {}, { token: null, headers: { 'x-api-key': 'wrong-key-0123456789' } })).status).toBe(401);
    const r = await stack.request(`{ me { name } }`, {}, { token: null, headers: { 'x-api-key': 'another-key-0123456789' } });
    expect(r.data?.me.name).toBeTruthy();
  });

  it('guards other routes too (package downloads), but not the probes', async () => {
    expect((await fetch(`${stack.gateway.origin}/packages/1/download`)).status).toBe(401);
    expect((await fetch(`${stack.gateway.origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${stack.gateway.origin}/readyz`)).status).toBe(200);
  });
});

/** A JWKS endpoint on loopback and RS256 tokens signed with node:crypto. */
function jwtIssuer() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = (claims: Record<string, unknown>, key: KeyObject = privateKey) => {
    const head = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'test-key' })}.${b64(claims)}`;
    return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
  };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  return { token, server, privateKey };
}

describe('JWTs verified against a JWKS, with a server token', () => {
  const issuer = jwtIssuer();
  const now = Math.floor(Date.now() / 1000);
  const good = { iss: 'https://id.example.com/', aud: 'workato-gateway', sub: 'user-1', exp: now + 600 };
  let stack: Stack;
  beforeAll(async () => {
    await new Promise<void>((resolve) => issuer.server.listen(0, '127.0.0.1', () => resolve()));
    const port = (issuer.server.address() as AddressInfo).port;
    stack = await startStack({
      env: {
        WORKATO_API_TOKEN: DEMO_TOKEN,
        GATEWAY_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        GATEWAY_JWT_ISSUER: good.iss,
        GATEWAY_JWT_AUDIENCE: good.aud,
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    issuer.server.close();
  });

  const ask = (jwt: string | null) => stack.request(`{ me { name } }`, {}, { token: jwt });

  it('serves a valid JWT with the server token, and never forwards the JWT to Workato', async () => {
    stack.sim.resetCounts();
    const jwt = issuer.token(good);
    const r = await ask(jwt);
    expect(r.data?.me.name).toBeTruthy();
    expect(stack.sim.log().map((e) => e.token)).toEqual([DEMO_TOKEN]);
  });

  it.each([
    ['no token', null],
    ['another signing key', 'other-key'],
    ['the wrong audience', 'aud'],
    ['the wrong issuer', 'iss'],
    ['an expired token', 'exp'],
    ['garbage', 'garbage'],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, variant) => {
    const other = createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const jwt =
      variant === null ? null
      : variant === 'other-key' ? issuer.token(good, other)
      : variant === 'aud' ? issuer.token({ ...good, aud: 'someone-else' })
      : variant === 'iss' ? issuer.token({ ...good, iss: 'https://evil.example.com/' })
      : variant === 'exp' ? issuer.token({ ...good, exp: now - 60 })
      : 'not.a.jwt';
    stack.sim.resetCounts();
    const r = await ask(jwt);
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(stack.sim.total()).toBe(0);
  });
});

describe('API keys without a server token', () => {
  it('needs the key and still forwards each caller its own Workato token', async () => {
    const stack = await startStack({ env: { GATEWAY_API_KEYS: KEY } });
    try {
      expect((await stack.request(`{ me { name } }`)).status).toBe(401);
      stack.sim.resetCounts();
      const r = await stack.request(`{ me { name } }`, {}, { headers: { 'x-api-key': KEY } });
      expect(r.data?.me.name).toBeTruthy();
      expect(stack.sim.log()[0]?.token).toBe(stack.sim.token);
      const none = await stack.request(`{ me { name } }`, {}, { token: null, headers: { 'x-api-key': KEY } });
      expect(code(none)).toBe('UNAUTHENTICATED'); // a valid key is not a Workato token
    } finally {
      await stack.close();
    }
  });
});
