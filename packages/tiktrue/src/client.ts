import {
  type CallOptions,
  type ClientCoreOptions,
  jwtExpiresAt,
  RequestValidationError,
  readEnv,
  SdkError,
  type SessionAuth,
  sessionAuth,
  type TokenSet,
  type TokenStore,
} from '@sdkforge/runtime';
import { assertFingerprint } from './fingerprint.js';
import { TiktrueSurface } from './generated/client.gen.js';
import type { UserProfile } from './generated/models.gen.js';
import {
  API_BASE_PATH,
  type GetHealthResult,
  type GetProfileResult,
  type LoginResult,
  OPERATIONS,
  type RefreshTokenResult,
  type RegisterResult,
} from './generated/operations.gen.js';
import { PaymentsOperations } from './generated/services.gen.js';
import { ModelsService } from './models.js';
import { VERSION } from './version.js';

/** The TikTrue server used when neither `baseUrl` nor `BACKEND_URL` is given. */
export const DEFAULT_BASE_URL = 'https://api.tiktrue.com';
/** The access token is renewed this long before its JWT `exp` (the guide's 5 minutes). */
export const REFRESH_WINDOW_MS = 5 * 60_000;

/** The client's options; the shared ones (`fetch`, `node`, `policies`, logging…) are the runtime's `ClientCoreOptions`. */
export interface TikTrueClientOptions
  extends Pick<
    ClientCoreOptions,
    'deadline' | 'fetch' | 'node' | 'policies' | 'headers' | 'validateRequests' | 'logLevel' | 'logger'
  > {
  /** Server root (the SDK adds `/api/v1`). @default process.env.BACKEND_URL ?? 'https://api.tiktrue.com' */
  baseUrl?: string | undefined;
  /** Milliseconds allowed for each attempt of a call (the guide's 30 s). @default 30_000 */
  timeout?: number | undefined;
  /** Retries after the first attempt for connection errors, 408/429/5xx. @default 3 */
  maxRetries?: number | undefined;
  /** Where the token pair lives (every rotated refresh token is written to it); persistent stores keep sessions across runs. @default in memory */
  tokenStore?: TokenStore | undefined;
}

/** Email, password and (optionally) the machine's fingerprint (64 hex characters). */
export interface LoginCredentials {
  email: string;
  password: string;
  hardwareFingerprint?: string | undefined;
}

/** A new account: email, user name and password (the confirmation defaults to the password). */
export interface Registration {
  email: string;
  username: string;
  password: string;
  /** Must equal `password`. @default password */
  passwordConfirm?: string | undefined;
}

/** What `login()` and `register()` resolve with. The tokens stay inside the client. */
export interface Session {
  message: string;
  user: UserProfile;
  /** When the access token expires (its JWT `exp`); the client refreshes it 5 minutes before. */
  tokenExpiresAt: Date | undefined;
}

/**
 * Payments and subscriptions. `create()` also takes the camelCase `{ pricingPlan, paymentMethod }` of
 * earlier releases (the spec's `x-fern-property-name`); the other methods are the generated ones.
 */
export class PaymentsService extends PaymentsOperations {
  override create(
    body: Parameters<PaymentsOperations['create']>[0] | { pricingPlan: string; paymentMethod: string },
    options?: CallOptions,
  ): ReturnType<PaymentsOperations['create']> {
    const wire =
      'pricingPlan' in body ? { pricing_plan: body.pricingPlan, payment_method: body.paymentMethod } : body;
    return super.create(wire, options);
  }
}

/**
 * A client for the TikTrue backend (`api.tiktrue.com`), the TypeScript counterpart of the guide's
 * `BackendAPIClient`: `license`, `models`, `downloads` and `payments` (generated from the spec), the auth
 * flows (login, register, refresh 5 minutes before the JWT `exp`, logout) and `models.download()`.
 *
 * @example
 * const client = new TikTrueClient({ baseUrl: 'https://api.tiktrue.com' });
 * try {
 *   await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });
 *   const { available_models } = await client.models.available();
 * } finally {
 *   await client.close();
 * }
 */
