import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { AuthenticationError, ConnectionError } from '../src/errors.js';
import { SessionAuth } from '../src/policies/session-auth.js';
import { MemoryTokenStore, type TokenSet } from '../src/policies/token-store.js';
import { createSdkTransport } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { jsonResponse, type MockFetch, mockFetch, networkError } from '../src/testing/mock-fetch.js';
import { jwt, ops, rejection } from './helpers.js';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3600_000;

/** A server that accepts exactly one access token at a time, and a refresh endpoint that rotates both. */
function authServer(clock: FakeClock) {
  let generation = 1;
  const access = (g: number) => jwt({ exp: (T0 + g * HOUR) / 1000, g, kind: 'access' });
  const refresh = (g: number) => `refresh-${g}`;
  const valid = { access: access(1), refresh: refresh(1) };
  const fetch = mockFetch([
    {
      path: '/v1/things*',
      reply: (req) =>
        req.headers.authorization === `Bearer ${valid.access}`
          ? { json: { ok: true, body: req.body ?? null } }
          : { status: 401, json: { detail: 'Given token not valid' } },
    },
  ]);
  const rotate = vi.fn(async (token: string): Promise<TokenSet> => {
    if (token !== valid.refresh)
      throw new AuthenticationError({ status: 401, headers: new Headers(), body: {} });
    generation++;
    valid.access = access(generation);
    valid.refresh = refresh(generation);
    return { accessToken: valid.access, refreshToken: valid.refresh };
  });
  return { fetch, rotate, valid, first: { accessToken: access(1), refreshToken: refresh(1) }, clock };
}

function client(fetch: MockFetch, session: SessionAuth, clock: FakeClock) {
  const transport = createSdkTransport({ fetch, auth: session.policy, clock, random: () => 0 });
  return new ApiClient({ baseUrl: 'https://api.test', basePath: '/v1', transport });
}

