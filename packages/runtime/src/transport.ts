import type { CallContext, Fetch, Policy } from './types.js';

/** The platform's fetch, adapted to the {@link Fetch} signature. */
export const platformFetch: Fetch = (request) => globalThis.fetch(request);

/** Adapts a WHATWG-style fetch (e.g. undici's, or a test double) to the {@link Fetch} signature. */
export function fromFetch(fetchLike: (request: Request) => Promise<Response>): Fetch {
  return (request) => fetchLike(request);
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
