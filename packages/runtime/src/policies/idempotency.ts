import type { Policy } from '../types.js';

/** Settings of the policy that gives unsafe requests an `Idempotency-Key`, so that retrying them is safe. */
export interface IdempotencyOptions {
  /** Header the key travels in. @default 'Idempotency-Key' */
  header?: string;
  /** Methods that get a key. @default POST, PUT, PATCH */
  methods?: readonly string[];
  /** Key generator. @default crypto.randomUUID (a UUID v4) */
  generate?: () => string;
}

/**
 * Adds an Idempotency-Key to every POST/PUT/PATCH that has none. It sits outside the retry policy, so the key
 * is made once per logical call and every attempt of that call carries the same one; a key the caller set
 * (`CallOptions.idempotencyKey` or the header) is kept. With a key, the retry policy may repeat the request.
 */
export function idempotencyPolicy(options: IdempotencyOptions = {}): Policy {
  const header = options.header ?? 'Idempotency-Key';
  const methods = new Set((options.methods ?? ['POST', 'PUT', 'PATCH']).map((m) => m.toUpperCase()));
  const generate = options.generate ?? (() => crypto.randomUUID());
  return (next) => (request, context) => {
    if (methods.has(request.method) && !request.headers.has(header)) request.headers.set(header, generate());
    return next(request, context);
  };
}
