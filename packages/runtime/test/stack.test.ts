import { describe, expect, it } from 'vitest';
import type { Policy } from '../src/types.js';
import { harness, ops } from './helpers.js';

describe('createSdkTransport order', () => {
  it('user policies are outermost: one pass per call, whatever the retries inside', async () => {
    const seen: { attempt: number; status?: number }[] = [];
    const observe: Policy = (next) => async (request, context) => {
      const response = await next(request, context);
      seen.push({ attempt: context.attempt, status: response.status });
      return response;
    };
    const { api, fetch } = harness(
      [{ path: '/v1/things', reply: [{ status: 503 }, { status: 502 }, { json: [] }] }],
      {
        policies: [observe],
      },
    );
    await api.request(ops.list);
    expect(fetch.calls).toHaveLength(3);
    expect(seen).toEqual([{ attempt: 3, status: 200 }]);
  });

  it('auth runs inside retry: each attempt carries the credentials of that moment', async () => {
    let n = 0;
    const auth: Policy = (next) => (request, context) => {
      request.headers.set('authorization', `Bearer token-${++n}`);
      return next(request, context);
    };
    const { api, fetch } = harness([{ path: '/v1/things', reply: [{ status: 503 }, { json: [] }] }], {
      auth,
    });
    await api.request(ops.list);
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});
