import { describe, expect, it } from 'vitest';
import { RateLimitError, retryAfterSeconds } from '../src/errors.js';
import { retryAfterMs } from '../src/retry-after.js';

const now = Date.UTC(2026, 0, 1);
const h = (init: Record<string, string>) => new Headers(init);

describe('retryAfterMs', () => {
  it('reads Retry-After as seconds or as an HTTP-date', () => {
    expect(retryAfterMs(h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(h({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMs(h({ 'retry-after': new Date(now + 30_000).toUTCString() }), now)).toBe(30_000);
    expect(retryAfterMs(h({ 'retry-after': new Date(now - 30_000).toUTCString() }), now)).toBe(0);
  });

  it('prefers retry-after-ms over Retry-After', () => {
    expect(retryAfterMs(h({ 'retry-after-ms': '250', 'retry-after': '2' }), now)).toBe(250);
  });

  it("reads Valentina's RateLimit header, the largest t over several policies", () => {
    expect(retryAfterMs(h({ ratelimit: '"default";r=0;t=12' }), now)).toBe(12_000);
    expect(retryAfterMs(h({ ratelimit: '"burst";r=0;t=3, "hourly";r=0;t=40' }), now)).toBe(40_000);
    expect(retryAfterMs(h({ ratelimit: '"default";r=47;t=0' }), now)).toBe(0);
  });

  it('honours the longer of Retry-After and RateLimit', () => {
    expect(retryAfterMs(h({ 'retry-after': '60', ratelimit: '"default";r=0;t=10' }), now)).toBe(60_000);
  });

  it('reads RateLimit-Reset seconds', () => {
    expect(retryAfterMs(h({ 'ratelimit-reset': '9' }), now)).toBe(9000);
  });

  it('ignores garbage', () => {
    expect(retryAfterMs(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(h({ 'retry-after-ms': 'x' }), now)).toBeUndefined();
    expect(retryAfterMs(h({ ratelimit: 'nonsense' }), now)).toBeUndefined();
    expect(retryAfterMs(h({}), now)).toBeUndefined();
  });

  it('backs retryAfterSeconds and RateLimitError.retryAfter', () => {
    expect(retryAfterSeconds(h({ 'retry-after': '7' }), now)).toBe(7);
    const e = new RateLimitError({ status: 429, headers: h({ ratelimit: '"default";r=0;t=30' }), body: {} });
    expect(e.retryAfter).toBe(30);
    const avatar = new RateLimitError({ status: 429, headers: h({}), body: { retry_after: 12 } });
    expect(avatar.retryAfter).toBe(12);
  });
});
