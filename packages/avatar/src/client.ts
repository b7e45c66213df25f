import {
  type ClientCoreOptions,
  fromFetch,
  type NodeOptions,
  type Policy,
  readEnv,
  type SessionAuth,
  schemeAuth,
  sessionAuth,
  type TokenSet,
  type TokenStore,
} from '@sdkforge/runtime';
import { AuthModeError, CredentialsRequiredError } from './errors.js';
import { AvatarSurface } from './generated/client.gen.js';
import { OPERATION_SECURITY, type OperationId, SECURITY_SCHEMES } from './generated/operations.gen.js';
import type { LoginTokens } from './jobs.js';
import { VERSION } from './version.js';

/** The Octopize SaaS API. */
export const DEFAULT_BASE_URL = 'https://www.octopize.app/api';

/** The client core's options Avatar passes on unchanged, and the Node transport's (`ca` also applies to the storage). */
type PassedOn = Pick<
  ClientCoreOptions,
  'deadline' | 'retry' | 'policies' | 'headers' | 'validateRequests' | 'logLevel' | 'logger' | 'clock'
> &
  Pick<NodeOptions, 'ca' | 'dispatcher' | 'proxy'>;

/** Options of {@link AvatarClient}: where the API and the storage are, how to authenticate, and the shared transport settings. */
export interface AvatarClientOptions extends PassedOn {
  /** API root (`https://instance/api`; a bare host gets `/api`). @default env AVATAR_BASE_URL, else the SaaS */
  baseUrl?: string | undefined;
  /** API key, sent as `Authorization: api-key-v1 <key>`; no refresh. Excludes {@link AvatarClient.authenticate}. */
  apiKey?: string | undefined;
  /** Milliseconds allowed for one attempt (the seed's `timeout`, in ms). @default 60 000 */
  timeout?: number | undefined;
  /** Check TLS certificates (the seed's `should_verify_ssl`), API and storage; `false` for tests only. @default true */
  verifySsl?: boolean | undefined;
  /** Refuse an operation that needs credentials the client lacks ({@link CredentialsRequiredError}, nothing sent). @default true */
  verifyAuth?: boolean | undefined;
  /** Where the bearer tokens of {@link AvatarClient.authenticate} are kept. @default in memory */
  tokenStore?: TokenStore | undefined;
  /** S3-compatible storage endpoint. @default the API root with its trailing `/api` replaced by `/storage` */
  storageUrl?: string | undefined;
  /** Replace the base fetch (tests, custom agents): `(request, init?) => Promise<Response>`. */
  fetch?: ((request: Request, init?: RequestInit) => Promise<Response>) | undefined;
}

/** Bearer tokens obtained by {@link AvatarClient.authenticate}. */
export type AuthTokens = { accessToken: string; refreshToken: string | undefined };

/**
 * The Avatar API client: the Python client's facades (`jobs`, `results`, `apiKeys`, …), generated from the
 * spec. Authenticates with an api key or, on API 2.x servers, `authenticate(username, password)` (bearer
 * tokens renewed once on `credentials expired` or near their JWT `exp`). After `close()`, calls reject.
 */
export class AvatarClient extends AvatarSurface {
  /** S3-compatible storage endpoint used by the upload / download helpers. */
  readonly storageUrl: string;
  /** Whether calls needing credentials are refused when the client has none. */
  readonly verifyAuth: boolean;
  /** Attempt timeout in ms, as given. */
  readonly timeout: number | undefined;
  /** TLS settings shared by the API transport and the storage transfers. */
  readonly tls: { readonly verifySsl: boolean; readonly ca: NodeOptions['ca'] };
  readonly #apiKey: string | undefined;
  readonly #session: SessionAuth | undefined;

