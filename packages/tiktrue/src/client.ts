import {
  ApiClient,
  type CallOptions,
  createSdkTransport,
  type Fetch,
  jwtExpiresAt,
  type Logger,
  type LogLevel,
  type Policy,
  RequestValidationError,
  SdkError,
  type SessionAuth,
  sessionAuth,
  type TokenSet,
  type TokenStore,
  userAgent,
} from '@sdkforge/runtime';
import { assertFingerprint } from './fingerprint.js';
import {
  API_BASE_PATH,
  createResources,
  type GetHealthResult,
  type GetProfileResult,
  type Resources,
} from './generated/resources.gen.js';
import type { components } from './generated/schema.gen.js';
import { ModelsService } from './models.js';
import { LicenseService, PaymentsService } from './services.js';
import { VERSION } from './version.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export const DEFAULT_BASE_URL = 'https://api.tiktrue.com';
/** The access token is renewed this long before its JWT `exp` (the guide's 5 minutes). */
export const REFRESH_WINDOW_MS = 5 * 60_000;

export interface TikTrueClientOptions {
  /** Server root (the SDK adds `/api/v1`). @default process.env.BACKEND_URL ?? 'https://api.tiktrue.com' */
  baseUrl?: string | undefined;
  /** Milliseconds allowed for each attempt of a call (the guide's 30 s). @default 30_000 */
  timeout?: number | undefined;
  /** Retries after the first attempt for connection errors, 408/429/5xx. @default 3 */
  maxRetries?: number | undefined;
  /** Milliseconds for a whole call, retries and backoff included. @default none */
  deadline?: number | undefined;
  /**
   * Where the token pair lives. Give a persistent store (keychain, file) to keep a session across runs:
   * the client writes every rotated refresh token to it. @default in memory
   */
  tokenStore?: TokenStore | undefined;
  /** Log one line per HTTP exchange, credentials redacted. @default process.env.SDKFORGE_LOG, else 'off' */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean | undefined;
  /** Replace the base fetch (tests, proxies). */
  fetch?: Fetch | undefined;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[] | undefined;
  /** Headers sent with every call (a `User-Agent` here replaces the SDK's). */
  headers?: Record<string, string> | undefined;
}

/** Email, password and (optionally) the machine's fingerprint (64 hex characters). */
export interface LoginCredentials {
  email: string;
  password: string;
  hardwareFingerprint?: string | undefined;
}

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
  user: components['schemas']['UserProfile'];
  /** When the access token expires (its JWT `exp`); the client refreshes it 5 minutes before. */
  tokenExpiresAt: Date | undefined;
}

/**
 * A client for the TikTrue backend (`api.tiktrue.com`), the TypeScript counterpart of the guide's
 * `BackendAPIClient`. `client.api.<resource>.<operation>()` reaches every server operation;
 * `client.license`, `client.models` and `client.payments` carry the guide's conveniences.
 *
 * @example
 * await using client = new TikTrueClient({ baseUrl: 'https://api.tiktrue.com' });
 * await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD! });
 * const { available_models } = await client.models.available();
 */
export class TikTrueClient implements AsyncDisposable {
  /** Every operation of the API, grouped by resource (one method per operationId). */
  readonly api: Resources;
  readonly license: LicenseService;
  readonly models: ModelsService;
  readonly payments: PaymentsService;
  /** Server root, e.g. `https://api.tiktrue.com`. */
  readonly baseUrl: string;
  readonly #tokens: MirroredTokenStore;
  readonly #session: SessionAuth;
  #closed = false;

