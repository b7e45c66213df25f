import {
  ApiClient,
  apiKeyAuth,
  createSdkTransport,
  type Fetch,
  fromFetch,
  type Policy,
  REDACTED,
} from '@sdkforge/runtime';
import { AuthModeError, CredentialsRequiredError } from './errors.js';
import { createResources, type Resources } from './generated/resources.gen.js';
import type { LoginTokens } from './types.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The Octopize SaaS API. */
export const DEFAULT_BASE_URL = 'https://www.octopize.app/api';

export interface AvatarClientOptions {
  /**
   * API root, e.g. `https://instance/api`. A URL without a path gets `/api` appended
   * (`https://instance` → `https://instance/api`).
   * @default process.env.AVATAR_BASE_URL, else 'https://www.octopize.app/api'
   */
  baseUrl?: string;
  /**
   * API key, sent as `Authorization: api-key-v1 <key>`. Keys do not refresh. Mutually exclusive with
   * {@link AvatarClient.authenticate}.
   */
  apiKey?: string;
  /**
   * Refuse to send an operation that needs credentials when the client has none (a
   * {@link CredentialsRequiredError} is thrown and nothing is sent). @default true
   */
  verifyAuth?: boolean;
  /**
   * S3-compatible storage endpoint for datasets and results.
   * @default the API root with its trailing `/api` replaced by `/storage`
   */
  storageUrl?: string;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** Replace the base fetch (tests, proxies, custom agents). */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[];
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
 */
export class AvatarClient {
  /** API root every operation path is appended to (ends in `/api` for standard deployments). */
  readonly baseUrl: string;
  /** S3-compatible storage endpoint used by the upload / download helpers. */
  readonly storageUrl: string;
  /** Whether calls needing credentials are refused when the client has none. */
  readonly verifyAuth: boolean;

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
  #tokens: AuthTokens | undefined;

  constructor(options: AvatarClientOptions = {}) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? env('AVATAR_BASE_URL') ?? DEFAULT_BASE_URL);
    this.storageUrl = (options.storageUrl ?? storageUrlFor(this.baseUrl)).replace(/\/+$/, '');
    this.verifyAuth = options.verifyAuth ?? true;
    if (options.apiKey !== undefined && !options.apiKey.trim()) {
      throw new TypeError('AvatarClient: apiKey is empty');
    }
    this.#apiKey = options.apiKey;

    const auth = this.#apiKey
      ? apiKeyAuth({ key: this.#apiKey, header: 'Authorization', scheme: 'api-key-v1' })
      : apiKeyAuth({ key: () => this.#tokens?.accessToken, header: 'Authorization', scheme: 'Bearer' });
    const transport = createSdkTransport({
      fetch: options.fetch ? fromFetch(options.fetch) : undefined,
      auth: this.verifyAuth ? requireCredentials(() => this.hasCredentials, auth) : auth,
      policies: options.policies,
    });
    const engine = new ApiClient({
      baseUrl: this.baseUrl,
      transport,
      headers: options.headers,
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

  /** True when the client holds an api key or bearer tokens. */
  get hasCredentials(): boolean {
    return Boolean(this.#apiKey || this.#tokens?.accessToken);
  }

  /** Which credentials the client sends: `'api-key'`, `'bearer'` or `'none'`. */
  get authMode(): 'api-key' | 'bearer' | 'none' {
    return this.#apiKey ? 'api-key' : this.#tokens ? 'bearer' : 'none';
  }

  /** The bearer tokens from {@link authenticate} (the seed's `auth_tokens`), if any. */
  get authTokens(): Readonly<AuthTokens> | undefined {
    return this.#tokens ? { ...this.#tokens } : undefined;
  }

  /**
   * Exchanges a username (or e-mail) and password for bearer tokens (`POST /login`, API 2.x) and sends
   * `Authorization: Bearer <token>` from then on. Throws {@link AuthModeError} on a client built with
   * an api key.
   */
  async authenticate(
    username: string,
    password: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    if (this.#apiKey) {
      throw new AuthModeError(
        'authenticate() cannot be used on a client built with an apiKey: api-key and username/password authentication are mutually exclusive',
      );
    }
    const tokens = await this.auth.login(
      { username, password, grant_type: 'password', scope: '' },
      { signal: options.signal, retry: false },
    );
    this.#setTokens(tokens);
  }

  #setTokens(tokens: LoginTokens): void {
    this.#tokens = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? this.#tokens?.refreshToken,
    };
  }

  [inspectSymbol](): string {
    const credentials = this.#apiKey
      ? `apiKey: ${REDACTED}`
      : this.#tokens
        ? `tokens: ${REDACTED}`
        : 'no credentials';
    return `AvatarClient { baseUrl: '${this.baseUrl}', storageUrl: '${this.storageUrl}', ${credentials} }`;
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, storageUrl: this.storageUrl, authMode: this.authMode };
  }
}

/** Wraps the auth policy: an operation that needs credentials fails before sending when there are none. */
function requireCredentials(has: () => boolean, auth: Policy): Policy {
  return (next) => {
    const inner = auth(next);
    return (request, context) => {
      if (!context.anonymous && !has() && !request.headers.has('Authorization')) {
        throw new CredentialsRequiredError(context.operationId);
      }
      return inner(request, context);
    };
  };
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
