import { once } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ClientCore, type ClientCoreOptions } from '../src/client-core.js';
import { AbortError, ClientClosedError, ConfigurationError, NotFoundError } from '../src/errors.js';
import { apiKeyAuth } from '../src/policies/api-key.js';
import { defaultClientRegistry } from '../src/registry.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { type MockRoute, mockFetch } from '../src/testing/mock-fetch.js';
import { adhocContext } from '../src/transport.js';
import { ops, rejection, waitFor } from './helpers.js';
import { startServer } from './server.js';

class TestClient extends ClientCore {
  constructor(options: Partial<ClientCoreOptions> = {}) {
    super({
      product: 'sdkforge-test',
      version: '9.8.7',
      baseUrl: 'https://api.test/',
      basePath: '/v1/',
      clock: new FakeClock(),
      random: () => 0,
      ...options,
    });
  }
}

class HookedClient extends TestClient {
  rotated: string | undefined;
  override afterCall(hook: string, result: unknown): unknown {
    if (hook === 'rotateKey') {
      this.rotated = (result as { key: string }).key;
      return { rotated: true };
    }
    return super.afterCall(hook, result);
  }
}

function client(routes: MockRoute[], options: Partial<ClientCoreOptions> = {}) {
  const fetch = mockFetch(routes);
  return { fetch, client: new TestClient({ fetch, ...options }) };
}

