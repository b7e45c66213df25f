/**
 * A per-client retry budget (a token bucket refilled by successes, after the AWS SDK's retry quota).
 * Each retry takes tokens; a call that succeeds at once puts one back, a call that succeeds after retrying
 * puts back what its retries took. During an outage the bucket empties and the client stops multiplying
 * load: calls fail after their first attempt until successes refill it.
 */
export interface RetryBudgetOptions {
  /** Tokens in a full bucket. @default 500 */
  capacity?: number;
  /** Tokens one retry takes. @default 5 */
  retryCost?: number;
  /** Tokens a retry after a timeout or a lost connection takes. @default 10 */
  timeoutCost?: number;
  /** Tokens a first-attempt success puts back. @default 1 */
  successReward?: number;
}

/** The retry budget of one client (see {@link RetryBudgetOptions}): retries spend tokens, successes put them back. */
export class RetryBudget {
  readonly capacity: number;
  readonly costs: { retry: number; timeout: number };
  readonly #reward: number;
  #tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.capacity = options.capacity ?? 500;
    this.costs = { retry: options.retryCost ?? 5, timeout: options.timeoutCost ?? 10 };
    this.#reward = options.successReward ?? 1;
    this.#tokens = this.capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#tokens;
  }

  /** Takes `cost` tokens for one retry; false (and nothing taken) when the bucket holds fewer. */
  tryAcquire(cost: number): boolean {
    if (cost > this.#tokens) return false;
    this.#tokens -= cost;
    return true;
  }

  /** A call succeeded; `spent` is what its retries took (0 when the first attempt succeeded). */
  onSuccess(spent: number): void {
    this.#tokens = Math.min(this.capacity, this.#tokens + (spent > 0 ? spent : this.#reward));
  }
}
