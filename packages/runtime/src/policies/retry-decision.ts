/**
 * The retry policy's decisions, as pure functions: which failures are worth another attempt, whether this
 * request may be sent again, and how long to wait. No I/O, no clock: everything comes in as arguments.
 */
import { retryAfterMs } from '../retry-after.js';
import type { RetryOptions, RetrySettings } from '../types.js';

/** The retry settings used when a client sets none: 2 retries, backoff from 500 ms up to 8 s, on statuses 408, 429, 500, 502, 503 and 504. */
export const DEFAULT_RETRY: Readonly<RetrySettings> = Object.freeze({
  maxRetries: 2,
  baseDelay: 500,
  maxDelay: 8_000,
  retryRateLimit: true,
  maxRetryAfter: 60_000,
  statuses: Object.freeze([408, 429, 500, 502, 503, 504]),
});

/** Client settings over the defaults, then the call's over both; `false` at either level turns retries off. */
export function resolveRetrySettings(
  client: RetryOptions | false | undefined,
  call: RetryOptions | false | undefined,
): RetrySettings | false {
  if (client === false || call === false) return false;
  return { ...DEFAULT_RETRY, ...normalize(client), ...normalize(call) };
}

function normalize(options: RetryOptions | undefined): Partial<RetrySettings> {
  if (!options) return {};
  const { retryDelay, autoRetryRateLimit, ...rest } = options;
  const out: Partial<RetrySettings> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  if (retryDelay !== undefined && out.baseDelay === undefined) out.baseDelay = retryDelay;
  if (autoRetryRateLimit !== undefined && out.retryRateLimit === undefined) {
    out.retryRateLimit = autoRetryRateLimit;
  }
  return out;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** RFC 9110 idempotent methods. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/**
 * How a thrown error relates to the server:
 * - `unsent`: the request certainly did not reach it (refused, DNS, connect timeout): safe to send again;
 * - `network`: the connection failed after the request may have reached it (reset, hang-up, socket error);
 * - `timeout`: an attempt's time ran out (the server may be working on it);
 * - `deadline`: the call's overall time ran out;
 * - `abort`: the caller aborted;
 * - `other`: not a transport failure (a bug, a parse error…).
 */
export type ErrorKind = 'unsent' | 'network' | 'timeout' | 'deadline' | 'abort' | 'other';

const UNSENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CONNECT',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
/** TLS handshake failures: the connection was never usable, so no byte of the request was sent. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
]);

/**
 * Whether a failed request (no response) reached the server. `not-sent` only when the failure is one that
 * happens before any byte of the request is written (refused, DNS, connect timeout, TLS handshake) or an
 * sdkforge error already says so; everything else, including platforms that do not tell (a browser's
 * `TypeError: Failed to fetch`), is `unknown`.
 */
export function requestOutcome(error: unknown): 'not-sent' | 'unknown' {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; outcome?: unknown; cause?: unknown };
    if ((e.name === 'ConnectionError' || e.name === 'TimeoutError') && typeof e.outcome === 'string') {
      return e.outcome === 'not-sent' ? 'not-sent' : 'unknown';
    }
    if (typeof e.code === 'string') {
      if (UNSENT_CODES.has(e.code) || TLS_CODES.has(e.code)) return 'not-sent';
      if (e.code.startsWith('ERR_TLS_') || e.code.startsWith('ERR_SSL_')) return 'not-sent';
    }
    current = e.cause;
  }
  return 'unknown';
}

const NETWORK_MESSAGES =
  /fetch failed|failed to fetch|load failed|networkerror|network error|socket hang up|other side closed|terminated|premature close/i;

/** What kind of failure an error is (never sent, connection lost, timed out, aborted, deadline passed, other): the retry decision depends on it. */
export function classifyError(error: unknown): ErrorKind {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as {
      name?: unknown;
      code?: unknown;
      scope?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (e.name === 'AbortError') return 'abort';
    if (e.name === 'TimeoutError') return e.scope === 'deadline' ? 'deadline' : 'timeout';
    if (typeof e.code === 'string') {
      if (UNSENT_CODES.has(e.code)) return 'unsent';
      if (NETWORK_CODES.has(e.code)) return 'network';
    }
    current = e.cause;
  }
  const e = error as { name?: unknown; message?: unknown } | null;
  if (e?.name === 'ConnectionError')
    return (e as { outcome?: unknown }).outcome === 'not-sent' ? 'unsent' : 'network';
  if (e?.name === 'TypeError' && typeof e.message === 'string' && NETWORK_MESSAGES.test(e.message))
    return 'network';
  return 'other';
}