describe('ClientCore: calls', () => {
  it('sends through the policy stack with base path, User-Agent, client headers and auth', async () => {
    const { fetch, client: c } = client([{ path: '/v1/things/{id}', reply: { json: { id: 't1' } } }], {
      auth: apiKeyAuth({ key: 'k-123', header: 'X-API-KEY' }),
      headers: { 'X-Extra': 'yes' },
    });
    expect(c.baseUrl).toBe('https://api.test');
    expect(c.basePath).toBe('/v1');
    await expect(c.call(ops.get, { path: { id: 't1' } })).resolves.toEqual({ id: 't1' });
    const [sent] = fetch.calls;
    expect(sent?.path).toBe('/v1/things/t1');
    expect(sent?.headers['user-agent']).toBe(
      `sdkforge-test/9.8.7 node/${process.versions.node} (${process.platform}; ${process.arch})`,
    );
    expect(sent?.headers['x-extra']).toBe('yes');
    expect(sent?.headers['x-api-key']).toBe('k-123');
    expect(c.userAgent).toMatch(/^sdkforge-test\/9\.8\.7 node\//);
  });

  it('a User-Agent in headers replaces the SDK one', async () => {
    const { fetch, client: c } = client([{ path: '*', reply: { json: {} } }], {
      headers: { 'User-Agent': 'mine/1' },
    });
    await c.call(ops.list);
    expect(fetch.calls[0]?.headers['user-agent']).toBe('mine/1');
    expect(c.userAgent).toBe('mine/1');
  });

  it('names an operation by id through the operation table; an unknown id is a ConfigurationError', async () => {
    const { fetch, client: c } = client([{ path: '*', reply: { json: [] } }], {
      operations: { listThings: ops.list },
    });
    await c.call('listThings');
    expect(fetch.calls[0]?.operationId).toBe('listThings');
    const error = await rejection(c.call('nope'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('"nope"');
  });

  it('rejects a baseUrl that is not an absolute http(s) URL', () => {
    expect(() => new TestClient({ fetch: mockFetch([]), baseUrl: 'api.test' })).toThrow(ConfigurationError);
  });

  it('afterCall: a client hook gets the result; an unknown hook is a ConfigurationError', async () => {
    const c = new HookedClient({ fetch: mockFetch([]) });
    expect(await c.afterCall('rotateKey', { key: 'new' })).toEqual({ rotated: true });
    expect(c.rotated).toBe('new');
    expect(() => c.afterCall('missing', {})).toThrow(ConfigurationError);
  });

  it('contextValue reads the context option', () => {
    const c = new TestClient({ fetch: mockFetch([]), context: { defaultCompanyId: 'co-1' } });
    expect(c.contextValue('defaultCompanyId')).toBe('co-1');
    expect(c.contextValue('other')).toBeUndefined();
  });

  it('a 404 with an HTML body is a NotFoundError carrying the text', async () => {
    const { client: c } = client([
      {
        path: '*',
        reply: { status: 404, body: '<h1>Not Found</h1>', headers: { 'content-type': 'text/html' } },
      },
    ]);
    const error = await rejection(c.call(ops.get, { path: { id: 'x' } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBe('<h1>Not Found</h1>');
  });
});

describe('ClientCore: close', () => {
  it('a call after close() rejects with ClientClosedError and sends nothing', async () => {
    const { fetch, client: c } = client([{ path: '*', reply: { json: {} } }], { name: 'ThingClient' });
    await c.close();
    expect(c.isClosed).toBe(true);
    const error = await rejection(c.call(ops.list));
    expect(error).toBeInstanceOf(ClientClosedError);
    expect(error.message).toBe('listThings: this ThingClient is closed');
    expect(fetch.calls).toHaveLength(0);
  });

  it('a call in flight when the client closes gets ClientClosedError at its next attempt (no retry is sent)', async () => {
    let c!: TestClient;
    const fetch = mockFetch([
      {
        path: '*',
        reply: () => {
          void c.close();
          return { status: 503 };
        },
      },
    ]);
    c = new TestClient({ fetch });
    const error = await rejection(c.call(ops.list));
    expect(error).toBeInstanceOf(ClientClosedError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('a call waiting to retry (Retry-After: 30) ends with ClientClosedError as soon as the client closes', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const fetch = mockFetch([{ path: '*', reply: { status: 503, headers: { 'retry-after': '30' } } }]);
    const c = new TestClient({ fetch, clock });
    const pending = rejection(c.call(ops.list));
    await waitFor(() => clock.sleeps.length === 1);
    expect(clock.sleeps).toEqual([30_000]);
    await c.close();
    const error = await Promise.race([
      pending,
      new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('still waiting')), 1_000)),
    ]);
    expect(error).toBeInstanceOf(ClientClosedError);
    expect(error.message).toBe('listThings: this TestClient is closed');
    expect(fetch.calls).toHaveLength(1);
  });

  it('a caller abort during a retry wait is still an AbortError', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const fetch = mockFetch([{ path: '*', reply: { status: 503, headers: { 'retry-after': '30' } } }]);
    const c = new TestClient({ fetch, clock });
    const controller = new AbortController();
    const pending = rejection(c.call(ops.list, {}, { signal: controller.signal }));
    await waitFor(() => clock.sleeps.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
  });

  it('the exposed transport refuses requests after close (hand-written downloads)', async () => {
    const { fetch, client: c } = client([{ path: '*', reply: { body: 'x' } }]);
    await c.close();
    const error = await rejection(
      c.transport(new Request('https://api.test/file'), adhocContext('download')),
    );
    expect(error).toBeInstanceOf(ClientClosedError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('await using closes the client at the end of the block', async () => {
    const { client: c } = client([]);
    {
      await using scoped = c;
      expect(scoped.isClosed).toBe(false);
    }
    expect(c.isClosed).toBe(true);
  });

  it('registers in the default slot unless setAsDefault is false, and leaves it on close', async () => {
    const registry = defaultClientRegistry<TestClient>('TestClient');
    expect(() => registry.get()).toThrow(/No default TestClient/);
    const a = new TestClient({ fetch: mockFetch([]), registry });
    expect(registry.get()).toBe(a);
    const b = new TestClient({ fetch: mockFetch([]), registry, setAsDefault: false });
    expect(registry.get()).toBe(a);
    await b.close();
    expect(registry.get()).toBe(a);
    await a.close();
    expect(registry.peek()).toBeUndefined();
  });

  it('on Node, close() releases the keep-alive sockets of the undici pool', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    const sockets: Socket[] = [];
    server.server.on('connection', (socket: Socket) => sockets.push(socket));
    try {
      const c = new TestClient({ baseUrl: server.url, basePath: '', clock: undefined });
      await expect(c.call(ops.list)).resolves.toEqual({ ok: true });
      expect(server.requests[0]?.headers['user-agent']).toMatch(/^sdkforge-test\/9\.8\.7 node\//);
      expect(sockets).toHaveLength(1);
      const closed = once(sockets[0]!, 'close');
      await c.close();
      await closed;
      expect(sockets[0]!.destroyed).toBe(true);
    } finally {
      await server.close();
    }
  });
});