export class TikTrueClient extends TiktrueSurface {
  readonly #tokens: MirroredTokenStore;
  readonly #session: SessionAuth;
  #models: ModelsService | undefined;
  #payments: PaymentsService | undefined;

  constructor(options: TikTrueClientOptions = {}) {
    const tokens = new MirroredTokenStore(options.tokenStore);
    const session = sessionAuth({
      store: tokens,
      refreshWindow: REFRESH_WINDOW_MS,
      // SimpleJWT: `{refresh}` → `{access, refresh}`; the rotated refresh token replaces the stored one.
      refresh: async (refreshToken) => {
        const pair = await this.call<RefreshTokenResult>(OPERATIONS.refreshToken, {
          body: { refresh: refreshToken },
        });
        return { accessToken: pair.access, refreshToken: pair.refresh };
      },
      // Renew and replay only when SimpleJWT refused the token, not on other 401s.
      isAuthFailure: isTokenNotValid,
    });
    super({
      ...options, // the shared options (fetch, node, policies, headers, logging, deadline…) keep their names
      product: 'sdkforge-tiktrue',
      version: VERSION,
      name: 'TikTrueClient',
      baseUrl: options.baseUrl ?? readEnv('BACKEND_URL') ?? DEFAULT_BASE_URL,
      basePath: API_BASE_PATH,
      operations: OPERATIONS,
      auth: session.policy,
      retry: { maxRetries: options.maxRetries ?? 3 },
      timeout: options.timeout ?? 30_000,
    });
    this.#tokens = tokens;
    this.#session = session;
  }

  /** The model catalogue, access checks and downloads, with `download()` and `downloadFile()`. */
  override get models(): ModelsService {
    this.#models ??= new ModelsService(this, {});
    return this.#models;
  }

  override get payments(): PaymentsService {
    this.#payments ??= new PaymentsService(this, {});
    return this.#payments;
  }

  /**
   * Logs in with email and password and keeps the token pair. With `hardwareFingerprint` the server stores
   * that fingerprint on the account (what `license.validate()` then compares against), so it is checked
   * before sending: 64 hex characters. Wrong credentials are a `ValidationError` ("Invalid credentials").
   */
  async login(credentials: LoginCredentials, options?: CallOptions): Promise<Session> {
    const { email, password, hardwareFingerprint } = credentials;
    assertFingerprint(hardwareFingerprint);
    const body =
      hardwareFingerprint === undefined
        ? { email, password }
        : { email, password, hardware_fingerprint: hardwareFingerprint };
    return this.#start(await this.call<LoginResult>(OPERATIONS.login, { body }, options));
  }

  /** Creates an account; the server logs it in, so the client keeps the new token pair. */
  async register(registration: Registration, options?: CallOptions): Promise<Session> {
    const { email, username, password } = registration;
    const confirm = registration.passwordConfirm ?? password;
    if (confirm !== password) {
      throw new RequestValidationError('register', [
        { path: 'body.password_confirm', message: 'must equal password' },
      ]);
    }
    const body = { email, username, password, password_confirm: confirm };
    return this.#start(await this.call<RegisterResult>(OPERATIONS.register, { body }, options));
  }

