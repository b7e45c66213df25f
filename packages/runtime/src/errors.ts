import { redactHeaders, redactMessages, redactValue, scrubSecrets, secretForms } from './redact.js';
import { retryAfterMs } from './retry-after.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const brand = Symbol.for('@sdkforge/runtime/error');

/** Base class of every error the SDKs throw. */
export class SdkError extends Error {
  override name = 'SdkError';
  readonly [brand] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** True for any sdkforge error, even one thrown by another copy of the runtime. */
  static is(value: unknown): value is SdkError {
    return typeof value === 'object' && value !== null && (value as { [brand]?: boolean })[brand] === true;
  }
}

/** One problem found in the input before anything was sent. */
export interface ValidationIssue {
  /** Where the problem is: `body.name`, `query.limit`, `path.company_id`, `headers.On-Behalf-Of`. */
  path: string;
  message: string;
}

/** The call's input does not match the API's schema; nothing was sent. */
export class RequestValidationError extends SdkError {
  override name = 'RequestValidationError';
  constructor(
    readonly operationId: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`Invalid input for ${operationId}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Whether a request that failed without a response reached the server:
 * - `not-sent`: certainly not (connection refused, DNS, TLS handshake, connect timeout, deadline passed before
 *   sending): nothing happened on the server;
 * - `unknown`: it may have (the connection failed after sending began, an attempt timed out, or the platform
 *   cannot tell): the server may have executed it.
 */
export type RequestOutcome = 'not-sent' | 'unknown';

/** The request could not be sent or its response could not be read (DNS, refused, reset…). */
export class ConnectionError extends SdkError {
  override name = 'ConnectionError';
  /** `not-sent`: the request never left (nothing happened); `unknown`: the server may have executed it. */
  readonly outcome: RequestOutcome;
  constructor(message: string, options?: { cause?: unknown; outcome?: RequestOutcome | undefined }) {
    super(message, options);
    this.outcome = options?.outcome ?? 'unknown';
  }
}

/** An attempt or the call's overall deadline ran out. */
export class TimeoutError extends SdkError {
  override name = 'TimeoutError';
  /** Which limit ran out: one attempt's `timeout`, or the call's `deadline` (no retry follows). */
  readonly scope: 'attempt' | 'deadline';
  /** `not-sent` only when the deadline had passed before the request was sent; else the server may have executed it. */
  readonly outcome: RequestOutcome;
  constructor(
    message: string,
    options?: { cause?: unknown; scope?: 'attempt' | 'deadline'; outcome?: RequestOutcome | undefined },
  ) {
    super(message, options);
    this.scope = options?.scope ?? 'attempt';
    this.outcome = options?.outcome ?? 'unknown';
  }
}

/** The caller aborted the call through its AbortSignal. */
export class AbortError extends SdkError {
  override name = 'AbortError';
}

/** The server answered, but the body could not be decoded as the operation expects (malformed JSON…). */
export class ResponseParseError extends SdkError {
  override name = 'ResponseParseError';
}

/** A response body was larger than the transport's `maxResponseBytes`; it was not read any further. */
export class ResponseTooLargeError extends SdkError {
  override name = 'ResponseTooLargeError';
}

/** Downloaded bytes do not match the expected SHA-256 (or size); the file was not kept. */
export class IntegrityError extends SdkError {
  override name = 'IntegrityError';
}

/** The client or one of its options is set up wrongly (a missing key, an option this runtime cannot honour); nothing was sent. */
export class ConfigurationError extends SdkError {
  override name = 'ConfigurationError';
}

/** The client was closed (`close()` or `await using`); this call was not sent. Create a new client. */
export class ClientClosedError extends SdkError {
  override name = 'ClientClosedError';
  /** The operation that was refused. */
  readonly operationId: string;
  /** The client's name, e.g. `ValentinaClient`. */
  readonly client: string;
  constructor(operationId: string, client = 'client') {
    super(`${operationId}: this ${client} is closed`);
    this.operationId = operationId;
    this.client = client;
  }
}

/**
 * The transport itself failed, before any response: its module could not be loaded on this runtime, or it
 * broke while sending (not a network error). The message names the transport.
 */
export class TransportError extends SdkError {
  override name = 'TransportError';
  /** Which transport failed, e.g. `the Node transport (undici)`. */
  readonly transport: string;
  constructor(transport: string, message: string, options?: { cause?: unknown }) {
    super(`${transport} ${message}`, options);
    this.transport = transport;
  }
}

/** What an {@link APIError} is made from: the response's status, headers and parsed body, and the request it answered. */
export interface APIErrorInit {
  status: number;
  headers: Headers;
  body: unknown;
  method?: string;
  url?: string;
  operationId?: string;
  /**
   * Credentials the request carried (its key, token, password…): removed from the body and the message,
   * so a server that echoes them back does not put them into the error.
   */
  secrets?: readonly string[] | undefined;
}

/** The server answered with a non-success status. */
export class APIError extends SdkError {
  override name = 'APIError';
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The parsed error body (JSON when the server sent JSON, else text). */
  readonly body: unknown;
  /** The server's request id (`X-Request-Id`, or `request_id` in the body). */
  readonly requestId: string | undefined;
  readonly operationId: string | undefined;

  constructor(init: APIErrorInit, message?: string) {
    const forms = init.secrets?.length ? secretForms(init.secrets) : [];
    const body = scrubSecrets(init.body, forms);
    const requestId = requestIdOf(init.headers, body);
    super(scrubSecrets(message ?? describe({ ...init, body }, requestId), forms) as string);
    this.status = init.status;
    this.headers = init.headers;
    this.body = body;
    this.requestId = requestId;
    this.operationId = init.operationId;
  }

  /** The status-specific subclass for this response. */
  static from(init: APIErrorInit): APIError {
    const s = init.status;
    if (s === 400 || s === 422) return new ValidationError(init);
    if (s === 401) return new AuthenticationError(init);
    if (s === 403) return new AuthorizationError(init);
    if (s === 404) return new NotFoundError(init);
    if (s === 409) return new ConflictError(init);
    if (s === 429) return new RateLimitError(init);
    if (s >= 500) return new ServerError(init);
    return new APIError(init);
  }

  [inspectSymbol](): object {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      operationId: this.operationId,
      headers: redactHeaders(this.headers),
      body: redactValue(this.body),
    };
  }

  toJSON(): object {
    return this[inspectSymbol]();
  }
}

/** 400 or 422: the server rejected the input. */
export class ValidationError extends APIError {
  override name = 'ValidationError';
}
/** 401: credentials missing, wrong or expired. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403: authenticated but not allowed. */
export class AuthorizationError extends APIError {
  override name = 'AuthorizationError';
}
/** 404 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 409: conflicting state, or an Idempotency-Key reused with a different body. */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/** 429: rate limited. `retryAfter` is the wait in seconds the server asked for, when it said. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  readonly retryAfter: number | undefined;
  constructor(init: APIErrorInit, message?: string) {
    super(init, message);
    this.retryAfter = retryAfterSeconds(init.headers) ?? bodyRetryAfter(init.body);
  }
}
/** 5xx */
export class ServerError extends APIError {
  override name = 'ServerError';
}

/** Seconds the server asked to wait: `retry-after-ms`, `Retry-After` (seconds or HTTP-date), or `RateLimit` `t=`. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const ms = retryAfterMs(headers, now);
  return ms === undefined ? undefined : ms / 1000;
}

/** Avatar's 429 body: `{"retry_after": <seconds>}`. */
function bodyRetryAfter(body: unknown): number | undefined {
  const value = (body as { retry_after?: unknown } | null)?.retry_after;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function requestIdOf(headers: Headers, body: unknown): string | undefined {
  const fromHeader = headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
  if (fromHeader) return fromHeader;
  if (body && typeof body === 'object' && typeof (body as { request_id?: unknown }).request_id === 'string') {
    return (body as { request_id: string }).request_id;
  }
  return undefined;
}

/** The server's own words, whichever of the common error shapes it used. */
export function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  const detail = b.detail;
  if (typeof detail === 'string') parts.push(detail);
  else if (Array.isArray(detail)) {
    // FastAPI 422: [{loc, msg, type}]
    for (const d of detail) {
      if (d && typeof d === 'object' && 'msg' in d) {
        const loc = Array.isArray((d as { loc?: unknown }).loc)
          ? (d as { loc: unknown[] }).loc.join('.')
          : '';
        parts.push(loc ? `${loc}: ${(d as { msg: string }).msg}` : String((d as { msg: string }).msg));
      }
    }
  } else if (
    detail &&
    typeof detail === 'object' &&
    typeof (detail as { message?: unknown }).message === 'string'
  ) {
    parts.push((detail as { message: string }).message);
  }
  for (const key of ['message', 'error', 'reason', 'title'] as const) {
    if (!parts.length && typeof b[key] === 'string') parts.push(b[key] as string);
  }
  if (Array.isArray(b.invalid_parameters)) {
    for (const p of b.invalid_parameters as { field?: string; message?: string }[]) {
      parts.push(`${p.field ?? '?'}: ${p.message ?? 'invalid'}`);
    }
  }
  if (!parts.length) {
    // DRF field maps: {"email": ["This field is required."], "non_field_errors": [...]}
    for (const [k, v] of Object.entries(b)) {
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
        parts.push(k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`);
      }
    }
  }
  return parts.length ? parts.join('; ') : undefined;
}

function describe(init: APIErrorInit, requestId: string | undefined): string {
  const what =
    init.operationId ?? (init.method && init.url ? `${init.method} ${pathOf(init.url)}` : 'request');
  const msg = serverMessage(redactMessages(init.body));
  return `${what} failed with ${init.status}${msg ? `: ${msg}` : ''}${requestId ? ` (request ${requestId})` : ''}`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
