import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { AbortError, TimeoutError } from '../src/errors.js';
import { attemptWindow } from '../src/policies/timeout.js';
import { createSdkTransport } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { harness, ops, rejection, waitFor } from './helpers.js';

const never = () => new Promise<never>(() => {});

describe('attemptWindow', () => {
  it('is the attempt timeout unless the deadline comes first', () => {
    expect(attemptWindow(0, 1000, undefined)).toEqual({ ms: 1000, scope: 'attempt' });
    expect(attemptWindow(0, 1000, 400)).toEqual({ ms: 400, scope: 'deadline' });
    expect(attemptWindow(500, 1000, 400)).toEqual({ ms: -100, scope: 'deadline' });
    expect(attemptWindow(0, undefined, undefined)).toEqual({
      ms: Number.POSITIVE_INFINITY,
      scope: 'attempt',
    });
  });
});

describe('timeouts and cancellation', () => {
  it('an attempt that hangs times out (TimeoutError), is retried, and the retry succeeds', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api, fetch } = harness([{ path: '/v1/things', reply: [never, { json: [1] }] }], {
      clock,
      timeout: 1000,
    });
    const call = api.request(ops.list);
    await waitFor(() => fetch.calls.length === 1);
    clock.advance(1000); // the attempt times out
    await waitFor(() => clock.pendingTimers === 1 && fetch.calls.length === 1); // the backoff wait
    clock.advance(500);
    await expect(call).resolves.toEqual([1]);
    expect(fetch.calls).toHaveLength(2);
  });

  it('the deadline bounds every attempt and wait: TimeoutError with scope "deadline", no further attempt', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api, fetch } = harness([{ path: '/v1/things', reply: never }], {
      clock,
      timeout: 1000,
      deadline: 2500,
    });
    const call = rejection(api.request(ops.list));
    await waitFor(() => fetch.calls.length === 1);
    clock.advance(1000);
    await waitFor(() => clock.pendingTimers === 1);
    clock.advance(500);
    await waitFor(() => fetch.calls.length === 2);
    clock.advance(1000); // attempt 2 times out at t=2500 — deadline too
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(fetch.calls).toHaveLength(2);
  });

  it('the deadline cuts an attempt short', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api, fetch } = harness([{ path: '/v1/things', reply: never }], { clock, timeout: 10_000 });
    const call = rejection(api.request(ops.list, {}, { deadline: 300 }));
    await waitFor(() => fetch.calls.length === 1);
    clock.advance(300);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.scope).toBe('deadline');
    expect(fetch.calls).toHaveLength(1);
  });

  it('a per-call timeout overrides the client one', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api, fetch } = harness([{ path: '/v1/things', reply: never }], { clock, timeout: 60_000 });
    const call = rejection(api.request(ops.list, {}, { timeout: 50, retry: false }));
    await waitFor(() => fetch.calls.length === 1);
    clock.advance(50);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.scope).toBe('attempt');
  });

  it('an abort during an attempt is an AbortError (not a TimeoutError) and is not retried', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: never }]);
    const controller = new AbortController();
    const call = rejection(api.request(ops.list, {}, { signal: controller.signal }));
    await waitFor(() => fetch.calls.length === 1);
    controller.abort(new Error('user went away'));
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: { json: [] } }]);
    const error = await rejection(api.request(ops.list, {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('the base fetch gets the attempt signal, and it aborts with the timeout', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    let seen: AbortSignal | undefined;
    const transport = createSdkTransport({
      clock,
      timeout: 100,
      retry: false,
      fetch: (_request, context) => {
        seen = context.signal;
        return never();
      },
    });
    const api = new ApiClient({ baseUrl: 'https://api.test', transport });
    const call = rejection(api.request(ops.list));
    await waitFor(() => seen !== undefined);
    expect(seen?.aborted).toBe(false);
    clock.advance(100);
    expect(await call).toBeInstanceOf(TimeoutError);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TimeoutError);
  });

  it('timers are released once the body has been read', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const { api } = harness([{ path: '/v1/things', reply: { json: [] } }], { clock });
    await api.request(ops.list);
    expect(clock.pendingTimers).toBe(0);
  });
});
