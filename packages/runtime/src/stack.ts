import { type Clock, systemClock } from './clock.js';
import { Log, type Logger, type LogLevel } from './log.js';
import { idempotencyPolicy } from './policies/idempotency.js';
import { loggingPolicy, logRetries } from './policies/logging.js';
import { retryPolicy } from './policies/retry.js';
import type { RetryBudget, RetryBudgetOptions } from './policies/retry-budget.js';
import { DEFAULT_TIMEOUT, deadlinePolicy, timeoutPolicy } from './policies/timeout.js';
import { createTransport, platformFetch } from './transport.js';
import type { Fetch, Policy, RetryOptions } from './types.js';

/** What every SDK client configures about its transport. */
export interface TransportOptions {
  /** The base fetch (a test double, the Node transport, …). @default the platform's fetch */
  fetch?: Fetch | undefined;
  /** Credentials policy (api key, bearer, `sessionAuth(…).policy`). */
  auth?: Policy | undefined;
  /** Extra policies, placed outermost (they see the call before any other policy, and its final outcome). */
  policies?: readonly Policy[] | undefined;
  /** Retry settings of the client (calls may override them); `false` turns retries off. @default 2 retries */
  retry?: RetryOptions | false | undefined;
  /** The client's retry budget; `false` for none. @default 500 tokens, 5 per retry */
  retryBudget?: RetryBudget | RetryBudgetOptions | false | undefined;
  /** Give every POST/PUT/PATCH an Idempotency-Key (once per call, reused by its retries). @default false */
  autoIdempotencyKeys?: boolean | undefined;
  /** Milliseconds for one attempt. @default 60 000 */
  timeout?: number | undefined;
  /** Milliseconds for a whole call, retries and waits included. @default none */
  deadline?: number | undefined;
  /** @default `process.env[logEnv]`, else 'off' */
  logLevel?: LogLevel | undefined;
  /** @default console */
  logger?: Logger | undefined;
  /** Environment variable read for the log level. @default 'SDKFORGE_LOG' */
  logEnv?: string | undefined;
  /** Time source for every policy (tests pass `fakeClock()`). */
  clock?: Clock | undefined;
  /** Jitter source, [0, 1). @default Math.random */
  random?: (() => number) | undefined;
}

/**
 * The one place that fixes the order of policies, outermost first:
 *
 *   user policies → idempotency key → deadline → retry → auth → attempt timeout → logging → base fetch
 *
 * - the idempotency key is made once per call, outside the retries, so every attempt carries the same key;
 * - the deadline is fixed before the first attempt and bounds every attempt and wait after it;
 * - retry sees each attempt's outcome after auth has had its say (a 401 is renewed and replayed once, inside);
 * - auth runs per attempt, so a retry after someone else's refresh sends the new token;
 * - the timeout arms each network exchange (a replay after refresh gets its own);
 * - logging is innermost: one line per exchange, with its attempt number and the headers actually sent.
 */
export function createSdkTransport(options: TransportOptions = {}): Fetch {
  const clock = options.clock ?? systemClock;
  const log = new Log({ level: options.logLevel, logger: options.logger, env: options.logEnv });
  const policies: Policy[] = [...(options.policies ?? [])];
  if (options.autoIdempotencyKeys) policies.push(idempotencyPolicy());
  policies.push(deadlinePolicy({ deadline: options.deadline, clock }));
  policies.push(
    retryPolicy({
      retry: options.retry,
      budget: options.retryBudget,
      clock,
      random: options.random,
      onRetry: logRetries(log),
    }),
  );
  if (options.auth) policies.push(options.auth);
  policies.push(timeoutPolicy({ timeout: options.timeout ?? DEFAULT_TIMEOUT, clock }));
  policies.push(loggingPolicy(log, clock));
  return createTransport(options.fetch ?? platformFetch, policies);
}
