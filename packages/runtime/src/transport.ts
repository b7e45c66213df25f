import type { CallContext, Fetch, Policy } from './types.js';

/**
 * The platform's fetch, adapted to the {@link Fetch} signature: the attempt's signal (`context.signal`, set
 * by the timeout policy) or the caller's reaches the network.
 */
export const platformFetch: Fetch = (request, context) => {
  const signal = context.signal ?? context.options.signal;
  return signal ? globalThis.fetch(request, { signal }) : globalThis.fetch(request);
};

/** Adapts a WHATWG-style fetch (e.g. undici's, or a test double) to the {@link Fetch} signature. */
export function fromFetch(fetchLike: (request: Request, init?: RequestInit) => Promise<Response>): Fetch {
  return (request, context) => {
    const signal = context.signal ?? context.options.signal;
    return signal ? fetchLike(request, { signal }) : fetchLike(request);
  };
}

/**
 * Builds a transport from policies. The first policy is the outermost: it sees the call first and
 * the response last. `createTransport(base, [logging, retry, auth])` = logging(retry(auth(base))).
 */
export function createTransport(base: Fetch, policies: readonly Policy[]): Fetch {
  return policies.reduceRight<Fetch>((next, policy) => policy(next), base);
}

/** A context for calls made outside an operation (tests, raw requests). */
export function adhocContext(operationId = 'request', anonymous = false): CallContext {
  return { operationId, anonymous, options: {}, attempt: 1 };
}
