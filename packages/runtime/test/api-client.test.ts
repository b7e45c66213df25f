import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import {
  APIError,
  AuthorizationError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  ValidationError,
} from '../src/errors.js';
import { createSdkTransport } from '../src/stack.js';
import { mockFetch } from '../src/testing/mock-fetch.js';
import { harness, ops, rejection } from './helpers.js';

describe('ApiClient through the policy stack', () => {
  it('maps statuses to the error hierarchy', async () => {
    const cases: [number, unknown][] = [
      [400, ValidationError],
      [422, ValidationError],
      [403, AuthorizationError],
      [404, NotFoundError],
      [409, ConflictError],
      [429, RateLimitError],
      [500, ServerError],
      [418, APIError],
    ];
    for (const [status, type] of cases) {
      const { api } = harness([{ path: '*', reply: { status, json: { detail: `status ${status}` } } }], {
        retry: false,
      });
      const error = await rejection(api.request(ops.list));
      expect(error).toBeInstanceOf(type as typeof APIError);
      expect(error.status).toBe(status);
      expect(error.message).toContain(`status ${status}`);
    }
  });

  it('malformed JSON and a wrong content type become ResponseParseError, not retried', async () => {
    const { api, fetch } = harness([
      {
        path: '/v1/things',
        reply: { body: '{"items": [1, 2', headers: { 'content-type': 'application/json' } },
      },
      {
        path: '/v1/things/{id}',
        reply: { body: '<html>hi</html>', headers: { 'content-type': 'text/html' } },
      },
    ]);
    const a = await rejection(api.request(ops.list));
    expect(a).toBeInstanceOf(ResponseParseError);
    const b = await rejection(api.request(ops.get, { path: { id: 1 } }));
    expect(b).toBeInstanceOf(ResponseParseError);
    expect(b.message).toContain('text/html');
    expect(fetch.calls).toHaveLength(2);
  });

  it('does not follow a redirect of a POST (it would turn into a GET)', async () => {
    const fetch = mockFetch([
      { method: 'POST', path: '/v1/things', reply: { status: 301, headers: { location: '/v1/things/' } } },
    ]);
    let redirect: RequestRedirect | undefined;
    const transport = createSdkTransport({
      fetch: (request, context) => {
        redirect = request.redirect;
        return fetch(request, context);
      },
    });
    const api = new ApiClient({ baseUrl: 'https://api.test', basePath: '/v1', transport });
    const error = await rejection(api.request(ops.create, { body: {} }));
    expect(redirect).toBe('manual');
    expect(error.status).toBe(301);
    expect(fetch.calls.map((c) => c.method)).toEqual(['POST']);
  });

  it('does not hand the caller’s signal to the Request (the policies watch it)', async () => {
    let requestSignal: AbortSignal | undefined;
    const transport = createSdkTransport({
      fetch: async (request) => {
        requestSignal = request.signal;
        return Response.json([]);
      },
    });
    const api = new ApiClient({ baseUrl: 'https://api.test', transport });
    const controller = new AbortController();
    await api.request(ops.list, {}, { signal: controller.signal });
    controller.abort();
    expect(requestSignal?.aborted).toBe(false);
  });

  it('hides nothing but credentials from inspect', () => {
    const api = new ApiClient({ baseUrl: 'https://api.test', basePath: '/v1', transport: mockFetch() });
    expect(inspect(api)).toBe("ApiClient { baseUrl: 'https://api.test', basePath: '/v1' }");
    const error = new APIError({
      status: 401,
      headers: new Headers({ authorization: 'Bearer abcdefghijkl', 'x-request-id': 'r1' }),
      body: { detail: 'token Bearer abcdefghijkl refused', access_token: 'abcdefghijkl' },
      operationId: 'op',
    });
    const text = inspect(error, { depth: 5 }) + JSON.stringify(error) + error.message;
    expect(text).not.toContain('abcdefghijkl');
    expect(text).toContain('r1');
  });
});

describe('error messages', () => {
  it('never quote a credential the server echoed back, whatever the body shape', () => {
    const error = new APIError({
      status: 400,
      headers: new Headers(),
      body: { refresh: ['refresh-token-5f1e9a3c'], password: ['This password is too short.'] },
      operationId: 'refresh',
    });
    expect(error.message).toBe(
      'refresh failed with 400: refresh: [REDACTED]; password: This password is too short.',
    );
    expect(inspect(error, { depth: 5 })).not.toContain('5f1e9a3c');
  });
});

describe('header validation', () => {
  const op = {
    id: 'listUsers',
    method: 'GET',
    path: '/things',
    response: 'json',
    validate: { headers: v.object({ 'On-Behalf-Of': v.pipe(v.string(), v.uuid()) }) },
  } as const;
  const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('accepts a required header given in any case, and sends it once', async () => {
    const { api, fetch } = harness([{ path: '*', reply: { json: { ok: true } } }]);
    await api.request(op, {}, { headers: { 'on-behalf-of': id } });
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.headers['on-behalf-of']).toBe(id);
  });
});
