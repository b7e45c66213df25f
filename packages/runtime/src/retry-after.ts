/**
 * What a response says about when to try again, in milliseconds. Pure; used by the retry policy and by
 * `RateLimitError.retryAfter`.
 *
 * Read, in this order: `retry-after-ms` (float ms), `Retry-After` (seconds or an HTTP-date), and the IETF
 * draft `RateLimit` header (`"default";r=0;t=N`, several policies: the largest `t`) or `RateLimit-Reset`
 * (seconds). When the server gives both a Retry-After and a RateLimit wait, the longer one is honoured.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const direct = explicitRetryAfter(headers, now);
  const limit = rateLimitWait(headers);
  if (direct === undefined) return limit;
  if (limit === undefined) return direct;
  return Math.max(direct, limit);
}

function explicitRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function rateLimitWait(headers: Headers): number | undefined {
  const header = headers.get('ratelimit');
  if (header) {
    let max: number | undefined;
    for (const m of header.matchAll(/(?:^|[;,])\s*t\s*=\s*(\d+(?:\.\d+)?)/g)) {
      max = Math.max(max ?? 0, Number(m[1]));
    }
    if (max !== undefined) return max * 1000;
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Number(reset) * 1000;
  return undefined;
}
