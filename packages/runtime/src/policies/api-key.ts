import type { Policy } from '../types.js';
import { setCredential } from './credential-header.js';

/** Settings of the api-key policy: the key (or where to read it) and the header that carries it. */
export interface ApiKeyAuthOptions {
  /** The key, or a function returning it (read on every request, so a rotated key takes effect). */
  key: string | (() => string | undefined);
  /** Header that carries it. @default 'X-API-KEY' */
  header?: string;
  /** Text before the key in the header value, e.g. `'api-key-v1'` gives `Authorization: api-key-v1 <key>`. */
  scheme?: string;
}

/** Sends an API key on every operation that needs credentials (not on those the spec marks `security: []`). */
export function apiKeyAuth(options: ApiKeyAuthOptions): Policy {
  const header = options.header ?? 'X-API-KEY';
  const read = typeof options.key === 'function' ? options.key : () => options.key as string;
  return (next) => (request, context) => {
    const key = read();
    if (context.anonymous || !key || request.headers.has(header)) return next(request, context);
    setCredential(request, context, header, key, options.scheme, 'The API key');
    return next(request, context);
  };
}
