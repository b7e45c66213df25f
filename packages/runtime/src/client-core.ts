/**
 * The client core every SDK's client extends: options and environment, the base fetch of this platform,
 * the User-Agent, logging, the policy stack, the request engine, `close()` / `await using`, the default
 * client slot, and the hooks generated services use (`call`, `afterCall`, `contextValue`).
 */
import { createBaseTransport } from '#platform';
import { ApiClient, type OperationDescriptor, type RequestInput } from './api-client.js';
import { type Clock, systemClock } from './clock.js';
import { ClientClosedError, ConfigurationError } from './errors.js';
import type { BaseTransport, NodeOptions } from './platform/types.js';
import type { ServiceHost } from './service.js';
import { createSdkTransport, type TransportOptions } from './stack.js';
import type { CallOptions, Fetch } from './types.js';
import { userAgentHeaders } from './user-agent.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Operation id → descriptor (the generated `OPERATIONS`). */
export type OperationTable = Readonly<Record<string, OperationDescriptor>>;

/** What an SDK's client passes to {@link ClientCore}: its defaults merged with the user's options. */
export interface ClientCoreOptions extends TransportOptions {
  /** Product token of the User-Agent, e.g. `sdkforge-valentina`. */
  product: string;
  /** The SDK's version, e.g. `0.1.0`. */
  version: string;
  /** Server root, e.g. `https://api.valentina-noir.com` (trailing slashes are dropped). */
  baseUrl: string;
  /** The API's base path on that server, e.g. `/api/v1` (the generated `API_BASE_PATH`). */
  basePath?: string | undefined;
  /** Name of the client in messages (`this ValentinaClient is closed`). @default the class name */
  name?: string | undefined;
  /**
   * The operation table (generated `OPERATIONS`), so `call('login', …)` can name an operation by id; or a
   * function loading it (`() => import('./generated/operations.gen.js').then((m) => m.OPERATIONS)`), so a
   * browser bundle that never names an operation by id does not carry every descriptor and validator.
   */
  operations?: OperationTable | (() => Promise<OperationTable>) | undefined;
  /**
   * Replaces this platform's base fetch (tests, custom agents). The runtime's signature `(request, context)`;
   * wrap a WHATWG fetch with `fromFetch(fn)`. Node options are then not used.
   */
  fetch?: Fetch | undefined;
  /**
   * Connection settings (ca, verify, proxy, dispatcher, pool). Node honours all; Bun ca/verify/proxy; Deno
   * ca/proxy; a setting the runtime cannot honour is a ConfigurationError here. Unused when `fetch` is given.
   */
  node?: NodeOptions | undefined;
  /** Headers sent with every call; a `User-Agent` here replaces the SDK's. */
  headers?: Record<string, string> | undefined;
  /** Check input against the spec before sending. @default true */
  validateRequests?: boolean | undefined;
  /** Values generated services read through {@link ClientCore.contextValue} (e.g. `defaultCompanyId`). */
  context?: Readonly<Record<string, unknown>> | undefined;
  /** A default-client slot this client registers in (unless `setAsDefault` is false) and leaves on close. */
  registry?: ClientSlot | undefined;
  /** Register in `registry`. @default true when a registry is given */
  setAsDefault?: boolean | undefined;
}

/** The part of a {@link DefaultClientRegistry} the core uses. */
export interface ClientSlot {
  set(client: unknown): void;
  clear(client?: unknown): void;
}

/**
 * The base class of every SDK client. An SDK's `client.ts` extends it (through its generated surface) and
 * only configures it: defaults, auth, hooks, the flows a spec cannot describe.
 *
 * After `close()` (or the end of an `await using` block) every call — new, waiting to retry, or at the next
 * attempt of one in flight — rejects with {@link ClientClosedError} and nothing more is sent.
 */
export abstract class ClientCore implements ServiceHost, AsyncDisposable {
  /** Server root (no trailing slash). */
  readonly baseUrl: string;
  /** The API's base path (no trailing slash; '' when none). */
  readonly basePath: string;
  /** The policy stack over the base fetch: hand-written flows send extra requests (downloads) through it. */
  readonly transport: Fetch;
  /** The User-Agent sent: the SDK's, or the one in `headers` ('' in a browser, which sends its own). */
  readonly userAgent: string;
  /** The request engine under {@link call}. */
  protected readonly engine: ApiClient;
  readonly #name: string;
  readonly #base: BaseTransport | undefined;
  readonly #operations: OperationTable | (() => Promise<OperationTable>);
  readonly #context: Readonly<Record<string, unknown>>;
  readonly #registry: ClientSlot | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Aborted by close(): ends the waits of calls in flight (retry backoff, Retry-After). */
  readonly #closeController = new AbortController();