describe('sessionAuth', () => {
  it('401 → refresh → exactly one replay with the new token; the rotated refresh token is stored', async () => {
    const clock = new FakeClock({ now: T0 });
    const server = authServer(clock);
    const store = new MemoryTokenStore({ accessToken: 'revoked-token', refreshToken: 'refresh-1' });
    const session = new SessionAuth({ refresh: server.rotate, store, clock });
    const api = client(server.fetch, session, clock);
    await expect(api.request(ops.list)).resolves.toMatchObject({ ok: true });
    expect(server.rotate).toHaveBeenCalledTimes(1);
    expect(server.fetch.calls.map((c) => c.headers.authorization)).toEqual([
      'Bearer revoked-token',
      `Bearer ${server.valid.access}`,
    ]);
    expect(store.get()).toMatchObject({ accessToken: server.valid.access, refreshToken: 'refresh-2' });
    expect(store.get()?.expiresAt).toBe(T0 + 2 * HOUR);
  });

  it('replays a POST with its body after the refresh', async () => {
    const clock = new FakeClock({ now: T0 });
    const server = authServer(clock);
    const session = new SessionAuth({
      refresh: server.rotate,
      store: new MemoryTokenStore({ accessToken: 'stale', refreshToken: 'refresh-1' }),
      clock,
    });
    const api = client(server.fetch, session, clock);
    const result = await api.request<{ body: string }>(ops.create, { body: { name: 'x' } });
    expect(JSON.parse(result.body)).toEqual({ name: 'x' });
    expect(server.fetch.calls.map((c) => c.body)).toEqual(['{"name":"x"}', '{"name":"x"}']);
  });

  it('renews ahead of time when the JWT exp is within the window, without a 401', async () => {
    const clock = new FakeClock({ now: T0 + HOUR - 30_000 }); // token 1 expires in 30 s
    const server = authServer(clock);
    const session = new SessionAuth({
      refresh: server.rotate,
      store: new MemoryTokenStore(server.first),
      clock,
      refreshWindow: 60_000,
    });
    const api = client(server.fetch, session, clock);
    await api.request(ops.list);
    expect(server.rotate).toHaveBeenCalledTimes(1);
    expect(server.fetch.calls).toHaveLength(1);
    expect(server.fetch.calls[0]?.headers.authorization).toBe(`Bearer ${server.valid.access}`);
  });

  it('does not renew a token outside the window', async () => {
    const clock = new FakeClock({ now: T0 });
    const server = authServer(clock);
    const session = new SessionAuth({
      refresh: server.rotate,
      store: new MemoryTokenStore(server.first),
      clock,
    });
    await client(server.fetch, session, clock).request(ops.list);
    expect(server.rotate).not.toHaveBeenCalled();
  });

  it('a 401 storm of 100 concurrent calls makes exactly one refresh', async () => {
    const clock = new FakeClock({ now: T0 });
    const server = authServer(clock);
    const session = new SessionAuth({
      refresh: async (t) => {
        await new Promise((r) => setTimeout(r, 5));
        return server.rotate(t);
      },
      store: new MemoryTokenStore({ accessToken: 'revoked', refreshToken: 'refresh-1' }),
      clock,
    });
    const api = client(server.fetch, session, clock);
    const results = await Promise.all(Array.from({ length: 100 }, () => api.request(ops.list)));
    expect(results).toHaveLength(100);
    expect(server.rotate).toHaveBeenCalledTimes(1);
    expect(server.fetch.calls).toHaveLength(200);
  });

  it('a 401 for a token someone else already replaced replays without renewing again', async () => {
    const clock = new FakeClock({ now: T0 });
    const server = authServer(clock);
    const store = new MemoryTokenStore(server.first);
    const session = new SessionAuth({ refresh: server.rotate, store, clock });
    const api = client(server.fetch, session, clock);
    // The call is sent with token 1; meanwhile another call renewed (token 2) → the server now refuses token 1.
    server.fetch.route({
      path: '/v1/things/{id}',
      reply: async (req) => {
        if (req.headers.authorization === `Bearer ${server.first.accessToken}`) {
          await session.renew(server.first.accessToken);
          return { status: 401 };
        }
        return { json: { ok: true } };
      },
    });
    await expect(api.request(ops.get, { path: { id: 1 } })).resolves.toEqual({ ok: true });
    expect(server.rotate).toHaveBeenCalledTimes(1);
  });

  it('a failed refresh throws AuthenticationError, clears the store, and never loops', async () => {
    const clock = new FakeClock({ now: T0 });
    const fetch = mockFetch([{ path: '/v1/things', reply: { status: 401, json: { detail: 'expired' } } }]);
    const refresh = vi.fn(async () => {
      throw new AuthenticationError({
        status: 401,
        headers: new Headers(),
        body: { detail: 'Token is invalid' },
      });
    });
    const store = new MemoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const api = client(fetch, new SessionAuth({ refresh, store, clock }), clock);
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('could not be renewed');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetch.calls).toHaveLength(1);
    expect(store.get()).toBeUndefined();
  });

  it('the replay answering 401 again is final: AuthenticationError, one refresh', async () => {
    const clock = new FakeClock({ now: T0 });
    const fetch = mockFetch([{ path: '/v1/things', reply: { status: 401 } }]);
    const refresh = vi.fn(async () => ({ accessToken: 'new', refreshToken: 'r2' }));
    const store = new MemoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const api = client(fetch, new SessionAuth({ refresh, store, clock }), clock);
    await expect(api.request(ops.list)).rejects.toBeInstanceOf(AuthenticationError);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetch.calls).toHaveLength(2);
  });

  it('a refresh that fails on the network surfaces that error (and keeps the tokens)', async () => {
    const clock = new FakeClock({ now: T0 });
    const fetch = mockFetch([{ path: '/v1/things', reply: { status: 401 } }]);
    const refresh = vi.fn(async () => {
      throw new ConnectionError('refresh: could not reach the server (ECONNREFUSED)', {
        cause: networkError('ECONNREFUSED'),
      });
    });
    const store = new MemoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const api = client(fetch, new SessionAuth({ refresh, store, clock }), clock);
    await expect(api.request(ops.list)).rejects.toBeInstanceOf(ConnectionError);
    expect(store.get()).toMatchObject({ refreshToken: 'r' });
  });

  it('falls back to login when the refresh token is refused, and logs in when there are no tokens', async () => {
    const clock = new FakeClock({ now: T0 });
    const fetch = mockFetch([
      {
        path: '/v1/things',
        reply: (req) => (req.headers.authorization === 'Bearer from-login' ? { json: [] } : { status: 401 }),
      },
    ]);
    const login = vi.fn(async () => ({ accessToken: 'from-login', refreshToken: 'r-login' }));
    const refresh = vi.fn(async () => {
      throw new AuthenticationError({ status: 401, headers: new Headers(), body: {} });
    });
    const store = new MemoryTokenStore();
    const api = client(fetch, new SessionAuth({ refresh, login, store, clock }), clock);
    await api.request(ops.list);
    expect(login).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
    store.set({ accessToken: 'stale', refreshToken: 'r-old' });
    await api.request(ops.list);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('never touches anonymous operations or the ones in skip (the auth endpoints)', async () => {
    const clock = new FakeClock({ now: T0 });
    const fetch = mockFetch([{ path: '*', reply: { status: 401 } }]);
    const refresh = vi.fn(async () => ({ accessToken: 'n' }));
    const session = new SessionAuth({
      refresh,
      store: new MemoryTokenStore({ accessToken: 'a', refreshToken: 'r' }),
      skip: ['refreshToken'],
      clock,
    });
    const api = client(fetch, session, clock);
    await api.request(ops.login, { body: { u: 'x' } }).catch(() => {});
    const refreshOp = { ...ops.create, id: 'refreshToken', path: '/auth/refresh' } as const;
    await api.request(refreshOp, { body: { refresh: 'r' } }).catch(() => {});
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual([undefined, undefined]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('an early renewal that fails keeps using the still-valid token', async () => {
    const clock = new FakeClock({ now: T0 + HOUR - 10_000 });
    const server = authServer(clock);
    const refresh = vi.fn(async () => {
      throw new ConnectionError('down');
    });
    const session = new SessionAuth({ refresh, store: new MemoryTokenStore(server.first), clock });
    const api = client(server.fetch, session, clock);
    await expect(api.request(ops.list)).resolves.toMatchObject({ ok: true });
    await expect(api.request(ops.list)).resolves.toMatchObject({ ok: true });
    expect(refresh).toHaveBeenCalledTimes(1); // a cooldown follows a failed early renewal
  });

  it('keeps tokens out of inspect and JSON', async () => {
    const { inspect } = await import('node:util');
    const store = new MemoryTokenStore({ accessToken: 'secret-access', refreshToken: 'secret-refresh' });
    const session = new SessionAuth({ store });
    for (const text of [inspect(store), inspect(session), JSON.stringify(store), JSON.stringify(session)]) {
      expect(text).not.toContain('secret');
    }
    void jsonResponse;
  });
});