  constructor(options: TikTrueClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? environment('BACKEND_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    if (!/^https?:\/\//i.test(this.baseUrl)) {
      throw new TypeError(`TikTrueClient: baseUrl must be an http(s) URL, got "${this.baseUrl}"`);
    }
    this.#tokens = new MirroredTokenStore(options.tokenStore);
    this.#session = sessionAuth({
      store: this.#tokens,
      refreshWindow: REFRESH_WINDOW_MS,
      // SimpleJWT: `{refresh}` → `{access, refresh}`; the rotated refresh token replaces the stored one.
      refresh: async (refreshToken) => {
        const pair = await this.api.auth.refreshToken({ refresh: refreshToken });
        return { accessToken: pair.access, refreshToken: pair.refresh };
      },
      // Renew and replay only when SimpleJWT refused the token, not on other 401s.
      isAuthFailure: isTokenNotValid,
    });
    const transport = createSdkTransport({
      fetch: options.fetch,
      auth: this.#session.policy,
      policies: [this.#guard, ...(options.policies ?? [])],
      retry: { maxRetries: options.maxRetries ?? 3 },
      timeout: options.timeout ?? 30_000,
      deadline: options.deadline,
      logLevel: options.logLevel,
      logger: options.logger,
    });
    const engine = new ApiClient({
      baseUrl: this.baseUrl,
      basePath: API_BASE_PATH,
      transport,
      headers: { 'User-Agent': userAgent('sdkforge-tiktrue', VERSION), ...options.headers },
      validateRequests: options.validateRequests,
    });
    this.api = createResources(engine);
    this.license = new LicenseService(this.api);
    this.payments = new PaymentsService(this.api);
    this.models = new ModelsService(this.api, { baseUrl: this.baseUrl, transport });
  }

  /** Refuses every call once the client is closed. */
  readonly #guard: Policy = (next) => (request, context) => {
    if (this.#closed)
      return Promise.reject(new SdkError(`${context.operationId}: the TikTrueClient is closed`));
    return next(request, context);
  };

  /**
   * Logs in with email and password and keeps the token pair. With `hardwareFingerprint` the server stores
   * that fingerprint on the account (what `license.validate()` then compares against), so it is checked
   * before sending: 64 hex characters. Wrong credentials are a `ValidationError` ("Invalid credentials").
   */
  async login(credentials: LoginCredentials, options: CallOptions = {}): Promise<Session> {
    assertFingerprint('login', 'body.hardware_fingerprint', credentials.hardwareFingerprint);
    const body: { email: string; password: string; hardware_fingerprint?: string } = {
      email: credentials.email,
      password: credentials.password,
    };
    if (credentials.hardwareFingerprint !== undefined)
      body.hardware_fingerprint = credentials.hardwareFingerprint;
    const response = await this.api.auth.login(body, options);
    await this.#session.setTokens({
      accessToken: response.tokens.access,
      refreshToken: response.tokens.refresh,
    });
    return { message: response.message, user: response.user, tokenExpiresAt: this.tokenExpiresAt };
  }

  /** Creates an account; the server logs it in, so the client keeps the new token pair. */
  async register(registration: Registration, options: CallOptions = {}): Promise<Session> {
    const confirm = registration.passwordConfirm ?? registration.password;
    if (confirm !== registration.password) {
      throw new RequestValidationError('register', [
        { path: 'body.password_confirm', message: 'must equal password' },
      ]);
    }
    const response = await this.api.auth.register(
      {
        email: registration.email,
        username: registration.username,
        password: registration.password,
        password_confirm: confirm,
      },
      options,
    );
    await this.#session.setTokens({
      accessToken: response.tokens.access,
      refreshToken: response.tokens.refresh,
    });
    return { message: response.message, user: response.user, tokenExpiresAt: this.tokenExpiresAt };
  }

  /**
   * Logs out. The server cannot revoke tokens (it only acknowledges, and sending it the refresh token fails),
   * so the client drops its tokens whatever the answer.
   */
  async logout(options: CallOptions = {}): Promise<{ message: string }> {
    if (!(await this.#session.tokens())) return { message: 'Not logged in' };
    try {
      return await this.api.auth.logout(undefined, options);
    } finally {
      await this.#session.clear();
    }
  }

  /** The current user's profile. */
  profile(options: CallOptions = {}): Promise<GetProfileResult> {
    return this.api.auth.getProfile(options);
  }

  /**
   * True while the client holds credentials the server accepts: an unexpired access token, or a refresh
   * token it can trade for one.
   */
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

  /** `GET /health/` (guide: `test_connection`): the server's health report; throws when unreachable. */
  testConnection(options: CallOptions = {}): Promise<GetHealthResult> {
    return this.api.system.getHealth(options);
  }

  /** Refuses further calls. The token store is left as it is (a persistent one keeps the session). */
  async close(): Promise<void> {
    this.#closed = true;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  [inspectSymbol](): string {
    return `TikTrueClient { baseUrl: '${this.baseUrl}', authenticated: ${this.isAuthenticated()}, tokens: [REDACTED] }`;
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, authenticated: this.isAuthenticated() };
  }
}