  protected constructor(options: ClientCoreOptions) {
    this.#name = options.name ?? new.target.name;
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
      throw new ConfigurationError(
        `${this.#name}: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}`,
      );
    }
    this.baseUrl = baseUrl;
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.#operations = options.operations ?? {};
    this.#context = options.context ?? {};
    this.#base = options.fetch
      ? undefined
      : createBaseTransport({ node: options.node, timeout: options.timeout, client: this.#name });
    const base = options.fetch ?? this.#base!.fetch;
    // Innermost: every attempt checks, so a retry or a session refresh after close() sends nothing.
    const guarded: Fetch = (request, context) =>
      this.#closed
        ? Promise.reject(new ClientClosedError(context.operationId, this.#name))
        : base(request, context);
    this.transport = createSdkTransport({
      fetch: guarded,
      auth: options.auth,
      policies: options.policies,
      retry: options.retry,
      retryBudget: options.retryBudget,
      autoIdempotencyKeys: options.autoIdempotencyKeys,
      timeout: options.timeout,
      deadline: options.deadline,
      logLevel: options.logLevel,
      logger: options.logger,
      logEnv: options.logEnv,
      clock: this.#closableClock(options.clock ?? systemClock),
      random: options.random,
    });
    const ua = userAgentHeaders(options.product, options.version);
    const own = Object.entries(options.headers ?? {}).find(([name]) => name.toLowerCase() === 'user-agent');
    this.userAgent = own?.[1] ?? ua['User-Agent'] ?? '';
    this.engine = new ApiClient({
      baseUrl: this.baseUrl,
      basePath: this.basePath,
      transport: this.transport,
      headers: { ...ua, ...options.headers },
      validateRequests: options.validateRequests,
      transportName: this.#base?.name ?? 'the custom fetch',
    });
    this.#registry = options.registry;
    if (this.#registry && (options.setAsDefault ?? true)) this.#registry.set(this);
  }

  /** The clock of every policy, whose waits end with ClientClosedError when the client closes. */
  #closableClock(clock: Clock): Clock {
    const closed = this.#closeController.signal;
    return {
      now: () => clock.now(),
      setTimer: (fn, ms) => clock.setTimer(fn, ms),
      sleep: (ms, signal) => clock.sleep(ms, signal ? AbortSignal.any([signal, closed]) : closed),
    };
  }

  /**
   * Calls one operation — its descriptor, or its operationId in `operations` — and resolves with the decoded
   * result (a `Response` for streamed operations). After close(): rejects with {@link ClientClosedError}.
   */
  call<T = unknown>(
    op: OperationDescriptor | string,
    input?: RequestInput,
    options?: CallOptions,
  ): Promise<T> {
    if (typeof op === 'string') {
      const table = this.#operations;
      if (typeof table === 'function')
        return table().then((ops) => this.#send<T>(ops[op], op, input, options));
      return this.#send<T>(table[op], op, input, options);
    }
    return this.#send<T>(op, op.id, input, options);
  }

  #send<T>(
    descriptor: OperationDescriptor | undefined,
    op: string,
    input: RequestInput | undefined,
    options: CallOptions | undefined,
  ): Promise<T> {
    if (!descriptor) {
      return Promise.reject(new ConfigurationError(`${this.#name}: no operation "${String(op)}"`));
    }
    if (this.#closed) return Promise.reject(new ClientClosedError(descriptor.id, this.#name));
    return this.engine.request<T>(descriptor, input, options);
  }

  /**
   * The hook named by an operation's `x-sdk-after`: the generated method passes its result here and returns
   * what this returns. A client overrides it for the hooks its spec names (and calls `super` for others).
   */
  afterCall(hook: string, _result: unknown): unknown {
    throw new ConfigurationError(`${this.#name} has no after-call hook "${hook}" (x-sdk-after)`);
  }

  /**
   * A client default a generated service falls back on (`x-sdk.context.*.clientDefault`, e.g.
   * `defaultCompanyId`): the `context` option's entry; a client may override it.
   */
  contextValue(name: string): unknown {
    return this.#context[name];
  }

  /** True once `close()` was called. */
  get isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Closes the client: later calls reject with {@link ClientClosedError}; so do calls in flight, at their next
   * attempt or at once when they are waiting to retry. The Node pool's sockets are released and the client
   * leaves the default slot.
   * Calling it again waits for the first close.
   */
  close(): Promise<void> {
    if (!this.#closing) {
      this.#closed = true;
      this.#closeController.abort(new ClientClosedError('request', this.#name));
      this.#registry?.clear(this);
      this.#closing = this.#base ? this.#base.close() : Promise.resolve();
    }
    return this.#closing;
  }

  /** `await using client = new …Client()` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  [inspectSymbol](): string {
    return `${this.#name} { baseUrl: '${this.baseUrl}'${this.#closed ? ', closed' : ''} }`;
  }
}
