import { ConfigurationError, DEFAULT_RETRY, readEnv } from '@sdkforge/runtime';

/** The Valentina server used when neither `baseUrl` nor `VALENTINA_CLIENT_BASE_URL` is given. */
export const DEFAULT_BASE_URL = 'https://api.valentina-noir.com';

/** Environment variables read when an option is not given (the Python client's names). */
export const ENV = {
  baseUrl: 'VALENTINA_CLIENT_BASE_URL',
  apiKey: 'VALENTINA_CLIENT_API_KEY',
  defaultCompanyId: 'VALENTINA_CLIENT_DEFAULT_COMPANY_ID',
} as const;

/** The client's settings, as the Python client's `APIConfig` holds them (durations in milliseconds). */
export interface APIConfig {
  /** Server root; the SDK adds `/api/v1`. @default env VALENTINA_CLIENT_BASE_URL, else 'https://api.valentina-noir.com' */
  baseUrl?: string | undefined;
  /** Developer API key, sent as `X-API-KEY`. @default env VALENTINA_CLIENT_API_KEY */
  apiKey?: string | undefined;
  /** Milliseconds allowed for each attempt. @default 30_000 */
  timeout?: number | undefined;
  /** Retries after the first attempt (429, 5xx, network errors). @default 3 */
  maxRetries?: number | undefined;
  /** Base delay in milliseconds of the exponential backoff. @default 1_000 */
  retryDelay?: number | undefined;
  /** Retry 429 responses after the wait the server asks for. `false` stops only the 429 retries. @default true */
  autoRetryRateLimit?: boolean | undefined;
  /** Send a fresh `Idempotency-Key` (UUID v4) with every POST/PUT/PATCH, reused on its retries. @default false */
  autoIdempotencyKeys?: boolean | undefined;
  /** Company used by company-scoped services when none is given. @default env VALENTINA_CLIENT_DEFAULT_COMPANY_ID */
  defaultCompanyId?: string | undefined;
  /** Headers sent with every request (they cannot replace `X-API-KEY`). */
  headers?: Record<string, string> | undefined;
  /** Upper bound in milliseconds of one backoff wait (a server-requested wait may be longer). @default 8_000 */
  maxRetryDelay?: number | undefined;
  /**
   * Longest wait in milliseconds a 429 or 503 may ask for (`RateLimit` t=, `Retry-After`) and still be
   * retried; a longer one ends the call with `RateLimitError.retryAfter`. @default 60_000
   */
  maxRetryAfter?: number | undefined;
  /** Milliseconds for a whole call, every attempt and wait included. @default none */
  deadline?: number | undefined;
  /** Response statuses worth another attempt. @default [408, 429, 500, 502, 503, 504] */
  retryStatuses?: readonly number[] | undefined;
}

/** The settings in force, with every default applied (the API key is kept out of it). */
export interface ResolvedConfig {
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly retryDelay: number;
  readonly autoRetryRateLimit: boolean;
  readonly autoIdempotencyKeys: boolean;
  readonly defaultCompanyId: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly maxRetryDelay: number;
  readonly maxRetryAfter: number;
  readonly deadline: number | undefined;
  readonly retryStatuses: readonly number[];
}

/** The client settings used when neither the options, the `config` nor the environment give one. */
export const DEFAULTS = {
  timeout: 30_000,
  maxRetries: 3,
  retryDelay: 1_000,
  autoRetryRateLimit: true,
  autoIdempotencyKeys: false,
  maxRetryDelay: DEFAULT_RETRY.maxDelay,
  maxRetryAfter: DEFAULT_RETRY.maxRetryAfter,
  retryStatuses: DEFAULT_RETRY.statuses,
} as const;

/**
 * Merges explicit options over `config` over the environment over the defaults.
 * Empty strings count as "not given", as in the Python client.
 */
export function resolveConfig(
  options: APIConfig,
  config: APIConfig = {},
): { config: ResolvedConfig; apiKey: string } {
  const pick = <K extends keyof APIConfig>(key: K): APIConfig[K] => {
    const own = options[key];
    if (own !== undefined && own !== '') return own;
    const fromConfig = config[key];
    return fromConfig !== '' ? fromConfig : undefined;
  };
  const apiKey = pick('apiKey') ?? readEnv(ENV.apiKey);
  if (!apiKey) {
    throw new ConfigurationError(
      `ValentinaClient needs an apiKey (option or the ${ENV.apiKey} environment variable)`,
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...config.headers, ...options.headers })) {
    if (name.toLowerCase() !== 'x-api-key') headers[name] = value;
  }
  const resolved: ResolvedConfig = {
    baseUrl: (pick('baseUrl') ?? readEnv(ENV.baseUrl) ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeout: nonNegative('timeout', pick('timeout') ?? DEFAULTS.timeout),
    maxRetries: nonNegative('maxRetries', pick('maxRetries') ?? DEFAULTS.maxRetries),
    retryDelay: nonNegative('retryDelay', pick('retryDelay') ?? DEFAULTS.retryDelay),
    autoRetryRateLimit: pick('autoRetryRateLimit') ?? DEFAULTS.autoRetryRateLimit,
    autoIdempotencyKeys: pick('autoIdempotencyKeys') ?? DEFAULTS.autoIdempotencyKeys,
    defaultCompanyId: pick('defaultCompanyId') ?? readEnv(ENV.defaultCompanyId),
    headers: Object.freeze(headers),
    maxRetryDelay: nonNegative('maxRetryDelay', pick('maxRetryDelay') ?? DEFAULTS.maxRetryDelay),
    maxRetryAfter: nonNegative('maxRetryAfter', pick('maxRetryAfter') ?? DEFAULTS.maxRetryAfter),
    deadline: optionalNonNegative('deadline', pick('deadline')),
    retryStatuses: Object.freeze([...(pick('retryStatuses') ?? DEFAULTS.retryStatuses)]),
  };
  return { config: Object.freeze(resolved), apiKey };
}

function optionalNonNegative(name: string, value: number | undefined): number | undefined {
  return value === undefined ? undefined : nonNegative(name, value);
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`ValentinaClient option ${name} must be a number ≥ 0 (got ${value})`);
  }
  return value;
}
