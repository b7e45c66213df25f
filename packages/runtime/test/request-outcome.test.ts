/**
 * A connection failure says whether the request left: `not-sent` (refused, DNS, TLS, connect timeout) or
 * `unknown` (the connection broke after the request went out), and a write without an Idempotency-Key that
 * may have been executed says so in its message. Real sockets on 127.0.0.1, the Node transport and the
 * platform fetch.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { ConnectionError, TimeoutError } from '../src/errors.js';
import { nodeTransport } from '../src/node/transport.js';
import { classifyError, requestOutcome } from '../src/policies/retry-decision.js';
import { timeoutPolicy } from '../src/policies/timeout.js';
import { createSdkTransport } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { networkError } from '../src/testing/mock-fetch.js';
import { platformFetch } from '../src/transport.js';
import type { Fetch } from '../src/types.js';
import { harness, ops, rejection } from './helpers.js';
import { startServer } from './server.js';

let server: Server;
let resetUrl = '';
let closedUrl = '';
let received = 0;

beforeAll(async () => {
  // Reads the whole request (the server "executes" it), then drops the connection without answering.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.socket?.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  resetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  closed.close();
  await once(closed, 'close');
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

function client(baseUrl: string, base: Fetch) {
  const transport = createSdkTransport({ fetch: base, retry: { baseDelay: 1, maxDelay: 2 } });
  return new ApiClient({ baseUrl, transport });
}

describe.each([
  ['the Node transport (undici.request)', () => nodeTransport()],
  ["the Node transport (engine: 'fetch')", () => nodeTransport({ engine: 'fetch' })],
  ['the platform fetch', () => Object.assign(platformFetch, { close: async () => {} })],
])('%s', (_name, make) => {
  it('a POST without a key, reset after the server read it: outcome unknown, and the message says it may have run', async () => {
    const base = make();
    const before = received;
    const error = await rejection(client(resetUrl, base).request(ops.create, { body: { name: 'a' } }));
    await base.close();
    expect(received - before).toBe(1); // executed once, not retried
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as unknown as ConnectionError).outcome).toBe('unknown');
    expect(error.message).toMatch(/may have executed it; send an idempotencyKey to retry safely/);
    expect(error.message).not.toMatch(/could not reach/);
  });

  it('a refused connection: outcome not-sent, for a POST too (and it is retried: nothing ran)', async () => {
    const base = make();
    const error = await rejection(client(closedUrl, base).request(ops.create, { body: { name: 'a' } }));
    await base.close();
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as unknown as ConnectionError).outcome).toBe('not-sent');
    expect(error.message).toMatch(/could not reach the server .*the request was not sent/);
    expect(classifyError(error)).toBe('unsent');
  });

  it('a GET reset after sending, or a keyed POST: outcome unknown, no advice to add a key', async () => {
    const base = make();
    const api = client(resetUrl, base);
    const get = await rejection(api.request(ops.list));
    const keyed = await rejection(api.request(ops.create, { body: {} }, { idempotencyKey: 'k-1' }));
    await base.close();
    for (const error of [get, keyed]) {
      expect((error as unknown as ConnectionError).outcome).toBe('unknown');
      expect(error.message).toMatch(/may have received it/);
      expect(error.message).not.toMatch(/idempotencyKey/);
    }
  });
});

describe('requestOutcome', () => {
  it('is not-sent only for failures before any byte is written', () => {
    expect(requestOutcome(networkError('ECONNREFUSED'))).toBe('not-sent');
    expect(requestOutcome(networkError('ENOTFOUND'))).toBe('not-sent');
    expect(requestOutcome(networkError('UND_ERR_CONNECT_TIMEOUT'))).toBe('not-sent');
    expect(requestOutcome(networkError('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('not-sent');
    expect(requestOutcome(networkError('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('not-sent');
    expect(requestOutcome(networkError('ECONNRESET'))).toBe('unknown');
    expect(requestOutcome(networkError('UND_ERR_SOCKET', 'other side closed'))).toBe('unknown');
    // A browser's fetch says nothing about where it failed.
    expect(requestOutcome(new TypeError('Failed to fetch'))).toBe('unknown');
    expect(requestOutcome(new ConnectionError('x', { outcome: 'not-sent' }))).toBe('not-sent');
    expect(new ConnectionError('x').outcome).toBe('unknown');
  });
});

describe('timeouts', () => {
  it('a keyless POST that times out says it may have run; a deadline passed before sending is not-sent', async () => {
    const never = () => new Promise<never>(() => {});
    const clock = new FakeClock({ autoAdvance: true });
    const { api } = harness([{ path: '/v1/things', reply: never }], { clock, timeout: 1000 });
    const call = rejection(api.request(ops.create, { body: {} }));
    await new Promise((r) => setImmediate(r));
    clock.advance(1000);
    const error = (await call) as unknown as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.outcome).toBe('unknown');
    expect(error.message).toMatch(/may have executed it; send an idempotencyKey/);

    // The deadline has passed before the attempt: nothing is sent.
    let calls = 0;
    const base: Fetch = async () => {
      calls++;
      return new Response('[]');
    };
    const context = {
      operationId: 'x',
      anonymous: false,
      options: {},
      attempt: 1,
      deadlineAt: clock.now() - 1,
    };
    const request = new Request('https://api.test/v1/things', { method: 'POST', body: '{}' });
    const passed = (await rejection(
      timeoutPolicy({ clock })(base)(request, context),
    )) as unknown as TimeoutError;
    expect(calls).toBe(0);
    expect(passed.outcome).toBe('not-sent');
    // On a retry, an earlier attempt may have been sent: unknown.
    const again = (await rejection(
      timeoutPolicy({ clock })(base)(request, { ...context, attempt: 2 }),
    )) as unknown as TimeoutError;
    expect(again.outcome).toBe('unknown');
  });

  it("an attempt's timer ends with that attempt when it is retried, not with the whole call", async () => {
    const clock = new FakeClock();
    let during = -1;
    const { api } = harness(
      [
        {
          path: '/v1/things',
          reply: [
            { status: 503 },
            () => {
              during = clock.pendingTimers;
              return { json: [1] };
            },
          ],
        },
      ],
      { clock, timeout: 10_000 },
    );
    await expect(api.request(ops.list)).resolves.toEqual([1]);
    // Only the second attempt's own timer (the first attempt's was left armed before the fix: 2).
    expect(during).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('across retries', () => {
  it('a refused retry after an attempt that may have reached the server: the call says unknown, not not-sent', async () => {
    const { api, fetch } = harness([
      {
        path: '/v1/things',
        reply: [networkError('ECONNRESET'), networkError('ECONNREFUSED'), networkError('ECONNREFUSED')],
      },
    ]);
    const error = (await rejection(api.request(ops.list))) as unknown as ConnectionError;
    expect(fetch.calls).toHaveLength(3);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcome).toBe('unknown');

    const refusedOnly = harness([{ path: '/v1/things', reply: networkError('ECONNREFUSED') }]);
    const never = (await rejection(refusedOnly.api.request(ops.list))) as unknown as ConnectionError;
    expect(never.outcome).toBe('not-sent');
  });
});

describe('TLS', () => {
  it('a certificate the client does not trust: the handshake fails, outcome not-sent, the server saw no request', async () => {
    const fixtures = join(import.meta.dirname, 'fixtures');
    const tls = await startServer(
      (_req, res) => {
        res.end('{}');
      },
      {
        key: readFileSync(join(fixtures, 'localhost.key')),
        cert: readFileSync(join(fixtures, 'localhost.crt')),
      },
    );
    const base = nodeTransport();
    try {
      const transport = createSdkTransport({ fetch: base, retry: false });
      const api = new ApiClient({ baseUrl: tls.url, transport });
      const error = (await rejection(api.request(ops.create, { body: {} }))) as unknown as ConnectionError;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.outcome).toBe('not-sent');
      expect(tls.requests).toHaveLength(0);
    } finally {
      await base.close();
      await tls.close();
    }
  });
});
