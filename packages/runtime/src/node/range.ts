/** Resume decisions for downloads (HTTP range requests, RFC 9110 §14). Pure. */

/** `Content-Range: bytes 100-199/1000` → { start: 100, end: 199, total: 1000 } (`total` undefined for `*`). */
export function parseContentRange(
  value: string | null,
): { start: number; end: number; total: number | undefined } | undefined {
  const m = value?.match(/^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i);
  if (!m) return undefined;
  return { start: Number(m[1]), end: Number(m[2]), total: m[3] === '*' ? undefined : Number(m[3]) };
}

/** The validator to send in If-Range: a strong ETag, else Last-Modified (weak ETags are not allowed there). */
export function rangeValidator(headers: Headers): string | undefined {
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) return etag;
  return headers.get('last-modified') ?? undefined;
}

/** The request headers that continue a download from `offset`. */
export function resumeHeaders(offset: number, validator: string | undefined): Record<string, string> {
  if (offset <= 0) return {};
  return validator ? { range: `bytes=${offset}-`, 'if-range': validator } : { range: `bytes=${offset}-` };
}

/**
 * What a response to a (possibly ranged) request means for the bytes already on disk:
 * - `append`: a 206 starting exactly where the file ends;
 * - `restart`: a full 200 (the server ignored the range, or If-Range saw the file changed), or a 206 that
 *   does not fit: the file starts over;
 * - `done`: a 416 for a range starting at the known end: nothing is missing.
 * - `fail`: anything else.
 */
export function rangeOutcome(
  status: number,
  offset: number,
  contentRange: ReturnType<typeof parseContentRange>,
  knownTotal: number | undefined,
): 'append' | 'restart' | 'done' | 'fail' {
  if (status === 200) return offset > 0 ? 'restart' : 'append';
  if (status === 206) return contentRange && contentRange.start === offset ? 'append' : 'restart';
  if (status === 416) return knownTotal !== undefined && offset === knownTotal ? 'done' : 'restart';
  return 'fail';
}

/** Whether a server lets a broken download continue where it stopped. */
export function acceptsRanges(headers: Headers): boolean {
  return /\bbytes\b/i.test(headers.get('accept-ranges') ?? '') || headers.has('content-range');
}
