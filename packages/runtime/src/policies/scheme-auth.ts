import type { Policy } from '../types.js';
import { headerSafe, noteSecret } from './credential-header.js';

/** The parts of an OpenAPI `securityScheme` object that say how a secret goes on the wire. */
export interface SecuritySchemeObject {
  readonly type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS' | (string & {});
  /** `type: http`: the authorization scheme (`bearer`, `basic`, or any other, e.g. `api-key-v1`). */
  readonly scheme?: string | undefined;
  /** `type: apiKey`: where the key goes. */
  readonly in?: 'header' | 'query' | 'cookie' | (string & {}) | undefined;
  /** `type: apiKey`: the header, query parameter or cookie name. */
  readonly name?: string | undefined;
}

/** A secret, or a function returning it (read on every request, so a rotated secret takes effect at once). */
export type SecretSource = string | (() => string | undefined | Promise<string | undefined>);

/**
 * An auth policy built from the spec's security scheme and a secret:
 * - `type: http` → `Authorization: <Scheme> <secret>` (`bearer` → `Bearer`, `basic` → `Basic` with the
 *   secret `user:password` base64-encoded, any other scheme as the spec writes it, e.g. `api-key-v1`);
 * - `type: apiKey` → the secret in the named header, query parameter or cookie;
 * - `type: oauth2` / `openIdConnect` → `Authorization: Bearer <secret>` (the secret is the access token).
 *
 * Like the other auth policies, it sends nothing on operations the spec marks `security: []`, sends
 * nothing when the secret is empty, and leaves a credential the request already carries alone.
 */
export function schemeAuth(scheme: SecuritySchemeObject, secret: SecretSource): Policy {
  const read = typeof secret === 'function' ? secret : () => secret;
  const place = placement(scheme);
  return (next) => async (request, context) => {
    if (context.anonymous) return next(request, context);
    const value = await read();
    if (!value) return next(request, context);
    // Noted for the errors built from the answer: a server that quotes it back does not put it into them.
    noteSecret(context, value);
    if (place.kind === 'header') {
      if (!request.headers.has(place.name)) {
        // The value as sent (Basic: base64 of the secret) is checked and noted too.
        const sent = headerSafe(place.format(value), place.name, 'The secret');
        noteSecret(context, sent.slice(sent.indexOf(' ') + 1));
        request.headers.set(place.name, sent);
      }
      return next(request, context);
    }
    if (place.kind === 'cookie') {
      const cookie = `${place.name}=${encodeURIComponent(value)}`;
      const current = request.headers.get('cookie');
      request.headers.set('cookie', current ? `${current}; ${cookie}` : cookie);
      return next(request, context);
    }
    const url = new URL(request.url);
    if (url.searchParams.has(place.name)) return next(request, context);
    url.searchParams.set(place.name, value);
    return next(new Request(url, request), context);
  };
}

type Placement =
  | { kind: 'header'; name: string; format: (secret: string) => string }
  | { kind: 'query' | 'cookie'; name: string };

function placement(scheme: SecuritySchemeObject): Placement {
  switch (scheme.type) {
    case 'http': {
      const raw = scheme.scheme?.trim();
      if (!raw) throw new TypeError('securityScheme of type http needs a scheme');
      const lower = raw.toLowerCase();
      if (lower === 'basic')
        return { kind: 'header', name: 'Authorization', format: (s) => `Basic ${base64(s)}` };
      const label = lower === 'bearer' ? 'Bearer' : raw;
      return { kind: 'header', name: 'Authorization', format: (s) => `${label} ${s}` };
    }
    case 'apiKey': {
      if (!scheme.name) throw new TypeError('securityScheme of type apiKey needs a name');
      if (scheme.in === 'query' || scheme.in === 'cookie') {
        return { kind: scheme.in === 'query' ? 'query' : 'cookie', name: scheme.name };
      }
      if (scheme.in !== 'header')
        throw new TypeError(`securityScheme apiKey in "${scheme.in}" is not supported`);
      return { kind: 'header', name: scheme.name, format: (s) => s };
    }
    case 'oauth2':
    case 'openIdConnect':
      return { kind: 'header', name: 'Authorization', format: (s) => `Bearer ${s}` };
    default:
      throw new TypeError(`securityScheme of type ${scheme.type} cannot carry a secret`);
  }
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
