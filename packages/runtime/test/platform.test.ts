import { describe, expect, it } from 'vitest';
import { ApiClient, toSdkError } from '../src/api-client.js';
import { readEnv } from '../src/env.js';
import {
  ConfigurationError,
  NotFoundError,
  ResponseParseError,
  ServerError,
  TransportError,
} from '../src/errors.js';
import { Log } from '../src/log.js';
import { createBaseTransport as bunPlatform } from '../src/platform/bun.js';
import { createBaseTransport as denoPlatform } from '../src/platform/deno.js';
import { createBaseTransport as fetchPlatform } from '../src/platform/fetch.js';
import { createBaseTransport as nodePlatform, type TransportLoader } from '../src/platform/node.js';
import { createSdkTransport } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { adhocContext } from '../src/transport.js';
import { runtimeName, runtimeProduct, userAgent, userAgentHeaders } from '../src/user-agent.js';
import { ops, rejection } from './helpers.js';
import { startServer } from './server.js';

/** A `process.env` that throws on every access, as Deno's does without `--allow-env`. */
function deniedEnv(): Record<string, string | undefined> {
  const deny = () => {
    throw Object.assign(new Error('Requires env access to "SDKFORGE_LOG"'), { name: 'NotCapable' });
  };
  return new Proxy({}, { get: deny, has: deny, ownKeys: deny, getOwnPropertyDescriptor: deny });
}

describe('environment reads never throw', () => {
  it('readEnv answers undefined when process.env and Deno.env both refuse', () => {
    const globals = {
      process: { env: deniedEnv() },
      Deno: {
        env: {
          get(): string {
            throw new Error('NotCapable: Requires env access');
          },
        },
      },
    };
    expect(readEnv('SDKFORGE_LOG', globals)).toBeUndefined();
  });

  it('readEnv reads process.env, else Deno.env; an empty value counts as unset', () => {
    expect(readEnv('A', { process: { env: { A: 'x' } } })).toBe('x');
    expect(readEnv('A', { Deno: { env: { get: (n: string) => (n === 'A' ? 'y' : undefined) } } })).toBe('y');
    expect(readEnv('A', { process: { env: { A: '' } } })).toBeUndefined();
    expect(readEnv('A', {})).toBeUndefined();
  });

  it('the log level falls back to off, and a transport builds, when the real process.env throws', () => {
    const original = process.env;
    process.env = deniedEnv() as NodeJS.ProcessEnv;
    try {
      expect(new Log().level).toBe('off');
      expect(new Log({ level: 'debug' }).level).toBe('debug');
      expect(() => createSdkTransport({ fetch: async () => new Response('') })).not.toThrow();
    } finally {
      process.env = original;
    }
  });

  it('the log level is read from the environment when it can be', () => {
    const original = process.env;
    process.env = { ...original, MY_LOG: 'warn' };
    try {
      expect(new Log({ env: 'MY_LOG' }).level).toBe('warn');
    } finally {
      process.env = original;
    }
  });
});

