import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/errors.js';
import {
  backoffDelay,
  classifyError,
  DEFAULT_RETRY,
  decideRetry,
  isIdempotentMethod,
  type RetryInput,
  resolveRetrySettings,
} from '../src/policies/retry-decision.js';
import { networkError } from '../src/testing/mock-fetch.js';

const now = Date.UTC(2026, 0, 1);

function input(overrides: Partial<RetryInput>): RetryInput {
  return {
    attempt: 1,
    settings: { ...DEFAULT_RETRY },
    method: 'GET',
    hasIdempotencyKey: false,
    replayable: true,
    outcome: { status: 503, headers: new Headers() },
    now,
    deadlineAt: undefined,
    random: 0,
    ...overrides,
  };
}

describe('resolveRetrySettings', () => {
  it('uses the defaults: 2 retries, 0.5 s base, 8 s cap, 408/429/500/502/503/504', () => {
    expect(resolveRetrySettings(undefined, undefined)).toEqual({
      maxRetries: 2,
      baseDelay: 500,
      maxDelay: 8000,
      retryRateLimit: true,
      maxRetryAfter: 60_000,
      statuses: [408, 429, 500, 502, 503, 504],
    });
  });

  it('layers call settings over client settings', () => {
    const s = resolveRetrySettings({ maxRetries: 5, baseDelay: 100 }, { baseDelay: 50 });
    expect(s).toMatchObject({ maxRetries: 5, baseDelay: 50, maxDelay: 8000 });
  });

  it("maps the Valentina seed's names: retryDelay → baseDelay, autoRetryRateLimit → retryRateLimit", () => {
    const s = resolveRetrySettings({ maxRetries: 3, retryDelay: 1000, autoRetryRateLimit: false }, undefined);
    expect(s).toMatchObject({ maxRetries: 3, baseDelay: 1000, retryRateLimit: false });
  });

  it('lets a call turn retries off, or back on with its own settings', () => {
    expect(resolveRetrySettings({ maxRetries: 3 }, false)).toBe(false);
    expect(resolveRetrySettings(false, { maxRetries: 1 })).toBe(false);
  });

  it('ignores undefined fields instead of erasing the defaults', () => {
    expect(resolveRetrySettings({ maxRetries: undefined }, undefined)).toMatchObject({ maxRetries: 2 });
  });
});

describe('isIdempotentMethod', () => {
  it('knows the RFC 9110 idempotent methods', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get'])
      expect(isIdempotentMethod(m)).toBe(true);
    for (const m of ['POST', 'PATCH']) expect(isIdempotentMethod(m)).toBe(false);
  });
});

