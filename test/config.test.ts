import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.js';

/** The names loadConfig looks up in `env`, recorded as it reads them. */
function variablesRead(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  loadConfig(new Proxy(env, { get: (target, key) => (typeof key === 'string' && read.add(key), Reflect.get(target, key)) }));
  return read;
}

describe('configuration', () => {
  it('starts in demo mode when no token and no base URL are set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ demo: true, baseUrl: undefined, port: 4000, host: '127.0.0.1', graphqlPath: '/graphql' });
  });

  it('maps a data center to its API root', () => {
    expect(loadConfig({ WORKATO_DATA_CENTER: 'eu' }).baseUrl).toBe('https://app.eu.workato.com/api');
    expect(loadConfig({ WORKATO_API_TOKEN: 't', GATEWAY_API_KEYS: 'a-client-key-of-16+' })).toMatchObject({
      demo: false,
      baseUrl: 'https://www.workato.com/api',
      serverToken: 't',
    });
  });

  it('shares quota windows through REDIS_URL, with a deadline of a few ms per check and a fallback share', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, sharedQuotas: { deadlineMs: 10, fallbackReplicas: 2 } });
    const shared = loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379', TOKEN_HASH_KEY: 'k'.repeat(32), QUOTA_FALLBACK_REPLICAS: '3' });
    expect(shared).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379', cache: { mode: 'off' }, sharedQuotas: { fallbackReplicas: 3 } });
  });

  it('accepts a private instance or simulator URL ending in /api', () => {
    expect(loadConfig({ WORKATO_BASE_URL: 'http://127.0.0.1:9999/api/' }).baseUrl).toBe('http://127.0.0.1:9999/api');
  });

  it.each([
    [{ WORKATO_DATA_CENTER: 'mars' }, 'WORKATO_DATA_CENTER'],
    [{ WORKATO_BASE_URL: 'https://app.eu.workato.com' }, 'WORKATO_BASE_URL'],
    [{ WORKATO_BASE_URL: 'not a url' }, 'WORKATO_BASE_URL'],
    [{ WORKATO_BASE_URL: 'https://x/api', WORKATO_DATA_CENTER: 'eu' }, 'WORKATO_BASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WORKATO_TIMEOUT_MS: '0' }, 'WORKATO_TIMEOUT_MS'],
    [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    // Replicas sharing Redis must key callers alike, and cannot keep the response cache per process.
    [{ REDIS_URL: 'redis://127.0.0.1:6379' }, 'TOKEN_HASH_KEY'],
    [{ REDIS_URL: 'redis://127.0.0.1:6379', TOKEN_HASH_KEY: 'k'.repeat(32), RESPONSE_CACHE: 'memory' }, 'RESPONSE_CACHE'],
    [{ QUOTA_REDIS_DEADLINE_MS: '0' }, 'QUOTA_REDIS_DEADLINE_MS'],
    [{ QUOTA_FALLBACK_REPLICAS: 'many' }, 'QUOTA_FALLBACK_REPLICAS'],
    [{ REFERENCE_CACHE: 'maybe' }, 'REFERENCE_CACHE'],
    [{ REFERENCE_CACHE_TTL_MS: '0' }, 'REFERENCE_CACHE_TTL_MS'],
    [{ REFERENCE_CACHE_TTL_MS: '3600001' }, 'REFERENCE_CACHE_TTL_MS'],
    [{ WORKATO_DATA_CENTER: 'eu', REDIS_URL: 'redis://127.0.0.1:6379' }, 'TOKEN_HASH_KEY'],
  ])('names the bad variable: %j', (env, variable) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message.startsWith(`${variable}:`)).toBe(true);
  });

  it('CONFIG_VARIABLES is exactly what loadConfig reads, in every branch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-test-'));
    try {
      const manifest = join(dir, 'persisted-documents.json');
      writeFileSync(manifest, JSON.stringify({ a1: '{ me { name } }' }));
      const read = new Set([
        ...variablesRead({}),
        // A server token with JWTs and a persisted-operations manifest: the issuer, audience and "only" settings
        // are read only then.
        ...variablesRead({ WORKATO_API_TOKEN: 't', GATEWAY_JWKS_URL: 'https://idp.example.com/jwks', TRUSTED_DOCUMENTS: manifest }),
      ]);
      expect([...read].sort()).toEqual([...CONFIG_VARIABLES].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns automatic persisted queries on by default, off with a trusted-documents manifest, and refuses both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-test-'));
    try {
      const manifest = join(dir, 'persisted-documents.json');
      writeFileSync(manifest, JSON.stringify({ a1: '{ me { name } }' }));
      expect(loadConfig({}).automaticPersistedQueries).toBe(true);
      expect(loadConfig({ APQ: 'off' }).automaticPersistedQueries).toBe(false);
      expect(loadConfig({ TRUSTED_DOCUMENTS: manifest }).automaticPersistedQueries).toBe(false);
      expect(() => loadConfig({ TRUSTED_DOCUMENTS: manifest, APQ: 'on' })).toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("documents every variable in the README's configuration table", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### ', readme.indexOf('## Configuration')));
    const documented = new Set(table.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split('|')[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])));
    expect(CONFIG_VARIABLES.filter((v) => !documented.has(v))).toEqual([]);
  });

  it('keeps reference data 30 s by default, and reads REFERENCE_CACHE and REFERENCE_CACHE_TTL_MS', () => {
    expect(loadConfig({}).referenceCache).toEqual({ enabled: true, ttlMs: 30_000 });
    expect(loadConfig({ REFERENCE_CACHE: 'off', REFERENCE_CACHE_TTL_MS: '5000' }).referenceCache).toEqual({ enabled: false, ttlMs: 5_000 });
    // Redis for the reference cache alone needs the shared hash key too: replicas must agree on the owners of entries.
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', TOKEN_HASH_KEY: 'k'.repeat(32) }).redisUrl).toBe('redis://127.0.0.1:6379');
  });
});
