import { describe, expect, it } from 'vitest';
import { RateLimitError, retryAfterSeconds } from '../src/errors.js';
import { parseHttpDate, retryAfterMs } from '../src/retry-after.js';

const now = Date.UTC(2026, 0, 1);
const h = (init: Record<string, string>) => new Headers(init);

describe('retryAfterMs', () => {
  it('reads Retry-After as seconds or as an HTTP-date', () => {
    expect(retryAfterMs(h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(h({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMs(h({ 'retry-after': new Date(now + 30_000).toUTCString() }), now)).toBe(30_000);
    expect(retryAfterMs(h({ 'retry-after': new Date(now - 30_000).toUTCString() }), now)).toBe(0);
  });

  it('reads the three HTTP-date forms and nothing else', () => {
    const at = (value: string) => retryAfterMs(h({ 'retry-after': value }), now);
    // 2026-01-01T00:00:10Z in IMF-fixdate, RFC 850 and asctime.
    expect(at('Thu, 01 Jan 2026 00:00:10 GMT')).toBe(10_000);
    expect(at('Thursday, 01-Jan-26 00:00:10 GMT')).toBe(10_000);
    expect(at('Thu Jan  1 00:00:10 2026')).toBe(10_000);
    // Before the fix Date.parse accepted every one of these and the client slept on a guess.
    for (const value of [
      '2026-01-01T00:00:10Z',
      '2026-01-01',
      'Thu, 01 Jan 2026 00:00:10 +0100',
      'Thu, 01 Jan 2026 00:00:10 PST',
      'Thu, 1 Jan 2026 00:00:10 GMT',
      'thu, 01 jan 2026 00:00:10 gmt',
      'Thu, 01 Jan 2026 00:00:10',
      'January 1, 2026',
      '1/1/2026',
      'Thu, 31 Feb 2026 00:00:10 GMT',
      'Thu, 01 Jan 2026 25:00:10 GMT',
      'Thu, 01 Jan 2026 00:00:10 GMT trailing',
      '12 seconds',
    ]) {
      expect(at(value), value).toBeUndefined();
    }
  });

  it('places a two-digit RFC 850 year no more than 50 years ahead', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Monday, 06-Nov-28 08:49:37 GMT', now)).toBe(Date.UTC(2028, 10, 6, 8, 49, 37));
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
