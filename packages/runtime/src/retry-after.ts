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
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const MONTH = `(${MONTHS.join('|')})`;
/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^(${DAYS.join('|')}), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete) */
const RFC_850 = new RegExp(`^(${LONG_DAYS.join('|')}), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
/** `Sun Nov  6 08:49:37 1994` (obsolete, C's asctime) */
const ASCTIME = new RegExp(`^(${DAYS.join('|')}) ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * An HTTP-date (RFC 9110 §5.6.7) in milliseconds since the epoch: IMF-fixdate, or one of the two obsolete
 * forms a recipient must still accept (RFC 850, asctime). Anything else — ISO 8601, other zones, a date
 * that does not exist — is `undefined` (unlike `Date.parse`, which guesses at whatever it is given).
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(Number(m[4]), m[3] as string, Number(m[2]), m.slice(5, 8));
  m = RFC_850.exec(value);
  if (m) {
    // Two-digit years: the one that is not more than 50 years in the future (RFC 9110 §5.6.7).
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[4]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[3] as string, Number(m[2]), m.slice(5, 8));
  }
  m = ASCTIME.exec(value);
  if (m) return utc(Number(m[7]), m[2] as string, Number((m[3] as string).trim()), m.slice(4, 7));
  return undefined;
}

function utc(year: number, month: string, day: number, time: (string | undefined)[]): number | undefined {
  const [h, min, s] = time.map(Number) as [number, number, number];
  const mon = MONTHS.indexOf(month);
  if (h > 23 || min > 59 || s > 60) return undefined;
  const ms = Date.UTC(year, mon, day, h, min, Math.min(s, 59));
  const date = new Date(ms);
  // 31 Feb and the like roll over into another month: not a date.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== mon) return undefined;
  return ms;
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
