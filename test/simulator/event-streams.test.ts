import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true, workspaces: { 'tok-a': { recipes: 1 }, 'tok-b': { recipes: 1 } } });
});
afterAll(() => sim.close());

const A = { token: 'tok-a' };
const post = (path: string, body: unknown, token = 'tok-a') => api(sim, path, { token, method: 'POST', body });
const SCHEMA = [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'integer' }];

describe('event topics (§26, Developer API host)', () => {
  it('lists topics as {"data": [...]}, with schemas only when asked, different per workspace', async () => {
    const a = (await api(sim, '/event_streams/topics', A)).body;
    expect(a.data.map((t: any) => t.id)).toEqual([3801, 3802]);
    expect(a.data[0]).toEqual({
      id: 3801, name: 'Order placed', description: expect.any(String), retention: 604800, created_at: expect.any(String), updated_at: expect.any(String),
    });
    const withSchema = (await api(sim, '/event_streams/topics?include_schema=true', A)).body;
    expect(withSchema.data[0].schema.map((f: any) => f.name)).toEqual(['order_id', 'customer_email', 'total_cents']);
    const b = (await api(sim, '/event_streams/topics', { token: 'tok-b' })).body;
    expect(b.data.map((t: any) => t.id)).toEqual([4801, 4802, 4803]);
    expect((await api(sim, '/event_streams/topics?name=Invoice', A)).body.data.map((t: any) => t.name)).toEqual(['Invoice paid']);
  });

  it('gets, creates, updates, purges and deletes, answering 404 and Rails validation errors', async () => {
    expect((await api(sim, '/event_streams/topics/3802', A)).body.data).toMatchObject({ id: 3802, name: 'Invoice paid', schema: expect.any(Array) });
    expect((await api(sim, '/event_streams/topics/4801', A)).status).toBe(404);
    const invalid = await post('/event_streams/topics', { name: ' ', schema: [] });
    expect(invalid).toMatchObject({ status: 400, body: { errors: { name: ["can't be blank"], schema: ["can't be blank"] } } });
    expect((await post('/event_streams/topics', { name: 'X', schema: SCHEMA, retention: 10 ** 9 })).body.errors).toEqual({ retention: ['must be between 1 and 7776000'] });
    const created = await post('/event_streams/topics', { name: 'Stock moved', schema: SCHEMA });
    expect(created).toMatchObject({ status: 200, body: { data: { name: 'Stock moved', retention: 604800, schema: SCHEMA } } });
    const id = created.body.data.id;
    expect(id).toBeGreaterThan(3802);
    expect((await post('/event_streams/topics', { name: 'Stock moved', schema: SCHEMA })).body.errors).toEqual({ name: ['has already been taken'] });
    const updated = await api(sim, `/event_streams/topics/${id}`, { ...A, method: 'PUT', body: { description: 'Warehouse moves', retention: 3600 } });
    expect(updated.body.data).toMatchObject({ name: 'Stock moved', description: 'Warehouse moves', retention: 3600 });
    await post(`/v1/topics/${id}/publish`, { sku: 'A-1', qty: 2 });
    expect((await api(sim, `/event_streams/topics/${id}/purge`, { ...A, method: 'PUT' })).body).toEqual({ success: true });
    expect((await post(`/v1/topics/${id}/consume`, {})).body).toEqual({ messages: [] });
    expect((await api(sim, `/event_streams/topics/${id}`, { ...A, method: 'DELETE' })).body).toEqual({ success: true });
    expect((await api(sim, `/event_streams/topics/${id}`, A)).status).toBe(404);
  });

  it('serves a customer workspace under /managed_users/:id with the same bodies', async () => {
    const list = (await api(sim, '/managed_users/19029/event_streams/topics')).body;
    expect(list.data.length).toBeGreaterThanOrEqual(2);
    expect(list.data[0].id).not.toBe(3801);
    expect((await api(sim, `/managed_users/19029/event_streams/topics/${list.data[0].id}`)).body.data.id).toBe(list.data[0].id);
  });
});

