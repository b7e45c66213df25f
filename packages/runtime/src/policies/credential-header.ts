import { ConfigurationError } from '../errors.js';
import type { CallContext } from '../types.js';

/**
 * Puts a credential into a request header (`<scheme> <secret>`, or the secret alone), and notes the secret
 * in the call context so an error built from the server's answer leaves it out. A value no header can
 * carry (a line break inside it, a character beyond Latin-1) is a ConfigurationError that says where the
 * problem is but never repeats the value — the platform's own TypeError would quote it.
 */
export function setCredential(
  request: Request,
  context: CallContext,
  header: string,
  secret: string,
  scheme: string | undefined,
  what: string,
): void {
  const trimmed = headerSafe(secret, header, what);
  noteSecret(context, trimmed);
  request.headers.set(header, scheme ? `${scheme} ${trimmed}` : trimmed);
}

/** The secret without surrounding whitespace; a ConfigurationError (not quoting it) when no header can carry it. */
export function headerSafe(secret: string, header: string, what: string): string {
  const trimmed = secret.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  const chars = [...trimmed];
  const bad = chars.findIndex(
    (c) => c === '\0' || c === '\r' || c === '\n' || (c.codePointAt(0) ?? 0) > 0xff,
  );
  if (bad >= 0) {
    const kind =
      (chars[bad]?.codePointAt(0) ?? 0) > 0xff ? 'a character outside Latin-1' : 'a line break or NUL';
    throw new ConfigurationError(
      `${what} cannot be sent in the ${header} header: it contains ${kind} (character ${bad + 1} of ${chars.length})`,
    );
  }
  return trimmed;
}

/** Notes a credential the call carries, so an error quoting it back has it removed. */
export function noteSecret(context: CallContext, secret: string): void {
  if (!context.secrets) context.secrets = [];
  context.secrets.push(secret);
}
