import { describe, expect, it } from 'vitest';
import { ConnectionError, RateLimitError, ServerError } from '../src/errors.js';
import { RetryBudget } from '../src/policies/retry-budget.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { networkError } from '../src/testing/mock-fetch.js';
import { harness, ops, rejection, waitFor } from './helpers.js';

describe('retry policy', () => {
  it('503 → 503 → 200: three attempts, backoff 500 then 1000 ms', async () => {
    const { api, fetch, clock } = harness([
      { path: '/v1/things', reply: [{ status: 503 }, { status: 503 }, { json: [{ id: 1 }] }] },
    ]);
    await expect(api.request(ops.list)).resolves.toEqual([{ id: 1 }]);
    expect(fetch.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('429 → waits what Retry-After asks → 200', async () => {
    const { api, fetch, clock } = harness([
      {
        path: '/v1/things',
        reply: [
          { status: 429, headers: { 'retry-after': '3' }, json: { detail: 'slow down' } },
          { json: [] },
        ],
      },
    ]);
    await expect(api.request(ops.list)).resolves.toEqual([]);
    expect(fetch.calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it("honours Valentina's RateLimit t= on a 429", async () => {
    const { api, clock } = harness([
      {
        path: '/v1/things',
        reply: [{ status: 429, headers: { ratelimit: '"default";r=0;t=2' } }, { json: [] }],
      },
    ]);
    await api.request(ops.list);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('gives up on a 429 asking for more than maxRetryAfter and says how long the server wanted', async () => {
    const { api, fetch } = harness([
      {
        path: '/v1/things',
        reply: { status: 429, headers: { 'retry-after': '120' }, json: { detail: 'later' } },
      },
    ]);
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(fetch.calls).toHaveLength(1);
  });

  it('gives up on a 429 whose wait would pass the deadline', async () => {
    const { api, fetch } = harness(
      [{ path: '/v1/things', reply: { status: 429, headers: { 'retry-after': '10' } } }],
      { deadline: 5000 },
    );
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(10);
    expect(fetch.calls).toHaveLength(1);
  });

  it('never repeats a POST without an Idempotency-Key after a 503 or a reset', async () => {
    const { api, fetch } = harness([
      { method: 'POST', path: '/v1/things', reply: [{ status: 503 }, networkError('ECONNRESET')] },
    ]);
    await expect(api.request(ops.create, { body: { name: 'a' } })).rejects.toBeInstanceOf(ServerError);
    await expect(api.request(ops.create, { body: { name: 'b' } })).rejects.toBeInstanceOf(ConnectionError);
    expect(fetch.calls).toHaveLength(2);
  });

  it('repeats a POST whose connection was refused (it never reached the server)', async () => {
    const { api, fetch } = harness([
      { method: 'POST', path: '/v1/things', reply: [networkError('ECONNREFUSED'), { json: { id: 1 } }] },
    ]);
    await expect(api.request(ops.create, { body: { name: 'a' } })).resolves.toEqual({ id: 1 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('repeats a POST with an Idempotency-Key, the same body and key on every attempt', async () => {
    const { api, fetch } = harness([
      {
        method: 'POST',
        path: '/v1/things',
        reply: [{ status: 502 }, networkError('ECONNRESET'), { json: { id: 1 } }],
      },
    ]);
    await api.request(ops.create, { body: { name: 'ünïcode', n: 1 } }, { idempotencyKey: 'key-1' });
    expect(fetch.calls).toHaveLength(3);
    for (const call of fetch.calls) {
      expect(call.json()).toEqual({ name: 'ünïcode', n: 1 });
      expect(call.headers['idempotency-key']).toBe('key-1');
      expect(call.headers['content-type']).toBe('application/json');
    }
  });

  it('re-sends a binary body intact on every attempt', async () => {
    const { api, fetch } = harness([
      { method: 'POST', path: '/v1/things/upload', reply: [{ status: 503 }, { json: { ok: true } }] },
    ]);
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await api.request(ops.upload, { body: new Blob([bytes]) }, { idempotencyKey: 'k' });
    expect(fetch.calls.map((c) => c.body?.length)).toEqual([5, 5]);
  });

  it('never sends a one-shot stream body twice', async () => {
    const { api, fetch } = harness([{ method: 'POST', path: '/v1/things/upload', reply: { status: 503 } }]);
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    await expect(api.request(ops.upload, { body }, { idempotencyKey: 'k' })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(fetch.calls).toHaveLength(1);
  });

  it('retries connection resets of a GET and surfaces the last error when they persist', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: networkError('ECONNRESET') }]);
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('ECONNRESET');
    expect(fetch.calls).toHaveLength(3);
  });

  it('is configurable per client and per call', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: { status: 500 } }], {
      retry: { maxRetries: 4 },
    });
    await api.request(ops.list).catch(() => {});
    expect(fetch.calls).toHaveLength(5);
    fetch.reset();
    await api.request(ops.list, {}, { retry: false }).catch(() => {});
    expect(fetch.calls).toHaveLength(1);
    fetch.reset();
    await api.request(ops.list, {}, { retry: { maxRetries: 1, baseDelay: 10 } }).catch(() => {});
    expect(fetch.calls).toHaveLength(2);
  });

  it('autoRetryRateLimit: false stops the 429 retries only', async () => {
    const { api, fetch } = harness(
      [
        { path: '/v1/things', reply: { status: 429 } },
        { path: '/v1/things/{id}', reply: [{ status: 503 }, { json: {} }] },
      ],
      { retry: { autoRetryRateLimit: false } },
    );
    await expect(api.request(ops.list)).rejects.toBeInstanceOf(RateLimitError);
    await expect(api.request(ops.get, { path: { id: 1 } })).resolves.toEqual({});
    expect(fetch.calls).toHaveLength(3);
  });

  it('stops retrying when the retry budget is spent, and successes refill it', async () => {
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const { api, fetch } = harness([{ path: '/v1/things', reply: { status: 503 } }], { retryBudget: budget });
    await api.request(ops.list).catch(() => {});
    expect(fetch.calls).toHaveLength(3);
    expect(budget.available).toBe(0);
    fetch.reset();
    await api.request(ops.list).catch(() => {});
    expect(fetch.calls).toHaveLength(1);
  });

  it('an abort ends a waiting backoff at once', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api, fetch } = harness([{ path: '/v1/things', reply: { status: 503 } }], { clock });
    const controller = new AbortController();
    const call = api.request(ops.list, {}, { signal: controller.signal });
    await waitFor(() => clock.sleeps.length === 1);
    controller.abort();
    const error = await rejection(call);
    expect(error.name).toBe('AbortError');
    expect(fetch.calls).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
