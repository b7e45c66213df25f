/**
 * The Valentina client: configuration of the runtime's client core. The services, their accessors
 * (`client.companies`, `client.campaigns(userId)`…) and the factories (`companiesService()`…) are
 * generated from the spec (src/generated/client.gen.ts); this file gives them their defaults, the
 * `X-API-KEY` auth, the environment variables and the after-call hook that rotates the key.
 */
import {
  apiKeyAuth,
  type Clock,
  type Fetch,
  type Logger,
  type LogLevel,
  type NodeOptions,
  type Policy,
} from '@sdkforge/runtime';
import { type APIConfig, type ResolvedConfig, resolveConfig } from './config.js';
import { API_BASE_PATH } from './generated/base-path.gen.js';
import { defaultClientSlot, type ValentinaScope, ValentinaSurface } from './generated/client.gen.js';
import type { DeveloperNewKey } from './generated/models.gen.js';
import { VERSION } from './version.js';

export interface ValentinaClientOptions extends APIConfig {
  /** Settings as one object (the Python client's `APIConfig`); options given directly win over it. */
  config?: APIConfig | undefined;
  /** Register this client as the default of the service factories (`companiesService()`…). @default true */
  setAsDefault?: boolean | undefined;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean | undefined;
  /**
   * Replace the base fetch (tests, custom agents); the runtime's signature `(request, context)`.
   * @default on Node the runtime's undici transport (a keep-alive pool that `close()` releases), elsewhere `fetch`
   */
  fetch?: Fetch | undefined;
  /** Node transport settings: `proxy`, `ca`, `verify`, `dispatcher`, pool sizes (Node only). */
  node?: NodeOptions | undefined;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[] | undefined;
  /** `'debug'` logs one line per request (secrets redacted). @default env SDKFORGE_LOG, else off */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /** Time source of retries and timeouts (tests pass `fakeClock()` from `@sdkforge/runtime/testing`). */
  clock?: Clock | undefined;
  /** Source of the backoff jitter, in [0, 1). @default Math.random */
  random?: (() => number) | undefined;
}

/** Which company a company-scoped service works in. */
export type CompanyScope = ValentinaScope;

/**
 * A client for the Valentina Noir API. The seed's services hang off it (`client.companies`,
 * `client.campaigns(userId)`…); `client.call(operationId, input)` is the one low-level escape hatch.
 */
export class ValentinaClient extends ValentinaSurface {
  /** The settings in force (every default applied; the API key is not in it). */
  readonly config: ResolvedConfig;
  readonly #key: { value: string };

  constructor(options: ValentinaClientOptions = {}) {
    const { config, apiKey } = resolveConfig(options, options.config);
    const key = { value: apiKey };
    super({
      product: 'sdkforge-valentina',
      version: VERSION,
      name: 'ValentinaClient',
      baseUrl: config.baseUrl,
      basePath: API_BASE_PATH,
      // Loaded when `call('<operationId>', …)` first needs it: the services load their own group's plans.
      operations: () => import('./operation-table.js').then((m) => m.OPERATIONS),
      auth: apiKeyAuth({ key: () => key.value, header: 'X-API-KEY' }),
      fetch: options.fetch,
      node: options.node,
      policies: options.policies,
      retry: {
        maxRetries: config.maxRetries,
        retryDelay: config.retryDelay,
        maxDelay: config.maxRetryDelay,
        maxRetryAfter: config.maxRetryAfter,
        autoRetryRateLimit: config.autoRetryRateLimit,
        statuses: config.retryStatuses,
      },
      autoIdempotencyKeys: config.autoIdempotencyKeys,
      timeout: config.timeout,
      deadline: config.deadline,
      headers: config.headers,
      validateRequests: options.validateRequests,
      logLevel: options.logLevel,
      logger: options.logger,
      clock: options.clock,
      random: options.random,
      context: { defaultCompanyId: config.defaultCompanyId },
      registry: defaultClientSlot,
      setAsDefault: options.setAsDefault,
    });
    this.config = config;
    this.#key = key;
  }

  /** The company of company-scoped services made without a `companyId`. */
  get defaultCompanyId(): string | undefined {
    return this.config.defaultCompanyId;
  }

  /** Switches to another API key (the developer service does it after regenerating the key). */
  useApiKey(apiKey: string): void {
    this.#key.value = apiKey;
  }

  /** `x-sdk-after: useApiKey` (regenerateApiKey): later calls of this client use the new key. */
  override afterCall(hook: string, result: unknown): unknown {
    if (hook !== 'useApiKey') return super.afterCall(hook, result);
    this.useApiKey((result as DeveloperNewKey).api_key);
    return result;
  }
}

/** Makes `client` the default client of the service factories. */
export function configureDefaultClient(client: ValentinaClient): void {
  defaultClientSlot.set(client);
}

/** The default client. Throws `NoDefaultClientError` when none is registered. */
export function defaultClient(): ValentinaClient {
  return defaultClientSlot.get() as ValentinaClient;
}

/** Unregisters the default client; with an argument, only if it is that client. */
export function clearDefaultClient(client?: ValentinaClient): void {
  defaultClientSlot.clear(client);
}