  async #start(response: LoginResult | RegisterResult): Promise<Session> {
    await this.#session.setTokens({
      accessToken: response.tokens.access,
      refreshToken: response.tokens.refresh,
    });
    return { message: response.message, user: response.user, tokenExpiresAt: this.tokenExpiresAt };
  }

  /** Logs out: the server cannot revoke tokens (it only acknowledges), so the client drops them whatever the answer. */
  async logout(options?: CallOptions): Promise<{ message: string }> {
    if (!(await this.#session.tokens())) return { message: 'Not logged in' };
    try {
      return await this.call<{ message: string }>(OPERATIONS.logout, {}, options);
    } finally {
      await this.#session.clear();
    }
  }

  /** The current user's profile. */
  profile(options?: CallOptions): Promise<GetProfileResult> {
    return this.call(OPERATIONS.getProfile, {}, options);
  }

  /** `GET /health/` (guide: `test_connection`): the server's health report; throws when unreachable. */
  testConnection(options?: CallOptions): Promise<GetHealthResult> {
    return this.call(OPERATIONS.getHealth, {}, options);
  }

  /** True while the client holds an unexpired access token, or a refresh token it can trade for one. */
  isAuthenticated(): boolean {
    const tokens = this.#tokens.current;
    if (!tokens) return false;
    const now = Date.now();
    const access = tokens.expiresAt ?? jwtExpiresAt(tokens.accessToken);
    const refresh = jwtExpiresAt(tokens.refreshToken);
    return (access !== undefined && access > now) || (refresh !== undefined && refresh > now);
  }

  /** The access token (a JWT), or undefined when logged out. Treat it as a secret. */
  get accessToken(): string | undefined {
    return this.#tokens.current?.accessToken;
  }

  /** When the access token expires (its JWT `exp` claim). */
  get tokenExpiresAt(): Date | undefined {
    const tokens = this.#tokens.current;
    const exp = tokens && (tokens.expiresAt ?? jwtExpiresAt(tokens.accessToken));
    return exp === undefined ? undefined : new Date(exp);
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, authenticated: this.isAuthenticated() };
  }
}

/** SimpleJWT's refusal of an access token: 401 with `code: "token_not_valid"`. */
async function isTokenNotValid(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  return body?.code === 'token_not_valid';
}

/**
 * The client's token store: the user's (or an in-memory one), with the last tokens seen kept at hand so
 * `isAuthenticated()` and `accessToken` can answer synchronously. The first read happens at construction;
 * when it fails (an async store that rejects), the first `get()` reports that error rather than dropping it.
 */
class MirroredTokenStore implements TokenStore {
  readonly #inner: TokenStore | undefined;
  #first: Promise<TokenSet | undefined> | undefined;
  current: TokenSet | undefined;

  constructor(inner: TokenStore | undefined) {
    this.#inner = inner;
    try {
      const initial = inner?.get();
      if (initial instanceof Promise) this.#first = initial;
      else this.current = initial;
    } catch (error) {
      this.#first = Promise.reject(error);
    }
    const first = this.#first; // awaited by the first get(), which reports its failure; never unhandled
    first?.then(
      (tokens) => {
        if (this.#first === first) this.current = tokens;
      },
      () => {},
    );
  }

  async get(): Promise<TokenSet | undefined> {
    const first = this.#first;
    this.#first = undefined;
    if (!first && !this.#inner) return this.current;
    try {
      this.current = await (first ?? this.#inner?.get());
    } catch (error) {
      if (SdkError.is(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SdkError(`TikTrueClient: reading the token store failed: ${reason}`, { cause: error });
    }
    return this.current;
  }

  async set(tokens: TokenSet | undefined): Promise<void> {
    this.#first = undefined;
    this.current = tokens;
    await this.#inner?.set(tokens);
  }
}

/**
 * Creates a client and checks that the server answers `GET /health/` (guide: `create_api_client`).
 * Throws the typed error (`ConnectionError`, `ServerError`…) when it does not.
 */
export async function createApiClient(options: TikTrueClientOptions = {}): Promise<TikTrueClient> {
  const client = new TikTrueClient(options);
  await client.testConnection().catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  return client;
}

/** True when the server at `baseUrl` answers `GET /health/` with 200 (guide: `test_backend_connection`). Never throws. */
export async function testBackendConnection(
  baseUrl?: string,
  options: Omit<TikTrueClientOptions, 'baseUrl'> = {},
): Promise<boolean> {
  let client: TikTrueClient | undefined;
  try {
    client = new TikTrueClient({ maxRetries: 0, ...options, baseUrl });
    await client.testConnection();
    return true;
  } catch {
    return false;
  } finally {
    await client?.close().catch(() => {});
  }
}