describe('event-stream messages (§26, event-streams host)', () => {
  it('consumes the seeded messages oldest first, in batches, resuming after a message id', async () => {
    const all = (await post('/v1/topics/3801/consume', {})).body.messages;
    expect(all.map((m: any) => m.message_id)).toEqual(['1000001', '1000002', '1000003']);
    expect(all[0]).toEqual({ message_id: '1000001', payload: { order_id: 'SO-10400', customer_email: 'buyer1@northwind.example', total_cents: 4999 }, time: expect.any(String) });
    const two = (await post('/v1/topics/3801/consume', { batch_size: 2 })).body.messages;
    expect(two.map((m: any) => m.message_id)).toEqual(['1000001', '1000002']);
    const rest = (await post('/v1/topics/3801/consume', { after_message_id: '1000002' })).body.messages;
    expect(rest.map((m: any) => m.message_id)).toEqual(['1000003']);
    const since = (await post('/v1/topics/3801/consume', { since_time: all[2].time })).body.messages;
    expect(since.map((m: any) => m.message_id)).toEqual(['1000003']);
    expect((await post('/v1/topics/3801/consume', {}, 'tok-b')).status).toBe(404);
  });

  it('validates batch_size, timeout_secs and offsets with 400s, and 404s an unknown topic', async () => {
    expect((await post('/v1/topics/3801/consume', { batch_size: 51 })).status).toBe(400);
    expect((await post('/v1/topics/3801/consume', { timeout_secs: 61 })).status).toBe(400);
    expect((await post('/v1/topics/3801/consume', { after_message_id: '1', since_time: '2025-01-01T00:00:00Z' })).status).toBe(400);
    expect((await post('/v1/topics/3801/consume', { after_message_id: 'abc' })).status).toBe(400);
    expect((await post('/v1/topics/99/consume', {})).status).toBe(404);
  });

  it('holds a long poll until a message is published, and answers empty after timeout_secs', async () => {
    const started = Date.now();
    const waiting = post('/v1/topics/3802/consume', { timeout_secs: 5 });
    await new Promise((r) => setTimeout(r, 150));
    const published = await post('/v1/topics/3802/publish', { invoice_id: 'INV-7', amount_cents: 1200 });
    const answer = (await waiting).body.messages;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer).toEqual([{ message_id: published.body.message_id, payload: { invoice_id: 'INV-7', amount_cents: 1200 }, time: expect.any(String) }]);
    const quiet = Date.now();
    expect((await post('/v1/topics/3802/consume', { after_message_id: published.body.message_id, timeout_secs: 1 })).body).toEqual({ messages: [] });
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(900);
  });

  it('publishes batches of up to 100 with monotonic ids, and refuses bad payloads and oversized ones', async () => {
    const one = (await post('/v1/topics/3802/publish', { invoice_id: 'INV-8', amount_cents: 1 })).body.message_id;
    const batch = await post('/v1/batch/topics/3802/publish', { payloads: [{ invoice_id: 'a' }, { invoice_id: 'b' }] });
    expect(batch.body.is_partial_error).toBe(false);
    const ids = [batch.body.message_ids['0'].message_id, batch.body.message_ids['1'].message_id].map(Number);
    expect(ids[0]).toBeGreaterThan(Number(one));
    expect(ids[1]).toBe(ids[0]! + 1);
    expect((await post('/v1/batch/topics/3802/publish', { payloads: Array.from({ length: 101 }, () => ({})) })).status).toBe(400);
    expect((await post('/v1/batch/topics/3802/publish', { payloads: [] })).status).toBe(400);
    expect((await post('/v1/topics/3802/publish', [1, 2])).status).toBe(400);
    expect((await post('/v1/topics/3802/publish', { invoice_id: 'x'.repeat(1_048_576) })).status).toBe(413);
  });

  it('refuses a payload that does not fit the topic schema (§26): unknown fields, wrongly typed values, nested too', async () => {
    const before = (await post('/v1/topics/3802/consume', {})).body.messages.length;
    const bad = await post('/v1/topics/3802/publish', { invoice_id: 7, amount_cents: '1200', coupon: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: 'Validation failed', errors: { coupon: ['is not a field of the topic schema'], invoice_id: ['must be a string'], amount_cents: ['must be an integer'] } });
    expect((await post('/v1/topics/3802/publish', { invoice_id: 'INV-9', amount_cents: 1.5 })).body.errors).toEqual({ amount_cents: ['must be an integer'] });
    // One misfit refuses the whole batch, with the position in each key.
    const batch = await post('/v1/batch/topics/3802/publish', { payloads: [{ invoice_id: 'ok' }, { invoice_id: 'ok', extra: 1 }] });
    expect(batch.status).toBe(400);
    expect(batch.body).toEqual({ message: 'Validation failed', errors: { 'payloads[1].extra': ['is not a field of the topic schema'] } });
    expect((await post('/v1/topics/3802/consume', {})).body.messages).toHaveLength(before);
    // Fields left out and nulls are fine.
    expect((await post('/v1/topics/3802/publish', { invoice_id: null })).status).toBe(200);

    const nested = [
      { name: 'address', type: 'object', properties: [{ name: 'city', type: 'string' }] },
      { name: 'lines', type: 'array', of: 'object', properties: [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'integer' }] },
      { name: 'tags', type: 'array', of: 'string' },
      { name: 'paid', type: 'boolean' },
      { name: 'due', type: 'date' },
    ];
    const topic = (await post('/event_streams/topics', { name: 'Nested orders', schema: nested })).body.data;
    const misfit = await post(`/v1/topics/${topic.id}/publish`, { address: { city: 1, zip: '1' }, lines: [{ sku: 'A', qty: 'two' }], tags: ['a', 3], paid: 'yes', due: 'soon' });
    expect(misfit.body.errors).toEqual({
      'address.zip': ['is not a field of the topic schema'], 'address.city': ['must be a string'], 'lines[0].qty': ['must be an integer'],
      'tags[1]': ['must be a string'], paid: ['must be true or false'], due: ['must be an ISO 8601 date or time'],
    });
    const fits = await post(`/v1/topics/${topic.id}/publish`, { address: { city: 'Oslo' }, lines: [{ sku: 'A', qty: 2 }], tags: ['a'], paid: true, due: '2025-06-30' });
    expect(fits.status).toBe(200);
  });
});

describe('message ids (§26)', () => {
  it('follow the seeded messages even when a publish is the first call of the workspace', async () => {
    const fresh = await startSimulator({ quiet: true });
    try {
      const call = (path: string, body: unknown) => api(fresh, path, { method: 'POST', body });
      const published = await call('/v1/topics/3801/publish', { order_id: 'SO-1' });
      expect(published.status).toBe(200);
      const ids = (await call('/v1/topics/3801/consume', {})).body.messages.map((m: { message_id: string }) => m.message_id);
      expect(ids).toEqual(['1000001', '1000002', '1000003', published.body.message_id]);
    } finally {
      await fresh.close();
    }
  });
});
