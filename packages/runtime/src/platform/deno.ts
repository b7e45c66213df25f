/**
 * The platform module of Deno (`deno` condition): Deno's fetch, with an HTTP client of its own when the client
 * has a CA or a proxy (`Deno.createHttpClient`), closed by `close()`. Deno turns certificate checks off only
 * for the whole process (`--unsafely-ignore-certificate-errors`), so `verify: false` is a ConfigurationError.
 */
import { ConfigurationError, TransportError } from '../errors.js';
import type { Fetch } from '../types.js';
import { type BaseTransport, type PlatformInit, pemList } from './types.js';

export const PLATFORM = 'deno';

const NAME = "Deno's fetch";

export interface HttpClient {
  close(): void;
}

export interface DenoGlobals {
  fetch?: typeof globalThis.fetch;
  Deno?: {
    createHttpClient?(options: { caCerts?: string[]; proxy?: { url: string } }): HttpClient;
  };
}

export function createBaseTransport(
  init: PlatformInit,
  globals: DenoGlobals = globalThis as DenoGlobals,
): BaseTransport {
  const node = init.node ?? {};
  const refused = [
    ...(node.verify === false ? ['verify: false (run Deno with --unsafely-ignore-certificate-errors)'] : []),
    ...(node.dispatcher !== undefined ? ['dispatcher (an undici setting)'] : []),
  ];
  if (refused.length) {
    throw new ConfigurationError(`${init.client}: Deno cannot honour ${refused.join(', ')}`);
  }
  let client: HttpClient | undefined;
  if (node.ca !== undefined || node.proxy !== undefined) {
    const create = globals.Deno?.createHttpClient;
    if (typeof create !== 'function') {
      throw new ConfigurationError(`${init.client}: ca and proxy need Deno.createHttpClient, missing here`);
    }
    client = create({
      ...(node.ca !== undefined ? { caCerts: pemList(node.ca) } : {}),
      ...(node.proxy !== undefined ? { proxy: { url: String(node.proxy) } } : {}),
    });
  }
  const fetch: Fetch = (request, context) => {
    const global = globals.fetch;
    if (typeof global !== 'function') {
      return Promise.reject(new TransportError(NAME, 'is missing; pass `fetch` to the client'));
    }
    const signal = context.signal ?? context.options.signal;
    const options = { ...(client ? { client } : {}), ...(signal ? { signal } : {}) } as RequestInit;
    return global(request, options);
  };
  return {
    fetch,
    name: NAME,
    async close() {
      client?.close();
      client = undefined;
    },
  };
}
