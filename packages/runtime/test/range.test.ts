import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../src/node/progress.js';
import {
  acceptsRanges,
  parseContentRange,
  rangeOutcome,
  rangeValidator,
  resumeHeaders,
} from '../src/node/range.js';

describe('range decisions', () => {
  it('parses Content-Range', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: undefined });
    expect(parseContentRange('items 0-9/10')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
  });

  it('uses a strong ETag, else Last-Modified, as the If-Range validator', () => {
    expect(rangeValidator(new Headers({ etag: '"abc"', 'last-modified': 'x' }))).toBe('"abc"');
    expect(
      rangeValidator(new Headers({ etag: 'W/"abc"', 'last-modified': 'Mon, 01 Jan 2026 00:00:00 GMT' })),
    ).toBe('Mon, 01 Jan 2026 00:00:00 GMT');
    expect(rangeValidator(new Headers())).toBeUndefined();
  });

  it('builds resume headers', () => {
    expect(resumeHeaders(0, '"e"')).toEqual({});
    expect(resumeHeaders(500, '"e"')).toEqual({ range: 'bytes=500-', 'if-range': '"e"' });
    expect(resumeHeaders(500, undefined)).toEqual({ range: 'bytes=500-' });
  });

  it('decides append, restart, done or fail', () => {
    const cr = (start: number) => ({ start, end: 999, total: 1000 });
    expect(rangeOutcome(200, 0, undefined, undefined)).toBe('append');
    expect(rangeOutcome(200, 500, undefined, 1000)).toBe('restart');
    expect(rangeOutcome(206, 500, cr(500), 1000)).toBe('append');
    expect(rangeOutcome(206, 500, cr(400), 1000)).toBe('restart');
    expect(rangeOutcome(416, 1000, undefined, 1000)).toBe('done');
    expect(rangeOutcome(416, 500, undefined, 1000)).toBe('restart');
    expect(rangeOutcome(500, 0, undefined, undefined)).toBe('fail');
  });

  it('knows when a server accepts ranges', () => {
    expect(acceptsRanges(new Headers({ 'accept-ranges': 'bytes' }))).toBe(true);
    expect(acceptsRanges(new Headers({ 'accept-ranges': 'none' }))).toBe(false);
    expect(acceptsRanges(new Headers({ 'content-range': 'bytes 1-2/3' }))).toBe(true);
    expect(acceptsRanges(new Headers())).toBe(false);
  });
});

describe('ProgressMeter', () => {
  it('throttles reports, measures the rate over the window, reports when forced', () => {
    const meter = new ProgressMeter({ interval: 100, window: 1000 });
    expect(meter.sample(0, 0, 1000)).toEqual({ received: 0, total: 1000, rate: 0 });
    expect(meter.sample(50, 100, 1000)).toBeUndefined();
    expect(meter.sample(500, 500, 1000)).toEqual({ received: 500, total: 1000, rate: 1000 });
    expect(meter.sample(1000, 600, 1000)).toEqual({ received: 600, total: 1000, rate: 600 });
    // The window keeps the reports of the last second: the rate is (900 - 600) / 1.5 s.
    expect(meter.sample(2500, 900, 1000)).toEqual({ received: 900, total: 1000, rate: 200 });
    expect(meter.sample(2510, 1000, 1000, true)).toMatchObject({ received: 1000, rate: 265 });
  });
});
