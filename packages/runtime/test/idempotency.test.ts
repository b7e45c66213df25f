import { describe, expect, it } from 'vitest';
import { harness, ops } from './helpers.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  it('are off by default', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: { json: {} } }]);
    await api.request(ops.create, { body: {} });
    expect(fetch.calls[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('autoIdempotencyKeys: one UUID v4 per logical call, reused on every attempt of that call', async () => {
    const { api, fetch } = harness(
      [{ method: 'POST', path: '/v1/things', reply: [{ status: 503 }, { status: 500 }, { json: {} }] }],
      { autoIdempotencyKeys: true },
    );
    await api.request(ops.create, { body: { a: 1 } });
    const keys = fetch.calls.map((c) => c.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);

    fetch.reset();
    await api.request(ops.create, { body: { a: 1 } });
    const next = fetch.calls[0]?.headers['idempotency-key'];
    expect(next).toMatch(UUID_V4);
    expect(next).not.toBe(keys[0]);
  });

  it('covers PUT, leaves GET alone', async () => {
    const { api, fetch } = harness([{ path: '/v1/things/*', reply: { json: {} } }], {
      autoIdempotencyKeys: true,
    });
    await api.request(ops.replace, { path: { id: 1 }, body: {} });
    await api.request(ops.get, { path: { id: 1 } });
    expect(fetch.calls[0]?.headers['idempotency-key']).toMatch(UUID_V4);
    expect(fetch.calls[1]?.headers['idempotency-key']).toBeUndefined();
  });

  it("keeps the caller's key", async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: [{ status: 503 }, { json: {} }] }], {
      autoIdempotencyKeys: true,
    });
    await api.request(ops.create, { body: {} }, { idempotencyKey: 'mine' });
    expect(fetch.calls.map((c) => c.headers['idempotency-key'])).toEqual(['mine', 'mine']);
  });
});
