import type { CallContext } from './types.js';

/**
 * Sending one logical request more than once (retries, the replay after a token refresh) without copying
 * the body of every call. Each call of the returned function gives a Request ready to send, or `undefined`
 * once the body cannot be sent again (a one-shot stream that has gone).
 *
 * - no body: the same Request is sent again;
 * - the engine left the serialised body in `context.body`: the first send uses the Request itself, later
 *   ones are rebuilt from that source (only calls that are actually retried pay for a copy);
 * - otherwise (raw transport use): each send gets a `clone()` of the untouched original.
 */
export function requestCopies(request: Request, context: CallContext): () => Request | undefined {
  if (request.body === null) return () => request;
  let sent = 0;
  if (context.replayable === false) return () => (sent++ === 0 ? request : undefined);
  const source = context.body;
  if (source !== undefined) {
    return () => (sent++ === 0 ? request : rebuild(request, source));
  }
  return () => request.clone();
}

function rebuild(request: Request, body: NonNullable<CallContext['body']>): Request {
  const headers = new Headers(request.headers);
  // A FormData body gets a new multipart boundary: let the Request write its own Content-Type.
  if (body instanceof FormData) headers.delete('content-type');
  return new Request(request.url, {
    method: request.method,
    headers,
    body,
    redirect: request.redirect,
    duplex: 'half',
  } as RequestInit);
}
