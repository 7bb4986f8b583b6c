import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

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

  it('keeps reference data 30 s by default, and reads REFERENCE_CACHE and REFERENCE_CACHE_TTL_MS', () => {
    expect(loadConfig({}).referenceCache).toEqual({ enabled: true, ttlMs: 30_000 });
    expect(loadConfig({ REFERENCE_CACHE: 'off', REFERENCE_CACHE_TTL_MS: '5000' }).referenceCache).toEqual({ enabled: false, ttlMs: 5_000 });
    // Redis for the reference cache alone needs the shared hash key too: replicas must agree on the owners of entries.
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', TOKEN_HASH_KEY: 'k'.repeat(32) }).cache.redisUrl).toBe('redis://127.0.0.1:6379');
  });
});
