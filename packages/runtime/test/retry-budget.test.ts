import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../src/policies/retry-budget.js';

describe('RetryBudget', () => {
  it('lets retries take tokens until it is empty', () => {
    const budget = new RetryBudget({ capacity: 12, retryCost: 5 });
    expect(budget.tryAcquire(5)).toBe(true);
    expect(budget.tryAcquire(5)).toBe(true);
    expect(budget.tryAcquire(5)).toBe(false);
    expect(budget.available).toBe(2);
  });

  it('refills one token per first-attempt success, and refunds what a retried success spent', () => {
    const budget = new RetryBudget({ capacity: 20 });
    budget.tryAcquire(10);
    budget.onSuccess(0);
    expect(budget.available).toBe(11);
    budget.onSuccess(5);
    expect(budget.available).toBe(16);
    budget.onSuccess(50);
    expect(budget.available).toBe(20);
  });
});