  constructor(options: AvatarClientOptions = {}) {
    const { apiKey, tokenStore } = options;
    if (apiKey !== undefined && !apiKey.trim()) throw new TypeError('AvatarClient: apiKey is empty');
    if (apiKey && tokenStore) {
      throw new AuthModeError('AvatarClient: pass either apiKey or tokenStore, not both');
    }
    const baseUrl = normalizeBaseUrl(options.baseUrl ?? readEnv('AVATAR_BASE_URL') ?? DEFAULT_BASE_URL);
    const session = apiKey
      ? undefined
      : sessionAuth({
          store: tokenStore,
          refresh: async (token) => toTokenSet(await this.auth.refresh({ token, retry: false })),
          // The server says `{"detail": {"message": "credentials expired"}}` when a token needs renewing.
          isAuthFailure: async (response) =>
            response.status === 401 && /credentials expired/i.test(await response.clone().text()),
          skip: ['refresh', 'refreshLegacy'], // renewing never carries the (maybe expired) bearer token
          clock: options.clock,
        });
    const verifyAuth = options.verifyAuth ?? true;
    const [scheme, credentials] = session
      ? ['OAuth2PasswordBearer', session.policy]
      : ['ApiKeyAuth', schemeAuth(SECURITY_SCHEMES.ApiKeyAuth, apiKey!)];
    const { ca, verifySsl, proxy, dispatcher } = options;
    super({
      ...options,
      product: 'sdkforge-avatar',
      version: VERSION,
      baseUrl,
      auth: bySecurity(scheme, credentials, verifyAuth, () => this.hasCredentials()),
      fetch: options.fetch && fromFetch(options.fetch),
      node: { ca, verify: verifySsl, proxy, dispatcher },
      logEnv: 'AVATAR_LOG',
    });
    this.#apiKey = apiKey;
    this.#session = session;
    this.verifyAuth = verifyAuth;
    this.storageUrl = (options.storageUrl ?? storageUrlFor(baseUrl)).replace(/\/+$/, '');
    this.tls = { verifySsl: verifySsl ?? true, ca };
    this.timeout = options.timeout;
  }

  /** Which credentials the client sends: `'api-key'` or `'bearer'` (tokens from {@link authenticate}). */
  get authMode(): 'api-key' | 'bearer' {
    return this.#apiKey ? 'api-key' : 'bearer';
  }

  /** True when the client holds an api key or bearer tokens. */
  async hasCredentials(): Promise<boolean> {
    return Boolean(this.#apiKey || (await this.#session?.tokens())?.accessToken);
  }

  /** The bearer tokens from {@link authenticate}, renewed or not (the seed's `auth_tokens`), if any. */
  async authTokens(): Promise<AuthTokens | undefined> {
    const tokens = await this.#session?.tokens();
    return tokens && { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  /** Logs in (`POST /login`, API 2.x): bearer tokens from then on. {@link AuthModeError} with an api key. */
  async authenticate(username: string, password: string, options: { signal?: AbortSignal } = {}) {
    if (!this.#session) {
      throw new AuthModeError(
        'authenticate() cannot be used on a client built with an apiKey: api-key and username/password authentication are mutually exclusive',
      );
    }
    const body = { username, password, grant_type: 'password' } as const;
    const tokens = await this.auth.login(body, { signal: options.signal, retry: false });
    await this.#session.setTokens(toTokenSet(tokens));
  }

  /** Forgets the bearer tokens (the server keeps no session for password logins). */
  async signOut(): Promise<void> {
    await this.#session?.clear();
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, storageUrl: this.storageUrl, authMode: this.authMode };
  }
}

function toTokenSet(tokens: LoginTokens): TokenSet {
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? undefined };
}

/**
 * Credentials (`policy`, of `scheme`) go where the operation's security accepts them; with `verify`, an
 * operation needing credentials the client cannot give fails before anything is sent.
 */
function bySecurity(scheme: string, policy: Policy, verify: boolean, has: () => Promise<boolean>): Policy {
  return (next) => {
    const withCredentials = policy(next);
    return async (request, context) => {
      const requirements = OPERATION_SECURITY[context.operationId as OperationId] ?? [];
      const accepted = requirements.some((r) => scheme in r);
      const needed = requirements.length > 0 && requirements.every((r) => Object.keys(r).length > 0);
      if (verify && needed && !request.headers.has('Authorization') && !(accepted && (await has()))) {
        throw new CredentialsRequiredError(
          context.operationId,
          accepted ? undefined : Object.keys(requirements[0]!),
        );
      }
      return accepted ? withCredentials(request, context) : next(request, context);
    };
  };
}

/** `https://host` → `https://host/api`; any other path is kept (without trailing slashes). */
export function normalizeBaseUrl(raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(`AvatarClient: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '') || '/api';
  return url.toString().replace(/\/+$/, '');
}

/** The storage endpoint of a deployment: its API root with the trailing `/api` replaced by `/storage`. */
export function storageUrlFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/api$/, '')}/storage`;
  return url.toString().replace(/\/+$/, '');
}
