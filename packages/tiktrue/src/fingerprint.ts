import { RequestValidationError } from '@sdkforge/runtime';

/** What the server accepts as a hardware fingerprint: a SHA-256 hexdigest (64 hex characters). */
export const HARDWARE_FINGERPRINT = /^[0-9a-fA-F]{64}$/;

/**
 * Checks the fingerprint of a login before it is sent. `login` stores whatever it gets and `validateLicense`
 * later rejects anything but 64 hex characters, so a guide-style value such as `hw_abc123` would bind the
 * account to a fingerprint no validation can match.
 */
export function assertFingerprint(value: string | undefined): void {
  if (value === undefined || HARDWARE_FINGERPRINT.test(value)) return;
  const message = `must be a SHA-256 hexdigest (64 hex characters), got ${value.length} characters`;
  throw new RequestValidationError('login', [{ path: 'body.hardware_fingerprint', message }]);
}

/**
 * A hardware fingerprint in the format the server checks: the SHA-256 hexdigest of the machine's
 * identifiers (board serial, CPU id, MAC…), joined with `|`. Uses Web Crypto, so it runs anywhere.
 *
 * @example
 * const fingerprint = await hardwareFingerprint(['board:PF2K3M1X', 'cpu:BFEBFBFF000906EA']);
 */
export async function hardwareFingerprint(identifiers: readonly string[]): Promise<string> {
  if (!identifiers.length) throw new TypeError('hardwareFingerprint needs at least one identifier');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identifiers.join('|')));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
