import {
  ApiClient,
  apiKeyAuth,
  type CallContext,
  type Clock,
  createSdkTransport,
  type Fetch,
  type Logger,
  type LogLevel,
  type Policy,
  userAgent,
} from '@sdkforge/runtime';
import type { NodeTransport } from '@sdkforge/runtime/node';
import { type APIConfig, type ResolvedConfig, resolveConfig } from './config.js';
import { ClientClosedError, MissingCompanyIdError } from './errors.js';
import { API_BASE_PATH, createResources, type Resources } from './generated/resources.gen.js';
import { clearDefaultClient, configureDefaultClient } from './registry.js';
import type { ServiceHost } from './services/base.js';
import { BooksService } from './services/books.js';
import { CampaignsService } from './services/campaigns.js';
import { ChaptersService } from './services/chapters.js';
import { CharacterAutogenService } from './services/character-autogen.js';
import { CharacterBlueprintService } from './services/character-blueprint.js';
import { CharacterTraitsService } from './services/character-traits.js';
import { CharactersService } from './services/characters.js';
import { CompaniesService } from './services/companies.js';
import { DeveloperService } from './services/developer.js';
import { DiceRollsService } from './services/dice-rolls.js';
import { DictionaryService } from './services/dictionary.js';
import { GlobalAdminService } from './services/global-admin.js';
import { IdentityService } from './services/identity.js';
import { OptionsService } from './services/options.js';
import { SystemService } from './services/system.js';
import { UserLookupService } from './services/user-lookup.js';
import { UsersService } from './services/users.js';
import { VERSION } from './version.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export interface ValentinaClientOptions extends APIConfig {
  /** Settings as one object (the Python client's `APIConfig`); options given directly win over it. */
  config?: APIConfig | undefined;
  /** Register this client as the default of the service factories (`companiesService()`…). @default true */
  setAsDefault?: boolean | undefined;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean | undefined;
  /**
   * Replace the base fetch (tests, proxies, `nodeTransport({ ca, proxy })` of `@sdkforge/runtime/node`).
   * @default on Node the runtime's undici transport (a keep-alive pool that `close()` releases), elsewhere `fetch`
   */
  fetch?: Fetch | undefined;
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
export interface CompanyScope {
  /** @default the client's `defaultCompanyId` */
  companyId?: string | undefined;
}

/**
 * A client for the Valentina Noir API.
 *
 * The seed's services hang off it (`client.companies`, `client.campaigns(userId)`…) and
 * `client.api.<resource>.<operation>()` calls any operation directly.
 */
export class ValentinaClient implements ServiceHost, AsyncDisposable {
  /** Every operation of the API, grouped by resource (one method per operationId). */
  readonly api: Resources;
  /** The settings in force (every default applied; the API key is not in it). */
  readonly config: ResolvedConfig;
  #apiKey: string;
  #closed = false;
  #node?: Promise<NodeTransport> | undefined;
  #companies?: CompaniesService;
  #developer?: DeveloperService;
  #globalAdmin?: GlobalAdminService;
  #system?: SystemService;
  #userLookup?: UserLookupService;

