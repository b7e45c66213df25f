/**
 * What the platform modules share. `#platform` (package.json `imports`) maps to `./bun.js` under `bun`,
 * `./deno.js` under `deno`, `./node.js` under `node` and to `./fetch.js` for workerd, workers, browsers and
 * anything else, so the choice is made by the resolver — Node, Bun, Deno, a bundler — never by looking at
 * globals at run time.
 */
import type { Fetch } from '../types.js';

/**
 * Connection settings. All of them apply on Node (the undici transport). Bun's fetch takes `ca`, `verify`
 * and `proxy`; Deno's takes `ca` and `proxy`. Where a setting cannot be honoured (any of `ca`, `verify: false`,
 * `proxy`, `proxyFromEnv`, `dispatcher` in a browser or workerd) the client's constructor throws a
 * `ConfigurationError` (pass your own `fetch` instead); pool settings are ignored off Node.
 */
export interface NodeOptions {
  /** Send every request through this proxy (`http://`, `https://` or `socks5://`; credentials in the URL). */
  proxy?: string | URL | undefined;
  /** Follow `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY` from the environment. @default false */
  proxyFromEnv?: boolean | undefined;
  /** Extra certificate authorities to trust (PEM). */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** Check server certificates; `false` is for test set-ups only. @default true */
  verify?: boolean | undefined;
  /** Your own undici `Dispatcher` (pool, proxy and TLS are then yours to set). */
  dispatcher?: object | undefined;
  /** Sockets per origin. @default 128 */
  connections?: number | undefined;
  /** Idle keep-alive sockets close after this many ms. @default 4000 */
  keepAliveTimeout?: number | undefined;
  /** @default 10 000 */
  connectTimeout?: number | undefined;
  /** Bodies read whole larger than this fail with ResponseTooLargeError. @default 64 MiB */
  maxResponseBytes?: number | undefined;
  /** `'request'` (undici.request, the fast path) or `'fetch'` (Node's fetch on the same pool). @default 'request' */
  engine?: 'request' | 'fetch' | undefined;
}

/** What a client asks of its platform. */
export interface PlatformInit {
  /** Node transport settings (see {@link NodeOptions}). */
  node?: NodeOptions | undefined;
  /** The client's attempt timeout in ms (the Node transport aligns undici's timeouts with it). */
  timeout?: number | undefined;
  /** The client's name, for error messages. */
  client: string;
}

/** The base of a client's transport: the fetch under every policy. */
export interface BaseTransport {
  readonly fetch: Fetch;
  /** How errors name it, e.g. `the Node transport (undici)`. */
  readonly name: string;
  /** Releases what it holds (the Node pool's sockets). */
  close(): Promise<void>;
}

/** The options in `node` that only Node's transport can honour. */
export function nodeOnlyOptions(node: NodeOptions | undefined): string[] {
  if (!node) return [];
  const names: string[] = [];
  if (node.ca !== undefined) names.push('ca');
  if (node.verify === false) names.push('verify: false');
  if (node.proxy !== undefined) names.push('proxy');
  if (node.proxyFromEnv) names.push('proxyFromEnv');
  if (node.dispatcher !== undefined) names.push('dispatcher');
  return names;
}

/** PEM text from strings or bytes. */
export function pemList(ca: NonNullable<NodeOptions['ca']>): string[] {
  const list: readonly (string | Uint8Array)[] = Array.isArray(ca) ? ca : [ca as string | Uint8Array];
  return list.map((c) => (typeof c === 'string' ? c : new TextDecoder().decode(c)));
}
