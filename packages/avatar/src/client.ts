import {
  ApiClient,
  apiKeyAuth,
  type Clock,
  createSdkTransport,
  type Fetch,
  fromFetch,
  type Logger,
  type LogLevel,
  type Policy,
  REDACTED,
  type RetryOptions,
  type SessionAuth,
  sessionAuth,
  type TokenSet,
  type TokenStore,
  userAgent,
} from '@sdkforge/runtime';
import type { NodeTransport, NodeTransportOptions } from '@sdkforge/runtime/node';
import { AuthModeError, CredentialsRequiredError } from './errors.js';
import { createResources, type Resources } from './generated/resources.gen.js';
import type { LoginTokens } from './types.js';
import { VERSION } from './version.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The Octopize SaaS API. */
export const DEFAULT_BASE_URL = 'https://www.octopize.app/api';

/** Operations that carry no bearer token of the session (they obtain it). */
const SESSION_ENDPOINTS = ['login', 'refresh', 'refreshLegacy'];

export interface AvatarClientOptions {
  /**
   * API root, e.g. `https://instance/api`. A URL without a path gets `/api` appended
   * (`https://instance` → `https://instance/api`).
   * @default process.env.AVATAR_BASE_URL, else 'https://www.octopize.app/api'
   */
  baseUrl?: string | undefined;
  /**
   * API key, sent as `Authorization: api-key-v1 <key>`. Keys do not refresh. Mutually exclusive with
   * {@link AvatarClient.authenticate}.
   */
  apiKey?: string | undefined;
  /** Milliseconds allowed for one attempt of a call (the seed's `timeout`, in ms). @default 60 000 */
  timeout?: number | undefined;
  /**
   * Check TLS certificates (the seed's `should_verify_ssl`); `false` is for test set-ups only. Applies to
   * the API and to the storage. @default true
   */
  verifySsl?: boolean | undefined;
  /** Extra certificate authorities to trust (PEM), for the API and the storage (a private PKI, a TLS proxy). */
  ca?: string | Buffer | readonly (string | Buffer)[] | undefined;
  /** Milliseconds allowed for a whole call, retries and waits included. @default none */
  deadline?: number | undefined;
  /**
   * Retries of failed attempts: idempotent calls (GET, PUT, DELETE) on connection errors, 408, 429
   * (after `Retry-After`) and 5xx; a POST only with an `idempotencyKey`. `false` turns them off.
   * @default 2 retries, 0.5 s base backoff, 8 s cap
   */
  retry?: RetryOptions | false | undefined;
  /**
   * Refuse to send an operation that needs credentials when the client has none (a
   * {@link CredentialsRequiredError} is thrown and nothing is sent). @default true
   */
  verifyAuth?: boolean | undefined;
  /** Where the bearer tokens of {@link AvatarClient.authenticate} are kept. @default in memory */
  tokenStore?: TokenStore | undefined;
  /**
   * S3-compatible storage endpoint for datasets and results.
   * @default the API root with its trailing `/api` replaced by `/storage`
   */
  storageUrl?: string | undefined;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean | undefined;
  /** Headers sent with every call (a `User-Agent` here replaces the SDK's). */
  headers?: Record<string, string> | undefined;
  /** Replace the base fetch (tests, custom agents): `(request, init?) => Promise<Response>`. */
  fetch?: ((request: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Node: your own undici dispatcher (pool, proxy and TLS options are then yours to set). */
  dispatcher?: NodeTransportOptions['dispatcher'];
  /** Node: send the API calls through this proxy (`http://`, `https://`, `socks5://`). */
  proxy?: string | URL | undefined;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[] | undefined;
  /** Request log level. @default process.env.SDKFORGE_LOG, else 'off' */
  logLevel?: LogLevel | undefined;
  /** Where log lines go (credentials are redacted). @default console */
  logger?: Logger | undefined;
  /** Time source of the transport's timers (tests). */
  clock?: Clock | undefined;
}

/** Bearer tokens obtained by {@link AvatarClient.authenticate}. */
export interface AuthTokens {
  accessToken: string;
  refreshToken: string | undefined;
}

/**
 * The low-level client of the Avatar API: one facade per resource (`jobs`, `results`, `resources`,
 * `users`, `apiKeys`, `auth`, `health`, `compatibility`, `eventLogs`, `openapi`, `datasets`), one method
 * per operation, typed from the API's schema.
 *
 * Authenticates with an api key (`new AvatarClient({ apiKey })`) or with a username and password
 * (`await client.authenticate(username, password)`, API 2.x servers); the two are mutually exclusive.
 * Bearer tokens are renewed lazily: when the server answers 401 `credentials expired`, or when the
 * access token's JWT `exp` is near, the refresh token is traded for new tokens once and the call replayed.
 */
export class AvatarClient {
  /** API root every operation path is appended to (ends in `/api` for standard deployments). */
  readonly baseUrl: string;
  /** S3-compatible storage endpoint used by the upload / download helpers. */
  readonly storageUrl: string;
  /** Whether calls needing credentials are refused when the client has none. */
  readonly verifyAuth: boolean;
  /** Attempt timeout in ms. */
  readonly timeout: number | undefined;
  /** TLS settings shared by the API transport and the storage transfers. */
  readonly tls: { readonly verifySsl: boolean; readonly ca: AvatarClientOptions['ca'] };

  readonly auth: Resources['auth'];
  readonly apiKeys: Resources['apiKeys'];
  readonly compatibility: Resources['compatibility'];
  readonly eventLogs: Resources['eventLogs'];
  readonly health: Resources['health'];
  readonly openapi: Resources['openapi'];
  readonly datasets: Resources['datasets'];
  readonly jobs: Resources['jobs'];
  readonly resources: Resources['resources'];
  readonly results: Resources['results'];
  readonly users: Resources['users'];

  readonly #apiKey: string | undefined;
  readonly #session: SessionAuth | undefined;
  #node: Promise<NodeTransport> | undefined;

  constructor(options: AvatarClientOptions = {}) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? env('AVATAR_BASE_URL') ?? DEFAULT_BASE_URL);
    this.storageUrl = (options.storageUrl ?? storageUrlFor(this.baseUrl)).replace(/\/+$/, '');
    this.verifyAuth = options.verifyAuth ?? true;
    this.timeout = options.timeout;
    this.tls = { verifySsl: options.verifySsl ?? true, ca: options.ca };
    if (options.apiKey !== undefined && !options.apiKey.trim()) {
      throw new TypeError('AvatarClient: apiKey is empty');
    }
    if (options.apiKey && options.tokenStore) {
      throw new AuthModeError('AvatarClient: pass either apiKey or tokenStore, not both');
    }
    this.#apiKey = options.apiKey;
    this.#session = this.#apiKey
      ? undefined
      : sessionAuth({
          store: options.tokenStore,
          refresh: async (refreshToken) =>
            toTokenSet(await this.auth.refresh({ token: refreshToken, retry: false })),
          // The server says `{"detail": {"message": "credentials expired"}}` when a token needs renewing.
          isAuthFailure: async (response) =>
            response.status === 401 && /credentials expired/i.test(await response.clone().text()),
          skip: SESSION_ENDPOINTS,
          clock: options.clock,
        });
    const auth = this.#apiKey
      ? apiKeyAuth({ key: this.#apiKey, header: 'Authorization', scheme: 'api-key-v1' })
      : this.#session!.policy;
    const policies = [...(options.policies ?? [])];
    if (this.verifyAuth) policies.unshift(requireCredentials(() => this.#hasCredentials()));
    const transport = createSdkTransport({
      fetch: this.#baseFetch(options),
      auth,
      policies,
      retry: options.retry,
      timeout: options.timeout,
      deadline: options.deadline,
      logLevel: options.logLevel,
      logger: options.logger,
      logEnv: 'AVATAR_LOG',
      clock: options.clock,
    });
    const engine = new ApiClient({
      baseUrl: this.baseUrl,
      transport,
      headers: { 'User-Agent': userAgent('sdkforge-avatar', VERSION), ...options.headers },
      validateRequests: options.validateRequests,
    });
    const r = createResources(engine);
    this.auth = r.auth;
    this.apiKeys = r.apiKeys;
    this.compatibility = r.compatibility;
    this.eventLogs = r.eventLogs;
    this.health = r.health;
    this.openapi = r.openapi;
    this.datasets = r.datasets;
    this.jobs = r.jobs;
    this.resources = r.resources;
    this.results = r.results;
    this.users = r.users;
  }

  /**
   * The base fetch: the caller's, else on Node the runtime's undici transport (keep-alive pool, TLS
   * options, proxy; loaded on first use so other runtimes never import it), else the platform's fetch.
   */
  #baseFetch(options: AvatarClientOptions): Fetch | undefined {
    if (options.fetch) return fromFetch(options.fetch);
    const nodeOptions: NodeTransportOptions = {
      ca: options.ca,
      verify: options.verifySsl,
      dispatcher: options.dispatcher,
      proxy: options.proxy,
      timeout: options.timeout,
    };
    if (!isNode()) {
      if (options.ca || options.verifySsl === false || options.dispatcher || options.proxy) {
        throw new TypeError(
          'AvatarClient: ca, verifySsl, dispatcher and proxy need Node; pass `fetch` instead',
        );
      }
      return undefined;
    }
    return async (request, context) => {
      this.#node ??= import('@sdkforge/runtime/node').then((m) => m.nodeTransport(nodeOptions));
      return (await this.#node)(request, context);
    };
  }

  /** Closes the client's idle keep-alive connections (Node). Calls made afterwards open new ones. */
  async close(): Promise<void> {
    const node = this.#node;
    this.#node = undefined;
    if (node) await (await node).close();
  }

  /** Which credentials the client sends: `'api-key'` or `'bearer'` (tokens from {@link authenticate}). */
  get authMode(): 'api-key' | 'bearer' {
    return this.#apiKey ? 'api-key' : 'bearer';
  }

  /** True when the client holds an api key or bearer tokens. */
  async hasCredentials(): Promise<boolean> {
    return this.#hasCredentials();
  }

  /** The bearer tokens from {@link authenticate}, renewed or not (the seed's `auth_tokens`), if any. */
  async authTokens(): Promise<AuthTokens | undefined> {
    const tokens = await this.#session?.tokens();
    return tokens && { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  /**
   * Exchanges a username (or e-mail) and password for bearer tokens (`POST /login`, API 2.x) and sends
   * `Authorization: Bearer <token>` from then on, renewing it with the refresh token when it expires.
   * Throws {@link AuthModeError} on a client built with an api key.
   */
  async authenticate(
    username: string,
    password: string,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<void> {
    if (!this.#session) {
      throw new AuthModeError(
        'authenticate() cannot be used on a client built with an apiKey: api-key and username/password authentication are mutually exclusive',
      );
    }
    const tokens = await this.auth.login(
      { username, password, grant_type: 'password' },
      { signal: options.signal, retry: false },
    );
    await this.#session.setTokens(toTokenSet(tokens));
  }

  /** Forgets the bearer tokens (the server keeps no session for password logins). */
  async signOut(): Promise<void> {
    await this.#session?.clear();
  }

  async #hasCredentials(): Promise<boolean> {
    return Boolean(this.#apiKey || (await this.#session?.tokens())?.accessToken);
  }

  [inspectSymbol](): string {
    const credentials = this.#apiKey ? `apiKey: ${REDACTED}` : 'session: bearer';
    return `AvatarClient { baseUrl: '${this.baseUrl}', storageUrl: '${this.storageUrl}', ${credentials} }`;
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, storageUrl: this.storageUrl, authMode: this.authMode };
  }
}

function toTokenSet(tokens: LoginTokens): TokenSet {
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? undefined };
}

/** Outermost policy: an operation that needs credentials fails before anything is sent when there are none. */
function requireCredentials(has: () => Promise<boolean>): Policy {
  return (next) => async (request, context) => {
    if (!context.anonymous && !request.headers.has('Authorization') && !(await has())) {
      throw new CredentialsRequiredError(context.operationId);
    }
    return next(request, context);
  };
}

function isNode(): boolean {
  return (
    typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string'
  );
}

function env(name: string): string | undefined {
  return (
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
    undefined
  );
}

/** `https://host` → `https://host/api`; any other path is kept (without trailing slashes). */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`AvatarClient: baseUrl is not an absolute URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`AvatarClient: baseUrl must be http(s), got ${url.protocol}`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path === '' ? '/api' : path;
  return url.toString().replace(/\/+$/, '');
}

/** The storage endpoint of a deployment: its API root with the trailing `/api` replaced by `/storage`. */
export function storageUrlFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/api$/, '') + '/storage';
  return url.toString().replace(/\/+$/, '');
}

export type { Fetch };
