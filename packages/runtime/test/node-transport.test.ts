import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { ResponseTooLargeError } from '../src/errors.js';
import { nodeBody } from '../src/node/body.js';
import { type NodeTransport, nodeTransport } from '../src/node/transport.js';
import { createSdkTransport } from '../src/stack.js';
import { adhocContext } from '../src/transport.js';
import { ops, rejection } from './helpers.js';
import { startServer, type TestServer } from './server.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  cleanup.push(() => server.close());
  return server;
}

function transport(options: Parameters<typeof nodeTransport>[0] = {}): NodeTransport {
  const t = nodeTransport(options);
  cleanup.push(() => t.close());
  return t;
}

const ctx = (extra: Partial<ReturnType<typeof adhocContext>> = {}) => ({ ...adhocContext(), ...extra });

describe.each(['request', 'fetch'] as const)('nodeTransport (engine %s)', (engine) => {
  it('GET: status, headers (repeated ones too), JSON body, url', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    const send = transport({ engine });
    const response = await send(new Request(`${server.url}/x?q=1`), ctx());
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.url).toBe(`${server.url}/x?q=1`);
    expect(server.requests[0]?.headers['user-agent']).toBeTruthy();
  });

  it('POST: the body arrives intact with its length', async () => {
    const server = await serve((_req, res, body) => {
      res.end(body);
    });
    const send = transport({ engine });
    const body = JSON.stringify({ name: 'ünïcödé', n: [1, 2, 3] });
    const request = new Request(`${server.url}/echo`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const response = await send(request, ctx({ body }));
    expect(await response.text()).toBe(body);
    expect(server.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('follows a GET redirect, and hands back a POST redirect untouched when redirect is manual', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new' }).end();
        return;
      }
      if (req.url === '/login') {
        res.writeHead(301, { location: '/login/' }).end();
        return;
      }
      res.end(`at ${req.method} ${req.url}`);
    });
    const send = transport({ engine });
    const followed = await send(new Request(`${server.url}/old`), ctx());
    expect(await followed.text()).toBe('at GET /new');
    expect(followed.redirected).toBe(true);
    const post = new Request(`${server.url}/login`, { method: 'POST', body: 'x', redirect: 'manual' });
    const manual = await send(post, ctx({ body: 'x' }));
    expect(manual.status).toBe(301);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /old',
      'GET /new',
      'POST /login',
    ]);
  });

  it('undoes gzip', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync('{"zipped":true}'));
    });
    const response = await transport({ engine })(new Request(server.url), ctx());
    expect(await response.json()).toEqual({ zipped: true });
  });

  it('trusts a custom CA, refuses a self-signed certificate by default, and can skip the check', async () => {
    const tls = {
      key: readFileSync(new URL('fixtures/localhost.key', import.meta.url)),
      cert: readFileSync(new URL('fixtures/localhost.crt', import.meta.url)),
    };
    const server = await serve((_req, res) => {
      res.end('secure');
    }, tls);
    const refused = await rejection(transport({ engine })(new Request(server.url), ctx()));
    expect(JSON.stringify(inspect(refused, { depth: 5 }))).toMatch(/self[- ]signed|SELF_SIGNED/i);
    const withCa = await transport({ engine, ca: tls.cert })(new Request(server.url), ctx());
    expect(await withCa.text()).toBe('secure');
    const unchecked = await transport({ engine, verify: false })(new Request(server.url), ctx());
    expect(await unchecked.text()).toBe('secure');
  });

  it('goes through a proxy, and keeps the proxy password out of inspect', async () => {
    const target = await serve((_req, res) => {
      res.end('via proxy');
    });
    const tunnels: string[] = [];
    // Plain-HTTP targets may go as absolute-form requests, HTTPS ones through CONNECT: serve both.
    const proxy = createServer((req, res) => {
      tunnels.push(`${req.url} ${req.headers['proxy-authorization'] ?? ''}`);
      const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    const sockets = new Set<Socket>();
    proxy.on('connect', (req, client: Socket) => {
      tunnels.push(`${req.url} ${req.headers['proxy-authorization'] ?? ''}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
      }
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    cleanup.push(async () => {
      for (const s of sockets) s.destroy();
      proxy.close();
    });
    const proxyUrl = `http://user:s3cret-pass@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const send = transport({ engine, proxy: proxyUrl });
    const response = await send(new Request(`${target.url}/p`), ctx());
    expect(await response.text()).toBe('via proxy');
    expect(tunnels).toHaveLength(1);
    expect(tunnels[0]).toContain(`127.0.0.1:${new URL(target.url).port}`);
    expect(tunnels[0]).toContain(`Basic ${Buffer.from('user:s3cret-pass').toString('base64')}`);
    expect(inspect(send)).not.toContain('s3cret-pass');
  });

  it('aborts with the attempt signal', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const pending = transport({ engine })(new Request(server.url), ctx({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('stop now')), 20);
    expect((await rejection(pending)).message).toBe('stop now');
  });
});

describe('nodeTransport fast path', () => {
  it('streams a streamed response lazily: the Node stream is still there for downloads', async () => {
    const server = await serve((_req, res) => {
      res.end(Buffer.alloc(100_000, 7));
    });
    const send = transport();
    const response = await send(new Request(server.url), ctx({ stream: true }));
    const node = nodeBody(response);
    expect(node).toBeDefined();
    let size = 0;
    for await (const chunk of node as AsyncIterable<Buffer>) size += chunk.length;
    expect(size).toBe(100_000);
    const again = await send(new Request(server.url), ctx({ stream: true }));
    expect((await again.arrayBuffer()).byteLength).toBe(100_000);
    expect(nodeBody(again)).toBeUndefined();
  });

  it('refuses bodies over maxResponseBytes, declared or chunked', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/chunked') {
        res.write(Buffer.alloc(600));
        res.end(Buffer.alloc(600));
      } else res.end(Buffer.alloc(2000));
    });
    const send = transport({ maxResponseBytes: 1000 });
    expect(await rejection(send(new Request(server.url), ctx()))).toBeInstanceOf(ResponseTooLargeError);
    expect(await rejection(send(new Request(`${server.url}/chunked`), ctx()))).toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it('a reset in the middle of a JSON body fails the attempt, so the retry policy repeats the GET', async () => {
    let n = 0;
    const server = await serve((_req, res) => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '20' });
      if (n === 1) {
        res.write('{"items": [');
        setTimeout(() => res.socket?.destroy(), 5);
      } else res.end('{"items": [1, 2, 3]}');
    });
    const send = transport();
    const api = new ApiClient({
      baseUrl: server.url,
      transport: createSdkTransport({ fetch: send, retry: { baseDelay: 1 } }),
    });
    await expect(api.request(ops.list)).resolves.toEqual({ items: [1, 2, 3] });
    expect(n).toBe(2);
  });

  it("a call's timeout is also undici's headers timeout for that request", async () => {
    const server = await serve(() => {});
    const send = transport({ timeout: 60_000 });
    const error = await rejection(send(new Request(server.url), ctx({ options: { timeout: 50 } })));
    expect(error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
  });

  it('sequential calls reuse one keep-alive connection (chunked and sized bodies)', async () => {
    const server = await serve((req, res) => {
      const body = '{"items":[]}';
      if (req.url === '/sized') res.writeHead(200, { 'content-length': String(body.length) });
      res.end(body);
    });
    const sockets = new Set<unknown>();
    server.server.on('connection', (socket) => sockets.add(socket));
    const send = transport();
    for (const path of ['/chunked', '/chunked', '/sized', '/sized']) {
      await (await send(new Request(`${server.url}${path}`), ctx())).json();
    }
    expect(sockets.size).toBe(1);
  });

  it('uses a fetch of your own as it is', async () => {
    const calls: string[] = [];
    const send = transport({
      fetch: async (request) => {
        calls.push(request.url);
        return new Response('mine');
      },
    });
    expect(await (await send(new Request('https://example.test/a'), ctx())).text()).toBe('mine');
    expect(calls).toEqual(['https://example.test/a']);
  });
});
