import { type Clock, systemClock } from '../clock.js';
import { type APIError, AuthenticationError, SdkError } from '../errors.js';
import { REDACTED } from '../redact.js';
import { requestCopies } from '../replay.js';
import { callSignal, raceAbort } from '../signal.js';
import type { CallContext, Policy } from '../types.js';
import { setCredential } from './credential-header.js';
import { jwtExpiresAt, tokenFreshness } from './jwt.js';
import { classifyError } from './retry-decision.js';
import { MemoryTokenStore, type TokenSet, type TokenStore } from './token-store.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Settings of the session policy: how tokens are obtained and refreshed, where they are kept, and which answers mean they expired. */
export interface SessionAuthOptions {
  /**
   * Trades a refresh token for new tokens (the API's refresh call). A result without `refreshToken` keeps
   * the previous one; one with a new refresh token (rotation) replaces it in the store.
   */
  refresh?: ((refreshToken: string) => Promise<TokenSet>) | undefined;
  /** Gets tokens from credentials the client holds (a password login), when no refresh token is usable. */
  login?: (() => Promise<TokenSet>) | undefined;
  /** Where tokens live. @default a {@link MemoryTokenStore} */
  store?: TokenStore | undefined;
  /** Renew ahead when the access token expires within this many ms. @default 60 000 */
  refreshWindow?: number | undefined;
  /** @default 'Authorization' */
  header?: string | undefined;
  /** @default 'Bearer' */
  scheme?: string | undefined;
  /**
   * Whether a response means "the token was refused" (default: status 401). Read the body, if needed, from
   * `response.clone()`.
   */
  isAuthFailure?: ((response: Response) => boolean | Promise<boolean>) | undefined;
  /** OperationIds sent untouched: the login, refresh and logout endpoints. Anonymous operations always are. */
  skip?: readonly string[] | undefined;
  clock?: Clock | undefined;
}

/** Wait before another early renewal after one failed while the old token was still valid. */
const ADVISORY_COOLDOWN = 5_000;

/**
 * Bearer tokens that renew themselves. The {@link SessionAuth.policy} puts the access token on each request:
 * - ahead of time, when the JWT `exp` falls within `refreshWindow` (an early renewal that fails leaves the
 *   still-valid token in use);
 * - on a 401, by renewing and replaying the request exactly once (the replay's answer is final);
 * - single-flight: however many calls need a new token at once, one renewal runs and they all wait for it;
 *   a 401 for a token that has already been replaced replays with the new one without renewing again.
 * Renewal uses the refresh token, else `login`; a rejected renewal clears the store and throws
 * `AuthenticationError`, so nothing loops. The auth endpoints (`skip`, anonymous operations) pass untouched.
 */
export class SessionAuth {
  readonly policy: Policy;
  readonly #store: TokenStore;
  readonly #options: SessionAuthOptions;
  readonly #clock: Clock;
  readonly #window: number;
  readonly #skip: ReadonlySet<string>;
  #inflight: Promise<TokenSet> | undefined;
  #advisoryAfter = 0;

