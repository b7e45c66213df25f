import { type Clock, systemClock } from '../clock.js';
import { AbortError, ClientClosedError, ConnectionError, TimeoutError } from '../errors.js';
import { requestCopies } from '../replay.js';
import { callSignal } from '../signal.js';
import type { Policy, RetryOptions } from '../types.js';
import { RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
import {
  type AttemptOutcome,
  decideRetry,
  requestOutcome,
  resolveRetrySettings,
  retryCost,
} from './retry-decision.js';

/** Reported before each backoff wait (the logging policy prints it). */
export interface RetryEvent {
  operationId: string;
  method: string;
  url: string;
  /** The attempt that just failed (1 for the first). */
  attempt: number;
  /** Milliseconds until the next attempt. */
  delay: number;
  /** Why: `status 503`, `connection lost`, … */
  reason: string;
}

/** Settings of the retry policy: the retry settings, the budget, the clock, the jitter source and a hook told of each retry. */
export interface RetryPolicyOptions {
  /** The client's settings (each call may override them through `CallOptions.retry`). */
  retry?: RetryOptions | false | undefined;
  /** The client's retry budget; `false` for none. @default a new {@link RetryBudget} */
  budget?: RetryBudget | RetryBudgetOptions | false | undefined;
  clock?: Clock | undefined;
  /** Source of jitter, [0, 1). @default Math.random */
  random?: (() => number) | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * Sends a request again after a retryable failure (see `decideRetry`): 408/429/5xx and connection failures,
 * only for requests that may be repeated, waiting the server's Retry-After or an exponential backoff, within
 * the call's deadline and the client's retry budget. A waiting backoff ends at once when the call is aborted.
 * The last response is returned as is, or the last error thrown.
 */
export function retryPolicy(options: RetryPolicyOptions = {}): Policy {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const budget =
    options.budget === false
      ? undefined
      : options.budget instanceof RetryBudget
        ? options.budget
        : new RetryBudget(options.budget);
  const clientSettings = resolveRetrySettings(options.retry, undefined);
  return (next) => async (request, context) => {
    const call = context.options.retry;
    const settings = call === undefined ? clientSettings : resolveRetrySettings(options.retry, call);
    if (settings === false || settings.maxRetries <= 0) return next(request, context);
    const copies = requestCopies(request, context);
    const hasIdempotencyKey = request.headers.has('idempotency-key');
    let spent = 0;
    /** Some attempt got a response, or failed after it may have been sent. */
    let reached = false;
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      const outgoing = copies();
      if (!outgoing) throw new Error('unreachable: a request was retried without a replayable body');
      let outcome: AttemptOutcome;
      let response: Response | undefined;
      // What this attempt leaves to run when the body is read (its timer): run at once if it is discarded.
      const cleanupMark = context.cleanup?.length ?? 0;
      try {
        response = await next(outgoing, context);
        outcome = response;
        reached = true;
      } catch (error) {
        outcome = { error };
      }
      const decision = decideRetry({
        attempt,
        settings,
        method: request.method,
        hasIdempotencyKey,
        replayable: context.replayable !== false,
        outcome,
        now: clock.now(),
        deadlineAt: context.deadlineAt,
        random: random(),
      });
      const cost = decision.retry && budget ? retryCost(decision.kind, budget.costs) : 0;
      if (!decision.retry || (budget && !budget.tryAcquire(cost))) {
        if (response) {
          if (response.status < 500 && response.status !== 429) budget?.onSuccess(spent);
          return response;
        }
        const { error } = outcome as { error: unknown };
        // This attempt never left, but an earlier one may have reached the server: the call's outcome is unknown.
        if (reached && !(error instanceof TimeoutError) && requestOutcome(error) === 'not-sent') {
          throw new ConnectionError(
            `${context.operationId}: attempt ${attempt} could not be sent, but an earlier attempt may have reached the server`,
            { cause: error, outcome: 'unknown' },
          );
        }
        throw error;
      }
      if ('error' in outcome && requestOutcome(outcome.error) === 'unknown') reached = true;
      spent += cost;
      response?.body?.cancel().catch(() => {});
      for (const release of context.cleanup?.splice(cleanupMark) ?? []) release();
      options.onRetry?.({
        operationId: context.operationId,
        method: request.method,
        url: request.url,
        attempt,
        delay: decision.delay,
        reason: decision.reason,
      });
      await wait(clock, decision.delay, callSignal(request, context), context.operationId);
    }
  };
}

async function wait(clock: Clock, ms: number, signal: AbortSignal | undefined, operationId: string) {
  try {
    await clock.sleep(ms, signal);
  } catch (error) {
    // The client closed during the wait (its clock ends waits with ClientClosedError): say so for this call.
    if (error instanceof ClientClosedError) throw new ClientClosedError(operationId, error.client);
    throw new AbortError(`${operationId} was aborted`, { cause: signal?.reason });
  }
}