/**
 * An environment variable where there is a `process` (Node, Bun, Deno); undefined elsewhere, and when reading
 * it is refused (Deno without `--allow-env` throws `NotCapable`): options alone must be enough.
 */
function environment(name: string): string | undefined {
  try {
    return (
      (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
      undefined
    );
  } catch {
    return undefined;
  }
}

/** SimpleJWT's refusal of an access token: 401 with `code: "token_not_valid"`. */
async function isTokenNotValid(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return body?.code === 'token_not_valid';
  } catch {
    return false;
  }
}

/**
 * The client's token store: the user's (or an in-memory one), with the last tokens seen kept at hand so
 * `isAuthenticated()` and `accessToken` can answer synchronously.
 */
class MirroredTokenStore implements TokenStore {
  readonly #inner: TokenStore | undefined;
  current: TokenSet | undefined;
  /** The failure of the first read, reported by the first `get()` (then the store is read afresh). */
  #initialFailure: { error: unknown } | undefined;
  #initialRead: Promise<void> | undefined;

  constructor(inner: TokenStore | undefined) {
    this.#inner = inner;
    let initial: ReturnType<TokenStore['get']> | undefined;
    try {
      initial = inner?.get();
    } catch (error) {
      this.#initialFailure = { error };
      return;
    }
    if (!(initial instanceof Promise)) {
      this.current = initial;
      return;
    }
    // Awaited by the first get(); a rejection is kept for it, not dropped (nor left unhandled meanwhile).
    const read: Promise<void> = initial.then(
      (tokens) => {
        if (this.#initialRead === read) this.current = tokens;
      },
      (error: unknown) => {
        if (this.#initialRead === read) this.#initialFailure = { error };
      },
    );
    this.#initialRead = read;
  }

  async get(): Promise<TokenSet | undefined> {
    if (this.#initialRead) {
      await this.#initialRead;
      this.#initialRead = undefined;
    }
    const failure = this.#initialFailure;
    if (failure) {
      this.#initialFailure = undefined;
      throw storeError('get', failure.error);
    }
    if (!this.#inner) return this.current;
    try {
      this.current = await this.#inner.get();
    } catch (error) {
      throw storeError('get', error);
    }
    return this.current;
  }

  async set(tokens: TokenSet | undefined): Promise<void> {
    this.#initialRead = undefined;
    this.#initialFailure = undefined;
    this.current = tokens;
    await this.#inner?.set(tokens);
  }

  [inspectSymbol](): string {
    return `TokenStore { ${this.current ? 'tokens: [REDACTED]' : 'empty'} }`;
  }

  toJSON(): object {
    return { tokens: this.current ? '[REDACTED]' : undefined };
  }
}

/** A failure of the user's token store, as an SdkError that keeps the original as `cause`. */
function storeError(method: string, error: unknown): SdkError {
  if (SdkError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SdkError(`TikTrueClient: the token store's ${method}() failed: ${message}`, { cause: error });
}

/**
 * Creates a client and checks that the server answers `GET /health/` (guide: `create_api_client`).
 * Throws the typed error (`ConnectionError`, `ServerError`…) when it does not.
 */
export async function createApiClient(options: TikTrueClientOptions = {}): Promise<TikTrueClient> {
  const client = new TikTrueClient(options);
  try {
    await client.testConnection();
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
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
    await client?.close();
  }
}
