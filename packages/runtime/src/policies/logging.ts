import { type Clock, systemClock } from '../clock.js';
import type { Log } from '../log.js';
import { redactHeaders, redactUrl, redactValue } from '../redact.js';
import type { CallContext, Policy } from '../types.js';
import type { RetryEvent } from './retry.js';

/** Where the request goes, for a log line: path and query, credentials in the query redacted. */
function target(url: string): string {
  const safe = redactUrl(url);
  const start = safe.indexOf('/', safe.indexOf('//') + 2);
  return start < 0 ? '/' : safe.slice(start);
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}

/** The request's JSON body with credential fields redacted (debug level only; read from the engine's copy). */
function loggableBody(context: CallContext): unknown {
  if (typeof context.body !== 'string') return undefined;
  try {
    return redactValue(JSON.parse(context.body));
  } catch {
    return `[${context.body.length} characters]`;
  }
}

/**
 * One line per HTTP exchange: method, path, status, attempt, duration and request id (info for success,
 * warn for 4xx, error for 5xx and transport failures); at debug also the request and response headers and
 * the JSON request body. Headers, query parameters and body fields that carry credentials are redacted.
 * With the level `off` the policy is not in the stack at all.
 */
export function loggingPolicy(log: Log, clock: Clock = systemClock): Policy {
  if (log.level === 'off') return (next) => next;
  return (next) => async (request, context) => {
    const started = clock.now();
    const line = `${request.method} ${target(request.url)}`;
    const fields: Record<string, unknown> = {
      operationId: context.operationId,
      method: request.method,
      path: target(request.url),
      attempt: context.attempt,
    };
    if (log.enabled('debug')) {
      fields.requestHeaders = redactHeaders(request.headers);
      const body = loggableBody(context);
      if (body !== undefined) fields.requestBody = body;
    }
    try {
      const response = await next(request, context);
      const durationMs = clock.now() - started;
      const requestId = requestIdOf(response.headers);
      Object.assign(fields, { status: response.status, durationMs, requestId });
      if (log.enabled('debug')) fields.responseHeaders = redactHeaders(response.headers);
      const level = response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info';
      const id = requestId ? ` request_id=${requestId}` : '';
      log.write(level, `${line} ${response.status} attempt=${context.attempt} ${durationMs}ms${id}`, fields);
      return response;
    } catch (error) {
      const durationMs = clock.now() - started;
      const message = (error as Error)?.message ?? String(error);
      Object.assign(fields, { durationMs, error: (error as Error)?.name ?? 'Error' });
      log.write('error', `${line} failed: ${message} attempt=${context.attempt} ${durationMs}ms`, fields);
      throw error;
    }
  };
}

/** The retry policy's `onRetry`, writing a warn line per backoff. */
export function logRetries(log: Log): ((event: RetryEvent) => void) | undefined {
  if (!log.enabled('warn')) return undefined;
  return (event) =>
    log.write(
      'warn',
      `${event.method} ${target(event.url)} retry in ${event.delay}ms after ${event.reason} (attempt ${event.attempt})`,
      { ...event, url: target(event.url) },
    );
}