describe('classifyError', () => {
  it('tells failures before sending from failures after', () => {
    expect(classifyError(networkError('ECONNREFUSED'))).toBe('unsent');
    expect(classifyError(networkError('ENOTFOUND'))).toBe('unsent');
    expect(classifyError(networkError('UND_ERR_CONNECT_TIMEOUT'))).toBe('unsent');
    expect(classifyError(networkError('ECONNRESET'))).toBe('network');
    expect(classifyError(networkError('UND_ERR_SOCKET'))).toBe('network');
    expect(classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('network');
    expect(classifyError(new TypeError('Failed to fetch'))).toBe('network');
    expect(classifyError(new Error('x', { cause: new TypeError('fetch failed') }))).toBe('other');
  });

  it('separates attempt timeouts, deadlines, aborts and bugs', () => {
    expect(classifyError(new TimeoutError('t'))).toBe('timeout');
    expect(classifyError(new TimeoutError('t', { scope: 'deadline' }))).toBe('deadline');
    expect(classifyError(new DOMException('aborted', 'AbortError'))).toBe('abort');
    expect(classifyError(new TypeError('x is not a function'))).toBe('other');
    expect(classifyError(new SyntaxError('Unexpected token'))).toBe('other');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const s = { baseDelay: 500, maxDelay: 8000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, s, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('takes off at most 25 % as jitter', () => {
    expect(backoffDelay(1, { baseDelay: 500, maxDelay: 8000 }, 0.999)).toBe(750);
    expect(backoffDelay(1, { baseDelay: 500, maxDelay: 8000 }, 0.5)).toBe(875);
  });
});

describe('decideRetry', () => {
  it('retries a 5xx of an idempotent request after the backoff', () => {
    expect(decideRetry(input({}))).toMatchObject({ retry: true, delay: 500 });
    expect(decideRetry(input({ attempt: 2 }))).toMatchObject({ retry: true, delay: 1000 });
  });

  it('stops after maxRetries', () => {
    expect(decideRetry(input({ attempt: 3 }))).toMatchObject({ retry: false, reason: 'retries exhausted' });
  });

  it('never repeats a POST without an Idempotency-Key once it may have reached the server', () => {
    expect(decideRetry(input({ method: 'POST' })).retry).toBe(false);
    expect(decideRetry(input({ method: 'POST', outcome: { error: networkError('ECONNRESET') } })).retry).toBe(
      false,
    );
    expect(decideRetry(input({ method: 'POST', outcome: { error: new TimeoutError('t') } })).retry).toBe(
      false,
    );
  });

  it('repeats a POST that carries an Idempotency-Key', () => {
    expect(decideRetry(input({ method: 'POST', hasIdempotencyKey: true })).retry).toBe(true);
  });

  it('repeats any request that never reached the server', () => {
    const outcome = { error: networkError('ECONNREFUSED') };
    expect(decideRetry(input({ method: 'POST', outcome }))).toMatchObject({ retry: true, kind: 'unsent' });
  });

  it('repeats a 429 of any method (the server did not act on it), unless rate-limit retries are off', () => {
    const outcome = { status: 429, headers: new Headers() };
    expect(decideRetry(input({ method: 'POST', outcome })).retry).toBe(true);
    const settings = { ...DEFAULT_RETRY, retryRateLimit: false };
    expect(decideRetry(input({ outcome, settings }))).toMatchObject({ retry: false });
    // …and only the 429 retries: a 503 still is retried.
    expect(decideRetry(input({ settings })).retry).toBe(true);
  });

  it('waits what Retry-After asks (seconds, date, retry-after-ms, RateLimit t)', () => {
    const wait = (headers: Record<string, string>) => {
      const d = decideRetry(input({ outcome: { status: 429, headers: new Headers(headers) } }));
      return d.retry ? d.delay : undefined;
    };
    expect(wait({ 'retry-after': '3' })).toBe(3000);
    expect(wait({ 'retry-after': new Date(now + 7000).toUTCString() })).toBe(7000);
    expect(wait({ 'retry-after-ms': '1234.5' })).toBe(1235);
    expect(wait({ ratelimit: '"default";r=0;t=4' })).toBe(4000);
    expect(wait({ 'retry-after': '0' })).toBe(500);
  });

  it('gives up when the server asks for more than maxRetryAfter', () => {
    const outcome = { status: 429, headers: new Headers({ 'retry-after': '120' }) };
    expect(decideRetry(input({ outcome }))).toMatchObject({ retry: false });
  });

  it('gives up when the wait would pass the deadline', () => {
    const outcome = { status: 503, headers: new Headers({ 'retry-after': '5' }) };
    expect(decideRetry(input({ outcome, deadlineAt: now + 4000 })).retry).toBe(false);
    expect(decideRetry(input({ outcome, deadlineAt: now + 6000 })).retry).toBe(true);
  });

  it('does not retry final statuses, aborts, deadlines or one-shot bodies', () => {
    expect(decideRetry(input({ outcome: { status: 400, headers: new Headers() } })).retry).toBe(false);
    expect(decideRetry(input({ outcome: { status: 501, headers: new Headers() } })).retry).toBe(false);
    expect(decideRetry(input({ outcome: { error: new DOMException('x', 'AbortError') } })).retry).toBe(false);
    const deadline = { error: new TimeoutError('t', { scope: 'deadline' }) };
    expect(decideRetry(input({ outcome: deadline })).retry).toBe(false);
    expect(decideRetry(input({ replayable: false })).retry).toBe(false);
  });

  it('retries 408 and custom statuses', () => {
    expect(decideRetry(input({ outcome: { status: 408, headers: new Headers() } })).retry).toBe(true);
    const settings = { ...DEFAULT_RETRY, statuses: [409] };
    expect(decideRetry(input({ settings, outcome: { status: 409, headers: new Headers() } })).retry).toBe(
      true,
    );
  });
});
