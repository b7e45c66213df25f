import type { Policy } from '../types.js';
import { setCredential } from './credential-header.js';

/** Settings of the bearer-token policy: the token (or where to read it) and its header. */
export interface BearerAuthOptions {
  /** The token, or a function returning it (read on every request, so a new token takes effect at once). */
  token: string | (() => string | undefined | Promise<string | undefined>);
  /** @default 'Authorization' */
  header?: string;
  /** @default 'Bearer' */
  scheme?: string;
}

/** Sends `Authorization: Bearer <token>` on every operation that needs credentials. */
export function bearerAuth(options: BearerAuthOptions): Policy {
  const header = options.header ?? 'Authorization';
  const scheme = options.scheme ?? 'Bearer';
  const read = typeof options.token === 'function' ? options.token : () => options.token as string;
  return (next) => async (request, context) => {
    if (context.anonymous) return next(request, context);
    const token = await read();
    if (token) setCredential(request, context, header, token, scheme, 'The bearer token');
    return next(request, context);
  };
}
