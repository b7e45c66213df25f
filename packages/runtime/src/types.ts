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
  /** Idempotency-Key to send (POST/PUT/PATCH); reused on every retry of this call. */
  idempotencyKey?: string | undefined;
  /** Retry overrides for this call only; `false` turns retries off. */
  retry?: Partial<RetrySettings> | false | undefined;
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
}

/** What a policy knows about the call beyond the Request itself. */
export interface CallContext {
  /** The operation being called (operationId), for logs and errors. */
  readonly operationId: string;
  /** True when the operation is one the spec marks as not needing credentials. */
  readonly anonymous: boolean;
  /** The per-call options as the caller gave them. */
  readonly options: CallOptions;
  /** 1 for the first attempt, 2 for the first retry, … (set by the retry policy). */
  attempt: number;
}

/** One HTTP exchange. Resolves with any status; rejects only on transport failure or abort. */
export type Fetch = (request: Request, context: CallContext) => Promise<Response>;

/** A behaviour layered around a Fetch. */
export type Policy = (next: Fetch) => Fetch;

/** A multipart/form-data body: each binary part may be given as a Blob (or File). */
export type MultipartBody<T> = { [K in keyof T]: T[K] extends string ? T[K] | Blob : T[K] };

/** A raw request body. */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | string;