describe('User-Agent names the real runtime', () => {
  const node = { versions: { node: '22.19.0' }, platform: 'linux', arch: 'x64' };

  it('Bun and Deno, although both also define process.versions.node', () => {
    expect(runtimeProduct({ Bun: { version: '1.3.4' }, process: node })).toBe('bun/1.3.4');
    expect(runtimeProduct({ Deno: { version: { deno: '2.5.6' } }, process: node })).toBe('deno/2.5.6');
  });

  it('workerd with nodejs_compat (which claims node 22.19.0) is workerd', () => {
    const workerd = { navigator: { userAgent: 'Cloudflare-Workers' }, process: node };
    expect(runtimeName(workerd)).toBe('workerd');
    expect(userAgent('sdkforge-x', '1.0.0', workerd)).toBe('sdkforge-x/1.0.0 workerd');
  });

  it('Node is node/<version> (<os>; <arch>)', () => {
    expect(userAgent('sdkforge-x', '1.0.0', { process: node })).toBe(
      'sdkforge-x/1.0.0 node/22.19.0 (linux; x64)',
    );
    expect(userAgentHeaders('sdkforge-x', '1.0.0', { process: node })).toEqual({
      'User-Agent': 'sdkforge-x/1.0.0 node/22.19.0 (linux; x64)',
    });
  });

  it('a browser gets no User-Agent header (it cannot be set, and would cost a preflight)', () => {
    const browser = { navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' } };
    expect(runtimeName(browser)).toBe('browser');
    expect(userAgentHeaders('sdkforge-x', '1.0.0', browser)).toEqual({});
  });

  it('an unknown runtime sends the SDK alone; a throwing global does not break it', () => {
    expect(userAgent('sdkforge-x', '1.0.0', {})).toBe('sdkforge-x/1.0.0');
    const hostile = {
      get process(): never {
        throw new Error('denied');
      },
    };
    expect(runtimeName(hostile)).toBe('unknown');
  });
});

/** What `import()` of the Node transport rejects with on Bun, whose built-in undici lacks the export. */
const loadBunLike: TransportLoader = () =>
  Promise.reject(new SyntaxError("Export named 'Dispatcher1Wrapper' not found in module 'undici'"));

describe('transport failures are named', () => {
  it('a Node transport that fails to load (Bun-like undici without Dispatcher1Wrapper) is a TransportError', async () => {
    let loads = 0;
    const base = nodePlatform({ client: 'TestClient' }, () => {
      loads++;
      return loadBunLike();
    });
    const api = new ApiClient({
      baseUrl: 'https://api.test',
      transport: createSdkTransport({ fetch: base.fetch, clock: new FakeClock() }),
      transportName: base.name,
    });
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).not.toBeInstanceOf(ResponseParseError);
    expect(error.message).toMatch(
      /^the Node transport \(undici\) could not be loaded: SyntaxError: .*Dispatcher1Wrapper/,
    );
    expect(error.transport).toBe('the Node transport (undici)');
    expect(loads).toBe(1); // not retried as if it were the network
    await base.close();
  });

  it('a bundled Bun-like undici (the missing export became undefined) fails to start: a TransportError', async () => {
    const base = nodePlatform(
      { client: 'TestClient' },
      () => import('./fixtures/bun-like/transport.mjs' as string) as ReturnType<TransportLoader>,
    );
    const error = await rejection(base.fetch(new Request('https://api.test/'), adhocContext()));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(
      /^the Node transport \(undici\) could not be started: TypeError: .*not a constructor/,
    );
  });

  it('a Node transport that breaks while sending is a TransportError, a network error stays itself', async () => {
    const broken: TransportLoader = async () => ({
      nodeTransport: () =>
        Object.assign(
          async (): Promise<Response> => {
            throw new ReferenceError('Dispatcher1Wrapper is not defined');
          },
          { dispatcher: {} as never, close: async () => {} },
        ),
    });
    const base = nodePlatform({ client: 'TestClient' }, broken);
    const error = await rejection(base.fetch(new Request('https://api.test/'), adhocContext()));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain('failed: ReferenceError: Dispatcher1Wrapper is not defined');

    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const network: TransportLoader = async () => ({
      nodeTransport: () =>
        Object.assign(
          async (): Promise<Response> => {
            throw refused;
          },
          { dispatcher: {} as never, close: async () => {} },
        ),
    });
    const other = nodePlatform({ client: 'TestClient' }, network);
    expect(await rejection(other.fetch(new Request('https://api.test/'), adhocContext()))).toBe(refused);
  });

  it('the request engine never calls a SyntaxError without a response a JSON error', () => {
    const error = toSdkError(
      new SyntaxError("Unexpected token '<'"),
      ops.list,
      undefined,
      undefined,
      'the X',
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain('the X failed before any response');
  });

  it('a parse failure on an error status is that status’s error, not ResponseParseError', () => {
    const response = new Response('<html>missing</html>', { status: 404 });
    expect(toSdkError(new SyntaxError('bad'), ops.list, undefined, response)).toBeInstanceOf(NotFoundError);
    const ok = new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(toSdkError(new SyntaxError('bad'), ops.list, undefined, ok)).toBeInstanceOf(ResponseParseError);
  });

  it('over the real Node transport, a 404 and a 502 with text bodies are their status errors', async () => {
    const server = await startServer((req, res) => {
      res.statusCode = req.url?.includes('gone') ? 404 : 502;
      res.setHeader('content-type', 'text/html');
      res.end(req.url?.includes('gone') ? '<h1>404 Not Found</h1>' : 'Bad Gateway');
    });
    const base = nodePlatform({ client: 'TestClient' });
    try {
      const api = new ApiClient({
        baseUrl: server.url,
        transport: createSdkTransport({ fetch: base.fetch, retry: false }),
      });
      const gone = await rejection(api.request(ops.get, { path: { id: 'gone' } }));
      expect(gone).toBeInstanceOf(NotFoundError);
      expect(gone.body).toBe('<h1>404 Not Found</h1>');
      expect(await rejection(api.request(ops.get, { path: { id: 'x' } }))).toBeInstanceOf(ServerError);
    } finally {
      await base.close();
      await server.close();
    }
  });

  it('the fetch platform refuses Node-only options and names a missing global fetch', async () => {
    expect(() => fetchPlatform({ client: 'AvatarClient', node: { ca: 'PEM', verify: false } })).toThrow(
      ConfigurationError,
    );
    expect(() => fetchPlatform({ client: 'AvatarClient', node: { ca: 'PEM' } })).toThrow(
      /AvatarClient: ca needs the Node transport/,
    );
    // Pool tuning means nothing off Node and is not an error.
    expect(() => fetchPlatform({ client: 'X', node: { connections: 4, verify: true } })).not.toThrow();
    const base = fetchPlatform({ client: 'X' });
    const original = globalThis.fetch;
    (globalThis as { fetch?: unknown }).fetch = undefined;
    try {
      const error = await rejection(base.fetch(new Request('https://api.test/'), adhocContext()));
      expect(error).toBeInstanceOf(TransportError);
      expect(error.message).toContain('the platform fetch is missing');
    } finally {
      globalThis.fetch = original;
    }
  });

  it('the fetch platform passes the attempt signal to the global fetch', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_r: Request, init?: RequestInit) => {
      seen.push(init?.signal ?? undefined);
      return new Response('{}');
    }) as typeof fetch;
    try {
      const base = fetchPlatform({ client: 'X' });
      const signal = new AbortController().signal;
      await base.fetch(new Request('https://api.test/'), { ...adhocContext(), signal });
      expect(seen[0]).toBe(signal);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('Bun and Deno keep the connection settings they can honour', () => {
  function recorder() {
    const inits: RequestInit[] = [];
    const fetch = (async (_request: Request, init?: RequestInit) => {
      inits.push(init ?? {});
      return new Response('{}');
    }) as typeof globalThis.fetch;
    return { fetch, inits };
  }

  it("Bun: ca, verify and proxy go to Bun's fetch as tls and proxy", async () => {
    const { fetch, inits } = recorder();
    const ca = new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nB\n');
    const base = bunPlatform(
      { client: 'AvatarClient', node: { ca: ['A', ca], verify: false, proxy: new URL('http://proxy:3128') } },
      { fetch },
    );
    const signal = new AbortController().signal;
    await base.fetch(new Request('https://api.test/'), { ...adhocContext(), signal });
    expect(inits[0]).toEqual({
      tls: { ca: ['A', '-----BEGIN CERTIFICATE-----\nB\n'], rejectUnauthorized: false },
      proxy: 'http://proxy:3128/',
      signal,
    });
    await bunPlatform({ client: 'X' }, { fetch }).fetch(new Request('https://api.test/'), adhocContext());
    expect(inits[1]).toEqual({});
    expect(() => bunPlatform({ client: 'X', node: { dispatcher: {} } }, { fetch })).toThrow(
      ConfigurationError,
    );
  });

  it('Deno: ca and proxy make an HTTP client that close() releases; verify: false is refused', async () => {
    const { fetch, inits } = recorder();
    const made: unknown[] = [];
    let closed = 0;
    const client = { close: () => closed++ };
    const Deno = {
      createHttpClient: (options: unknown) => {
        made.push(options);
        return client;
      },
    };
    const base = denoPlatform(
      { client: 'X', node: { ca: 'PEM', proxy: 'http://proxy:3128' } },
      { fetch, Deno },
    );
    expect(made).toEqual([{ caCerts: ['PEM'], proxy: { url: 'http://proxy:3128' } }]);
    await base.fetch(new Request('https://api.test/'), adhocContext());
    expect((inits[0] as { client?: unknown }).client).toBe(client);
    await base.close();
    expect(closed).toBe(1);
    const plain = denoPlatform({ client: 'X' }, { fetch, Deno });
    await plain.fetch(new Request('https://api.test/'), adhocContext());
    expect(inits[1]).toEqual({});
    expect(made).toHaveLength(1);
    expect(() => denoPlatform({ client: 'X', node: { verify: false } }, { fetch, Deno })).toThrow(
      /unsafely-ignore-certificate-errors/,
    );
  });
});