  constructor(options: ValentinaClientOptions = {}) {
    const { config, apiKey } = resolveConfig(options, options.config);
    this.config = config;
    this.#apiKey = apiKey;
    const guard: Policy = (next) => (request: Request, context: CallContext) =>
      this.#closed ? Promise.reject(new ClientClosedError(context.operationId)) : next(request, context);
    const transport = createSdkTransport({
      fetch: options.fetch ?? this.#nodeFetch(config.timeout),
      auth: apiKeyAuth({ key: () => this.#apiKey, header: 'X-API-KEY' }),
      policies: [guard, ...(options.policies ?? [])],
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
      logLevel: options.logLevel,
      logger: options.logger,
      clock: options.clock,
      random: options.random,
    });
    const engine = new ApiClient({
      baseUrl: config.baseUrl,
      basePath: API_BASE_PATH,
      transport,
      headers: { 'User-Agent': userAgent('sdkforge-valentina', VERSION), ...config.headers },
      validateRequests: options.validateRequests,
    });
    this.api = createResources(engine);
    if (options.setAsDefault ?? true) configureDefaultClient(this);
  }

  get baseUrl(): string {
    return this.config.baseUrl;
  }

  get defaultCompanyId(): string | undefined {
    return this.config.defaultCompanyId;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Switches to another API key (the developer service does it after regenerating the key). */
  useApiKey(apiKey: string): void {
    this.#apiKey = apiKey;
  }

  // ── services without a company ──

  get companies(): CompaniesService {
    this.#companies ??= new CompaniesService(this);
    return this.#companies;
  }

  get developer(): DeveloperService {
    this.#developer ??= new DeveloperService(this);
    return this.#developer;
  }

  get globalAdmin(): GlobalAdminService {
    this.#globalAdmin ??= new GlobalAdminService(this);
    return this.#globalAdmin;
  }

  get system(): SystemService {
    this.#system ??= new SystemService(this);
    return this.#system;
  }

  get userLookup(): UserLookupService {
    this.#userLookup ??= new UserLookupService(this);
    return this.#userLookup;
  }

  // ── company-scoped services ──

  /** Users of a company; give a `userId` to act on behalf of (needed to create, change or approve users). */
  users(scope?: CompanyScope): UsersService;
  users(userId: string, scope?: CompanyScope): UsersService;
  users(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): UsersService {
    const [userId, s] = split(userIdOrScope, scope);
    return new UsersService(this, { companyId: this.companyIdFor('usersService', s.companyId), userId });
  }

  /** Verified identity (Apple, Google, Discord, GitHub tokens → the company's user). */
  identity(scope: CompanyScope = {}): IdentityService {
    return new IdentityService(this, { companyId: this.companyIdFor('identityService', scope.companyId) });
  }

  campaigns(userId: string, scope: CompanyScope = {}): CampaignsService {
    return new CampaignsService(this, {
      companyId: this.companyIdFor('campaignsService', scope.companyId),
      userId,
    });
  }

  books(userId: string, campaignId: string, scope: CompanyScope = {}): BooksService {
    const companyId = this.companyIdFor('booksService', scope.companyId);
    return new BooksService(this, { companyId, userId, campaignId });
  }

  chapters(userId: string, campaignId: string, bookId: string, scope: CompanyScope = {}): ChaptersService {
    const companyId = this.companyIdFor('chaptersService', scope.companyId);
    return new ChaptersService(this, { companyId, userId, campaignId, bookId });
  }

  /** Characters; with a `campaignId`, lists default to that campaign and new characters go into it. */
  characters(userId: string, scope?: CompanyScope): CharactersService;
  characters(userId: string, campaignId: string | undefined, scope?: CompanyScope): CharactersService;
  characters(
    userId: string,
    campaignIdOrScope?: string | CompanyScope,
    scope?: CompanyScope,
  ): CharactersService {
    const [campaignId, s] = split(campaignIdOrScope, scope);
    const companyId = this.companyIdFor('charactersService', s.companyId);
    return new CharactersService(this, { companyId, userId, campaignId });
  }

  characterTraits(
    userId: string,
    campaignId: string | undefined,
    characterId: string,
    scope: CompanyScope = {},
  ): CharacterTraitsService {
    const companyId = this.companyIdFor('characterTraitsService', scope.companyId);
    return new CharacterTraitsService(this, { companyId, userId, campaignId, characterId });
  }

  characterAutogen(userId: string, scope?: CompanyScope): CharacterAutogenService;
  characterAutogen(
    userId: string,
    campaignId: string | undefined,
    scope?: CompanyScope,
  ): CharacterAutogenService;
  characterAutogen(
    userId: string,
    campaignIdOrScope?: string | CompanyScope,
    scope?: CompanyScope,
  ): CharacterAutogenService {
    const [campaignId, s] = split(campaignIdOrScope, scope);
    const companyId = this.companyIdFor('characterAutogenService', s.companyId);
    return new CharacterAutogenService(this, { companyId, userId, campaignId });
  }

  characterBlueprint(scope?: CompanyScope): CharacterBlueprintService;
  characterBlueprint(userId: string, scope?: CompanyScope): CharacterBlueprintService;
  characterBlueprint(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): CharacterBlueprintService {
    const [userId, s] = split(userIdOrScope, scope);
    const companyId = this.companyIdFor('characterBlueprintService', s.companyId);
    return new CharacterBlueprintService(this, { companyId, userId });
  }

  diceRolls(userId: string, scope: CompanyScope = {}): DiceRollsService {
    return new DiceRollsService(this, {
      companyId: this.companyIdFor('diceRollsService', scope.companyId),
      userId,
    });
  }

  dictionary(scope?: CompanyScope): DictionaryService;
  dictionary(userId: string, scope?: CompanyScope): DictionaryService;
  dictionary(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): DictionaryService {
    const [userId, s] = split(userIdOrScope, scope);
    return new DictionaryService(this, {
      companyId: this.companyIdFor('dictionaryService', s.companyId),
      userId,
    });
  }

  options(scope?: CompanyScope): OptionsService;
  options(userId: string, scope?: CompanyScope): OptionsService;
  options(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): OptionsService {
    const [userId, s] = split(userIdOrScope, scope);
    return new OptionsService(this, { companyId: this.companyIdFor('optionsService', s.companyId), userId });
  }

  /** `companyId`, else the client's default; throws {@link MissingCompanyIdError} when there is neither. */
  companyIdFor(service: string, companyId?: string): string {
    const id = companyId || this.config.defaultCompanyId;
    if (!id) throw new MissingCompanyIdError(service);
    return id;
  }

  /**
   * Stops the client: its keep-alive connections are released, later calls fail with
   * `ClientClosedError`, and it is no longer the default client.
   */
  async close(): Promise<void> {
    this.#closed = true;
    clearDefaultClient(this);
    const node = this.#node;
    this.#node = undefined;
    if (node) await (await node).close();
  }

  /**
   * On Node, the runtime's undici transport, loaded on the first call (so other runtimes never import
   * it); elsewhere `undefined`, which means the platform's fetch.
   */
  #nodeFetch(timeout: number): Fetch | undefined {
    if (
      typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !==
      'string'
    ) {
      return undefined;
    }
    return async (request, context) => {
      this.#node ??= import('@sdkforge/runtime/node').then((m) => m.nodeTransport({ timeout }));
      return (await this.#node)(request, context);
    };
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  [inspectSymbol](): string {
    return `ValentinaClient { baseUrl: '${this.baseUrl}', apiKey: [REDACTED]${this.#closed ? ', closed' : ''} }`;
  }
}

function split<T extends string>(
  first: T | CompanyScope | undefined,
  scope: CompanyScope | undefined,
): [T | undefined, CompanyScope] {
  return typeof first === 'object' ? [undefined, first] : [first, scope ?? {}];
}
