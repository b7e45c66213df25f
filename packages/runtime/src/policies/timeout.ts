import { type Clock, systemClock } from '../clock.js';
import { AbortError, TimeoutError } from '../errors.js';
import { callSignal, raceAbort } from '../signal.js';
import type { Policy } from '../types.js';
import { isIdempotentMethod } from './retry-decision.js';

/** Milliseconds one attempt may take when nothing else is set (60 s). */
export const DEFAULT_TIMEOUT = 60_000;

/**
 * How long the next attempt may take: its own timeout, cut short by the call's deadline. Pure.
 * `ms` may be ≤ 0 (the deadline has passed) or Infinity (no limit).
 */
export function attemptWindow(
  now: number,
  timeout: number | undefined,
  deadlineAt: number | undefined,
): { ms: number; scope: 'attempt' | 'deadline' } {
  const own = timeout !== undefined && timeout > 0 ? timeout : Number.POSITIVE_INFINITY;
  const left = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - now;
  return left < own ? { ms: left, scope: 'deadline' } : { ms: own, scope: 'attempt' };
}

/** Settings of the deadline policy: the time a whole call may take, retries and waits included. */
export interface DeadlinePolicyOptions {
  /** Milliseconds for a whole call, every attempt and wait included (calls may set their own). */
  deadline?: number | undefined;
  clock?: Clock | undefined;
}

/**
 * Fixes when the call must be over (`context.deadlineAt`), which the retry policy respects when it decides
 * to wait and the timeout policy when it arms each attempt. A call whose signal is already aborted ends here.
 */
export function deadlinePolicy(options: DeadlinePolicyOptions = {}): Policy {
  const clock = options.clock ?? systemClock;
  return (next) => (request, context) => {
    const signal = callSignal(request, context);
    if (signal?.aborted) {
      return Promise.reject(new AbortError(`${context.operationId} was aborted`, { cause: signal.reason }));
    }
    const deadline = context.options.deadline ?? options.deadline;
    if (deadline !== undefined && deadline > 0) {
      const at = clock.now() + deadline;
      if (context.deadlineAt === undefined || at < context.deadlineAt) context.deadlineAt = at;
    }
    return next(request, context);
  };
}

/** Settings of the timeout policy: the time one attempt may take. */
export interface TimeoutPolicyOptions {
  /** Milliseconds for one attempt (calls may set their own). @default 60 000 */
  timeout?: number | undefined;
  clock?: Clock | undefined;
}

/**
 * Gives each attempt one signal (`context.signal`) that aborts when the caller aborts (→ `AbortError`), when
 * the attempt's timeout or the call's deadline passes (→ `TimeoutError`). The attempt ends at once even if
 * the base fetch ignores the signal. When the caller reads the body itself (`context.cleanup`), the timer
 * keeps running until the body has been read, so a slow body times out too; for streamed bodies it stops
 * with the headers (the transport's idle body timeout then applies) while an abort still ends the stream.
 */
export function timeoutPolicy(options: TimeoutPolicyOptions = {}): Policy {
  const clock = options.clock ?? systemClock;
  return (next) => async (request, context) => {
    const user = callSignal(request, context);
    const { ms, scope } = attemptWindow(
      clock.now(),
      context.options.timeout ?? options.timeout,
      context.deadlineAt,
    );
    if (user?.aborted) throw new AbortError(`${context.operationId} was aborted`, { cause: user.reason });
    if (ms <= 0) {
      // Not sent by this attempt; an earlier attempt of the call may have been.
      throw new TimeoutError(`${context.operationId} ran out of time (deadline passed)`, {
        scope: 'deadline',
        outcome: context.attempt > 1 ? 'unknown' : 'not-sent',
      });
    }
    const controller = new AbortController();
    const onAbort = () =>
      controller.abort(new AbortError(`${context.operationId} was aborted`, { cause: user?.reason }));
    user?.addEventListener('abort', onAbort, { once: true });
    const cancelTimer = Number.isFinite(ms)
      ? clock.setTimer(() => {
          const what = scope === 'deadline' ? 'reached its deadline' : `timed out after ${ms} ms`;
          const unsafe = !isIdempotentMethod(request.method) && !request.headers.has('idempotency-key');
          const note = unsafe
            ? ': the server may have executed it; send an idempotencyKey to retry safely'
            : '';
          controller.abort(new TimeoutError(`${context.operationId} ${what}${note}`, { scope }));
        }, ms)
      : noop;
    const release = () => {
      cancelTimer();
      user?.removeEventListener('abort', onAbort);
    };
    context.signal = controller.signal;
    try {
      const response = await raceAbort(next(request, context), controller.signal);
      // A streamed body outlives this call: its timer stops now, the caller's abort still reaches it.
      if (context.stream) cancelTimer();
      else if (context.cleanup) context.cleanup.push(release);
      else release();
      return response;
    } catch (error) {
      release();
      throw controller.signal.aborted ? controller.signal.reason : error;
    }
  };
}

function noop(): void {}