  constructor(options: SessionAuthOptions = {}) {
    this.#options = options;
    this.#store = options.store ?? new MemoryTokenStore();
    this.#clock = options.clock ?? systemClock;
    this.#window = options.refreshWindow ?? 60_000;
    this.#skip = new Set(options.skip ?? []);
    const header = options.header ?? 'Authorization';
    const scheme = options.scheme ?? 'Bearer';
    const isAuthFailure = options.isAuthFailure ?? ((response: Response) => response.status === 401);
    const authorize = (request: Request, context: CallContext, token: string | undefined) => {
      if (token) setCredential(request, context, header, token, scheme, 'The access token');
    };
    this.policy = (next) => async (request, context) => {
      if (context.anonymous || this.#skip.has(context.operationId)) return next(request, context);
      const signal = callSignal(request, context);
      const tokens = await this.#usable(signal);
      const copies = requestCopies(request, context);
      const first = copies() as Request;
      authorize(first, context, tokens?.accessToken);
      const response = await next(first, context);
      if (!this.#canRenew(tokens) || !(await isAuthFailure(response))) return response;
      const replay = copies();
      if (!replay) return response;
      response.body?.cancel().catch(() => {});
      const renewed = await raceAbort(this.renew(tokens?.accessToken), signal);
      authorize(replay, context, renewed.accessToken);
      return next(replay, context);
    };
  }

  /** The tokens held now (renewed or not). */
  async tokens(): Promise<TokenSet | undefined> {
    return await this.#store.get();
  }

  /** Keeps tokens obtained elsewhere (after the client's own login call). */
  async setTokens(tokens: TokenSet | undefined): Promise<void> {
    await this.#store.set(
      tokens && { ...tokens, expiresAt: tokens.expiresAt ?? jwtExpiresAt(tokens.accessToken) },
    );
  }

  /** Forgets the tokens (logout). */
  async clear(): Promise<void> {
    await this.#store.set(undefined);
  }

  /** An access token fit to send: renewed first when it has expired or is about to. */
  async accessToken(signal?: AbortSignal): Promise<string | undefined> {
    return (await this.#usable(signal))?.accessToken;
  }

  /**
   * Renews the tokens now, single-flight. `stale` is the access token a request was refused with: when the
   * store already holds another one, that one is returned without renewing.
   */
  renew(stale?: string): Promise<TokenSet> {
    this.#inflight ??= this.#renewOnce(stale).finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #usable(signal: AbortSignal | undefined): Promise<TokenSet | undefined> {
    const tokens = await this.#store.get();
    if (!tokens) return this.#options.login ? raceAbort(this.renew(), signal) : undefined;
    const now = this.#clock.now();
    const freshness = tokenFreshness(tokens.expiresAt ?? jwtExpiresAt(tokens.accessToken), now, this.#window);
    if (freshness === 'fresh' || !this.#canRenew(tokens)) return tokens;
    if (freshness === 'expired') return raceAbort(this.renew(tokens.accessToken), signal);
    if (now < this.#advisoryAfter) return tokens;
    try {
      return await raceAbort(this.renew(tokens.accessToken), signal);
    } catch (error) {
      if (classifyError(error) === 'abort') throw error;
      this.#advisoryAfter = now + ADVISORY_COOLDOWN;
      return tokens;
    }
  }

  #canRenew(tokens: TokenSet | undefined): boolean {
    return Boolean(this.#options.login || (this.#options.refresh && tokens?.refreshToken));
  }

  async #renewOnce(stale: string | undefined): Promise<TokenSet> {
    const current = await this.#store.get();
    if (current && stale !== undefined && current.accessToken !== stale) return current;
    const { refresh, login } = this.#options;
    let fresh: TokenSet | undefined;
    let failure: unknown;
    if (current?.refreshToken && refresh) {
      try {
        fresh = await refresh(current.refreshToken);
      } catch (error) {
        failure = error;
      }
    }
    if (!fresh && login && !isTransient(failure)) {
      try {
        fresh = await login();
        failure = undefined;
      } catch (error) {
        failure = error;
      }
    }
    if (!fresh) {
      if (isTransient(failure)) throw failure;
      await this.#store.set(undefined);
      throw renewalError(failure, [current?.refreshToken, current?.accessToken]);
    }
    const next: TokenSet = {
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken ?? current?.refreshToken,
      expiresAt: fresh.expiresAt ?? jwtExpiresAt(fresh.accessToken),
    };
    await this.#store.set(next);
    return next;
  }

  [inspectSymbol](): string {
    return `SessionAuth { store: ${REDACTED} }`;
  }

  toJSON(): object {
    return { store: REDACTED };
  }
}

/** Login-with-refresh auth; pass `session.policy` as the transport's `auth`. */
export function sessionAuth(options: SessionAuthOptions = {}): SessionAuth {
  return new SessionAuth(options);
}

/** The renewal failed for a reason that says nothing about the credentials: the caller sees that error. */
function isTransient(error: unknown): boolean {
  if (error === undefined) return false;
  const status = statusOf(error);
  if (status !== undefined) return status >= 500 || status === 429;
  const kind = classifyError(error);
  return kind !== 'other';
}

/** The HTTP status of an APIError (from this copy of the runtime or another). */
function statusOf(error: unknown): number | undefined {
  return SdkError.is(error) && typeof (error as APIError).status === 'number'
    ? (error as APIError).status
    : undefined;
}

function renewalError(failure: unknown, tokens: (string | undefined)[]): AuthenticationError {
  const api = statusOf(failure) === undefined ? undefined : (failure as APIError);
  const detail =
    failure === undefined
      ? 'no refresh token or login'
      : SdkError.is(failure)
        ? failure.message
        : String(failure);
  const error = new AuthenticationError(
    {
      status: api?.status ?? 401,
      headers: api?.headers ?? new Headers(),
      body: api?.body,
      operationId: api?.operationId,
      // The tokens the renewal used: a refresh call's error may quote them back.
      secrets: tokens.filter((t): t is string => Boolean(t)),
    },
    `The session could not be renewed: ${detail}`,
  );
  Object.defineProperty(error, 'cause', { value: failure, enumerable: false, configurable: true });
  return error;
}
