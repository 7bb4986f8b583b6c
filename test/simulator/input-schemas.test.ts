/** REFERENCE §17.3 #6 and §17.8: the connection forms of an Embedded customer, as the simulator serves them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-partner': { recipes: 1 }, 'tok-plain': { recipes: 1 } } });
});
afterAll(() => sim.close());

const partner = (path: string, opts: { method?: string; body?: unknown } = {}) => api(sim, path, { token: 'tok-partner', ...opts });
const names = (fields: Array<{ name: string }>) => fields.map((f) => f.name);

describe('GET /api/v2/managed_users/:id/connectors/:connector_name/input_schema', () => {
  it('answers the base schema in {"result"}, by customer id or E + external id', async () => {
    const r = await partner('/v2/managed_users/19029/connectors/netsuite/input_schema');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['result']);
    expect(names(r.body.result)).toEqual(['connection_type', 'host', 'username', 'password', 'advanced']);
    expect(r.body.result[0]).toMatchObject({ control_type: 'select', label: 'Connection type', type: 'string', extends_schema: true, default: 'cloud' });
    expect(r.body.result[4].properties.map((p: { name: string }) => p.name)).toEqual(['timeout', 'verify_ssl']);
    expect((await partner('/v2/managed_users/EACME-001/connectors/netsuite/input_schema')).body).toEqual(r.body);
    expect(names((await partner('/v2/managed_users/19029/connectors/salesforce/input_schema')).body.result)).toEqual(['auth_type', 'region']);
  });

  it('answers an empty form for a built-in app, 404 for an unknown connector or customer, 403 to a workspace that is not an Embed admin', async () => {
    expect((await partner('/v2/managed_users/19029/connectors/clock/input_schema')).body).toEqual({ result: [] });
    for (const path of ['/v2/managed_users/19029/connectors/nope/input_schema', '/v2/managed_users/99999/connectors/netsuite/input_schema']) {
      const r = await partner(path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toEqual({ message: 'Not found' });
    }
    // Only under /v2 (§17.8).
    expect((await partner('/managed_users/19029/connectors/netsuite/input_schema')).status).toBe(404);
    expect((await api(sim, '/v2/managed_users/19029/connectors/netsuite/input_schema', { token: 'tok-plain' })).status).toBe(403);
  });
});

describe('GET /api/managed_users/:id/connections/:connection_id/input_schema', () => {
  it('adds the extended settings the connection\'s input activates, and keeps no credential', async () => {
    const created = await partner('/managed_users/19029/connections', {
      body: { name: 'Plant DB', provider: 'netsuite', input: { connection_type: 'on_prem', host: 'db.plant.example', username: 'u', password: 'hunter2' } },
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const schema = await partner(`/managed_users/19029/connections/${id}/input_schema`);
    expect(schema.status).toBe(200);
    expect(names(schema.body.result)).toEqual(['connection_type', 'host', 'username', 'password', 'advanced', 'profile']);
    expect(schema.body.result[5]).toMatchObject({ label: 'On-prem connection profile', ngIf: '!line.use_managed_connection', control_type: 'text' });
    expect(JSON.stringify(schema.body)).not.toContain('hunter2');
    // Switched back to the cloud: the extended part goes.
    expect((await partner(`/managed_users/19029/connections/${id}`, { method: 'PUT', body: { input: { connection_type: 'cloud', password: 'x' } } })).status).toBe(200);
    expect(names((await partner(`/managed_users/19029/connections/${id}/input_schema`)).body.result)).not.toContain('profile');
  });

  it('uses the selector\'s default for a connection that never set it; 404 for another customer\'s or an unknown connection', async () => {
    const list = await partner('/managed_users/19029/connections');
    const oauth = list.body.result.find((c: { provider?: string; application?: string }) => ['salesforce', 'slack', 'hubspot', 'zendesk', 'gmail', 'box'].includes(c.provider ?? c.application ?? ''));
    expect(oauth).toBeDefined();
    const schema = await partner(`/managed_users/19029/connections/${oauth.id}/input_schema`);
    expect(names(schema.body.result)).toEqual(['auth_type', 'region', 'scopes']);
    expect((await partner(`/managed_users/19030/connections/${oauth.id}/input_schema`)).status).toBe(404);
    expect((await partner('/managed_users/19029/connections/1/input_schema')).status).toBe(404);
    expect((await partner(`/connections/${oauth.id}/input_schema`)).status).toBe(404);
  });
});
