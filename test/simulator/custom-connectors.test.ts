import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': {}, 'tok-b': {} } });
});
afterAll(() => sim.close());

async function post(path: string, body: unknown) {
  const res = await fetch(sim.url + path, { method: 'POST', headers: { authorization: 'Bearer tok-a', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('custom connectors (§16.3)', () => {
  it('lists them in {"result"} on the documented /search path and the older index, with the [spec] shape', async () => {
    const search = await api(sim, '/custom_connectors/search', { token: 'tok-a' });
    expect(search.status).toBe(200);
    expect((await api(sim, '/custom_connectors', { token: 'tok-a' })).body).toEqual(search.body);
    expect(search.body.result.length).toBeGreaterThanOrEqual(2);
    const [first] = search.body.result;
    expect(Object.keys(first).sort()).toEqual(['id', 'latest_released_version', 'latest_released_version_note', 'name', 'released_versions', 'static_webhook_url', 'title']);
    expect(first.released_versions[0]).toEqual({ version: first.latest_released_version, version_note: expect.anything(), created_at: expect.any(String), released_at: expect.any(String) });
    expect(first).not.toHaveProperty('code');
    const other = (await api(sim, '/custom_connectors/search', { token: 'tok-b' })).body.result;
    expect(other.map((c: { id: number }) => c.id)).not.toContain(first.id);
  });

  it('serves the code as {"data": {"code"}}, and 404 for an unknown id', async () => {
    const [first] = (await api(sim, '/custom_connectors/search', { token: 'tok-a' })).body.result;
    const code = await api(sim, `/custom_connectors/${first.id}/code`, { token: 'tok-a' });
    expect(code.body).toEqual({ data: { code: expect.stringContaining(`title: '${first.title}'`) } });
    expect(await api(sim, '/custom_connectors/1/code', { token: 'tok-a' })).toMatchObject({ status: 404, body: { message: 'Not found' } });
  });

  it('knows custom connector names in /integrations', async () => {
    const [first] = (await api(sim, '/custom_connectors/search', { token: 'tok-a' })).body.result;
    const answer = await api(sim, `/integrations?applications=${first.name},salesforce`, { token: 'tok-a' });
    expect(answer.body.items.map((c: { name: string; title: string }) => [c.name, c.title])).toEqual([[first.name, first.title], ['salesforce', 'Salesforce']]);
  });

  it('generates a schema from a JSON sample, nested objects and arrays included', async () => {
    const sample = JSON.stringify({ id: 7, total: 9.5, paid: true, name: 'x', customer: { email: 'a@b' }, lines: [{ sku: 'A' }], tags: ['t'] });
    const answer = await post('/sdk/generate_schema/json', { sample });
    expect(answer).toEqual({
      status: 200,
      body: [
        { name: 'id', label: 'Id', control_type: 'integer', type: 'integer' },
        { name: 'total', label: 'Total', control_type: 'number', type: 'number' },
        { name: 'paid', label: 'Paid', control_type: 'checkbox', type: 'boolean' },
        { name: 'name', label: 'Name', control_type: 'text', type: 'string' },
        { name: 'customer', label: 'Customer', type: 'object', properties: [{ name: 'email', label: 'Email', control_type: 'text', type: 'string' }] },
        { name: 'lines', label: 'Lines', type: 'array', of: 'object', properties: [{ name: 'sku', label: 'Sku', control_type: 'text', type: 'string' }] },
        { name: 'tags', label: 'Tags', type: 'array', of: 'string' },
      ],
    });
  });

  it('generates a schema from a CSV header with the given col_sep', async () => {
    const answer = await post('/sdk/generate_schema/csv', { sample: 'Order id|Customer email\n1|a@b', col_sep: 'pipe' });
    expect(answer.body).toEqual([
      { name: 'order_id', label: 'Order id', control_type: 'text', type: 'string' },
      { name: 'customer_email', label: 'Customer email', control_type: 'text', type: 'string' },
    ]);
  });

  it('answers 400 {"message"} for a missing, non-JSON or non-object sample, and an unknown col_sep', async () => {
    for (const [path, body] of [
      ['/sdk/generate_schema/json', {}],
      ['/sdk/generate_schema/json', { sample: '{oops' }],
      ['/sdk/generate_schema/json', { sample: '42' }],
      ['/sdk/generate_schema/csv', { sample: '   ' }],
      ['/sdk/generate_schema/csv', { sample: 'a,b', col_sep: 'dash' }],
    ] as const) {
      const answer = await post(path, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({ message: expect.any(String) });
    }
  });
});

describe('custom connector writes (§16 #5–#7)', () => {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(sim.url + path, { method, headers: { authorization: 'Bearer tok-a', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  it('creates one with the documented fields, answers its logo and newest version, and validates title and code', async () => {
    const created = await send('POST', '/custom_connectors', { title: 'Ledger', code: "{ title: 'Ledger' }", description: '**Books**', logo: 'iVBORw0KGgo=', note: 'v1' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ title: 'Ledger', logo: 'iVBORw0KGgo=', latest_version: 1, latest_version_note: 'v1', latest_released_version: null, released_versions: [] });
    expect(created.body.name).toMatch(/^ledger_connector_\d+_\d+$/);
    // The list item is the read shape: no logo, no newest version.
    const listed = (await api(sim, '/custom_connectors/search', { token: 'tok-a' })).body.result.find((c: any) => c.id === created.body.id);
    expect(listed).not.toHaveProperty('latest_version');
    expect((await api(sim, `/custom_connectors/${created.body.id}/code`, { token: 'tok-a' })).body).toEqual({ data: { code: "{ title: 'Ledger' }" } });
    const invalid = await send('POST', '/custom_connectors', { title: ' ', code: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toMatchObject({ title: ["can't be blank"], code: ['must be a String'] });
  });

  it('updates code as a new version, releases it, and refuses a second release of the same version', async () => {
    const { body: c } = await send('POST', '/custom_connectors', { title: 'Queue', code: '{}' });
    const updated = await send('PUT', `/custom_connectors/${c.id}`, { code: "{ title: 'Queue 2' }", note: 'retry' });
    expect(updated.body).toMatchObject({ title: 'Queue', latest_version: 2, latest_version_note: 'retry', latest_released_version: null });
    const released = await send('POST', `/custom_connectors/${c.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ latest_released_version: 2, latest_released_version_note: 'retry', released_versions: [{ version: 2, version_note: 'retry' }] });
    expect((await send('POST', `/custom_connectors/${c.id}/release`)).status).toBe(400);
    expect((await send('POST', '/custom_connectors/1/release')).status).toBe(404);
  });
});