/** The exponential backoff before retry number `retry` (0 for the first): min(base·2ⁿ, max) minus ≤25 % jitter. */
export function backoffDelay(
  retry: number,
  settings: Pick<RetrySettings, 'baseDelay' | 'maxDelay'>,
  random: number,
) {
  const exponential = Math.min(settings.baseDelay * 2 ** retry, settings.maxDelay);
  return Math.max(0, Math.round(exponential * (1 - random * 0.25)));
}

/** What happened on the attempt just made. */
export type AttemptOutcome = { status: number; headers: Headers } | { error: unknown };

/** Everything {@link decideRetry} looks at: the attempt, the settings, the request and what happened to it. */
export interface RetryInput {
  /** Attempts made so far (1 after the first). */
  attempt: number;
  settings: RetrySettings;
  method: string;
  /** The request carries an Idempotency-Key: the server deduplicates it. */
  hasIdempotencyKey: boolean;
  /** The body can be sent again (false for one-shot streams). */
  replayable: boolean;
  outcome: AttemptOutcome;
  now: number;
  /** When the call must be over, if it has a deadline. */
  deadlineAt: number | undefined;
  /** A number in [0, 1) for the jitter. */
  random: number;
}

/** The outcome of {@link decideRetry}: retry after `delay` milliseconds, or stop, with the reason either way. */
export type RetryDecision =
  | { retry: true; delay: number; reason: string; kind: ErrorKind | 'status' }
  | { retry: false; reason: string };

/** Whether to send the request again, and after how long. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { settings, outcome } = input;
  if (input.attempt > settings.maxRetries) return { retry: false, reason: 'retries exhausted' };
  if (!input.replayable) return { retry: false, reason: 'the body is a one-shot stream' };
  const safe = isIdempotentMethod(input.method) || input.hasIdempotencyKey;
  let hint: number | undefined;
  let kind: ErrorKind | 'status' = 'status';
  let reason: string;
  if ('status' in outcome) {
    const { status } = outcome;
    if (!settings.statuses.includes(status)) return { retry: false, reason: `status ${status} is final` };
    if (status === 429) {
      if (!settings.retryRateLimit) return { retry: false, reason: 'rate-limit retries are off' };
      // A 429 is a refusal: the server did not act on the request, so any method may be sent again.
    } else if (!safe) {
      return { retry: false, reason: `${input.method} without an Idempotency-Key may have taken effect` };
    }
    hint = retryAfterMs(outcome.headers, input.now);
    if (hint !== undefined && hint > settings.maxRetryAfter) {
      return { retry: false, reason: `the server asked to wait ${hint} ms, over maxRetryAfter` };
    }
    reason = `status ${status}`;
  } else {
    kind = classifyError(outcome.error);
    if (kind === 'abort' || kind === 'deadline' || kind === 'other') return { retry: false, reason: kind };
    if (kind !== 'unsent' && !safe) {
      return {
        retry: false,
        reason: `${input.method} without an Idempotency-Key may have reached the server`,
      };
    }
    reason =
      kind === 'unsent' ? 'connection failed' : kind === 'timeout' ? 'attempt timed out' : 'connection lost';
  }
  const backoff = backoffDelay(input.attempt - 1, settings, input.random);
  const delay = hint !== undefined && hint > 0 ? Math.ceil(hint) : backoff;
  if (input.deadlineAt !== undefined && input.now + delay >= input.deadlineAt) {
    return { retry: false, reason: `waiting ${delay} ms would pass the deadline` };
  }
  return { retry: true, delay, reason, kind };
}

/** Retry-budget cost of a retry: failures that tie up connections (timeouts, resets) cost double. */
export function retryCost(kind: ErrorKind | 'status', costs: { retry: number; timeout: number }): number {
  return kind === 'timeout' || kind === 'network' ? costs.timeout : costs.retry;
}
