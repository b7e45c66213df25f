import { Readable } from 'node:stream';
import {
  Agent,
  type Dispatcher,
  Dispatcher1Wrapper,
  EnvHttpProxyAgent,
  ProxyAgent,
  request as undiciRequest,
} from 'undici';
import { DEFAULT_TIMEOUT } from '../policies/timeout.js';
import { REDACTED } from '../redact.js';
import type { CallContext, Fetch } from '../types.js';
import { attachNodeBody, decode, lazyWebStream, readAll } from './body.js';
import { BufferedResponse } from './buffered-response.js';
import { LocatedResponse } from './located-response.js';
import { CREDENTIAL_HEADERS, MAX_REDIRECTS, redirectStep } from './redirect.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Settings of the Node transport (undici): proxy, trusted certificate authorities, certificate checks, connection pool. */
export interface NodeTransportOptions {
  /** Send every request through this proxy (`http://`, `https://` or `socks5://`; credentials in the URL). */
  proxy?: string | URL | undefined;
  /** Follow `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY` from the environment. @default false */
  proxyFromEnv?: boolean | undefined;
  /** Extra certificate authorities to trust (PEM), e.g. a company's TLS-inspecting proxy. */
  ca?: string | Buffer | readonly (string | Buffer)[] | undefined;
  /** Check server certificates. `false` is the Avatar seed's `should_verify_ssl=False`: test setups only. @default true */
  verify?: boolean | undefined;
  /** Sockets per origin. @default 128 */
  connections?: number | undefined;
  /** Idle keep-alive sockets close after this many ms. @default 4000 */
  keepAliveTimeout?: number | undefined;
  /**
   * undici's headers and body (idle) timeouts, in ms: the same as the SDK's attempt timeout, so no hidden
   * 5-minute limit cuts a longer call. A call's own `timeout` applies to its request. @default 60 000
   */
  timeout?: number | undefined;
  /** @default 10 000 */
  connectTimeout?: number | undefined;
  /** Bodies read whole (every non-streamed response) larger than this fail with ResponseTooLargeError. @default 64 MiB */
  maxResponseBytes?: number | undefined;
  /** Your own undici dispatcher (proxy, CA, pool options above are then yours to set). */
  dispatcher?: Dispatcher | undefined;
  /** Your own WHATWG fetch, used as it is. */
  fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /**
   * `'request'`: undici.request with web Responses built on top (the faster path, see the benchmarks);
   * `'fetch'`: Node's fetch over the same dispatcher. @default 'request'
   */
  engine?: 'request' | 'fetch' | undefined;
}

/** A base {@link Fetch} for Node with a pooled keep-alive dispatcher. `close()` ends its sockets. */
export interface NodeTransport extends Fetch {
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * The Node transport: undici with keep-alive pooling, optional proxy, custom CA or no certificate check,
 * timeouts aligned with the SDK's. By default requests go through `undici.request` and come back as web
 * Responses (the fast path); `engine: 'fetch'` uses Node's fetch on the same pool.
 */
export function nodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const own = !options.dispatcher && !options.fetch;
  const dispatcher = options.dispatcher ?? createDispatcher(options);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  let send: Fetch;
  if (options.fetch) {
    const userFetch = options.fetch;
    send = (request, context) => userFetch(request, { signal: signalOf(context) });
  } else if (options.engine === 'fetch') {
    send = fetchEngine(dispatcher);
  } else {
    send = requestEngine(dispatcher, timeout, options.maxResponseBytes ?? 64 * 1024 * 1024);
  }
  const proxy = options.proxy ? redactProxy(String(options.proxy)) : undefined;
  return Object.assign(send, {
    dispatcher,
    close: () => (own ? dispatcher.close() : Promise.resolve()),
    [inspectSymbol]: () =>
      `NodeTransport { engine: '${options.fetch ? 'custom fetch' : (options.engine ?? 'request')}'${
        proxy ? `, proxy: '${proxy}'` : ''
      }, verify: ${options.verify !== false} }`,
  });
}

function createDispatcher(options: NodeTransportOptions): Dispatcher {
  const tls = {
    ...(options.ca ? { ca: options.ca as string | Buffer | (string | Buffer)[] } : {}),
    rejectUnauthorized: options.verify !== false,
  };
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const pool = {
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connectTimeout: options.connectTimeout ?? 10_000,
  };
  if (options.proxy) {
    return new ProxyAgent({ uri: String(options.proxy), requestTls: tls, proxyTls: tls, ...pool });
  }
  if (options.proxyFromEnv) return new EnvHttpProxyAgent({ ...pool, connect: tls });
  return new Agent({ ...pool, connect: tls });
}

function signalOf(context: CallContext): AbortSignal | undefined {
  return context.signal ?? context.options.signal;
}

