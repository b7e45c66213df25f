/**
 * When a JWT expires, read from its `exp` claim without verifying it (the server does that). Pure.
 * @returns milliseconds since the epoch, or `undefined` when the token is not a JWT or has no `exp`.
 */
export function jwtExpiresAt(token: string | undefined): number | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const claims = JSON.parse(atob(padded)) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a token expiring at `expiresAt` should be renewed now: `'expired'` (renew before sending),
 * `'soon'` (within `window` ms: renew, but the current token may still be used), or `'fresh'`. Pure.
 * A token with no known expiry is `'fresh'` (a 401 will tell).
 */
export function tokenFreshness(
  expiresAt: number | undefined,
  now: number,
  window: number,
): 'fresh' | 'soon' | 'expired' {
  if (expiresAt === undefined) return 'fresh';
  if (expiresAt <= now) return 'expired';
  return expiresAt - now <= window ? 'soon' : 'fresh';
}
