import {
  ApiClient,
  apiKeyAuth,
  type CallOptions,
  createSdkTransport,
  type Fetch,
  type Policy,
  RequestValidationError,
  SdkError,
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

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export const DEFAULT_BASE_URL = 'https://api.tiktrue.com';

export interface TikTrueClientOptions {
  /** Server root (the SDK adds `/api/v1`). @default process.env.BACKEND_URL ?? 'https://api.tiktrue.com' */
  baseUrl?: string;
  /** Milliseconds allowed for each attempt of a call (the guide's 30 s). @default 30_000 */
  timeout?: number;
  /** Retries after the first attempt for connection errors, 408/429/5xx. @default 3 */
  maxRetries?: number;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean;
  /** Replace the base fetch (tests, proxies). */
  fetch?: Fetch;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[];
}

/** Email, password and (optionally) the machine's fingerprint (64 hex characters). */
export interface LoginCredentials {
  email: string;
  password: string;
  hardwareFingerprint?: string;
}

export interface Registration {
  email: string;
  username: string;
  password: string;
  /** Must equal `password`. @default password */
  passwordConfirm?: string;
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
  readonly #tokens: { access?: string; refresh?: string } = {};
  #closed = false;

  constructor(options: TikTrueClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? process.env.BACKEND_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    if (!/^https?:\/\//i.test(this.baseUrl)) {
      throw new TypeError(`TikTrueClient: baseUrl must be an http(s) URL, got "${this.baseUrl}"`);
    }
    const transport = createSdkTransport({
      fetch: options.fetch,
      auth: apiKeyAuth({ key: () => this.#tokens.access, header: 'Authorization', scheme: 'Bearer' }),
      policies: [this.#guard, ...(options.policies ?? [])],
    });
    const engine = new ApiClient({
      baseUrl: this.baseUrl,
      basePath: API_BASE_PATH,
      transport,
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
    this.#tokens.access = response.tokens.access;
    this.#tokens.refresh = response.tokens.refresh;
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
    this.#tokens.access = response.tokens.access;
    this.#tokens.refresh = response.tokens.refresh;
    return { message: response.message, user: response.user, tokenExpiresAt: this.tokenExpiresAt };
  }

  /**
   * Logs out. The server cannot revoke tokens (it only acknowledges, and sending it the refresh token fails),
   * so the client drops its tokens whatever the answer.
   */
  async logout(options: CallOptions = {}): Promise<{ message: string }> {
    if (!this.#tokens.access && !this.#tokens.refresh) return { message: 'Not logged in' };
    try {
      return await this.api.auth.logout(undefined, options);
    } finally {
      this.#tokens.access = undefined;
      this.#tokens.refresh = undefined;
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
    const now = Date.now() / 1000;
    const access = jwtExp(this.#tokens.access);
    const refresh = jwtExp(this.#tokens.refresh);
    return (access !== undefined && access > now) || (refresh !== undefined && refresh > now);
  }

  /** The access token (a JWT), or undefined when logged out. Treat it as a secret. */
  get accessToken(): string | undefined {
    return this.#tokens.access;
  }

  /** When the access token expires (its JWT `exp` claim). */
  get tokenExpiresAt(): Date | undefined {
    const exp = jwtExp(this.#tokens.access);
    return exp === undefined ? undefined : new Date(exp * 1000);
  }

  /** `GET /health/` (guide: `test_connection`): the server's health report; throws when unreachable. */
  testConnection(options: CallOptions = {}): Promise<GetHealthResult> {
    return this.api.system.getHealth(options);
  }

  /** Refuses further calls. Tokens are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#tokens.access = undefined;
    this.#tokens.refresh = undefined;
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

/** The `exp` claim (seconds since the epoch) of a JWT, without checking its signature. */
function jwtExp(token: string | undefined): number | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    return undefined;
  }
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
