/**
 * The platform module of Bun (`bun` condition): Bun's own fetch, which takes TLS and proxy settings per request
 * (`tls: { ca, rejectUnauthorized }`, `proxy`), so `node: { ca, verify, proxy }` keep their meaning there. Bun's
 * built-in `undici` is not the npm package, so the Node transport is never used here.
 */
import { ConfigurationError, TransportError } from '../errors.js';
import type { Fetch } from '../types.js';
import { type BaseTransport, type NodeOptions, type PlatformInit, pemList } from './types.js';

export const PLATFORM = 'bun';

const NAME = "Bun's fetch";

interface BunRequestInit extends RequestInit {
  tls?: { ca?: string | string[]; rejectUnauthorized?: boolean };
  proxy?: string;
}

export function createBaseTransport(
  init: PlatformInit,
  globals: { fetch?: typeof globalThis.fetch } = globalThis,
): BaseTransport {
  if (init.node?.dispatcher !== undefined) {
    throw new ConfigurationError(
      `${init.client}: dispatcher is an undici setting, which Bun does not use; pass ca, verify or proxy instead`,
    );
  }
  const extra = bunInit(init.node);
  const fetch: Fetch = (request, context) => {
    const global = globals.fetch;
    if (typeof global !== 'function') {
      return Promise.reject(new TransportError(NAME, 'is missing; pass `fetch` to the client'));
    }
    const signal = context.signal ?? context.options.signal;
    const options: BunRequestInit = signal ? { ...extra, signal } : extra;
    return global(request, options);
  };
  return { fetch, name: NAME, close: () => Promise.resolve() };
}

/** `node` options in the shape Bun's fetch reads. Proxies from the environment are Bun's default already. */
function bunInit(node: NodeOptions | undefined): BunRequestInit {
  const out: BunRequestInit = {};
  if (!node) return out;
  const tls: NonNullable<BunRequestInit['tls']> = {};
  if (node.ca !== undefined) tls.ca = pemList(node.ca);
  if (node.verify === false) tls.rejectUnauthorized = false;
  if (Object.keys(tls).length) out.tls = tls;
  if (node.proxy !== undefined) out.proxy = String(node.proxy);
  return out;
}
