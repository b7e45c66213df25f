/**
 * The transport contract. A {@link Fetch} sends one HTTP request; a {@link Policy} wraps a Fetch to add
 * one behaviour (auth, retry, logging…). The SDK's transport is a stack of policies around a base fetch.
 */

/** Per-call settings a user may pass to any operation. */
export interface CallOptions {
  /** Abort this call (including any retry waits). */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call only. */
  headers?: Record<string, string> | undefined;
  /** Milliseconds allowed for each attempt (overrides the client's default). */
  timeout?: number | undefined;
  /** Milliseconds allowed for the whole call: every attempt and every backoff wait (overrides the client's). */
  deadline?: number | undefined;
  /** Idempotency-Key to send (POST/PUT/PATCH); reused on every retry of this call. */
  idempotencyKey?: string | undefined;
  /** Retry overrides for this call only; `false` turns retries off. */
  retry?: RetryOptions | false | undefined;
}

/** How retries behave; every field is overridable per client and per call. */
export interface RetrySettings {
  /** Retries after the first attempt (so `maxRetries: 2` means at most 3 attempts). */
  maxRetries: number;
  /** Base delay in milliseconds of the exponential backoff. */
  baseDelay: number;
  /** Upper bound in milliseconds of one backoff wait. */
  maxDelay: number;
  /** Retry 429 responses (after the wait the server asks for). */
  retryRateLimit: boolean;
  /** The longest server-requested wait (Retry-After…) the SDK accepts, in ms; a longer one ends the call. */
  maxRetryAfter: number;
  /** Response statuses worth another attempt. */
  statuses: readonly number[];
}

/**
 * Retry settings as users write them: any subset of {@link RetrySettings}, plus the Valentina seed's names
 * (`retryDelay` = `baseDelay` in ms, `autoRetryRateLimit` = `retryRateLimit`; `maxRetries` is shared).
 */
export interface RetryOptions extends Partial<RetrySettings> {
  /** The seed's name for {@link RetrySettings.baseDelay}, in milliseconds (the seed's `retry_delay=1.0` s is 1000). */
  retryDelay?: number | undefined;
  /** The seed's name for {@link RetrySettings.retryRateLimit}: `false` stops only the 429 retries. */
  autoRetryRateLimit?: boolean | undefined;
}

/** A replayable request body: what the request engine serialised before building the Request. */
export type BodySource = string | Uint8Array | ArrayBuffer | Blob | FormData | URLSearchParams;

/** What a policy knows about the call beyond the Request itself. */
export interface CallContext {
  /** The operation being called (operationId), for logs and errors. */
  readonly operationId: string;
  /** True when the operation is one the spec marks as not needing credentials. */
  readonly anonymous: boolean;
  /** The per-call options as the caller gave them. */
  readonly options: CallOptions;
  /**
   * The request engine built the Request and kept the caller's signal out of it (the signal is in
   * `options.signal`), so policies need not watch the Request's own signal.
   */
  readonly engine?: boolean | undefined;
  /** 1 for the first attempt, 2 for the first retry, … (set by the retry policy). */
  attempt: number;
  /** When the whole call must be over (ms on the transport's clock); set by the deadline policy. */
  deadlineAt?: number | undefined;
  /**
   * The signal of the attempt in flight: the caller's signal, the deadline and the attempt timeout in one.
   * Set by the timeout policy; a base fetch passes it to the network.
   */
  signal?: AbortSignal | undefined;
  /** The caller reads the response body as a stream (downloads): time limits stop once the headers are in. */
  stream?: boolean | undefined;
  /**
   * The request body as serialised before the Request was built, so a retry or a replay can rebuild the
   * request without copying the body of every call. Absent: policies clone the Request instead.
   */
  body?: BodySource | undefined;
  /** False when the body is a one-shot stream: such a request is never sent twice. */
  replayable?: boolean | undefined;
  /**
   * Present when the caller reads the body itself and then runs every function in it (the request engine
   * does, after decoding). Policies put here what must last until the body is read (the attempt timer).
   */
  cleanup?: (() => void)[] | undefined;
  /**
   * The credentials this call carries (auth policies add the key or token they send; the request engine
   * adds credential-named input): an error built from the server's answer has them removed.
   */
  secrets?: string[] | undefined;
}

/** One HTTP exchange. Resolves with any status; rejects only on transport failure or abort. */
export type Fetch = (request: Request, context: CallContext) => Promise<Response>;

/** A behaviour layered around a Fetch. */
export type Policy = (next: Fetch) => Fetch;

/** A multipart/form-data body: each binary part may be given as a Blob (or File). */
export type MultipartBody<T> = { [K in keyof T]: T[K] extends string ? T[K] | Blob : T[K] };

/** A raw request body. */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | string;