/** Node's fetch over our dispatcher (a v1 wrapper lets Node's bundled undici drive undici 8's pool). */
function fetchEngine(dispatcher: Dispatcher): Fetch {
  const wrapped = new Dispatcher1Wrapper(dispatcher);
  return (request, context) => {
    const signal = signalOf(context);
    return globalThis.fetch(request, { dispatcher: wrapped, ...(signal ? { signal } : {}) } as RequestInit);
  };
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const DEFAULT_HEADERS: [string, string][] = [
  ['accept', '*/*'],
  ['accept-encoding', 'gzip, deflate, br'],
  ['user-agent', 'sdkforge'],
];

/**
 * The fast path: `undici.request`, the response turned into a web Response. Bodies the caller reads whole
 * are read here, inside the attempt (a reset mid-body fails the attempt, so the retry policy can repeat it;
 * the attempt's timer covers the body); streamed ones become a lazy web stream over undici's Node stream.
 * Redirects, decompression and default headers follow fetch.
 */
function requestEngine(dispatcher: Dispatcher, timeout: number, maxBytes: number): Fetch {
  return async (request, context) => {
    const signal = signalOf(context);
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    for (const [name, value] of DEFAULT_HEADERS) headers[name] ??= value;
    let body = await bodyOf(request, context);
    let url = request.url;
    let method = request.method;
    const attemptTimeout = context.options.timeout ?? timeout;
    for (let hop = 0; ; hop++) {
      const res = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal,
        dispatcher,
        headersTimeout: attemptTimeout,
        bodyTimeout: attemptTimeout,
      });
      const location = res.headers.location;
      const step = redirectStep({
        status: res.statusCode,
        location: Array.isArray(location) ? location[0] : location,
        url,
        method,
        mode: request.redirect,
      });
      if (step.follow) {
        res.body.dump().catch(() => {});
        if (hop + 1 > MAX_REDIRECTS) throw new TypeError(`${method} ${url}: too many redirects`);
        if (body instanceof Readable && !step.dropBody) {
          throw new TypeError(
            `${method} ${url}: a ${res.statusCode} redirect cannot re-send a streamed body`,
          );
        }
        if (step.dropBody) {
          body = undefined;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        if (step.crossOrigin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
        url = step.url;
        method = step.method;
        continue;
      }
      if (request.redirect === 'error' && res.statusCode >= 300 && res.statusCode < 400) {
        res.body.dump().catch(() => {});
        throw new TypeError(`${method} ${url}: redirected while redirect is "error"`);
      }
      return toResponse(res, { url, redirected: hop > 0, method, stream: context.stream === true, maxBytes });
    }
  };
}

type Body = string | Uint8Array | Readable | undefined;

async function bodyOf(request: Request, context: CallContext): Promise<Body> {
  if (request.body === null) return undefined;
  if (context.replayable === false)
    return Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  const source = context.body;
  if (typeof source === 'string' || source instanceof Uint8Array) return source;
  return new Uint8Array(await request.arrayBuffer());
}

async function toResponse(
  res: Dispatcher.ResponseData,
  info: { url: string; redirected: boolean; method: string; stream: boolean; maxBytes: number },
): Promise<Response> {
  // Pairs, not a Headers object: the Response builds its own Headers from them (once).
  const headers: [string, string][] = [];
  for (const name in res.headers) {
    const value = res.headers[name];
    if (typeof value === 'string') headers.push([name, value]);
    else if (Array.isArray(value)) for (const v of value) headers.push([name, v]);
  }
  const init = { status: res.statusCode, statusText: res.statusText ?? '', headers };
  const origin = { url: info.url, redirected: info.redirected };
  if (NULL_BODY.has(res.statusCode) || info.method === 'HEAD') {
    res.body.dump().catch(() => {});
    return new LocatedResponse(null, init, origin);
  }
  const encoding = single(res.headers['content-encoding']);
  const body = decode(res.body, encoding);
  if (info.stream) {
    const response = new LocatedResponse(lazyWebStream(body), init, origin);
    attachNodeBody(response, body);
    return response;
  }
  const declared = body === res.body ? contentLength(single(res.headers['content-length'])) : undefined;
  // A declared length within the limit: undici collects the chunks itself (the cheapest read).
  const bytes =
    declared !== undefined && declared <= info.maxBytes
      ? await res.body.bytes()
      : await readAll(body, info.maxBytes, declared);
  // undici hands the socket back to its pool one macrotask after the body ends; waiting for that turn lets the
  // caller's next call reuse this connection instead of opening another (measured: fewer sockets, more
  // requests per second at concurrency 64 too).
  await new Promise<void>((resolve) => setImmediate(resolve));
  return new BufferedResponse(bytes, init, origin);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function contentLength(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function redactProxy(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = REDACTED;
      parsed.password = '';
    }
    return parsed.href;
  } catch {
    return REDACTED;
  }
}
