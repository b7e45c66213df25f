import { describe, expect, it } from 'vitest';
import { apiKeyAuth } from '../src/policies/api-key.js';
import { bearerAuth } from '../src/policies/bearer.js';
import { harness, ops } from './helpers.js';

describe('apiKeyAuth and bearerAuth', () => {
  it('send an api key in any header with any scheme (Avatar: Authorization: api-key-v1 <key>)', async () => {
    const { api, fetch } = harness([{ path: '*', reply: { json: {} } }], {
      auth: apiKeyAuth({ key: 'k-123', header: 'Authorization', scheme: 'api-key-v1' }),
    });
    await api.request(ops.list);
    expect(fetch.calls[0]?.headers.authorization).toBe('api-key-v1 k-123');
  });

  it('read a rotating key or token on every request, and skip anonymous operations', async () => {
    let token = 't1';
    const { api, fetch } = harness([{ path: '*', reply: { json: {} } }], {
      auth: bearerAuth({ token: async () => token }),
    });
    await api.request(ops.list);
    token = 't2';
    await api.request(ops.list);
    await api.request(ops.login, { body: {} });
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2', undefined]);
  });

  it('send the credentials again on every retry', async () => {
    const { api, fetch } = harness([{ path: '/v1/things', reply: [{ status: 503 }, { json: [] }] }], {
      auth: apiKeyAuth({ key: 'k', header: 'X-API-KEY' }),
    });
    await api.request(ops.list);
    expect(fetch.calls.map((c) => c.headers['x-api-key'])).toEqual(['k', 'k']);
  });
});
