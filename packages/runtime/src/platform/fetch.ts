/**
 * The platform module of every runtime but Node (`bun`, `deno`, `workerd`, `worker`, `browser`, `default`
 * conditions): the global fetch. Nothing here imports `node:*` or undici.
 */
import { ConfigurationError, TransportError } from '../errors.js';
import type { Fetch } from '../types.js';
import { type BaseTransport, nodeOnlyOptions, type PlatformInit } from './types.js';

export const PLATFORM = 'fetch';

const NAME = 'the platform fetch';

export function createBaseTransport(init: PlatformInit): BaseTransport {
  const unsupported = nodeOnlyOptions(init.node);
  if (unsupported.length) {
    throw new ConfigurationError(
      `${init.client}: ${unsupported.join(', ')} need${unsupported.length === 1 ? 's' : ''} the Node transport, ` +
        'which this runtime does not use; pass your own `fetch` instead',
    );
  }
  const fetch: Fetch = (request, context) => {
    const global = globalThis.fetch;
    if (typeof global !== 'function') {
      return Promise.reject(
        new TransportError(NAME, 'is missing: this runtime has no global fetch; pass `fetch` to the client'),
      );
    }
    const signal = context.signal ?? context.options.signal;
    return signal ? global(request, { signal }) : global(request);
  };
  return { fetch, name: NAME, close: () => Promise.resolve() };
}
