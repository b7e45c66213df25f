import { REDACTED } from '../redact.js';

/** An access token, the refresh token that renews it, and when the access token expires. */
export interface TokenSet {
  accessToken: string;
  /** Absent: the server did not rotate it, the previous one stays. */
  refreshToken?: string | undefined;
  /** Milliseconds since the epoch. Absent: read from the access token's JWT `exp`, if it is a JWT. */
  expiresAt?: number | undefined;
}

/**
 * Where a session keeps its tokens. Implement it to share tokens between processes or to persist rotated
 * refresh tokens (a keychain, a file, a database row); `set(undefined)` forgets them.
 */
export interface TokenStore {
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  set(tokens: TokenSet | undefined): void | Promise<void>;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A TokenStore in memory (the default). */
export class MemoryTokenStore implements TokenStore {
  #tokens: TokenSet | undefined;

  constructor(initial?: TokenSet) {
    this.#tokens = initial;
  }

  get(): TokenSet | undefined {
    return this.#tokens;
  }

  set(tokens: TokenSet | undefined): void {
    this.#tokens = tokens;
  }

  [inspectSymbol](): string {
    return `MemoryTokenStore { ${this.#tokens ? `tokens: ${REDACTED}` : 'empty'} }`;
  }

  toJSON(): object {
    return { tokens: this.#tokens ? REDACTED : undefined };
  }
}
